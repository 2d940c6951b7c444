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
		if code := Run(context.Background(), args, io, func(k string) string { return env[k] }); code != want {
			t.Fatalf("csi %v: exit %d, want %d: %s", args, code, want, errOut.String())
		}
		return out.String()
	}
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
	if out := run(0, "anagrafe", "import", ex("anagrafe-aicurzio-2020-07-01-gestionale.csv"), "--comune", "aicurzio", "--as-of", "2020-07-01"); !strings.Contains(out, "no-op") {
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
