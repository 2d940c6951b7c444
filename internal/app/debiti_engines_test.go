package app_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/debiti"
)

// debitiInterventi adds B2 and Dopo di Noi interventi to the SIUSS
// fixture's cartelle: Brambilla (C-0001) has both measures, Rossi (C-0004)
// a B2 buono, SNZ (C-0005) one without registry data; I1..I8 of the
// fixture carry no misura. Brambilla has the fixture's SINA assessment
// (civil invalidity 2|6).
const debitiInterventi = "id_intervento;id_cartella;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;data_erogazione;importo;misura;presa_in_carico;soglia_isee\n" +
	"B1;C-0001;A1.11;P;2020-03-01;2020-12-31;400,00;;;B2;S;25000,00\n" +
	"D1;C-0001;A3.01;P;2020-06-15;;500,00;;;DDN;S;\n" +
	"B2;C-0004;A1.11;P;2019-07-01;2020-06-30;300,00;;;B2;S;\n" +
	"B3;C-0004;A1.15;O;;;;01/02/2020;200,00;B2;S;\n" +
	"B4;C-0005;A1.11;P;2020-01-01;;250,00;;;B2;S;\n"

// TestDebitiReportEngines fills both embedded reports on both engines:
// the same rows, one per beneficiary and measure, and an audit entry per
// run without personal data.
func TestDebitiReportEngines(t *testing.T) {
	var got []string
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		svc := siussServices(t, e)
		if _, err := svc.ImportRecords(actorCtx(), csi.RecordImport{Kind: "interventi"}, bytesSource("debiti.csv", []byte(debitiInterventi))); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, name := range debiti.Reports {
			def, err := debiti.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := svc.DebitiReport(actorCtx(), app.DebitiRequest{Definition: def, Scope: csi.ValidateScope{Ambito: "Monza"}, From: "2020-01-01", To: "2020-12-31"})
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
			wantRows := map[string]int{"b2": 3, "dopo-di-noi": 1}[name]
			if len(rep.Rows) != wantRows || rep.Scope != "ambito Monza" {
				t.Errorf("%s: %d rows, scope %q; want %d rows", name, len(rep.Rows), rep.Scope, wantRows)
			}
		}
		b2 := out[0]
		for _, want := range []string{
			`["Monza","108033","C-0001","BRMGPP50C12F704K","M","1950-03-12","70","108033","2|6","","","25000.00","BUONO_SOCIALE","400.00","2020-03-01","2020-12-31","10","4000.00","DDN","B1"]`,
			`["Monza","108033","C-0004","RSSNNA40P55F704C","F","1940-09-15","80","108033","","","","","BUONO_SOCIALE|VOUCHER_SOCIALE","300.00","2019-07-01","2020-06-30","6","2000.00","","B2|B3"]`,
			`["Monza","108033","C-0005","SNZPLA70E05F704H","","","","","","","","","BUONO_SOCIALE","250.00","2020-01-01","","12","3000.00","","B4"]`,
		} {
			if !strings.Contains(b2, want) {
				t.Errorf("b2 lacks row %s:\n%s", want, b2)
			}
		}
		if n := e.scalar(t, `SELECT CAST(count(*) AS TEXT) FROM audit WHERE target = 'debiti ambito Monza' AND summary LIKE 'debiti report % (provisional), 2020-01-01..2020-12-31: % rows'`); n != "2" {
			t.Errorf("%s audit entries of the reports, want 2", n)
		}
		if n := e.scalar(t, `SELECT CAST(count(*) AS TEXT) FROM audit WHERE summary LIKE '%BRMGPP%' OR summary LIKE '%Brambilla%'`); n != "0" {
			t.Errorf("%s audit entries with personal data", n)
		}
		got = append(got, strings.Join(out, "\n"))
	})
	if len(got) == 2 && got[0] != got[1] {
		t.Errorf("the engines differ:\nsqlite   %s\npostgres %s", got[0], got[1])
	}
}
