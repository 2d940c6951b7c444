package siuss

import "testing"

// TestISOFromISTAT: ISTAT state codes become ISO 3166-1 numeric codes.
func TestISOFromISTAT(t *testing.T) {
	for istat, want := range map[string]string{
		"100": "380", // Italia
		"201": "008", // Albania
		"235": "642", // Romania
		"243": "804", // Ucraina
		"436": "504", // Marocco
		"236": "674", // San Marino
	} {
		if got, ok := ISOFromISTAT(istat); !ok || got != want {
			t.Errorf("ISTAT %s: %q %v, want %s", istat, got, ok, want)
		}
	}
	for _, istat := range []string{"999", "272", "", "1000", "Z100"} { // apolide, Kosovo, nothing, junk, a Belfiore code
		if got, ok := ISOFromISTAT(istat); ok {
			t.Errorf("ISTAT %q: %q, want no ISO code", istat, got)
		}
	}
}

// TestRegions: region names and the region of a Comune.
func TestRegions(t *testing.T) {
	if name, ok := RegioneName("03"); !ok || name != "Lombardia" {
		t.Errorf("03: %q %v", name, ok)
	}
	if _, ok := RegioneName("21"); ok {
		t.Error("region 21 exists")
	}
	for istat, want := range map[string]string{"108033": "03", "015146": "03", "058091": "12", "001001": "01", "092009": "20"} {
		if got, ok := RegioneOfComune(istat); !ok || got != want {
			t.Errorf("Comune %s: %q %v, want %s", istat, got, ok, want)
		}
	}
	for _, istat := range []string{"999001", "10803", ""} {
		if got, ok := RegioneOfComune(istat); ok {
			t.Errorf("Comune %q: region %s, want none", istat, got)
		}
	}
}
