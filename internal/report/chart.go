package report

import (
	"fmt"
	"html"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	Text  string
}

// chartSpec says which rows and value a table's chart draws: the parts
// (totals false) or the categories of the total level (totals true).
type chartSpec struct {
	label, value string
	totals       bool
}

var charts = map[string]chartSpec{
	"accessi-segretariato":   {"ambito", "accessi", false},
	"cartelle-popolazione":   {"nome", "percentuale", false},
	"comuni-fasce":           {"fascia", "comuni", false},
	"anagrafe-automatica":    {"nome", "regolari", false},
	"cartelle-aperte-dal":    {"nome", "aperte", false},
	"cartelle-area":          {"descrizione", "cartelle_aperte", true},
	"giorni-accesso-pic":     {"nome", "mediana_giorni", false},
	"motivi-chiusura":        {"descrizione", "chiuse", true},
	"interventi-prestazione": {"codice_prestazione", "importo", true},
	"interventi-misura":      {"misura", "importo", true},
	"popolazione":            {"nome", "popolazione", false},
}

// Bars returns the bars of a result's chart (none for a table that has
// nothing to compare). Withheld values have no bar.
func Bars(res *csi.IndicatorResult) []Bar {
	if res.Indicator == "cartelle-movimento" {
		return movimentoBars(res)
	}
	spec, ok := charts[res.Indicator]
	if !ok {
		return nil
	}
	rows := res.Rows
	if len(res.Params.Period) > 0 {
		rows = where(rows, "periodo", lastPeriod(res))
	}
	if res.Indicator == "accessi-segretariato" && res.Params.By == csi.ByComune {
		spec.label = "nome"
	}
	var bars []Bar
	for _, r := range chartRows(res, rows, spec.totals) {
		if b, ok := bar(r, spec.label, spec.value); ok {
			bars = append(bars, b)
		}
	}
	return bars
}

// chartRows picks the rows a chart compares: the categories of the total
// level, or the parts at the breakdown level (without the totals).
func chartRows(res *csi.IndicatorResult, rows []csi.IndicatorRow, totals bool) []csi.IndicatorRow {
	if totals {
		if res.Params.By == csi.ByAmbito {
			return where(rows, "ambito", csi.TotalLabel)
		}
		return rows
	}
	if lv := where(rows, "livello", res.Params.By); len(lv) > 0 {
		return lv
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		if !isTotalRow(r) {
			out = append(out, r)
		}
	}
	return out
}

func bar(r csi.IndicatorRow, label, key string) (Bar, bool) {
	switch v := r.Get(key).(type) {
	case int64:
		return Bar{r.Str(label), float64(v), indicators.Cell(v, false, 0, true)}, true
	case csi.Dec:
		return Bar{r.Str(label), v.Float(), indicators.Cell(v, false, 0, true)}, true
	}
	return Bar{}, false
}

func movimentoBars(res *csi.IndicatorResult) []Bar {
	rows := where(res.Rows, "periodo", lastPeriod(res))
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	var bars []Bar
	for _, r := range rows {
		y := fmt.Sprint(r.Get("anno"))
		if b, ok := bar(r, "", "aperte"); ok {
			b.Label = y + " opened"
			bars = append(bars, b)
		}
		if b, ok := bar(r, "", "chiuse"); ok {
			b.Label = y + " closed"
			bars = append(bars, b)
		}
	}
	return bars
}

// Chart geometry, in SVG user units.
const (
	chartWidth = 640
	labelWidth = 210
	barSpace   = 330
	rowHeight  = 22
)

// SVG draws bars as an inline horizontal bar chart (no external resource).
func SVG(title string, bars []Bar) string {
	if len(bars) == 0 {
		return ""
	}
	top := 0.0
	for _, b := range bars {
		top = max(top, b.Value)
	}
	h := rowHeight*len(bars) + 8
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-label="%s">`,
		chartWidth, h, chartWidth, h, html.EscapeString(title))
	fmt.Fprintf(&s, "<title>%s</title>", html.EscapeString(title))
	for i, b := range bars {
		y := 4 + i*rowHeight
		w := 0.0
		if top > 0 {
			w = b.Value / top * barSpace
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d" text-anchor="end">%s</text>`, labelWidth-6, y+15, html.EscapeString(b.Label))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%.1f" height="16"></rect>`, labelWidth, y+2, w)
		fmt.Fprintf(&s, `<text x="%.1f" y="%d">%s</text>`, float64(labelWidth)+w+4, y+15, html.EscapeString(b.Text))
	}
	s.WriteString("</svg>")
	return s.String()
}
