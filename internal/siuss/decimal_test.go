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
