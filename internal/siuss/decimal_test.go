package siuss

import "testing"

// TestDecimal: amounts read with a point and print as xs:decimal with a point.
func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{"12": "12.00", "12.3": "12.30", "0.05": "0.05", "-1.5": "-1.50", "1000000.99": "1000000.99"} {
		d, err := ParseDecimal(in)
		if err != nil || d.String() != want {
			t.Errorf("%q: %s %v, want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"", "12,30", "1.234", "1.", ".5", "1e3", "abc", "1 000"} {
		if d, err := ParseDecimal(bad); err == nil {
			t.Errorf("%q: parsed as %s", bad, d)
		}
	}
}

// TestOreMinuti: decimal hours go out as hours.minutes.
func TestOreMinuti(t *testing.T) {
	for in, want := range map[string]string{"12.5": "12.30", "2": "2.00", "0.01": "0.01", "1.99": "1.59", "40.25": "40.15", "0": "0.00"} {
		if got := oreMinuti(dec(in)); got != want {
			t.Errorf("%s hours: %q, want %s", in, got, want)
		}
	}
	if oreMinuti(nil) != "" {
		t.Error("no hours gave a value")
	}
}
