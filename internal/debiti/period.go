package debiti

import (
	"fmt"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/indicators"
)

// ParsePeriod reads a report's period: a year (2024), a span of years
// (2023-2024, as the indicators write them) or a range of days
// (2024-01-01..2024-06-30), and returns its first and last day.
func ParsePeriod(s string) (from, to string, err error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, ".."); ok {
		ft, err1 := time.Parse(time.DateOnly, strings.TrimSpace(a))
		tt, err2 := time.Parse(time.DateOnly, strings.TrimSpace(b))
		if err1 != nil || err2 != nil {
			return "", "", fmt.Errorf("%q is not a range of days YYYY-MM-DD..YYYY-MM-DD", s)
		}
		if tt.Before(ft) {
			return "", "", fmt.Errorf("%q ends before it starts", s)
		}
		return ft.Format(time.DateOnly), tt.Format(time.DateOnly), nil
	}
	p, err := indicators.ParsePeriod(s)
	if err != nil {
		return "", "", fmt.Errorf("%q is not a period: write a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30)", s)
	}
	return p.Start(), p.End(), nil
}
