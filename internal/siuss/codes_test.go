package siuss

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
)

// TestBuiltinCodes: the embedded table loads, is versioned and holds the rules it encodes.
func TestBuiltinCodes(t *testing.T) {
	codes := testCodes(t)
	if codes.Version == "" || codes.Source == "" {
		t.Errorf("version %q source %q, want both", codes.Version, codes.Source)
	}
	for _, tc := range []struct {
		code      string
		pic, evnt bool
		area      int
	}{
		{"A1.04", false, false, AreaPoverta},
		{"A2.07", false, false, AreaDisabilita},
		{"A2.16", true, false, 0},
		{"A2.29", true, false, 0},
		{"A2.15", false, false, 0},
		{"A1.05.01", false, true, 0},
		{"Z9.99", false, false, 0},
	} {
		c, ok := codes.Lookup(tc.code)
		if !ok || c.PresaInCarico != tc.pic || c.DataEvento != tc.evnt || c.Area != tc.area {
			t.Errorf("%s: %+v %v, want presa in carico %v, data evento %v, area %d", tc.code, c, ok, tc.pic, tc.evnt, tc.area)
		}
	}
	all := codes.All()
	for i, c := range all {
		if n := utf8.RuneCountInString(c.Denominazione); n < 10 || n > 200 {
			t.Errorf("%s: name of %d characters", c.Codice, n)
		}
		if i > 0 && all[i-1].Codice >= c.Codice {
			t.Errorf("All is not in code order at %s", c.Codice)
		}
	}
	if _, ok := codes.Lookup("A9.99"); ok {
		t.Error("an unknown code was found")
	}
}

// TestLoadCodesReplacement: a local file replaces the table; bad files are refused.
func TestLoadCodesReplacement(t *testing.T) {
	local := `version: "2027.01"
source: INPS table of January 2027
prestazioni:
  - {codice: B1.01, denominazione: "Prestazione di prova locale", presa_in_carico: true, area: 3}
`
	codes, err := LoadCodes(strings.NewReader(local))
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := codes.Lookup("B1.01"); !ok || !c.PresaInCarico || c.Area != 3 || codes.Version != "2027.01" {
		t.Errorf("B1.01: %+v %v, version %s", c, ok, codes.Version)
	}
	if _, ok := codes.Lookup("A1.01"); ok {
		t.Error("the replacement kept the embedded codes")
	}
	for name, bad := range map[string]string{
		"no version":    "prestazioni:\n  - {codice: B1.01, denominazione: \"Prestazione di prova\"}\n",
		"short name":    "version: x\nprestazioni:\n  - {codice: B1.01, denominazione: \"Breve\"}\n",
		"short code":    "version: x\nprestazioni:\n  - {codice: B1, denominazione: \"Prestazione di prova\"}\n",
		"duplicate":     "version: x\nprestazioni:\n  - {codice: B1.01, denominazione: \"Prestazione di prova\"}\n  - {codice: B1.01, denominazione: \"Prestazione di prova\"}\n",
		"bad area":      "version: x\nprestazioni:\n  - {codice: B1.01, denominazione: \"Prestazione di prova\", area: 4}\n",
		"unknown field": "version: x\nprestazioni:\n  - {codice: B1.01, denominazione: \"Prestazione di prova\", colore: rosso}\n",
		"empty":         "version: x\nprestazioni: []\n",
	} {
		if _, err := LoadCodes(strings.NewReader(bad)); csi.ErrorCode(err) != csi.EINVALID {
			t.Errorf("%s: error %v, want EINVALID", name, err)
		}
	}
}
