package dialect

import "testing"

func TestAmountDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"400,00", ','},
		{"1.250,50", ','},
		{"12,5", ','},
		{"0,250", ','},
		{"1.234.567", ','},
		{"-€ 7,50", ','},
		{"1,234.56", '.'},
		{"12.5", '.'},
		{"1,234,567", '.'},
		{"1,250", 0}, // ambiguous
		{"1.250", 0},
		{"€ 100,000", 0},
		{"12", 0},
		{"", 0},
		{"12a", 0},
	}
	for _, tt := range tests {
		if got := AmountDecimal(tt.in); got != tt.want {
			t.Errorf("AmountDecimal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAmountDecimal(t *testing.T) {
	tests := []struct {
		in   string
		dec  byte
		want int64
		err  string
	}{
		{"1,250", ',', 125, ""},
		{"1.250", ',', 125000, ""},
		{"1,250", '.', 125000, ""},
		{"1.250", '.', 125, ""},
		{"-1,250", ',', -125, ""},
		{"€ 100,000", ',', 10000, ""},
		{"1,255", ',', 0, "more than 2 decimals"},
		{"1,250", 0, 0, errAmbiguous.Error()},
		{"1.250", 0, 0, errAmbiguous.Error()},
		// Amounts that show their separator are read as they show it.
		{"400,00", '.', 40000, ""},
		{"1.234,56", 0, 123456, ""},
		{"12", 0, 1200, ""},
		{"0,250", 0, 25, ""},
		{"1234,5", '.', 123450, ""},
	}
	for _, tt := range tests {
		got, err := ParseAmountDecimal(tt.in, tt.dec)
		if got != tt.want || errString(err) != tt.err {
			t.Errorf("ParseAmountDecimal(%q, %q) = %d, %v; want %d, %s", tt.in, tt.dec, got, err, tt.want, tt.err)
		}
	}
}

// FuzzParseAmountDecimal: an amount that shows its own decimal separator
// reads the same whatever the file's separator; an ambiguous one is refused
// without one.
func FuzzParseAmountDecimal(f *testing.F) {
	for _, s := range []string{"1,250", "1.250", "400,00", "12.5", "1.234.567", "-€ 1,250", "0,250", "12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		alone, errAlone := ParseAmount(s)
		for _, dec := range []byte{0, ',', '.'} {
			got, err := ParseAmountDecimal(s, dec)
			if AmountDecimal(s) != 0 && (got != alone || (err == nil) != (errAlone == nil)) {
				t.Fatalf("ParseAmountDecimal(%q, %q) = %d, %v; ParseAmount = %d, %v", s, dec, got, err, alone, errAlone)
			}
			if dec == 0 && err == nil && errAlone == nil && got != alone {
				t.Fatalf("ParseAmountDecimal(%q, 0) = %d, ParseAmount = %d", s, got, alone)
			}
		}
	})
}
