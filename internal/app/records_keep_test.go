package app_test

import (
	"os"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestInterventiReimportKeepsSiussFields re-imports the SIUSS fixture's
// interventi from an older file without the SIUSS columns: the stored
// SIUSS fields stay, the rows are unchanged; a file with a SIUSS column
// present but empty clears that column only; a changed original column
// updates the row and still keeps the SIUSS fields. On both engines.
func TestInterventiReimportKeepsSiussFields(t *testing.T) {
	const q = `SELECT id_intervento || ':' || protocollo_domanda || ':' || presenza_prova_mezzi || ':' || numero_protocollo_dsu || ':' ||
		COALESCE(CAST(quota_ente AS TEXT), '-') || ':' || COALESCE(CAST(ore_servizio_mensile AS TEXT), '-') || ':' || importo_mensile
		FROM interventi WHERE id_intervento = 'I1'`
	old := "id_intervento;id_cartella;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;data_erogazione;importo;misura;presa_in_carico\n" +
		"I1;C-0001;A2.07;P;2020-03-01;2021-06-30;300,00;;;;S\n"
	changed := strings.Replace(old, "300,00", "320,00", 1)
	emptied := "id_intervento;id_cartella;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;data_erogazione;importo;misura;presa_in_carico;protocollo_domanda\n" +
		"I1;C-0001;A2.07;P;2020-03-01;2021-06-30;320,00;;;;S;\n"
	var got []string
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		svc := siussServices(t, e)
		want := "I1:P-2020-1:1:INPS-ISEE-2020-1:25000:1250:30000"
		if s := e.scalar(t, q); s != want {
			t.Fatalf("after the SIUSS file: %s, want %s", s, want)
		}
		imp := func(name, data string) *csi.ImportSummary {
			t.Helper()
			sum, err := svc.ImportRecords(actorCtx(), csi.RecordImport{Kind: "interventi"}, bytesSource(name, []byte(data)))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return sum
		}
		if sum := imp("old.csv", old); sum.Unchanged != 1 || sum.Updated != 0 {
			t.Errorf("old file: %d unchanged, %d updated, want the row unchanged", sum.Unchanged, sum.Updated)
		}
		if s := e.scalar(t, q); s != want {
			t.Errorf("after the old file: %s, want %s (SIUSS fields kept)", s, want)
		}
		if sum := imp("changed.csv", changed); sum.Updated != 1 {
			t.Errorf("changed file: %d updated, want 1", sum.Updated)
		}
		want = "I1:P-2020-1:1:INPS-ISEE-2020-1:25000:1250:32000"
		if s := e.scalar(t, q); s != want {
			t.Errorf("after the changed old file: %s, want %s", s, want)
		}
		if sum := imp("emptied.csv", emptied); sum.Updated != 1 {
			t.Errorf("file with an empty protocollo_domanda: %d updated, want 1", sum.Updated)
		}
		want = "I1::1:INPS-ISEE-2020-1:25000:1250:32000"
		if s := e.scalar(t, q); s != want {
			t.Errorf("after an empty protocollo_domanda column: %s, want %s (that column cleared, the others kept)", s, want)
		}
		// The full SIUSS file again (CRLF, so that it is not the very same
		// file, a no-op) restores the protocol: one update.
		full, err := os.ReadFile("testdata/siuss-interventi.csv")
		if err != nil {
			t.Fatal(err)
		}
		if sum := imp("full.csv", strings.ReplaceAll(string(full), "\n", "\r\n")); sum.Updated != 1 || sum.Unchanged != 7 {
			t.Errorf("the SIUSS file again: %d updated, %d unchanged; want I1 updated, the others unchanged", sum.Updated, sum.Unchanged)
		}
		if s := e.scalar(t, q); s != "I1:P-2020-1:1:INPS-ISEE-2020-1:25000:1250:30000" {
			t.Errorf("after the SIUSS file again: %s", s)
		}
		got = append(got, e.scalar(t, q))
	})
	if len(got) == 2 && got[0] != got[1] {
		t.Errorf("the engines differ: %v", got)
	}
}
