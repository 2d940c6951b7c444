package dialect

import (
	"errors"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// ErrEmpty is returned by the value parsers for an empty (or blank) value,
// so that callers can treat optional fields apart.
var ErrEmpty = errors.New("empty value")

// ErrZeroDate is returned for a zero date (00/00/0000, 0000-00-00), which
// registry software writes for "no date"; errors.Is(ErrZeroDate, ErrEmpty).
var ErrZeroDate = fmt.Errorf("%w: a zero date stands for no date", ErrEmpty)

// errNotDate is returned for text that has no recognisable date layout.
// The reasons a date is refused are domain errors, so that a date flag
// can show them in the user's language.
var errNotDate = csi.Errorf(csi.EINVALID, "not a date: expected YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or YYYYMMDD")

// ParseDate parses a date written as YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY,
// DD.MM.YYYY (day and month may have one digit) or YYYYMMDD (a time part
// after 'T' or a space is ignored) and returns it as YYYY-MM-DD. A zero
// date is ErrZeroDate. It allocates only when the input is not already in
// that form.
func ParseDate(s string) (string, error) {
	s = trim(s)
	if s == "" {
		return "", ErrEmpty
	}
	y, m, d, rest, ok := splitDate(s)
	if !ok || !timePart(rest) {
		return "", errNotDate
	}
	if y == 0 && m == 0 && d == 0 {
		return "", ErrZeroDate
	}
	if err := checkDate(y, m, d); err != nil {
		if onlyDigits(s[:len(s)-len(rest)]) {
			return "", csi.Errorf(csi.EINVALID, "read as YYYYMMDD, %v", err)
		}
		return "", err
	}
	if len(s)-len(rest) == 10 && s[4] == '-' && s[7] == '-' {
		return s[:10], nil
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:]), nil
}

// splitDate reads the year, month and day at the start of s in either
// order and returns what follows them.
func splitDate(s string) (y, m, d int, rest string, ok bool) {
	if n, rest, ok := digits(s, 8, 8); ok {
		return n / 10000, n / 100 % 100, n % 100, rest, true
	}
	if y, s, ok = digits(s, 4, 4); ok {
		if len(s) == 0 || s[0] != '-' {
			return 0, 0, 0, "", false
		}
		m, s, ok = field(s[1:], 1, 2, '-')
		if ok {
			d, s, ok = digits(s, 1, 2)
		}
		return y, m, d, s, ok
	}
	d, s, ok = digits(s, 1, 2)
	if !ok || len(s) == 0 || (s[0] != '/' && s[0] != '-' && s[0] != '.') {
		return 0, 0, 0, "", false
	}
	sep := s[0]
	if m, s, ok = field(s[1:], 1, 2, sep); ok {
		y, s, ok = digits(s, 4, 4)
	}
	return y, m, d, s, ok
}

// onlyDigits reports whether s has no byte other than an ASCII digit.
func onlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// field reads min..max digits followed by sep.
func field(s string, lo, hi int, sep byte) (int, string, bool) {
	n, s, ok := digits(s, lo, hi)
	if !ok || len(s) == 0 || s[0] != sep {
		return 0, s, false
	}
	return n, s[1:], true
}

// digits reads lo..hi decimal digits at the start of s, not followed by a
// further digit.
func digits(s string, lo, hi int) (int, string, bool) {
	n, i := 0, 0
	for ; i < len(s) && i <= hi && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i < lo || i > hi {
		return 0, s, false
	}
	return n, s[i:], true
}

// timePart accepts what may follow a date: nothing, or 'T' or ' ' and a
// time such as 12:30:00, 00.00.00 or 12:30:00.000+01:00.
func timePart(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 2 || (s[0] != 'T' && s[0] != ' ') || s[1] < '0' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ':', c == '.', c == '+', c == '-', c == 'Z', c == ' ':
		default:
			return false
		}
	}
	return true
}

// checkDate rejects dates that do not exist, naming what is wrong.
func checkDate(y, m, d int) error {
	switch {
	case y == 0:
		return csi.Errorf(csi.EINVALID, "year 0000 does not exist")
	case m < 1 || m > 12:
		return csi.Errorf(csi.EINVALID, "month %d does not exist", m)
	case d < 1:
		return csi.Errorf(csi.EINVALID, "day %d does not exist", d)
	case d > daysIn(y, m):
		return csi.Errorf(csi.EINVALID, "day %d does not exist in %v %s (it has %d days)", d, monthNames[m-1], fmt.Sprintf("%04d", y), daysIn(y, m))
	}
	return nil
}

// monthNames are the months as messages, so that "February" reads
// "febbraio" in Italian; their English text is time.Month's.
var monthNames = [12]*csi.Error{
	csi.Errorf(csi.EINVALID, "January"), csi.Errorf(csi.EINVALID, "February"), csi.Errorf(csi.EINVALID, "March"),
	csi.Errorf(csi.EINVALID, "April"), csi.Errorf(csi.EINVALID, "May"), csi.Errorf(csi.EINVALID, "June"),
	csi.Errorf(csi.EINVALID, "July"), csi.Errorf(csi.EINVALID, "August"), csi.Errorf(csi.EINVALID, "September"),
	csi.Errorf(csi.EINVALID, "October"), csi.Errorf(csi.EINVALID, "November"), csi.Errorf(csi.EINVALID, "December"),
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
