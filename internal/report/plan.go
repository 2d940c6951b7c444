// Package report assembles the indicator catalogue into the document the
// coordinator of the lead Comune files: the plan's structure (premessa,
// stato dell'arte, input, process, output and outcome indicators, an annex
// of per-Comune tables), a generated sentence per table in the reader's
// language, and the Markdown, JSON and self-contained HTML renderings
// (html/template, inline SVG charts, phone and A4 print layouts). It knows
// the indicators through the catalogue only: a new indicator is planned,
// laid out and charted from its declared parameters, columns and counts.
// It does no I/O of its own beyond writing to the writer it is given.
package report

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// The parts of the report, in the plan's order.
const (
	PartPremessa = "premessa"
	PartStato    = "stato"
	PartInput    = "input"
	PartProcesso = "processo"
	PartOutput   = "output"
	PartOutcome  = "outcome"
	PartAltri    = "altri"
	PartAnnex    = "allegato"
)

// groupParts are the groups that name a part of the report; the
// catalogue's stato_arte group is the stato dell'arte, its analisi group
// the other indicators.
var groupParts = []string{PartInput, PartProcesso, PartOutput, PartOutcome}

const (
	groupStatoArte = "stato_arte"
	groupAnalisi   = "analisi"
)

// Use says what a computed table is for.
type Use string

// The uses of a computation.
const (
	UseBody     Use = "body"     // a table of the report's body
	UseAnnex    Use = "annex"    // a per-Comune table of the annex
	UseCoverage Use = "coverage" // which years have records (not shown)
)

// Item is one computation of the report: an indicator, its parameters,
// the part it belongs to and what it is for.
type Item struct {
	Name   string
	Params csi.IndicatorParams
	Part   string
	Use    Use
}

// Previous returns the period of the same length just before p.
func Previous(p indicators.Period) indicators.Period {
	n := p.To - p.From + 1
	return indicators.Period{From: p.From - n, To: p.From - 1}
}

// Plan returns the computations of the report for period p, in the
// catalogue's order: the four published tables of the plan (the catalogue
// entries whose source is a seed table) beside the previous period; every
// other indicator in the part its group names, per Ambito with the
// province where it can be; the year-based ones once per year; dates at
// the end of the period, or today if the period has not ended; and, for
// every indicator that can be broken down by Comune, the same table per
// Comune for the annex.
func Plan(p indicators.Period, today string, suppressBelow int) []Item {
	prev := Previous(p)
	at := min(p.End(), today)
	var items []Item
	for _, def := range indicators.Catalogue() {
		part := PartOf(def)
		base := csi.IndicatorParams{By: breakdown(def), SuppressBelow: suppressBelow}
		var body []csi.IndicatorParams
		switch {
		case indicators.Takes(def, indicators.ParamYear):
			years := p.Years()
			if part == PartStato {
				years = []int{prev.To, p.To}
			}
			for _, y := range years {
				q := base
				q.Year = y
				body = append(body, q)
			}
		default:
			q := base
			if indicators.Takes(def, indicators.ParamPeriod) {
				q.Period = []string{p.Label()}
				if part == PartStato {
					q.Period = []string{prev.Label(), p.Label()}
				}
			}
			if indicators.Takes(def, indicators.ParamAt) {
				q.At = at
			}
			if indicators.Takes(def, indicators.ParamSince) {
				q.Since = p.Start()
			}
			body = append(body, q)
		}
		for _, q := range body {
			items = append(items, Item{def.Name, q, part, UseBody})
		}
		if base.By != csi.ByComune && slices.Contains(def.By, csi.ByComune) {
			for _, q := range body {
				if q.Year != 0 && q.Year < p.From {
					continue // the previous period's year: compared in the body only
				}
				if len(q.Period) > 1 {
					q.Period = []string{p.Label()}
				}
				q.By = csi.ByComune
				items = append(items, Item{def.Name, q, PartAnnex, UseAnnex})
			}
		}
	}
	return append(items, coverage(p, prev, suppressBelow)...)
}

// coverage plans the computations that say which years of the two periods
// have records at all: accesses per year, and cartelle opened and closed
// per year. A year with neither reads "no data" instead of zeros.
func coverage(p, prev indicators.Period, suppressBelow int) []Item {
	var years []string
	for y := prev.From; y <= p.To; y++ {
		years = append(years, indicators.Period{From: y, To: y}.Label())
	}
	var items []Item
	for _, name := range []string{coverageAccessi, coverageCartelle} {
		if _, err := indicators.Find(name); err == nil {
			items = append(items, Item{name, csi.IndicatorParams{Period: years, By: csi.ByProvincia, SuppressBelow: suppressBelow}, "", UseCoverage})
		}
	}
	return items
}

// The indicators whose counts tell whether a year has records.
const (
	coverageAccessi  = "accessi-segretariato"
	coverageCartelle = "cartelle-movimento"
)

// PartOf returns the part of the report an indicator belongs to: the
// stato dell'arte for the plan's published tables (source "seed table
// N"), else the part its group names (input, processo, output, outcome),
// else the part its source names ("seed process indicator 1a"), else the
// other indicators of the catalogue.
func PartOf(def csi.IndicatorDef) string {
	src := strings.ToLower(def.Source)
	if strings.HasPrefix(src, "seed table") {
		return PartStato
	}
	switch g := Group(def); {
	case g == groupStatoArte:
		return PartStato
	case g == groupAnalisi:
		return PartAltri
	case slices.Contains(groupParts, g):
		return g
	}
	for _, g := range []struct{ word, part string }{{"process", PartProcesso}, {"output", PartOutput}, {"outcome", PartOutcome}, {"input", PartInput}} {
		if strings.Contains(src, g.word) {
			return g.part
		}
	}
	return PartAltri
}

// Group returns the group the catalogue gives an indicator (stato_arte,
// input, processo, output, outcome, analisi), "" if none. It reads the entry's JSON form,
// the documented contract of 'csi indicators list -o json', so that the
// report follows the catalogue whatever fields the Go type grows.
func Group(def csi.IndicatorDef) string {
	return jsonString(def, "group")
}

// jsonString returns the string value of key in v's JSON form, "" if
// there is none.
func jsonString(v any, key string) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return ""
	}
	s, _ := m[key].(string)
	return s
}

// breakdown is the report's level for def: per Ambito when it can be.
func breakdown(def csi.IndicatorDef) string {
	if slices.Contains(def.By, csi.ByAmbito) {
		return csi.ByAmbito
	}
	if len(def.By) == 0 {
		return ""
	}
	return def.By[0]
}
