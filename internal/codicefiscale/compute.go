package codicefiscale

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Person holds the personal data a codice fiscale is computed from.
type Person struct {
	Surname string    // cognome, as written (accents and apostrophes allowed)
	Name    string    // nome, as written
	Sex     byte      // 'M' or 'F'
	Birth   time.Time // date of birth; only its calendar date is used
	Place   string    // Belfiore code of the comune of birth, or Z + 3 digits for a foreign state
}

// Compute returns the regular (non-omocode) codice fiscale of p.
func Compute(p Person) (string, error) {
	sur, name := scan(p.Surname), scan(p.Name)
	switch {
	case sur.empty():
		return "", errors.New("codicefiscale: surname has no letters")
	case name.empty():
		return "", errors.New("codicefiscale: name has no letters")
	case p.Birth.IsZero():
		return "", errors.New("codicefiscale: birth date missing")
	}
	y, m, d := p.Birth.Date()
	return Encode(Info{
		Surname: sur.code(),
		Name:    name.nameCode(),
		YY:      (y%100 + 100) % 100,
		Month:   int(m),
		Day:     d,
		Sex:     upperSex(p.Sex),
		Place:   Normalize(p.Place),
	})
}

// Encode builds the codice fiscale described by i, applying i.Omocodia
// substitutions; it is the inverse of Decode.
func Encode(i Info) (string, error) {
	if err := checkInfo(i); err != nil {
		return "", err
	}
	day := i.Day
	if i.Sex == 'F' {
		day += 40
	}
	var b [Length]byte
	copy(b[0:3], i.Surname)
	copy(b[3:6], i.Name)
	b[6], b[7], b[8] = byte('0'+i.YY/10), byte('0'+i.YY%10), monthLetters[i.Month-1]
	b[9], b[10] = byte('0'+day/10), byte('0'+day%10)
	copy(b[11:15], i.Place)
	substitute(&b, i.Omocodia)
	return string(b[:]), nil
}

// substitute replaces the digits at the rightmost level omocodia positions
// of b with letters and sets the check character.
func substitute(b *[Length]byte, level int) {
	for k := 0; k < level; k++ {
		p := omocodiaPos[len(omocodiaPos)-1-k]
		if c := b[p]; c >= '0' && c <= '9' {
			b[p] = omocodiaLetters[c-'0']
		}
	}
	sum := 0
	for i := 0; i < Length-1; i++ {
		sum += int(weights[i%2][b[i]])
	}
	b[15] = byte('A' + sum%26)
}

// upperSex maps 'm' and 'f' to upper case and leaves anything else.
func upperSex(s byte) byte {
	if s == 'm' || s == 'f' {
		return s - 'a' + 'A'
	}
	return s
}

// checkInfo reports the first field of i that cannot be encoded.
func checkInfo(i Info) error {
	switch {
	case !isCode(i.Surname, 3, 0):
		return errors.New("codicefiscale: surname code is not 3 letters")
	case !isCode(i.Name, 3, 0):
		return errors.New("codicefiscale: name code is not 3 letters")
	case i.YY < 0 || i.YY > 99:
		return errors.New("codicefiscale: year out of range")
	case i.Month < 1 || i.Month > 12:
		return errors.New("codicefiscale: month out of range")
	case i.Day < 1 || i.Day > 31:
		return errors.New("codicefiscale: day out of range")
	case i.Sex != 'M' && i.Sex != 'F':
		return errors.New("codicefiscale: sex is not M or F")
	case !isCode(i.Place, 1, 3):
		return errors.New("codicefiscale: place is not a letter and 3 digits")
	case i.Omocodia < 0 || i.Omocodia > len(omocodiaPos):
		return errors.New("codicefiscale: omocodia level out of range")
	}
	return nil
}

// isCode reports whether s is made of the given number of upper-case
// letters followed by the given number of digits.
func isCode(s string, letters, digits int) bool {
	if len(s) != letters+digits {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (i < letters && (c < 'A' || c > 'Z')) || (i >= letters && (c < '0' || c > '9')) {
			return false
		}
	}
	return true
}

// letters collects the first consonants and vowels of a name.
type letters struct {
	cons, vows     [4]byte
	nCons, nVowels int
}

// scan folds s to A–Z (accents stripped, everything else dropped) and
// records its consonants and vowels.
func scan(s string) letters {
	var l letters
	for _, r := range s {
		a, b := fold(r)
		l.add(a)
		l.add(b)
	}
	return l
}

// add records one folded letter; 0 is ignored.
func (l *letters) add(c byte) {
	switch {
	case c == 0:
	case strings.IndexByte("AEIOU", c) >= 0:
		if l.nVowels < len(l.vows) {
			l.vows[l.nVowels] = c
		}
		l.nVowels++
	default:
		if l.nCons < len(l.cons) {
			l.cons[l.nCons] = c
		}
		l.nCons++
	}
}

// code returns consonants, then vowels, then X padding, 3 letters in all.
func (l *letters) code() string {
	out := make([]byte, 0, 3)
	out = append(out, l.cons[:min(l.nCons, 3)]...)
	out = append(out, l.vows[:min(l.nVowels, 3)]...)
	for len(out) < 3 {
		out = append(out, 'X')
	}
	return string(out[:3])
}

// nameCode returns the 1st, 3rd and 4th consonant when there are at
// least four, otherwise the same as code.
func (l *letters) nameCode() string {
	if l.nCons >= 4 {
		return string([]byte{l.cons[0], l.cons[2], l.cons[3]})
	}
	return l.code()
}

// empty reports whether no letter was found.
func (l *letters) empty() bool {
	return l.nCons+l.nVowels == 0
}

// SurnameCode returns the 3-letter code of a surname (characters 1–3):
// its consonants, then its vowels, padded with X.
func SurnameCode(s string) string {
	l := scan(s)
	return l.code()
}

// NameCode returns the 3-letter code of a given name (characters 4–6): the
// 1st, 3rd and 4th consonant when there are at least four, otherwise built
// like the surname code.
func NameCode(s string) string {
	l := scan(s)
	return l.nameCode()
}

// fold maps r to the upper-case ASCII letters it is written with (at most
// two, 0 for none): accents are stripped and non-letters dropped.
func fold(r rune) (byte, byte) {
	switch {
	case r >= 'A' && r <= 'Z':
		return byte(r), 0
	case r >= 'a' && r <= 'z':
		return byte(r - 'a' + 'A'), 0
	case r < utf8.RuneSelf:
		return 0, 0
	}
	switch r {
	case 'ß':
		return 'S', 'S'
	case 'Æ', 'æ':
		return 'A', 'E'
	case 'Œ', 'œ':
		return 'O', 'E'
	case 'Ø', 'ø':
		return 'O', 0
	case 'Ł', 'ł':
		return 'L', 0
	case 'Đ', 'đ', 'Ð', 'ð':
		return 'D', 0
	}
	return foldDecomposed(r), 0
}

// foldDecomposed returns the ASCII base letter of a precomposed Latin
// letter with diacritics (À → A, Ș → S), or 0.
func foldDecomposed(r rune) byte {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if len(d) == 0 || d[0] >= utf8.RuneSelf {
		return 0
	}
	a, _ := fold(rune(d[0]))
	return a
}
