package siuss

import (
	"fmt"
	"strconv"
	"strings"
)

// Decimal is a fixed-point number with two decimals, held in hundredths:
// euro cents for amounts, hundredths of an hour for OreServizioMensile.
type Decimal int64

// String formats d as an xs:decimal with a point and two decimals, e.g. "12.30".
func (d Decimal) String() string {
	sign := ""
	v := int64(d)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// ParseDecimal reads "12", "12.3" or "12.30" (a point, at most two decimals).
// A comma is refused: the dialect layer normalises decimal separators first.
func ParseDecimal(s string) (Decimal, error) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	if whole == "" || !allDigits(whole) || (hasFrac && (frac == "" || len(frac) > 2 || !allDigits(frac))) {
		return 0, fmt.Errorf("%q is not a decimal with a point and at most two decimals", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1<<50 {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	v := w*100 + f
	if neg {
		v = -v
	}
	return Decimal(v), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// optDecimal formats an optional amount for an XML attribute ("" when absent).
func optDecimal(d *Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}
