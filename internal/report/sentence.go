package report

import (
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// Sentence returns a short sentence that reads the table for the reader
// ("Monza accounts for 41% of accesses…"). It uses only values that were
// not withheld, and says so when the figure it needs was.
func Sentence(res *csi.IndicatorResult) string {
	if len(res.Rows) == 0 {
		return "No data in scope for these parameters."
	}
	fn := sentences[res.Indicator]
	if fn == nil {
		return ""
	}
	s := fn(res)
	if s == "" {
		return "The figures needed for a summary are withheld (counts below " + fmt.Sprint(res.Params.SuppressBelow) + ")."
	}
	return s
}

var sentences = map[string]func(*csi.IndicatorResult) string{
	"accessi-segretariato":   sentenceAccessi,
	"cartelle-movimento":     sentenceMovimento,
	"cartelle-popolazione":   sentencePopolazioneCartelle,
	"comuni-fasce":           sentenceFasce,
	"anagrafe-automatica":    sentenceAutomatica,
	"ambiti-referente":       sentenceReferente,
	"cartelle-aperte-dal":    sentenceAperteDal,
	"cartelle-area":          sentenceArea,
	"giorni-accesso-pic":     sentenceGiorni,
	"motivi-chiusura":        sentenceMotivi,
	"interventi-prestazione": sentencePrestazione,
	"interventi-misura":      sentenceMisura,
	"popolazione":            sentencePopolazione,
	"debiti-informativi":     sentenceDebiti,
}

// num formats a count with thousands separators.
func num(n int64) string { return indicators.Cell(n, false, 0, true) }

// share formats part/whole as a percentage with no decimals (one below 10).
func share(part, whole int64) string {
	if whole == 0 {
		return "0%"
	}
	p := float64(part) * 100 / float64(whole)
	if p < 10 && p != 0 {
		return fmt.Sprintf("%.1f%%", p)
	}
	return fmt.Sprintf("%.0f%%", p)
}

// count returns an unwithheld count.
func count(r csi.IndicatorRow, key string) (int64, bool) {
	v, ok := r.Get(key).(int64)
	return v, ok
}

// isTotalRow says whether r totals the others (ambito Totale, the province).
func isTotalRow(r csi.IndicatorRow) bool {
	return r.Str("ambito") == csi.TotalLabel || r.Str("livello") == csi.ByProvincia || r.Str("fascia") == csi.TotalLabel
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

// extremes returns the label of the parts with the largest and smallest
// unwithheld value of key, and the total of the total row.
func extremes(rows []csi.IndicatorRow, label, key string) (top, bottom string, topV, bottomV, total int64, ok bool) {
	first := true
	for _, r := range rows {
		v, has := count(r, key)
		if !has {
			continue
		}
		if isTotalRow(r) {
			total, ok = v, true
			continue
		}
		if first || v > topV {
			top, topV = r.Str(label), v
		}
		if first || v < bottomV {
			bottom, bottomV = r.Str(label), v
		}
		first = false
	}
	return top, bottom, topV, bottomV, total, ok && !first
}

func lastPeriod(res *csi.IndicatorResult) string {
	return res.Params.Period[len(res.Params.Period)-1]
}

func sentenceAccessi(res *csi.IndicatorResult) string {
	per := lastPeriod(res)
	rows := where(res.Rows, "periodo", per)
	label := "ambito"
	if res.Params.By == csi.ByComune {
		label = "nome"
	}
	top, bottom, tv, bv, tot, ok := extremes(rows, label, "accessi")
	if !ok {
		return ""
	}
	if tot == 0 {
		return fmt.Sprintf("No accesses to the segretariato sociale were recorded in %s.", per)
	}
	return fmt.Sprintf("In %s the segretariato sociale recorded %s accesses: %s accounts for %s of them; the fewest are in %s (%s).",
		per, num(tot), top, share(tv, tot), bottom, share(bv, tot))
}

func sentenceMovimento(res *csi.IndicatorResult) string {
	rows := res.Rows
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	per := lastPeriod(res)
	rows = where(rows, "periodo", per)
	if len(rows) == 0 {
		return ""
	}
	start, ok1 := count(rows[0], "saldo_iniziale")
	end, ok2 := count(rows[len(rows)-1], "saldo_finale")
	var opened, closed int64
	for _, r := range rows {
		a, okA := count(r, "aperte")
		c, okC := count(r, "chiuse")
		if !okA || !okC {
			return ""
		}
		opened, closed = opened+a, closed+c
	}
	if !ok1 || !ok2 {
		return ""
	}
	return fmt.Sprintf("Over %s the open cartelle went from %s to %s: %s opened (presa in carico) and %s closed.",
		per, num(start), num(end), num(opened), num(closed))
}

func sentencePopolazioneCartelle(res *csi.IndicatorResult) string {
	var tot *csi.IndicatorRow
	var best csi.IndicatorRow
	bestP := -1.0
	for i, r := range res.Rows {
		if isTotalRow(r) || (tot == nil && i == len(res.Rows)-1) {
			tot = &res.Rows[i]
			continue
		}
		if d, ok := r.Get("percentuale").(csi.Dec); ok && r.Str("livello") != csi.ByComune && d.Float() > bestP {
			best, bestP = r, d.Float()
		}
	}
	open, ok := count(*tot, "cartelle_aperte")
	pop, _ := count(*tot, "popolazione")
	if !ok {
		return ""
	}
	s := fmt.Sprintf("On 31/12/%d, %s cartelle were open in %s, %s per 100 residents on 1/1/%d (population: %s).",
		res.Params.Year, num(open), tot.Str("nome"), indicators.Cell(tot.Get("percentuale"), false, 0, true), res.Params.Year,
		tot.Str("fonte_popolazione"))
	if bestP > 0 && pop > 0 {
		s += fmt.Sprintf(" The highest share is %s's (%s).", best.Str("nome"), indicators.Cell(best.Get("percentuale"), false, 0, true))
	}
	return s
}

func sentenceFasce(res *csi.IndicatorResult) string {
	n := map[string]int64{}
	for _, r := range res.Rows {
		n[r.Str("fascia")], _ = count(r, "comuni")
	}
	return fmt.Sprintf("Of the %s Comuni, %s have open cartelle for under 1%% of their residents at the end of %d, %s between 1%% and 2%%, %s over 2%%.",
		num(n[csi.TotalLabel]), num(n["<1%"]), res.Params.Year, num(n["1-2%"]), num(n[">2%"]))
}

func totalRow(res *csi.IndicatorResult) (csi.IndicatorRow, bool) {
	for _, r := range res.Rows {
		if isTotalRow(r) {
			return r, true
		}
	}
	if len(res.Rows) == 1 {
		return res.Rows[0], true
	}
	return csi.IndicatorRow{}, false
}

func sentenceAutomatica(res *csi.IndicatorResult) string {
	t, ok := totalRow(res)
	if !ok {
		return ""
	}
	c, _ := count(t, "comuni")
	a, _ := count(t, "automatici")
	r, _ := count(t, "regolari")
	return fmt.Sprintf("On %s, %s of the %s Comuni load their registry automatically, %s of them with an import in the last %d days.",
		res.Params.At, num(a), num(c), num(r), res.Params.Days)
}

func sentenceReferente(res *csi.IndicatorResult) string {
	var missing []string
	var with, all int64
	for _, r := range res.Rows {
		if isTotalRow(r) {
			continue
		}
		all++
		if v, _ := count(r, "con_referente"); v > 0 {
			with++
		} else {
			missing = append(missing, r.Str("ambito"))
		}
	}
	s := fmt.Sprintf("On %s, %d of the %d Ambiti have a current operational referent", res.Params.At, with, all)
	if len(missing) > 0 {
		return s + " (none in " + strings.Join(missing, ", ") + ")."
	}
	return s + "."
}

func sentenceAperteDal(res *csi.IndicatorResult) string {
	top, _, tv, _, tot, ok := extremes(res.Rows, "nome", "aperte")
	if !ok {
		return ""
	}
	s := fmt.Sprintf("From %s to %s, %s cartelle were opened with a presa in carico", res.Params.Since, res.Params.At, num(tot))
	if t, ok := totalRow(res); ok {
		if still, ok := count(t, "ancora_aperte"); ok {
			s += fmt.Sprintf(", %s of them still open", num(still))
		}
	}
	if tot > 0 && len(res.Rows) > 1 {
		s += fmt.Sprintf("; %s accounts for %s", top, share(tv, tot))
	}
	return s + "."
}
