package codicefiscale

import (
	"strings"
	"time"
)

// Info holds the data encoded in a codice fiscale.
type Info struct {
	Surname  string // 3-letter surname code
	Name     string // 3-letter given-name code
	YY       int    // last two digits of the birth year, 0–99
	Month    int    // birth month, 1–12
	Day      int    // day of birth, 1–31 (the +40 for women is removed)
	Sex      byte   // 'M' or 'F'
	Place    string // Belfiore code of the place of birth, omocodia removed
	Omocodia int    // number of digits replaced by omocodia letters, 0–7
}

// Decode validates cf and returns the data it encodes.
func Decode(cf string) (Info, error) {
	if err := Validate(cf); err != nil {
		return Info{}, err
	}
	day := digitValue(cf[9])*10 + digitValue(cf[10])
	info := Info{
		Surname:  cf[0:3],
		Name:     cf[3:6],
		YY:       digitValue(cf[6])*10 + digitValue(cf[7]),
		Month:    strings.IndexByte(monthLetters, cf[8]) + 1,
		Day:      day,
		Sex:      'M',
		Place:    place(cf),
		Omocodia: omocodiaLevel(cf),
	}
	if day > 40 {
		info.Day, info.Sex = day-40, 'F'
	}
	return info, nil
}

// BirthYear infers the four-digit birth year: 2000+YY unless that is after
// ref's year, in which case 1900+YY.
func (i Info) BirthYear(ref time.Time) int {
	if y := 2000 + i.YY; y <= ref.Year() {
		return y
	}
	return 1900 + i.YY
}

// place returns the Belfiore code of a well-formed cf, omocodia removed.
func place(cf string) string {
	p := cf[11:15]
	if p[1] <= '9' && p[2] <= '9' && p[3] <= '9' {
		return p
	}
	return string([]byte{p[0], byte('0' + digitValue(p[1])), byte('0' + digitValue(p[2])), byte('0' + digitValue(p[3]))})
}

// omocodiaLevel counts the omocodia letters of a well-formed cf.
func omocodiaLevel(cf string) int {
	n := 0
	for _, p := range omocodiaPos {
		if cf[p] > '9' {
			n++
		}
	}
	return n
}

// Regular returns the regular (non-omocode) form of a 16-character cf with
// its check character recomputed; any other input is returned unchanged.
func Regular(cf string) string {
	return Omocode(cf, 0)
}

// Omocode returns the variant of cf whose rightmost level substitutable
// positions hold omocodia letters (level 0 is the regular code), with the
// check character recomputed; level is clamped to 0–7 and input that is not
// 16 bytes long is returned unchanged.
func Omocode(cf string, level int) string {
	if len(cf) != Length {
		return cf
	}
	var b [Length]byte
	copy(b[:], cf)
	for _, p := range omocodiaPos {
		if d := digitValues[b[p]]; d >= 0 {
			b[p] = byte('0' + d)
		}
	}
	substitute(&b, min(max(level, 0), len(omocodiaPos)))
	return string(b[:])
}
