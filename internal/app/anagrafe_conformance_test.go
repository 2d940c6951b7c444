package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
)

// cfOf completes a 15-character prefix with its check character.
func cfOf(prefix string) string { return prefix + string(codicefiscale.CheckChar(prefix)) }

// conformancePeople are the people of the conformance sequence.
var conformancePeople = func() []string {
	var out []string
	for _, p := range []string{"RSSMRA80A01F704", "BNCLRA75B42F704", "VRDGNN60C03F704", "NRELSE90D44F704",
		"GLLPLA85E05F704", "FRRNNA70H46F704", "MRNLGU50L07F704", "CSTFNC95M48F704"} {
		out = append(out, cfOf(p))
	}
	return out
}()

const conformanceHeader = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;indirizzo;data_cancellazione"

// person is a row of the conformance files: person i at an address,
// cancelled on a date when cancelled is not "".
func person(i int, addr, cancelled string) string {
	p := conformancePeople[i]
	sex := "M"
	if p[9] >= '4' {
		sex = "F"
	}
	return fmt.Sprintf("%s;Cognome%d;Nome%d;%s;19%s-01-01;F704;%s;%s", p, i, i, sex, p[6:8], addr, cancelled)
}

func conformanceFile(rows ...string) []byte {
	return []byte(conformanceHeader + "\n" + strings.Join(rows, "\n") + "\n")
}

// conformanceStep is one call of the sequence.
type conformanceStep struct {
	name    string
	revert  int64
	file    []byte
	req     csi.AnagrafeImport
	rejects bool
}

func conformanceSteps() []conformanceStep {
	req := func(mode, asOf string) csi.AnagrafeImport {
		return csi.AnagrafeImport{Comune: "108033", Mode: mode, AsOf: asOf}
	}
	massExit := req(csi.ModeSnapshot, "2024-06-30")
	massExit.AllowMassExit = true
	dry := req(csi.ModeSnapshot, "2024-06-30")
	dry.AllowMassExit, dry.DryRun = true, true
	v1 := conformanceFile(person(0, "Via Po 1", ""), person(1, "Via Roma 2", ""), person(2, "Via Milano 3", ""),
		person(3, "Via Dante 4", ""), person(1, "Via Roma 2bis", ""), // a repeat of line 3
		"RSSMRA80A01F70;Bad;Code;M;1980-01-01;F704;Via X;", // malformed CF
		person(4, "Via Verdi 5", ""), person(5, "Via Manzoni 6", ""),
		person(6, "Via Carducci 7", "2023-12-01")) // cancelled, never current
	v2 := conformanceFile(person(0, "Via Po 10", ""), person(7, "Via Nuova 8", ""),
		person(2, "Via Milano 3", "2024-03-15"),                     // cancelled now
		person(6, "Via Carducci 7", "2023-12-01"),                   // the same cancellation again
		person(3, "Via Dante 4", ""), person(3, "Via Dante 40", ""), // a repeat of a current resident
		strings.Replace(person(4, "Via Verdi 5", ""), "1985-01-01", "1985-02-31", 1)) // a bad date
	v3 := conformanceFile(person(0, "Via Po 10", ""), person(1, "Via Roma 2", ""), person(3, "Via Dante 4", ""),
		person(7, "Via Nuova 80", ""), person(5, "Via Manzoni 6", "")+";extra") // 4 absent, 5 rejected but seen
	v4 := conformanceFile(person(0, "Via Po 10", ""))
	return []conformanceStep{
		{name: "fresh snapshot with a repeat and a reject", file: v1, req: req(csi.ModeSnapshot, "2024-01-31"), rejects: true},
		{name: "the same file again", file: v1, req: req(csi.ModeSnapshot, "2024-01-31")},
		{name: "delta: change, new, cancellations, repeat, reject", file: v2, req: req(csi.ModeDelta, "2024-03-31"), rejects: true},
		{name: "older extract refused", file: v4, req: req(csi.ModeSnapshot, "2024-02-01")},
		{name: "snapshot refused by the mass-exit guard", file: v3, req: req(csi.ModeSnapshot, "2024-06-30")},
		{name: "snapshot with exits", file: v3, req: massExit, rejects: true},
		{name: "dry run", file: v4, req: dry},
		{name: "revert the snapshot", revert: 3},
		{name: "revert an older import", revert: 1},
		{name: "the reverted file again", file: v3, req: massExit},
	}
}

