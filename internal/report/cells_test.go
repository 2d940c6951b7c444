package report

import (
	"slices"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

// TestTableCellsInLanguage checks that the report's tables write amounts,
// percentages, counts and dates the language's way, as terminal tables do.
func TestTableCellsInLanguage(t *testing.T) {
	def, err := indicators.Find("interventi-prestazione")
	if err != nil {
		t.Fatal(err)
	}
	res := result("interventi-prestazione", csi.IndicatorParams{Period: []string{"2023-2024"}},
		row("periodo", "2023-2024", "codice_prestazione", "A1.01", "interventi", 8823, "beneficiari", 1200, "importo", csi.Dec("36644208.51")))
	fasceDef, _ := indicators.Find("comuni-fasce")
	fasceRes := fasce(2023, 50, 3, 2)
	for _, tc := range []struct {
		lang       i18n.Lang
		want, pcts []string
	}{
		{i18n.Italian, []string{"2023-2024", "A1.01", "8.823", "1.200", "€ 36.644.208,51"}, []string{"90,91%", "5,45%"}},
		{i18n.English, []string{"2023-2024", "A1.01", "8,823", "1,200", "€36,644,208.51"}, []string{"90.91%", "5.45%"}},
	} {
		b := &builder{words: newWords(i18n.NewPrinter(tc.lang), 0)}
		tb := b.table(def, res)
		if tb == nil || len(tb.Rows) != 1 {
			t.Fatalf("%s: table %+v", tc.lang, tb)
		}
		if !slices.Equal(tb.Rows[0], tc.want) {
			t.Errorf("%s: row %q, want %q", tc.lang, tb.Rows[0], tc.want)
		}
		ft := b.table(fasceDef, fasceRes)
		if got := []string{ft.Rows[0][len(ft.Rows[0])-1], ft.Rows[1][len(ft.Rows[1])-1]}; !slices.Equal(got, tc.pcts) {
			t.Errorf("%s: percentages %q, want %q", tc.lang, got, tc.pcts)
		}
	}
}

func TestColumnKindsDates(t *testing.T) {
	lt := indicators.Table{Headers: []string{"ambito", "con_referente", "dal"},
		Rows: [][]string{{"Desio", "yes", "2024-06-30"}, {"Monza", "no", ""}}, Numeric: []bool{false, false, false}}
	got := columnKinds(csi.IndicatorDef{}, lt)
	if want := []i18n.Kind{i18n.Text, i18n.Text, i18n.Date}; !slices.Equal(got, want) {
		t.Fatalf("kinds %v, want %v", got, want)
	}
	b := &builder{words: newWords(i18n.NewPrinter(i18n.Italian), 0)}
	if got := b.kindCell(i18n.Date, "2024-06-30"); got != "30/06/2024" {
		t.Errorf("date cell %q, want 30/06/2024", got)
	}
	if got := b.kindCell(i18n.Text, "yes"); got != "sì" {
		t.Errorf("yes cell %q, want sì", got)
	}
}
