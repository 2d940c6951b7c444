// Package codicefiscale validates, decodes and computes Italian codici
// fiscali (tax codes of natural persons), omocodia included.
//
// The package is pure: it does no I/O and keeps no state. Error messages
// never contain the code being checked, because they may reach logs.
package codicefiscale

import (
	"fmt"
	"strconv"
	"strings"
)

// Reason says why a codice fiscale is invalid.
type Reason int

// The reasons a codice fiscale can be invalid.
const (
	ReasonLength Reason = iota + 1 // not 16 characters long
	ReasonFormat                   // a character is not allowed in its position
	ReasonCheck                    // the check character does not match
)

// String returns a short English description of the reason.
func (r Reason) String() string {
	switch r {
	case ReasonLength:
		return "length"
	case ReasonFormat:
		return "format"
	case ReasonCheck:
		return "check character"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Error describes an invalid codice fiscale without quoting it.
type Error struct {
	Reason Reason // the kind of problem
	Msg    string // details, never the code itself
}

// Error implements the error interface.
func (e *Error) Error() string {
	return "invalid codice fiscale (" + e.Reason.String() + "): " + e.Msg
}

// Length is the number of characters of a codice fiscale.
const Length = 16

// Character classes of each position, see layout.
const (
	kLetter = iota // A–Z
	kDigit         // 0–9 or an omocodia letter
	kMonth         // a month letter
)

// layout is the character class of each of the 16 positions.
var layout = [Length]uint8{
	kLetter, kLetter, kLetter, kLetter, kLetter, kLetter,
	kDigit, kDigit, kMonth, kDigit, kDigit,
	kLetter, kDigit, kDigit, kDigit, kLetter,
}

// omocodiaPos lists the 0-based positions whose digits omocodia may replace,
// left to right.
var omocodiaPos = [7]int{6, 7, 9, 10, 12, 13, 14}

const (
	omocodiaLetters = "LMNPQRSTUV" // the letter replacing digit 0, 1, …, 9
	monthLetters    = "ABCDEHLMPRST"
)

// Normalize trims surrounding white space and upper-cases s.
func Normalize(s string) string {
	return strings.ToUpper(strings.TrimSpace(s))
}

// Validate reports whether cf is a well-formed codice fiscale with the right
// check character; it expects a normalized (upper-case, trimmed) code and
// returns a *Error otherwise.
func Validate(cf string) error {
	if len(cf) != Length {
		return &Error{ReasonLength, T("has %d bytes, want 16", len(cf))}
	}
	for i := 0; i < Length; i++ {
		if classes[cf[i]]&(1<<layout[i]) == 0 {
			return &Error{ReasonFormat, notOfClass(i)}
		}
	}
	day := int(digitValues[cf[9]])*10 + int(digitValues[cf[10]])
	if day < 1 || day > 71 || (day > 31 && day < 41) {
		return &Error{ReasonFormat, T("day of birth out of range")}
	}
	if checkChar(cf) != cf[15] {
		return &Error{ReasonCheck, T("check character does not match")}
	}
	return nil
}

// notOfClass says that the character at position i (0-based) is not of
// the class its position asks for.
func notOfClass(i int) string {
	switch layout[i] {
	case kLetter:
		return T("character %d is not a letter", i+1)
	case kDigit:
		return T("character %d is not a digit or omocodia letter", i+1)
	}
	return T("character %d is not a month letter", i+1)
}

// T formats the English details of an Error; human output translates
// them (i18n's Known), and T marks their formats for the catalog test.
func T(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// classes holds, for every byte, a bit set of the classes it belongs to
// (bit k for class k).
var classes = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] |= 1 << kLetter
	}
	for _, s := range []string{"0123456789", omocodiaLetters} {
		for i := 0; i < len(s); i++ {
			t[s[i]] |= 1 << kDigit
		}
	}
	for i := 0; i < len(monthLetters); i++ {
		t[monthLetters[i]] |= 1 << kMonth
	}
	return t
}()

// digitValues maps digits and omocodia letters to the digit they stand for
// and every other byte to -1.
var digitValues = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for d := 0; d < 10; d++ {
		t['0'+d] = int8(d)
		t[omocodiaLetters[d]] = int8(d)
	}
	return t
}()

// digitValue returns the digit c stands for, de-omocodia included, or -1.
func digitValue(c byte) int {
	return int(digitValues[c])
}

// oddValues holds the check-character weights of A–Z at odd (1-based)
// positions; a digit weighs like the letter at the same index (0 as A).
var oddValues = [26]byte{
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // A–J
	2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23, // K–Z
}

// CheckChar returns the check character (A–Z) for the first 15 characters
// of a codice fiscale, or 0 if first15 is not 15 characters of A–Z and 0–9.
func CheckChar(first15 string) byte {
	if len(first15) != Length-1 {
		return 0
	}
	for i := 0; i < len(first15); i++ {
		if charIndex(first15[i]) < 0 {
			return 0
		}
	}
	return checkChar(first15)
}

// weights holds the check-character weight of every byte at odd (index 0)
// and even (index 1) 1-based positions; bytes outside A–Z and 0–9 weigh 0.
var weights = func() (t [2][256]uint8) {
	for c := 0; c < 256; c++ {
		if v := charIndex(byte(c)); v >= 0 {
			t[0][c], t[1][c] = oddValues[v], uint8(v)
		}
	}
	return t
}()

// checkChar computes the check character of s[:15]; characters outside
// A–Z and 0–9 weigh nothing.
func checkChar(s string) byte {
	sum := 0
	for i := 0; i < Length-1; i++ {
		sum += int(weights[i%2][s[i]])
	}
	return byte('A' + sum%26)
}

// charIndex maps 0–9 to 0–9 and A–Z to 0–25, anything else to -1.
func charIndex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	}
	return -1
}
