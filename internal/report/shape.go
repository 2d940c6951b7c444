package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// structural are the row keys that say what a row is about (its period,
// its place), not what it measures.
var structural = map[string]bool{
	"periodo": true, "anno": true, "livello": true, "codice": true, "nome": true,
	"ambito": true, "comune": true, "fonte_popolazione": true,
}

// shape is what a result's rows are, read from the indicator's declared
// columns and counts: the value a chart draws, the column that names a
// bar, and whether the rows are categories (areas, reasons, bands), places
// or years.
type shape struct {
	measure  string
	label    string
	category bool
	// flows are the counts drawn per year when the rows are years.
	flows []string
}

// shapeOf reads the shape of a result of def.
func shapeOf(def csi.IndicatorDef, res *csi.IndicatorResult) shape {
	s := shape{measure: measureOf(def, res)}
	keys := rowKeys(res)
	if keys["anno"] {
		for _, c := range def.Counts {
			if !strings.HasPrefix(c, "saldo") {
				s.flows = append(s.flows, c)
			}
		}
		if len(s.flows) > 0 {
			s.label = "anno"
			return s
		}
	}
	if c := categoryOf(res); c != "" {
		s.label, s.category = c, true
		return s
	}
	for _, k := range []string{"nome", "ambito", "codice", "periodo"} {
		if keys[k] {
			s.label = k
			break
		}
	}
	return s
}

// findings name, for indicators of the first catalogue whose first
// number is not their finding, the value their chart draws.
var findings = map[string]string{
	"anagrafe-automatica":    "regolari",
	"giorni-accesso-pic":     "mediana_giorni",
	"interventi-prestazione": "importo",
	"interventi-misura":      "importo",
}

// measureOf is the value a chart of def draws: its percentage, else its
// first count, else the first number of its rows.
func measureOf(def csi.IndicatorDef, res *csi.IndicatorResult) string {
	if m, ok := findings[def.Name]; ok {
		return m
	}
	if def.Percent != "" {
		return def.Percent
	}
	for _, c := range def.Counts {
		if !strings.HasPrefix(c, "saldo") {
			return c
		}
	}
	for _, r := range res.Rows {
		for i, k := range r.Keys {
			switch r.Values[i].(type) {
			case int64, csi.Dec:
				if !structural[k] && !isYearKey(k) {
					return k
				}
			}
		}
	}
	return ""
}

// categoryOf returns the column that names a category (area, reason,
// band, measure): a text column that is not structural nor a date, its
// description when there is one.
func categoryOf(res *csi.IndicatorResult) string {
	if len(res.Rows) == 0 {
		return ""
	}
	var cands []string
	for _, k := range res.Rows[0].Keys {
		if structural[k] || !textColumn(res, k) {
			continue
		}
		cands = append(cands, k)
	}
	if slices.Contains(cands, "descrizione") {
		return "descrizione"
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return ""
}

// textColumn says whether key holds text in every row, some of it not
// empty, none of it a date.
func textColumn(res *csi.IndicatorResult, key string) bool {
	some := false
	for _, r := range res.Rows {
		s, ok := r.Get(key).(string)
		if !ok || dateCell.MatchString(s) {
			return false
		}
		some = some || s != ""
	}
	return some
}

func rowKeys(res *csi.IndicatorResult) map[string]bool {
	keys := map[string]bool{}
	for _, r := range res.Rows {
		for _, k := range r.Keys {
			keys[k] = true
		}
	}
	return keys
}

// isTotalRow says whether r totals the others: the province's row, or a
// row labelled Totale (of the Ambiti, of a list of categories).
func isTotalRow(r csi.IndicatorRow) bool {
	if r.Str("livello") == csi.ByProvincia {
		return true
	}
	for _, v := range r.Values {
		if s, ok := v.(string); ok && s == csi.TotalLabel {
			return true
		}
	}
	return false
}

// isComuneRow says whether r is about one Comune.
func isComuneRow(r csi.IndicatorRow) bool {
	if lv := r.Str("livello"); lv != "" {
		return lv == csi.ByComune
	}
	return r.Str("comune") != ""
}

// totalLevel returns the rows of the level that totals the others: the
// province's (or Totale's) rows, or every row when none totals.
func totalLevel(rows []csi.IndicatorRow) []csi.IndicatorRow {
	var out []csi.IndicatorRow
	for _, r := range rows {
		if isTotalRow(r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return rows
	}
	return out
}

// parts returns the rows that are not totals.
func parts(rows []csi.IndicatorRow) []csi.IndicatorRow {
	var out []csi.IndicatorRow
	for _, r := range rows {
		if !isTotalRow(r) {
			out = append(out, r)
		}
	}
	return out
}

// comuneRows returns the rows about one Comune, sorted by Ambito, then
// by the Comune's name, then by code, keeping the order of the rest (the
// periods, the categories).
func comuneRows(rows []csi.IndicatorRow) []csi.IndicatorRow {
	var out []csi.IndicatorRow
	for _, r := range rows {
		if isComuneRow(r) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b csi.IndicatorRow) int {
		return cmp.Or(
			cmp.Compare(a.Str("ambito"), b.Str("ambito")),
			cmp.Compare(strings.ToLower(a.Str("nome")), strings.ToLower(b.Str("nome"))),
			cmp.Compare(a.Str("codice")+a.Str("comune"), b.Str("codice")+b.Str("comune")),
		)
	})
	return out
}

// where returns the rows whose key equals value.
func where(rows []csi.IndicatorRow, key, value string) []csi.IndicatorRow {
	var out []csi.IndicatorRow
	for _, r := range rows {
		if r.Str(key) == value {
			out = append(out, r)
		}
	}
	return out
}

// withRows returns a copy of res holding rows.
func withRows(res *csi.IndicatorResult, rows []csi.IndicatorRow) *csi.IndicatorResult {
	c := *res
	c.Rows = rows
	return &c
}

// stack joins the results of one indicator for several years into one,
// each row led by its year.
func stack(results []*csi.IndicatorResult, years []string) *csi.IndicatorResult {
	c := *results[len(results)-1]
	c.Rows = nil
	for i, res := range results {
		for _, r := range res.Rows {
			s := csi.IndicatorRow{Geo: r.Geo, Suppressed: r.Suppressed, Complementary: r.Complementary}
			s.Set("anno", years[i])
			s.Keys = append(s.Keys, r.Keys...)
			s.Values = append(s.Values, r.Values...)
			c.Rows = append(c.Rows, s)
		}
	}
	return &c
}
