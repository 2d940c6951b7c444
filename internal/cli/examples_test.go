package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesWalkthrough runs the commands of examples/README.md and checks
// the figures the walkthrough quotes.
func TestExamplesWalkthrough(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	ex := func(name string) string { return filepath.Join("..", "..", "examples", name) }
	run := func(want int, args ...string) string {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2020-07-02"}
		if code := Run(context.Background(), args, io, enEnv(env)); code != want {
			t.Fatalf("csi %v: exit %d, want %d: %s", args, code, want, errOut.String())
		}
		return out.String()
	}
	run(0, "init")
	run(0, "comuni", "onboard", "aicurzio", "--anagrafe", "automatic", "--date", "2019-12-01")
	checks := []struct {
		file, asOf string
		exit       int
		want       string
	}{
		{"anagrafe-aicurzio-2020-01-01.csv", "2020-01-01", 0, "2105 read: 2105 inserted, 0 updated, 0 unchanged, 0 closed, 0 rejected"},
		{"anagrafe-aicurzio-2020-04-01.csv", "2020-04-01", 0, "11 inserted, 46 updated, 2048 unchanged, 11 closed"},
		{"anagrafe-aicurzio-2020-07-01-gestionale.csv", "2020-07-01", ExitRejected, "0 inserted, 5 updated, 2097 unchanged, 0 closed, 4 rejected"},
	}
	var last string
	for _, c := range checks {
		last = run(c.exit, "anagrafe", "import", ex(c.file), "--comune", "aicurzio", "--as-of", c.asOf)
		if !strings.Contains(last, c.want) {
			t.Errorf("%s: summary\n%s\nwant %q", c.file, last, c.want)
		}
	}
	for _, want := range []string{"iso-8859-1, delimiter ','", "12\tcodice_fiscale", "22\tnome", "32\tdata_nascita",
		"2107\tcodice_fiscale\tcodice_fiscale repeats line 7"} {
		if !strings.Contains(last, want) {
			t.Errorf("the third import's report lacks %q:\n%s", want, last)
		}
	}
	if out := run(ExitRejected, "anagrafe", "import", ex("anagrafe-aicurzio-2020-07-01-gestionale.csv"), "--comune", "aicurzio", "--as-of", "2020-07-01"); !strings.Contains(out, "no-op") {
		t.Errorf("re-import is not a no-op:\n%s", out)
	}
	if got := strings.TrimSpace(run(0, "anagrafe", "residents", "--comune", "aicurzio", "--at", "2020-02-15", "--count")); got != "2105" {
		t.Errorf("residents on 2020-02-15 = %s, want 2105", got)
	}
	hist := run(0, "anagrafe", "history", "RDASFN99C17Z129B")
	if !strings.Contains(hist, "Ştefan") && !strings.Contains(hist, "Ștefan") || !strings.Contains(hist, "?tefan") {
		t.Errorf("history does not show the encoding loss:\n%s", hist)
	}
}

// TestExamplesRecords runs the records part of examples/README.md: the
// import of Aicurzio's accessi, cartelle and interventi, validation with
// the four problems put in by hand, and the indicator figures it quotes.
func TestExamplesRecords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	ex := func(name string) string { return filepath.Join("..", "..", "examples", name) }
	run := func(want int, args ...string) string {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z"}
		if code := Run(context.Background(), args, io, enEnv(env)); code != want {
			t.Fatalf("csi %v: exit %d, want %d: %s", args, code, want, errOut.String())
		}
		return out.String()
	}
	run(0, "init")
	run(0, "comuni", "onboard", "aicurzio", "--anagrafe", "automatic", "--date", "2019-12-01")
	run(0, "anagrafe", "import", ex("anagrafe-aicurzio-2020-01-01.csv"), "--comune", "aicurzio", "--as-of", "2020-01-01")
	// In the walkthrough's order: an intervento imported before its cartella
	// gets no Comune, and validation by Comune would not see it.
	for _, c := range []struct{ kind, want string }{{"cartelle", "39 inserted"}, {"interventi", "61 inserted"}, {"accessi", "185 inserted"}} {
		if out := run(0, "records", "import", c.kind, ex(c.kind+"-aicurzio.csv")); !strings.Contains(out, c.want) {
			t.Errorf("records import %s:\n%s\nwant %q", c.kind, out, c.want)
		}
	}
	report := run(ExitValidation, "validate", "--comune", "aicurzio", "--fail-on", "error")
	for _, want := range []string{"2,390 records checked, 4 errors, 30 warnings", "accesso-area\terror\t1", "cartella-chiusura-motivo\terror\t1",
		"intervento-periodica\terror\t1", "intervento-misura-b2\terror\t1", "cartella-residente\twarning\t30",
		"108002-A-2015-00003", "108002-C-00002", "108002-C-00002-I1", "108002-C-00023-I1"} {
		if !strings.Contains(report, want) {
			t.Errorf("validation report lacks %q:\n%s", want, report)
		}
	}
	pop := run(0, "indicators", "show", "cartelle-popolazione", "--year", "2020", "--comune", "aicurzio", "-o", "json")
	for _, want := range []string{`"popolazione": 2105`, `"fonte_popolazione": "anagrafe"`, `"cartelle_aperte": 19`, `"nuove_anno": 0`, `"percentuale": 0.90`} {
		if !strings.Contains(pop, want) {
			t.Errorf("cartelle-popolazione lacks %s:\n%s", want, pop)
		}
	}
	acc := run(0, "indicators", "show", "accessi-segretariato", "--comune", "aicurzio", "--by", "comune")
	if !strings.Contains(acc, "Vimercate\t108002\tAicurzio\t77\t62") { // 2015-2017, 2018-2020
		t.Errorf("accessi-segretariato:\n%s", acc)
	}
}
