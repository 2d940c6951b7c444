package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/synth"
)

// runDemoCSI runs one command line in-process and returns stdout, stderr and
// the exit code.
func runDemoCSI(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	code := Run(context.Background(), args, io, enEnv(env))
	return out.String(), errOut.String(), code
}

func TestDemoFlags(t *testing.T) {
	env := map[string]string{"CSI_DB": filepath.Join(t.TempDir(), "ignored.db")}
	var got, kept *DemoOptions
	for _, c := range []struct {
		args []string
		db   string
		ok   bool
	}{
		{[]string{"demo"}, "", true},
		{[]string{"demo", "--db", "x.db", "--seed", "7", "--out", "d", "--history"}, "x.db", true},
		{[]string{"demo", "--scale", "0"}, "", false},
		{[]string{"demo", "-o", "csv"}, "", false},
		{[]string{"demo", "extra"}, "", false},
	} {
		got = nil
		f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(env))
		root := NewCmdRoot(f)
		for _, cmd := range root.Commands() {
			if cmd.Name() == "demo" {
				root.RemoveCommand(cmd)
				root.AddCommand(NewCmdDemo(f, func(o *DemoOptions) error { got = o; return nil }))
			}
		}
		root.SetArgs(c.args)
		root.SetOut(&bytes.Buffer{})
		root.SetErr(&bytes.Buffer{})
		err := root.ExecuteContext(context.Background())
		if (err == nil) != c.ok {
			t.Errorf("%v: err = %v", c.args, err)
			continue
		}
		if !c.ok {
			if exitCode(err) != ExitUsage {
				t.Errorf("%v: exit %d, want %d", c.args, exitCode(err), ExitUsage)
			}
			continue
		}
		if got.DB != c.db {
			t.Errorf("%v: DB = %q, want %q (CSI_DB must not be used)", c.args, got.DB, c.db)
		}
		if c.db != "" {
			kept = got
		}
	}
	if kept.Seed != 7 || kept.Out != "d" || !kept.History || kept.Scale != 1 {
		t.Errorf("options %+v", kept)
	}
}

func TestDemoRefusesUsedStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "used.db")
	if err := os.WriteFile(db, []byte("data"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runDemoCSI(t, nil, "demo", "--db", db)
	if code != ExitError || !strings.Contains(stderr, "already exists and is not empty") || !strings.Contains(stderr, "hint:") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(db); err != nil || string(b) != "data" {
		t.Errorf("the refused store was touched: %q, %v", b, err)
	}
}

type indicatorDoc struct {
	Indicator string           `json:"indicator"`
	Rows      []map[string]any `json:"rows"`
}

// rowsText renders rows as "k=v ..." lines with the given keys, for exact
// comparison.
func rowsText(rows []map[string]any, keys ...string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s=%v", k, r[k])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// seedTable1 and seedTable2 are the seed document's tables 1 and 2 as spec
// §9 asks the demo to reproduce them (table 2's balances computed).
const seedTable1 = `periodo=2015-2017 ambito=Carate Brianza accessi=2928
periodo=2015-2017 ambito=Desio accessi=4644
periodo=2015-2017 ambito=Monza accessi=11504
periodo=2015-2017 ambito=Seregno accessi=1618
periodo=2015-2017 ambito=Vimercate accessi=4238
periodo=2015-2017 ambito=Totale accessi=24932
periodo=2018-2020 ambito=Carate Brianza accessi=4225
periodo=2018-2020 ambito=Desio accessi=3154
periodo=2018-2020 ambito=Monza accessi=8623
periodo=2018-2020 ambito=Seregno accessi=1277
periodo=2018-2020 ambito=Vimercate accessi=3457
periodo=2018-2020 ambito=Totale accessi=20736
`

const seedTable2 = `anno=2015 saldo_iniziale=743 aperte=720 chiuse=17 saldo_finale=1446
anno=2016 saldo_iniziale=1446 aperte=270 chiuse=73 saldo_finale=1643
anno=2017 saldo_iniziale=1643 aperte=9736 chiuse=5689 saldo_finale=5690
anno=2018 saldo_iniziale=5690 aperte=1825 chiuse=781 saldo_finale=6734
anno=2019 saldo_iniziale=6734 aperte=2072 chiuse=901 saldo_finale=7905
anno=2020 saldo_iniziale=7905 aperte=1959 chiuse=1041 saldo_finale=8823
`

// checkSeedTables compares the demo's indicator results with the seed.
func checkSeedTables(t *testing.T, ind []indicatorDoc, residents int) {
	t.Helper()
	if len(ind) != 4 {
		t.Fatalf("%d indicators, want 4", len(ind))
	}
	if got := rowsText(ind[0].Rows, "periodo", "ambito", "accessi"); got != seedTable1 {
		t.Errorf("accessi-segretariato:\n%s\nwant\n%s", got, seedTable1)
	}
	if got := rowsText(ind[1].Rows, "anno", "saldo_iniziale", "aperte", "chiuse", "saldo_finale"); got != seedTable2 {
		t.Errorf("cartelle-movimento:\n%s\nwant\n%s", got, seedTable2)
	}
	var prov map[string]any
	for _, r := range ind[2].Rows {
		if r["livello"] == "provincia" {
			prov = r
		}
	}
	want := fmt.Sprintf("codice=MB popolazione=%d cartelle_aperte=8823 nuove_anno=1959 percentuale=%v\n",
		residents, math.Round(88230000/float64(residents))/100)
	if got := rowsText([]map[string]any{prov}, "codice", "popolazione", "cartelle_aperte", "nuove_anno", "percentuale"); got != want {
		t.Errorf("cartelle-popolazione, province row:\n%swant\n%s", got, want)
	}
}

// TestDemoScaled runs the whole demo with the full records and a registry
// at a tenth of the population, checks what it prints, then the seed's
// tables through `csi indicators show -o json` on the store it kept.
func TestDemoScaled(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	stdout, stderr, code := runDemoCSI(t, env, "demo", "--scale", "0.1", "--db", db, "--out", filepath.Join(dir, "files"))
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	assertOwnerOnly(t, db)
	for i := 1; i <= demoSteps; i++ {
		if !strings.Contains(stderr, fmt.Sprintf("[%d/%d]", i, demoSteps)) {
			t.Errorf("no progress line for step %d:\n%s", i, stderr)
		}
	}
	want := 0
	for _, c := range synth.Comuni() {
		want += int(math.Round(float64(c.Popolazione) * 0.1))
	}
	for _, line := range []string{
		"Validation (csi validate): 10 errors, ",
		"== csi indicators show accessi-segretariato --period 2015-2017,2018-2020\n",
		"2015-2017\t2928\t4644\t11504\t1618\t4238\t24932\n2018-2020\t4225\t3154\t8623\t1277\t3457\t20736\n",
		"2015-2017\t743\t720\t17\t270\t73\t9736\t5689\t5690\n2018-2020\t5690\t1825\t781\t2072\t901\t1959\t1041\t8823\n",
		fmt.Sprintf("provincia\tMB\tMonza e Brianza\t%d\tanagrafe\t8823\t1959\t", want),
		"== csi indicators show comuni-fasce --year 2020\n",
	} {
		if !strings.Contains(stdout, line) {
			t.Errorf("the demo's output lacks %q:\n%s", line, stdout)
		}
	}
	for _, rule := range []string{"accesso-area", "accesso-cf", "cartella-chiusura-motivo", "cartella-aperta-unica",
		"intervento-periodica", "intervento-misura-b2", "intervento-prestazione-pic", "intervento-periodo", "intervento-cartella"} {
		if !strings.Contains(stdout, "  "+rule+" ") {
			t.Errorf("validation found nothing for the planted %s", rule)
		}
	}
	checkSeedTables(t, showSeedTables(t, env, db), want)
	if _, err := os.Stat(filepath.Join(dir, "files", "cartelle.csv")); err != nil {
		t.Errorf("--out did not keep the files: %v", err)
	}
	if !strings.Contains(stdout, "SIUSS (csi siuss export --tipo ps --mode waas, 2022-01-01..2022-12-31): ") {
		t.Errorf("the demo's output lacks the SIUSS export's summary:\n%s", stdout)
	}
	checkDemoFlows(t, filepath.Join(dir, "files", "flussi"))
}

// showSeedTables runs `csi indicators show -o json` for the seed's tables.
func showSeedTables(t *testing.T, env map[string]string, db string) []indicatorDoc {
	t.Helper()
	var docs []indicatorDoc
	for _, tab := range demoTables {
		args := []string{"--db", db, "indicators", "show", tab.name, "-o", "json"}
		args = append(args, strings.Fields(paramFlags(tab.params))...)
		out, stderr, code := runDemoCSI(t, env, args...)
		var doc indicatorDoc
		if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
			t.Fatalf("indicators show %v: exit %d: %s%s", args, code, out, stderr)
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestDemoImportsWhileGenerating: without --out the demo imports each
// extract while the rest is generated; it must print the same document and
// make the same imports, in the same order, as with --out, where every file
// is generated first.
func TestDemoImportsWhileGenerating(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	run := func(name string, args ...string) (map[string]any, string) {
		db := filepath.Join(dir, name+".db")
		stdout, stderr, code := runDemoCSI(t, env, append([]string{"demo", "--scale", "0.02", "--db", db, "-o", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("demo %v: exit %d: %s", args, code, stderr)
		}
		for i := 1; i <= demoSteps; i++ {
			if !strings.Contains(stderr, fmt.Sprintf("[%d/%d]", i, demoSteps)) {
				t.Errorf("demo %v: no progress line for step %d:\n%s", args, i, stderr)
			}
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		delete(doc, "store")
		delete(doc, "files")
		imports, stderr, code := runDemoCSI(t, env, "--db", db, "anagrafe", "imports", "-o", "csv")
		if code != 0 {
			t.Fatalf("anagrafe imports: exit %d: %s", code, stderr)
		}
		return doc, imports
	}
	gotDoc, gotImports := run("scratch")
	wantDoc, wantImports := run("out", "--out", filepath.Join(dir, "files"))
	if !reflect.DeepEqual(gotDoc, wantDoc) {
		t.Errorf("the documents differ:\n%v\nwant (--out)\n%v", gotDoc, wantDoc)
	}
	if strings.Count(wantImports, "\n") < 60 {
		t.Fatalf("--out made %d imports:\n%s", strings.Count(wantImports, "\n")-1, wantImports)
	}
	if got, want := importLines(gotImports), importLines(wantImports); !slices.Equal(got, want) {
		t.Errorf("the imports differ:\n%s\nwant (--out)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// importLines are the lines of `csi anagrafe imports -o csv` with each
// file's folder left out (the demo's temporary folder has a random name).
func importLines(csv string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(csv), "\n") {
		f := strings.Split(line, ",")
		if len(f) > 2 {
			f[2] = filepath.Base(f[2])
		}
		out = append(out, strings.Join(f, ","))
	}
	return out
}
