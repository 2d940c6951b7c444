package dialect

import (
	"strings"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
)

// Errors of ParseAmount, besides ErrEmpty.
var (
	errNoDigits     = csi.Errorf(csi.EINVALID, "not an amount: no digits")
	errTooManyDec   = csi.Errorf(csi.EINVALID, "more than 2 decimals")
	errNoDecimals   = csi.Errorf(csi.EINVALID, "no digits after the decimal separator")
	errGrouping     = csi.Errorf(csi.EINVALID, "misplaced thousands separator")
	errMixedSep     = csi.Errorf(csi.EINVALID, "decimal separator written more than once")
	errAmountTooBig = csi.Errorf(csi.EINVALID, "amount too large")
)

// errAmbiguous is the error of ParseAmountDecimal for an amount such as
// "1,250" in a file whose other amounts do not show its decimal separator.
var errAmbiguous = csi.Errorf(csi.EINVALID, "ambiguous: one separator before three digits is a decimal or a thousands separator, and the file's other amounts do not show which one it uses")

// maxIntDigits bounds the integer part so that cents fit in an int64.
const maxIntDigits = 16

// ParseAmount parses a money amount and returns it in cents. It accepts a
// decimal comma or point, thousands separators ("1.234,56", "1,234.56"),
// a sign and a leading or trailing "€" or "EUR". A single separator
// followed by exactly three digits is a thousands separator ("1.234" is
// 123400 cents); more than two decimals otherwise is an error.
func ParseAmount(s string) (int64, error) {
	return parseAmount(s, 0, false)
}

// ParseAmountDecimal parses a money amount of a file that writes decimals
// with dec (',' or '.'), as AmountDecimal decided from its unambiguous
// amounts; dec 0 means the file did not show it. An amount that shows its
// own separator is read as it shows it. An ambiguous one ("1,250", "1.250":
// one separator before exactly three digits) is read with dec, and is an
// error when dec is 0.
func ParseAmountDecimal(s string, dec byte) (int64, error) {
	return parseAmount(s, dec, true)
}

// parseAmount parses an amount; strict refuses an ambiguous one that dec
// does not settle, otherwise it is read with a thousands separator.
func parseAmount(s string, dec byte, strict bool) (int64, error) {
	s = trim(s)
	if s == "" {
		return 0, ErrEmpty
	}
	s, neg := stripSignCurrency(s)
	var intPart, frac string
	var err error
	if sep, ok := ambiguous(s); ok && strict {
		if dec == 0 {
			return 0, errAmbiguous
		}
		if sep == dec {
			i := strings.IndexByte(s, sep)
			intPart, frac = s[:i], s[i+1:]
		} else {
			intPart = s
		}
	} else if intPart, frac, err = splitAmount(s); err != nil {
		return 0, err
	}
	cents, err := amountValue(intPart, frac)
	if neg {
		cents = -cents
	}
	return cents, err
}

// stripSignCurrency removes a sign and a currency symbol on either side.
func stripSignCurrency(s string) (string, bool) {
	s = trim(cutCurrency(s, true))
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = trim(cutCurrency(trim(s[1:]), true))
	}
	return trim(cutCurrency(s, false)), neg
}

// cutCurrency removes "€" or "EUR" (any case) at the start or the end of s.
func cutCurrency(s string, prefix bool) string {
	for _, c := range [...]string{"€", "EUR", "eur", "Eur"} {
		if prefix && strings.HasPrefix(s, c) {
			return s[len(c):]
		}
		if !prefix && strings.HasSuffix(s, c) {
			return s[:len(s)-len(c)]
		}
	}
	return s
}

// splitAmount separates the integer digits (thousands separators kept)
// from the decimal digits, deciding which separator is the decimal one.
func splitAmount(s string) (intPart, frac string, err error) {
	dots, commas := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			dots++
		case c == ',':
			commas++
		case c < '0' || c > '9':
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", "", csi.Errorf(csi.EINVALID, "not an amount: unexpected character '%c'", r)
		}
	}
	dec := decimalSeparator(s, dots, commas)
	if dec == 0 {
		return s, "", nil
	}
	i := strings.LastIndexByte(s, dec)
	if strings.IndexByte(s, dec) != i {
		return "", "", errMixedSep
	}
	if i == len(s)-1 {
		return "", "", errNoDecimals
	}
	return s[:i], s[i+1:], nil
}

// AmountDecimal returns the decimal separator that the amount s shows on
// its own: ',' or '.' ("400,00", "1.234,56", "12.5"; "1.234.567" shows ','
// since its dots are thousands separators), or 0 when it shows none
// ("12", an unreadable amount, or an ambiguous one such as "1,250").
func AmountDecimal(s string) byte {
	s, _ = stripSignCurrency(trim(s))
	if _, ok := ambiguous(s); ok {
		return 0
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	if dec := decimalSeparator(s, dots, commas); dec != 0 {
		return dec
	}
	switch {
	case dots > 1 && commas == 0:
		return ','
	case commas > 1 && dots == 0:
		return '.'
	}
	return 0
}

// ambiguous reports whether s (sign and currency removed) has one
// separator before exactly three digits, after one to three digits not
// starting with 0: "1,250" is 1.25 with a decimal comma, 1250 with a
// thousands comma. It returns that separator.
func ambiguous(s string) (byte, bool) {
	i := strings.IndexAny(s, ".,")
	if i <= 0 || i > 3 || s[0] == '0' || len(s)-i-1 != 3 || strings.ContainsAny(s[i+1:], ".,") {
		return 0, false
	}
	for j := 0; j < len(s); j++ {
		if j != i && (s[j] < '0' || s[j] > '9') {
			return 0, false
		}
	}
	return s[i], true
}

// decimalSeparator returns the decimal separator of s, or 0 if it has none.
func decimalSeparator(s string, dots, commas int) byte {
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(s, '.') > strings.LastIndexByte(s, ',') {
			return '.'
		}
		return ','
	case dots+commas != 1:
		return 0 // none, or repeated: thousands separators
	}
	sep := byte(',')
	if dots == 1 {
		sep = '.'
	}
	i := strings.IndexByte(s, sep)
	if len(s)-i-1 == 3 && i > 0 && i <= 3 && s[0] != '0' {
		return 0 // "1.234": thousands
	}
	return sep
}

// amountValue converts the integer part (with optional thousands
// separators) and up to two decimals into cents.
func amountValue(intPart, frac string) (int64, error) {
	for len(frac) > 2 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1] // "1,250" with a decimal comma is 1.25
	}
	if len(frac) > 2 {
		return 0, errTooManyDec
	}
	if intPart == "" && frac == "" {
		return 0, errNoDigits
	}
	n, nd := int64(0), 0
	group, th := -1, byte(0) // digits since the last thousands separator (-1: none yet), and that separator
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c == '.' || c == ',' {
			if nd == 0 || group >= 0 && group != 3 || group < 0 && nd > 3 || th != 0 && c != th {
				return 0, errGrouping
			}
			group, th = 0, c
			continue
		}
		if nd++; nd > maxIntDigits {
			return 0, errAmountTooBig
		}
		n = n*10 + int64(c-'0')
		if group >= 0 {
			group++
		}
	}
	if group >= 0 && group != 3 {
		return 0, errGrouping
	}
	return n*100 + fracCents(frac), nil
}

// fracCents converts zero to two decimal digits to cents.
func fracCents(frac string) int64 {
	switch len(frac) {
	case 1:
		return int64(frac[0]-'0') * 10
	case 2:
		return int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	}
	return 0
}
