package dialect

import (
	"unicode"
	"unicode/utf8"
)

// foldRange maps the letters lo..hi (inclusive) to one unaccented spelling.
type foldRange struct {
	lo, hi rune
	to     string
}

// folds covers Latin-1 Supplement and Latin Extended-A, which is every
// accented letter Windows-1252 and ISO-8859-1 can produce (ƒ aside).
var folds = []foldRange{
	{0xAA, 0xAA, "a"}, {0xBA, 0xBA, "o"},
	{0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
	{0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
	{0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
	{0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
	{0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
	{0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
	{0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
	{0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
	{0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
	{0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
	{0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
	{0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
	{0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}, {0x192, 0x192, "f"},
}

// fold returns the unaccented lower-case spelling of r, if it has one.
func fold(r rune) (string, bool) {
	for _, f := range folds {
		if r >= f.lo && r <= f.hi {
			return f.to, true
		}
	}
	return "", false
}

// NormalizeHeader returns the comparable form of a header name: lower-case,
// accents stripped, every run of other characters turned into one '_',
// leading and trailing '_' removed ("Data di nascita" → "data_di_nascita").
func NormalizeHeader(s string) string {
	out := make([]byte, 0, len(s))
	pendingSep := false
	emit := func(p string) {
		if pendingSep && len(out) > 0 {
			out = append(out, '_')
		}
		pendingSep = false
		out = append(out, p...)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				emit(string(rune(c)))
			case c >= 'A' && c <= 'Z':
				emit(string(rune(c + 'a' - 'A')))
			default:
				pendingSep = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f, ok := fold(r); ok {
			emit(f)
		} else if unicode.Is(unicode.Mn, r) {
			continue // combining accent of a decomposed letter
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			emit(string(unicode.ToLower(r)))
		} else {
			pendingSep = true
		}
	}
	return string(out)
}
