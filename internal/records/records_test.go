package records

import (
	"bytes"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/dialect"
)

// parseFile parses every row of a records file of kind k.
func parseFile(t *testing.T, k *Kind, text string) ([][]any, []uint64, []*Reject) {
	t.Helper()
	data := []byte(text)
	fp, err := dialect.Scan(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	r, err := dialect.Open(bytes.NewReader(data), k.Schema(), dialect.Options{File: "t.csv"}, &fp)
	if err != nil {
		t.Fatal(err)
	}
	var vals [][]any
	var hashes []uint64
	var rejects []*Reject
	for {
		row, err := r.Next()
		if err != nil {
			break
		}
		v, h, rej := k.Parse(row, r.NumColumns(), ',')
		vals, hashes, rejects = append(vals, v), append(hashes, h), append(rejects, rej)
	}
	return vals, hashes, rejects
}

// TestInterventiOldFilesKeepFingerprints: a file without the SIUSS columns,
// and the same file with them present but empty, give the rows the
// fingerprints they had; filling a SIUSS column changes it.
func TestInterventiOldFilesKeepFingerprints(t *testing.T) {
	old := "id_intervento;id_cartella;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;data_erogazione;importo;misura;presa_in_carico;comune\n" +
		"I1;C1;A2.07;P;2020-01-01;2020-12-31;300,00;;;;S;108033\n"
	_, h0, rej := parseFile(t, Interventi, old)
	if rej[0] != nil {
		t.Fatal(rej[0])
	}
	// The fingerprint of the 12 columns before the SIUSS ones, as it was.
	withEmpty := strings.Replace(old, "comune\n", "comune;protocollo_domanda;quota_ente\n", 1)
	withEmpty = strings.Replace(withEmpty, "108033\n", "108033;;\n", 1)
	_, h1, _ := parseFile(t, Interventi, withEmpty)
	filled := strings.Replace(withEmpty, "108033;;\n", "108033;P-1;250,00\n", 1)
	v2, h2, _ := parseFile(t, Interventi, filled)
	if h0[0] != h1[0] {
		t.Errorf("empty SIUSS columns changed the fingerprint: %x, was %x", h1[0], h0[0])
	}
	if h2[0] == h0[0] {
		t.Errorf("filled SIUSS columns kept the fingerprint %x", h2[0])
	}
	if got := v2[0][Interventi.Index("quota_ente")]; got != int64(25000) {
		t.Errorf("quota_ente %v, want 25000 cents", got)
	}
	if got := v2[0][Interventi.Index("protocollo_domanda")]; got != "P-1" {
		t.Errorf("protocollo_domanda %v", got)
	}
}

// TestSINBAMonthsAndLists: months read from MM/YYYY, YYYY-MM or a date;
// lists joined by '|' whatever their separator; a bad month rejects the row
// naming the column.
func TestSINBAMonthsAndLists(t *testing.T) {
	file := "id_cartella;comune;data_prima_segnalazione;data_segnalazione;data_provvedimento_giudiziario;prestazioni;famiglia\n" +
		"C1;108033;3/2024;2024-05;15/06/2024;a1.07 + A2.02;1|3\n" +
		"C2;108033;13/2024;;;;\n"
	vals, _, rej := parseFile(t, SINBA, file)
	if rej[0] != nil {
		t.Fatal(rej[0])
	}
	for col, want := range map[string]string{"data_prima_segnalazione": "03/2024", "data_segnalazione": "05/2024",
		"data_provvedimento_giudiziario": "06/2024", "prestazioni": "A1.07|A2.02", "famiglia": "1|3"} {
		if got := vals[0][SINBA.Index(col)]; got != want {
			t.Errorf("%s: %v, want %s", col, got, want)
		}
	}
	if rej[1] == nil || rej[1].Column != "data_prima_segnalazione" || rej[1].Line != 3 {
		t.Errorf("a bad month: %+v", rej[1])
	}
}
