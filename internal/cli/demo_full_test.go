//go:build demofull

package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pgtest"
)

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

// TestDemoFullProvince runs `csi demo` at full scale and checks every
// figure of spec §9 through `csi indicators show -o json`, 45/5/5 included,
// on each engine: a SQLite file, and a fresh PostgreSQL database when
// CSI_TEST_POSTGRES names a server (.ci/run always does). Both must give
// the same figures, and the same -o json and indicator documents byte for
// byte (the store's name aside). It loads 870,193 residents per engine
// (about a minute each on a 2-core machine), so it is built with -tags
// demofull only:
//
//	go test -tags demofull ./internal/cli -run TestDemoFullProvince
//
// The default suite checks the same figures from the generated files
// (internal/synth TestDemoSeedFigures) and through the store with a scaled
// registry (TestDemoScaled).
func TestDemoFullProvince(t *testing.T) {
	outs := map[string]string{}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			var db string
			if engine == "postgres" {
				db = pgtest.NewDatabase(t)
			} else {
				db = filepath.Join(t.TempDir(), "demo.db")
			}
			outs[engine] = demoFullProvince(t, db)
		})
	}
	if outs["sqlite"] != "" && outs["postgres"] != "" && outs["sqlite"] != outs["postgres"] {
		t.Errorf("the engines differ:\n%s", firstDiff(outs["sqlite"], outs["postgres"], "sqlite", "postgres"))
	}
}

// demoFullProvince runs the demo into db, checks every figure, and returns
// what it printed with -o json and what indicators show printed after it,
// the store's name left out.
func demoFullProvince(t *testing.T, db string) string {
	start := time.Now()
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	stdout, stderr, code := runDemoCSI(t, env, "demo", "--db", db, "-o", "json")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	t.Logf("csi demo on the full province: %s", time.Since(start).Round(time.Second))
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
	var printed map[string]any
	if err := json.Unmarshal([]byte(stdout), &printed); err != nil {
		t.Fatal(err)
	}
	delete(printed, "store")
	out, err := json.MarshalIndent([]any{printed, docs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
