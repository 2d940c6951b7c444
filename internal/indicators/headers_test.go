package indicators

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// TestColumnsHaveEnglishHeaders fails when a column of the catalogue has
// no English name in i18n's headers (its Italian key would show in an
// English table), except the domain's words English keeps.
func TestColumnsHaveEnglishHeaders(t *testing.T) {
	same := map[string]bool{"ambito": true, "area": true, "cartelle": true, "comune": true, "comuni": true, "interventi": true}
	for _, def := range Catalogue() {
		for _, c := range def.Columns {
			if got := i18n.English.Header(c); got == strings.ReplaceAll(c, "_", " ") && !same[c] {
				t.Errorf("%s: column %s has no English header", def.Name, c)
			}
		}
	}
}

func TestLocalMeta(t *testing.T) {
	res := &csi.IndicatorResult{Indicator: "cartelle-popolazione", Version: "1", Params: csi.IndicatorParams{Year: 2020, At: "2024-06-30"},
		Geography: "Provincia di Monza e Brianza, by ambito", Population: &csi.PopulationInfo{Date: "2020-01-01", Source: csi.PopAnagrafe},
		Snapshot: csi.Snapshot{LastImportID: 65, LastAuditID: 148, Revision: "i65.a148"}, GeneratedAt: "2024-06-30T10:00:00Z"}
	for lang, want := range map[i18n.Lang][][2]string{
		i18n.Italian: {{"indicatore", "cartelle-popolazione v1"}, {"parametri", "anno 2020; al 30/06/2024"},
			{"territorio", "Provincia di Monza e Brianza, per Ambito"}, {"popolazione", "residenti al 01/01/2020: anagrafe"},
			{"fotografia", "i65.a148 (ultimo caricamento 65, ultima voce del registro 148)"}, {"generato", "30/06/2024 10:00 UTC"}},
		i18n.English: {{"indicator", "cartelle-popolazione v1"}, {"params", "year 2020; on 2024-06-30"},
			{"geography", "Provincia di Monza e Brianza, by Ambito"}, {"population", "residents on 2020-01-01: anagrafe"},
			{"snapshot", "i65.a148 (last import 65, last audit entry 148)"}, {"generated", "2024-06-30T10:00:00Z"}},
	} {
		got := LocalMeta(res, i18n.NewPrinter(lang))
		if len(got) != len(want) {
			t.Fatalf("%s: %q", lang, got)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s line %d: got %q, want %q", lang, i, got[i], want[i])
			}
		}
	}
}
