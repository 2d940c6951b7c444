package debiti

import (
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/records"
)

// iv builds an intervento's values from column names.
func iv(cols map[string]any) []any {
	v := make([]any, len(records.Interventi.Columns))
	for i, c := range records.Interventi.Columns {
		if c.Type != records.Amount {
			v[i] = ""
		}
	}
	for k, x := range cols {
		v[records.Interventi.Index(k)] = x
	}
	return v
}

// TestBuilder: one row per beneficiary and measure, the months and total
// of the period, the other measures, the code list, the registry data and
// the rows' order; interventi of other measures stay out.
func TestBuilder(t *testing.T) {
	def := &Definition{Name: "b2", Filters: Filters{Misura: []string{"B2"}},
		CodeLists: map[string]map[string]string{"s": {"A1.11": "BUONO"}}}
	for _, src := range []string{"cartella.comune", "beneficiario.codice_fiscale", "beneficiario.eta", "intervento.codice_prestazione",
		"calc.mesi", "calc.totale_erogato", "calc.importo_mensile", "calc.data_inizio", "calc.data_fine", "calc.altre_misure",
		"calc.n_interventi", "intervento.importo", "sina.invalidita_civile", "misura"} {
		c := Column{Key: src, Source: src}
		if src == "intervento.codice_prestazione" {
			c.CodeList = "s"
		}
		def.Columns = append(def.Columns, c)
	}
	b := NewBuilder(def, "2024-01-01", "2024-12-31")
	p := &Person{Sesso: "F", DataNascita: "1940-12-31", Comune: "108033"}
	sina := make([]any, len(records.ValutazioniSINA.Columns))
	sina[records.ValutazioniSINA.Index("invalidita_civile")] = "2|6"
	add := func(cf string, person *Person, s []any, cols map[string]any) {
		b.Add(Intervento{Values: iv(cols), CodiceFiscale: cf, Person: person, SINA: s, Ambito: "Monza"})
	}
	// Z (84 on the last day): a monthly buono from mid-2023 to June (6 months
	// of 2024), a higher one from July, ongoing (6), a one-off payment.
	add("ZZZ", p, sina, map[string]any{"id_intervento": "I1", "comune": "108033", "codice_prestazione": "A1.11", "carattere": "P",
		"data_inizio": "2023-06-15", "data_fine": "2024-06-30", "importo_mensile": int64(30000), "misura": "B2"})
	add("ZZZ", p, nil, map[string]any{"id_intervento": "I2", "comune": "108033", "codice_prestazione": "A1.11", "carattere": "P",
		"data_inizio": "2024-07-01", "importo_mensile": int64(35000), "misura": "B2"})
	add("ZZZ", p, nil, map[string]any{"id_intervento": "I3", "comune": "108033", "codice_prestazione": "A1.15", "carattere": "O",
		"data_erogazione": "2024-03-01", "importo": int64(12345), "misura": "B2"})
	add("ZZZ", p, nil, map[string]any{"id_intervento": "I4", "comune": "108033", "codice_prestazione": "A3.01", "carattere": "P",
		"data_inizio": "2024-01-01", "importo_mensile": int64(50000), "misura": "DDN"})
	// A: in another Comune, sorted before Z's; no registry data.
	add("AAA", nil, nil, map[string]any{"id_intervento": "J1", "comune": "108012", "codice_prestazione": "A1.11", "carattere": "P",
		"data_inizio": "2024-11-10", "data_fine": "2025-03-31", "importo_mensile": int64(10000), "misura": "B2"})
	// No misura: only counts for nobody.
	add("BBB", p, nil, map[string]any{"id_intervento": "K1", "comune": "108033", "codice_prestazione": "A1.07", "carattere": "O",
		"data_erogazione": "2024-05-01", "importo": int64(100)})
	got := b.Report().Rows
	want := [][]string{
		{"108012", "AAA", "", "BUONO", "2", "200.00", "100.00", "2024-11-10", "2025-03-31", "", "1", "", "", "B2"},
		{"108033", "ZZZ", "84", "BUONO|A1.15", "12", "4023.45", "350.00", "2023-06-15", "", "DDN", "3", "123.45", "2|6", "B2"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
}

func TestAge(t *testing.T) {
	for _, c := range [][3]string{{"1940-12-31", "2024-12-30", "83"}, {"1940-12-31", "2024-12-31", "84"}, {"", "2024-12-31", ""}, {"2000-02-29", "2024-02-28", "23"}} {
		if got := age(c[0], c[1]); got != c[2] {
			t.Errorf("age(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}
