package csi_test

import (
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

func TestParseDay(t *testing.T) {
	t.Parallel()
	got, err := csi.ParseDay("--at", "2024-02-29")
	if err != nil || !got.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("ParseDay(2024-02-29) = %v, %v", got, err)
	}
	if s := csi.Day(got); s != "2024-02-29" {
		t.Errorf("Day = %q", s)
	}
	for _, s := range []string{"", "2023-02-29", "2024-04-31", "2024-00-10", "2024-1-05", "24-01-05", "2024/01/05",
		"05-01-2024", "2024-01-05T00:00:00Z", " 2024-01-05", "2024-01-05 "} {
		_, err := csi.ParseDay("--at", s)
		check(t, s, err, `--at: "`+s+`" is not a date`)
		if csi.ErrorHint(err) != "write dates as YYYY-MM-DD, e.g. 2024-01-31" {
			t.Errorf("%q: hint %q", s, csi.ErrorHint(err))
		}
	}
}

func TestDayIsUTCDate(t *testing.T) {
	t.Parallel()
	// 23:30 in Rome on 31 December is still that day in the layout, in
	// whatever zone the time is: Day formats, it does not convert.
	rome := time.FixedZone("CET", 3600)
	if s := csi.Day(time.Date(2024, 12, 31, 23, 30, 0, 0, rome)); s != "2024-12-31" {
		t.Errorf("Day = %q", s)
	}
}

// FuzzParseDay: a string ParseDay accepts is exactly the day Day writes
// back; one it refuses gets the usage message.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2024-01-31", "2024-02-30", "0000-01-01", "9999-12-31", "2024-1-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := csi.ParseDay("--date", s)
		if err != nil {
			if csi.ErrorCode(err) != csi.EINVALID {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if back := csi.Day(d); back != s {
			t.Fatalf("ParseDay(%q) then Day = %q", s, back)
		}
	})
}
