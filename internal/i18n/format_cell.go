package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Kind says what a cell of an output table holds, so that every human
// output (terminal tables, Markdown, HTML, spreadsheets) writes the same
// figure the same way. Cells travel as machine text (8823, 1.01,
// 36644208.51, 2024-06-30: what CSV and JSON print); Cell turns them into
// the language's form.
type Kind int

// The kinds of cell.
const (
	// Text is written as it is: names, codes, ids, years.
	Text Kind = iota
	// Count is an integer: 8823 reads 8.823 in Italian.
	Count
	// Number is a decimal number, written with the decimals it has.
	Number
	// Percent is a percentage given in percent: 1.01 reads 1,01%.
	Percent
	// Money is an amount in euro: 36644208.51 reads € 36.644.208,51.
	Money
	// Date is a calendar date YYYY-MM-DD: 2024-06-30 reads 30/06/2024.
	Date
	// Time is an RFC 3339 instant: 2024-06-30T10:00:00Z reads
	// 30/06/2024 10:00 UTC in Italian.
	Time
)

// Numeric reports whether cells of kind k are numbers, which tables align
// to the right.
func (k Kind) Numeric() bool { return k == Count || k == Number || k == Percent || k == Money }

// Cell writes the machine text raw of a cell of kind k in l's conventions.
// Text that is not of its kind (a withheld count "<5", an empty cell) is
// left as it is, so that a caller never loses what the cell says.
func (l Lang) Cell(k Kind, raw string) string {
	switch k {
	case Count:
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			return l.Int(n)
		}
	case Number, Percent:
		if v, dec, ok := ParseNumber(raw); ok {
			s := l.Decimal(v, dec)
			if k == Percent {
				s += "%"
			}
			return s
		}
	case Money:
		if cents, ok := ParseCents(raw); ok {
			return l.Money(cents)
		}
	case Date:
		if t, err := time.Parse("2006-01-02", raw); err == nil {
			return l.Date(t)
		}
	case Time:
		if t, err := time.Parse(time.RFC3339, raw); err == nil {
			return l.Time(t)
		}
	}
	return raw
}

// Time writes an instant: 30/06/2024 10:00 UTC in Italian (the clock in
// the instant's own offset, named), RFC 3339 in English, as everywhere else
// in csi.
func (l Lang) Time(t time.Time) string {
	if l == English {
		return t.Format(time.RFC3339)
	}
	zone := t.Format("-07:00")
	if _, off := t.Zone(); off == 0 {
		zone = "UTC"
	}
	return l.Date(t) + " " + t.Format("15:04") + " " + zone
}

// ParseNumber reads a machine decimal (1.01, -12, 8823.5) and returns it
// with its number of decimals; grouped or comma-decimal text is not one.
func ParseNumber(raw string) (v float64, decimals int, ok bool) {
	if raw == "" || strings.ContainsAny(raw, ",eEx_ ") {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return 0, 0, false
	}
	if _, frac, found := strings.Cut(raw, "."); found {
		decimals = len(frac)
	}
	return v, decimals, true
}

// ParseCents reads a machine amount in euro (36644208.51, 12, -0.5) as
// cents; more than two decimals is not an amount.
func ParseCents(raw string) (int64, bool) {
	sign := int64(1)
	s := raw
	if strings.HasPrefix(s, "-") {
		sign, s = -1, s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || !allDigits(whole) || !allDigits(frac) {
		return 0, false
	}
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, false
	}
	return sign * n, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
