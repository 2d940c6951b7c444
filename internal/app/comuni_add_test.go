package app_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func rowsOf(rows ...string) []csi.ComuneAdd {
	out := make([]csi.ComuneAdd, len(rows)/3)
	for i := range out {
		out[i] = csi.ComuneAdd{Line: i + 2, Istat: rows[3*i], Ambito: rows[3*i+1], Popolazione: rows[3*i+2]}
	}
	return out
}

// TestAddComuni checks, on each engine, that a rejected row writes
// nothing, that the rows added carry the national table's name and
// Belfiore code in their (new) Ambito, that a second run is unchanged and
// writes nothing, and that one audit entry records the run.
func TestAddComuni(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s, ctx := e.svc, actorCtx()
		bad := csi.AddComuniInput{File: "c.csv", Rows: rowsOf("097042", "Lecco", "47000", "108028", "Vimercate", "46034", "1234567", "Lecco", "1")}
		res, err := s.AddComuni(ctx, bad)
		if err != nil {
			t.Fatal(err)
		}
		want := []csi.AddReject{
			{Line: 3, Field: "ambito", Reason: "Lissone (108028) is already in the catalogue in the Ambito Carate Brianza"},
			{Line: 4, Field: "istat", Reason: `"1234567" is not the ISTAT code of a current Italian Comune`},
		}
		if !reflect.DeepEqual(res.Rejects, want) || res.Added != 1 {
			t.Fatalf("rejects: got %+v", res)
		}
		if _, err := s.FindComune(ctx, "097042"); csi.ErrorCode(err) != csi.ENOTFOUND {
			t.Fatalf("a file with rejects wrote Lecco: %v", err)
		}

		good := csi.AddComuniInput{File: "c.csv", Rows: rowsOf("97042", "Lecco", "47000", "012133", "varese ", "79000", "108028", "carate brianza", "46034")}
		res, err = s.AddComuni(ctx, good)
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 2 || res.Unchanged != 1 || fmt.Sprint(res.AmbitiCreated) != "[Lecco varese]" || len(res.Rejects) != 0 {
			t.Fatalf("add: got %+v", res)
		}
		d, err := s.FindComune(ctx, "097042")
		if err != nil {
			t.Fatal(err)
		}
		if d.Nome != "Lecco" || d.Belfiore != "E507" || d.Ambito != "Lecco" || d.Popolazione != 47000 || d.Status != csi.StatusNotOnboarded {
			t.Fatalf("Lecco as stored: %+v", d.Comune)
		}
		as, err := s.ListAmbiti(ctx)
		if err != nil || len(as) != 7 {
			t.Fatalf("ambiti: %d, %v", len(as), err)
		}

		res, err = s.AddComuni(ctx, good)
		if err != nil || res.Added != 0 || res.Unchanged != 3 || len(res.AmbitiCreated) != 0 {
			t.Fatalf("again: got %+v, %v", res, err)
		}
		audit, err := s.ListAudit(ctx, "2024-01-01")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range audit {
			if a.Target == "comuni" {
				n++
				if a.Summary != "c.csv: added 2 Comuni (1 unchanged); new Ambiti: Lecco, varese" {
					t.Errorf("audit summary: %q", a.Summary)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d audit entries for two runs, want 1", n)
		}
	})
}

// TestAddComuniDryRun checks that a dry run reports and writes nothing.
func TestAddComuniDryRun(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		s, ctx := newEngine(t).svc, actorCtx()
		res, err := s.AddComuni(ctx, csi.AddComuniInput{DryRun: true, Rows: rowsOf("097042", "Lecco", "47000", "097002", "Lecco", "x")})
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 1 || len(res.Rejects) != 1 || res.Rejects[0].Field != "popolazione" || !res.DryRun {
			t.Fatalf("dry run: got %+v", res)
		}
		res, err = s.AddComuni(ctx, csi.AddComuniInput{DryRun: true, Rows: rowsOf("097042", "Lecco", "47000")})
		if err != nil || res.Added != 1 {
			t.Fatalf("dry run: got %+v, %v", res, err)
		}
		if _, err := s.FindComune(ctx, "097042"); csi.ErrorCode(err) != csi.ENOTFOUND {
			t.Fatalf("a dry run wrote Lecco: %v", err)
		}
	})
}

// TestOnboardComuni checks, on each engine, that many Comuni are
// onboarded in one call, each on its own: a failed input is reported and
// the others are written, and a Comune given twice fails the second time.
func TestOnboardComuni(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		s, ctx := newEngine(t).svc, actorCtx()
		ins := []csi.OnboardInput{
			{Comune: "108023", Anagrafe: csi.AnagrafeAutomatic, Date: "2024-02-01"},
			{Comune: "Atlantide", Anagrafe: csi.AnagrafeManual},
			{Comune: "108023", Anagrafe: csi.AnagrafeManual},
			{Comune: "Muggiò", Anagrafe: "sometimes"},
			{Comune: "muggio", Anagrafe: csi.AnagrafeManual},
		}
		res, err := s.OnboardComuni(ctx, ins)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]string, len(res))
		for i, r := range res {
			if r.Comune != nil {
				got[i] = r.Comune.Istat + " " + r.Comune.Status + " " + r.Comune.OnboardedOn
			} else {
				got[i] = r.Error
			}
		}
		want := []string{
			"108023 active 2024-02-01",
			`no Comune matches "Atlantide"`,
			"Desio (108023) is already onboarded since 2024-02-01",
			`--anagrafe must be automatic or manual, not "sometimes"`,
			"108034 active 2024-06-30",
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outcomes:\n got %q\nwant %q", got, want)
		}
		active, err := s.ListComuni(ctx, csi.ComuneFilter{Status: csi.StatusActive})
		if err != nil || len(active) != 2 {
			t.Fatalf("active: %d, %v", len(active), err)
		}
		h, err := s.FindComune(ctx, "108034")
		if err != nil || len(h.History) != 1 || h.History[0].Detail != "anagrafe manual" {
			t.Fatalf("history: %+v, %v", h, err)
		}
	})
}
