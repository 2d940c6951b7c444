package csi

import (
	"time"
)

// DateLayout is the one date format of the store and of JSON output.
const DateLayout = "2006-01-02"

// ParseDay parses a YYYY-MM-DD date given on the command line.
func ParseDay(field, s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "%s: %q is not a date", field, s).
			WithHint("write dates as YYYY-MM-DD, e.g. 2024-01-31")
	}
	return t, nil
}

// Day formats t as YYYY-MM-DD.
func Day(t time.Time) string { return t.Format(DateLayout) }
