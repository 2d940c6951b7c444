package i18n

import (
	"strconv"
	"strings"
	"time"
)

// separators returns the language's thousands and decimal separators.
func (l Lang) separators() (thousands, decimal string) {
	if l == English {
		return ",", "."
	}
	return ".", ","
}

// Int writes a count for people: 8.823 in Italian, 8,823 in English.
func (l Lang) Int(n int64) string {
	thousands, _ := l.separators()
	s := strconv.FormatInt(n, 10)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	return sign + group(s, thousands)
}

// Decimal writes v with the given number of decimals: 1.234,5 in Italian,
// 1,234.5 in English.
func (l Lang) Decimal(v float64, decimals int) string {
	thousands, decimal := l.separators()
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if sign != "" && strings.Trim(whole+frac, "0") == "" {
		sign = "" // no "-0,00"
	}
	s = sign + group(whole, thousands)
	if frac != "" {
		s += decimal + frac
	}
	return s
}

// Percent writes a percentage given in percent (1.01 is 1,01%): 1,01% in
// Italian, 1.01% in English.
func (l Lang) Percent(v float64, decimals int) string {
	return l.Decimal(v, decimals) + "%"
}

// Money writes an amount in euro cents: € 36.644.208,51 in Italian,
// €36,644,208.51 in English.
func (l Lang) Money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	thousands, decimal := l.separators()
	s := group(strconv.FormatInt(cents/100, 10), thousands) + decimal + pad2(cents%100)
	if l == English {
		return sign + "€" + s
	}
	return sign + "€ " + s
}

// Date writes a calendar date: 30/06/2024 in Italian, 2024-06-30 (ISO 8601,
// as in every other output of csi) in English.
func (l Lang) Date(t time.Time) string {
	if l == English {
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// group inserts sep every three digits from the right of the digits s.
func group(s, sep string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	head := len(s) % 3
	if head > 0 {
		b.WriteString(s[:head])
	}
	for i := head; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
