package report

import (
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// reading is what a sentence reads: the result shown, and for a table
// compared with the previous period that period's label (and its result,
// for the year-based tables).
type reading struct {
	def    csi.IndicatorDef
	res    *csi.IndicatorResult
	prev   *csi.IndicatorResult
	cur    string
	before string
}

// sentence returns the sentence that states what a table shows. It uses
// only values that were not withheld, and says so when the figure it
// needs was. An indicator the report has no sentence of its own for gets
// a generic one from its shape: the total, and the largest part.
func (w *words) sentence(in reading) string {
	if len(in.res.Rows) == 0 {
		return w.p.T("Nothing is recorded for these parameters.")
	}
	fn := sentences[in.res.Indicator]
	if fn == nil {
		fn = (*words).sentenceGeneric
	}
	if s := fn(w, in); s != "" {
		return s
	}
	return w.p.T("The figures needed for a summary are withheld (counts below %s).", strconv.Itoa(in.res.Params.SuppressBelow))
}

var sentences = map[string]func(*words, reading) string{
	"accessi-segretariato":   (*words).sentenceAccessi,
	"cartelle-movimento":     (*words).sentenceMovimento,
	"cartelle-popolazione":   (*words).sentencePopolazioneCartelle,
	"comuni-fasce":           (*words).sentenceFasce,
	"anagrafe-automatica":    (*words).sentenceAutomatica,
	"ambiti-referente":       (*words).sentenceReferente,
	"cartelle-aperte-dal":    (*words).sentenceAperteDal,
	"cartelle-area":          (*words).sentenceArea,
	"giorni-accesso-pic":     (*words).sentenceGiorni,
	"motivi-chiusura":        (*words).sentenceMotivi,
	"interventi-prestazione": (*words).sentencePrestazione,
	"interventi-misura":      (*words).sentenceMisura,
	"popolazione":            (*words).sentencePopolazione,
	"debiti-informativi":     (*words).sentenceDebiti,
}

// count returns an unwithheld count.
func count(r csi.IndicatorRow, key string) (int64, bool) {
	v, ok := r.Get(key).(int64)
	return v, ok
}

// totalRow returns the row that totals the others, or the only row.
func totalRow(rows []csi.IndicatorRow) (csi.IndicatorRow, bool) {
	for _, r := range rows {
		if isTotalRow(r) {
			return r, true
		}
	}
	if len(rows) == 1 {
		return rows[0], true
	}
	return csi.IndicatorRow{}, false
}

// largest returns the part with the largest unwithheld value of key.
func largest(rows []csi.IndicatorRow, label, key string) (string, float64, bool) {
	var best string
	var bv float64
	found := false
	for _, r := range parts(rows) {
		var v float64
		switch x := r.Get(key).(type) {
		case int64:
			v = float64(x)
		case csi.Dec:
			v = x.Float()
		default:
			continue
		}
		if !found || v > bv {
			best, bv, found = r.Str(label), v, true
		}
	}
	return best, bv, found
}

// sentenceGeneric reads any table: its measure in all (the total row, or
// the sum of the parts), and the part with the most.
func (w *words) sentenceGeneric(in reading) string {
	sh := shapeOf(in.def, in.res)
	m := countOf(in.def, in.res, sh.measure)
	if m == "" {
		return w.p.T("The table lists %s rows.", w.num(int64(len(in.res.Rows))))
	}
	rows := in.res.Rows
	keys := rowKeys(in.res)
	if keys["periodo"] && in.cur != "" {
		rows = where(rows, "periodo", in.cur)
	}
	if keys["anno"] {
		rows = lastYear(rows)
	}
	t, ok := grandTotal(rows, m)
	if !ok {
		return ""
	}
	_, text, shown := w.value(t, m)
	if !shown {
		return ""
	}
	s := w.p.T("%s in all: %s.", header(w.p.Lang(), m), text)
	label := sh.label
	if label == "anno" {
		label = ""
		for _, k := range []string{"nome", "ambito", "codice"} {
			if keys[k] {
				label = k
				break
			}
		}
	}
	if label != "" {
		if best, _, ok := largest(rows, label, m); ok && best != "" && len(parts(rows)) > 1 {
			for _, r := range parts(rows) {
				if r.Str(label) == best {
					_, bt, _ := w.value(r, m)
					s = w.p.T("%s in all: %s; the most in %s (%s).", header(w.p.Lang(), m), text, best, bt)
					break
				}
			}
		}
	}
	return s
}

// lastYear returns the rows of the latest anno.
func lastYear(rows []csi.IndicatorRow) []csi.IndicatorRow {
	var last int64
	for _, r := range rows {
		if y, ok := r.Get("anno").(int64); ok {
			last = max(last, y)
		}
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		if y, _ := r.Get("anno").(int64); y == last {
			out = append(out, r)
		}
	}
	return out
}

// countOf is what a generic sentence adds up: the indicator's first count,
// else its first whole number, else the chart's measure.
func countOf(def csi.IndicatorDef, res *csi.IndicatorResult, measure string) string {
	for _, c := range def.Counts {
		if !strings.HasPrefix(c, "saldo") {
			return c
		}
	}
	for _, r := range res.Rows {
		for i, k := range r.Keys {
			if _, ok := r.Values[i].(int64); ok && !structural[k] && !isYearKey(k) {
				return k
			}
		}
	}
	return measure
}

// grandTotal returns the row that totals all the others: of the total
// rows the one with the largest value of key (a Totale of Totali), or the
// only row.
func grandTotal(rows []csi.IndicatorRow, key string) (csi.IndicatorRow, bool) {
	var best csi.IndicatorRow
	bv, found := 0.0, false
	for _, r := range rows {
		if !isTotalRow(r) {
			continue
		}
		var v float64
		switch x := r.Get(key).(type) {
		case int64:
			v = float64(x)
		case csi.Dec:
			v = x.Float()
		}
		if !found || v > bv {
			best, bv, found = r, v, true
		}
	}
	if found {
		return best, true
	}
	return totalRow(rows)
}
