// Package report assembles the indicator catalogue into one document for
// the annual monitoring and the biennial evaluation report: what to
// compute for a period, a generated sentence per table, and the Markdown
// and self-contained HTML renderings (inline SVG charts, print CSS). It
// does no I/O of its own beyond writing to the writer it is given.
package report

import (
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// Item is one table of the report: an indicator and its parameters.
type Item struct {
	Name   string
	Params csi.IndicatorParams
}

// Plan returns the tables of the report for period p: every indicator of
// the catalogue, per Ambito with the province total where the indicator
// allows it; the year-based ones once per year of the period; dates at
// the end of the period, or today if the period has not ended.
func Plan(p indicators.Period, today string, suppressBelow int) []Item {
	at := p.End()
	if today < at {
		at = today
	}
	periods := []string{p.Label()}
	if p.From != p.To {
		periods = nil
		for _, y := range p.Years() {
			periods = append(periods, fmt.Sprint(y))
		}
		periods = append(periods, p.Label())
	}
	var items []Item
	for _, def := range indicators.Catalogue() {
		base := csi.IndicatorParams{By: breakdown(def), SuppressBelow: suppressBelow}
		switch {
		case def.Name == "accessi-segretariato":
			base.Period = periods
			items = append(items, Item{def.Name, base})
		case indicators.Takes(def, indicators.ParamYear):
			for _, y := range p.Years() {
				q := base
				q.Year = y
				items = append(items, Item{def.Name, q})
			}
		default:
			if indicators.Takes(def, indicators.ParamPeriod) {
				base.Period = []string{p.Label()}
			}
			if indicators.Takes(def, indicators.ParamAt) {
				base.At = at
				if def.Name == "popolazione" {
					base.At = p.Start()
				}
			}
			if indicators.Takes(def, indicators.ParamSince) {
				base.Since = p.Start()
			}
			items = append(items, Item{def.Name, base})
		}
	}
	return items
}

// breakdown is the report's level for def: per Ambito when it can be.
func breakdown(def csi.IndicatorDef) string {
	for _, b := range def.By {
		if b == csi.ByAmbito {
			return b
		}
	}
	return def.By[0]
}
