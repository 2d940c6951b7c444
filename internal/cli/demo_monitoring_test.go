package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestDemoMonitoring: the demo fills the process registers so that every
// indicator over them has content in each year of the plan: no "nothing
// recorded" note, and a count above zero in the province's rows.
func TestDemoMonitoring(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	if _, stderr, code := runDemoCSI(t, env, "demo", "--scale", "0.02", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	for name, key := range map[string]string{
		"operatori-attivi": "operatori_attivi", "incontri-istituzionali": "incontri", "corsi-formazione": "corsi_assistenti_sociali",
		"formazione-debiti": "incontri", "tavoli-linee-guida": "incontri", "canali-interoperabilita": "aperto",
		"collegamenti-attivati": "collegamenti",
	} {
		out, stderr, code := runDemoCSI(t, env, "--db", db, "indicators", "show", name, "--period", "2022,2023", "-o", "json")
		var res csi.IndicatorResult
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("%s: exit %d: %s%s", name, code, out, stderr)
		}
		if len(res.Notes) > 0 {
			t.Errorf("%s: notes %+v", name, res.Notes)
		}
		years := map[string]int64{}
		for _, r := range res.Rows {
			if r.Str("livello") == csi.ByProvincia || r.Str("controparte") == csi.TotalLabel {
				years[r.Str("periodo")] += r.Int(key)
			}
		}
		for _, y := range []string{"2022", "2023"} {
			if years[y] == 0 {
				t.Errorf("%s: no %s in %s: %s", name, key, y, out)
			}
		}
	}
}
