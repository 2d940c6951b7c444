package app_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestCheckSiussEngines runs the siuss ruleset on the fixture on both
// engines: each intervento's expected findings, by rule and field, and
// nothing else; the run is recorded as a validation run.
func TestCheckSiussEngines(t *testing.T) {
	want := []string{
		"ente F704 CFOperatore siuss-operatore-cf",
		"intervento I3 CodiceCittadinanza siuss-cittadinanza-iso",
		"intervento I3 NumeroProtocolloDSU siuss-dsu-incompleto",
		"intervento I3 ProtocolloDomanda siuss-protocollo-domanda",
		"intervento I4 SINA siuss-sina-mancante",
		"intervento I5 Anagrafica siuss-anagrafe-mancante",
		"intervento I5 CodicePrestazione siuss-codice-sconosciuto",
		"intervento I5 DenominazionePrestazione siuss-denominazione",
		"intervento I7 DenominazionePrestazione siuss-denominazione-provvisoria",
		"intervento I7 PresaCarico siuss-pic-a2",
		"intervento I8 ImportoQuotaEnte siuss-quote-somma",
	}
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		svc := siussServices(t, newEngine(t))
		var got []string
		req := csi.SiussCheckRequest{Scope: csi.ValidateScope{Comune: "Monza"}, From: "2020-01-01", To: "2020-12-31"}
		run, sum, err := svc.CheckSiuss(actorCtx(), req, func(f csi.Finding) error {
			if f.Comune != "108033" || f.Message == "" || f.Fix == "" {
				t.Errorf("finding %+v: no Comune, message or fix", f)
			}
			if strings.Contains(f.Message, "BRMGPP") || strings.Contains(f.Message, "Kosova") {
				t.Errorf("a finding names a person: %+v", f)
			}
			got = append(got, fmt.Sprintf("%s %s %s %s", f.Kind, f.ID, f.Field, f.Rule))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// 7 interventi, 1 SINBA record, 1 ente.
		if run.Ruleset != "siuss" || run.Checked != 9 || run.Errors != sum.Errors || sum.Errors != 10 || sum.Warnings != 1 ||
			!strings.HasPrefix(run.Scope, "comune 108033 Monza, 2020-01-01..2020-12-31") {
			t.Errorf("run %+v, summary %+v", run, sum)
		}
		hist, err := svc.ValidationHistory(actorCtx())
		if err != nil || len(hist) != 1 || hist[0].Ruleset != "siuss" {
			t.Errorf("history %+v, %v", hist, err)
		}
		// A valid operator clears the ente's finding; an invalid one is refused.
		req.Operatore = "PRTCRL85A60F704O"
		_, sum, err = svc.CheckSiuss(actorCtx(), req, func(csi.Finding) error { return nil })
		if err != nil || sum.Errors != 9 {
			t.Errorf("with an operator: %+v, %v", sum, err)
		}
		req.Operatore = "PRTCRL85A60F704X"
		if _, _, err := svc.CheckSiuss(actorCtx(), req, func(csi.Finding) error { return nil }); csi.ErrorCode(err) != csi.EINVALID ||
			strings.Contains(err.Error(), "PRTCRL") {
			t.Errorf("a wrong operator CF: %v", err)
		}
		req.Operatore, req.From = "", "2020-13-01"
		if _, _, err := svc.CheckSiuss(actorCtx(), req, func(csi.Finding) error { return nil }); csi.ErrorCode(err) != csi.EINVALID {
			t.Errorf("a bad period: %v", err)
		}
	})
}