// runConformance runs the sequence on fx and returns what each step and
// the final queries answered, as JSON lines.
func runConformance(t *testing.T, fx engine) []string {
	ctx := onboarded(t, fx, "108033")
	var out []string
	add := func(name string, v any, err error) {
		if err != nil {
			v = map[string]string{"error": err.Error(), "hint": csi.ErrorHint(err), "code": fmt.Sprint(csi.ErrorCode(err))}
		}
		b, _ := json.Marshal(v)
		out = append(out, name+": "+string(b))
	}
	for _, st := range conformanceSteps() {
		if st.revert != 0 {
			sum, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: st.revert})
			add(st.name, sum, err)
			continue
		}
		var rej bytes.Buffer
		if st.rejects {
			st.req.Rejects = &rej
		}
		sum, err := fx.svc.ImportAnagrafe(ctx, st.req, bytesSource("f.csv", st.file))
		if sum != nil {
			sum.DurationMS = 0
		}
		add(st.name, sum, err)
		if st.rejects {
			out = append(out, st.name+" rejects: "+rej.String())
		}
	}
	for _, cf := range conformancePeople {
		vs, err := fx.svc.PersonHistory(ctx, cf)
		add("history "+cf[:6], vs, err)
	}
	for _, day := range []string{"2024-01-31", "2024-03-15", "2024-03-31", "2024-06-30"} {
		var names []string
		err := fx.svc.Residents(ctx, "108033", day, func(v csi.PersonVersion) error {
			names = append(names, v.Cognome+" "+v.Indirizzo)
			return nil
		})
		n, cerr := fx.svc.CountResidents(ctx, "Monza", day)
		add("residents "+day, map[string]any{"names": names, "count": n, "cerr": fmt.Sprint(cerr)}, err)
	}
	imps, err := fx.svc.ListImports(ctx, "108033")
	for i := range imps {
		imps[i].DurationMS = 0
	}
	add("imports", imps, err)
	status, err := fx.svc.AnagrafeStatus(ctx)
	add("status", status, err)
	add("audit", fx.scalar(t, "SELECT string_agg(summary, ' | ' ORDER BY id) FROM audit WHERE summary LIKE 'anagrafe%'"), nil)
	return out
}

// TestEnginesConform runs the same imports, reverts and queries through
// app.Services on SQLite and on PostgreSQL and compares every answer.
func TestEnginesConform(t *testing.T) {
	pg := postgresEngine(t) // skips, with a visible line, without a server
	lite := runConformance(t, sqliteEngine(t))
	other := runConformance(t, pg)
	if len(lite) != len(other) {
		t.Fatalf("%d answers on SQLite, %d on PostgreSQL", len(lite), len(other))
	}
	for i := range lite {
		if lite[i] != other[i] {
			t.Errorf("differ:\nsqlite:   %s\npostgres: %s", lite[i], other[i])
		}
	}
	// The sequence must exercise what it claims to.
	all := strings.Join(lite, "\n")
	for _, want := range []string{`"noop":true`, "repeats line 3", "repeats line 6", "would close", `"reopened":2`, "data_nascita",
		`"dry_run":true`, `"removed":`, "is not the latest import", "older than the last import", `"end_reason":"absent"`,
		`"end_reason":"cancelled"`, `"end_reason":"changed"`} {
		if !strings.Contains(all, want) {
			t.Errorf("the sequence never shows %s:\n%s", want, all)
		}
	}
}
