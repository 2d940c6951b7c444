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
func TestDemoFullProvince(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	if _, stderr, code := runDemoCSI(t, env, "demo", "--db", db, "-q"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	show := func(args ...string) indicatorDoc {
		out, stderr, code := runDemoCSI(t, env, append([]string{"--db", db, "indicators", "show"}, append(args, "-o", "json")...)...)
		var doc indicatorDoc
		if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
			t.Fatalf("indicators show %v: exit %d: %s%s", args, code, out, stderr)
		}
		return doc
	}
	checkSeedTables(t, []indicatorDoc{
		show("accessi-segretariato", "--period", "2015-2017,2018-2020"),
		show("cartelle-movimento", "--period", "2015-2017,2018-2020"),
		show("cartelle-popolazione", "--year", "2020", "--by", "ambito"),
		show("comuni-fasce", "--year", "2020"),
	}, 870_193)
	fasce := show("comuni-fasce", "--year", "2020")
	want := "fascia=<1% comuni=45 percentuale=81.82\nfascia=1-2% comuni=5 percentuale=9.09\n" +
		"fascia=>2% comuni=5 percentuale=9.09\nfascia=Totale comuni=55 percentuale=100\n"
	if got := rowsText(fasce.Rows, "fascia", "comuni", "percentuale"); got != want {
		t.Errorf("comuni-fasce:\n%s\nwant\n%s", got, want)
	}
}
