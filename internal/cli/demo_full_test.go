//go:build demofull

package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestDemoFullProvince runs `csi demo` at full scale and checks every
// figure of spec §9 through `csi indicators show -o json`, 45/5/5 included.
// It loads 870,193 residents (about a minute on a 2-core machine), so it is
// built with -tags demofull only:
//
//	go test -tags demofull ./internal/cli -run TestDemoFullProvince
//
// The default suite checks the same figures from the generated files
// (internal/synth TestDemoSeedFigures) and through the store with a scaled
// registry (TestDemoScaled).
// demoResult is what the tests read from `csi demo -o json`.
type demoResult struct {
	Residents2020 int `json:"residents_2020"`
	Validation    struct {
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
		ByRule   []struct {
			Rule  string `json:"rule"`
			Count int    `json:"count"`
		} `json:"by_rule"`
	} `json:"validation"`
	Indicators []indicatorDoc `json:"indicators"`
}

func TestDemoFullProvince(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	stdout, stderr, code := runDemoCSI(t, env, "demo", "--db", db, "-o", "json")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	var res demoResult
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if res.Residents2020 != 870_193 || res.Validation.Errors != 10 {
		t.Errorf("residents_2020 = %d, %d errors; want 870193 and the 10 planted", res.Residents2020, res.Validation.Errors)
	}
	checkSeedTables(t, res.Indicators, 870_193)
	docs := showSeedTables(t, env, db)
	checkSeedTables(t, docs, 870_193)
	want := "fascia=<1% comuni=45 percentuale=81.82\nfascia=1-2% comuni=5 percentuale=9.09\n" +
		"fascia=>2% comuni=5 percentuale=9.09\nfascia=Totale comuni=55 percentuale=100\n"
	for _, doc := range []indicatorDoc{res.Indicators[3], docs[3]} {
		if got := rowsText(doc.Rows, "fascia", "comuni", "percentuale"); got != want {
			t.Errorf("comuni-fasce:\n%s\nwant\n%s", got, want)
		}
	}
}
