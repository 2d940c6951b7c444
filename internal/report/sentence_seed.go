package report

import (
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// The sentences of the indicators the report knows: the plan's four
// published tables (compared with the previous period) and the other
// indicators of the first catalogue.

// periodTotal returns the Totale of key for period p.
func periodTotal(rows []csi.IndicatorRow, p, key string) (int64, bool) {
	for _, r := range where(rows, "periodo", p) {
		if isTotalRow(r) {
			return count(r, key)
		}
	}
	return 0, false
}

func (w *words) sentenceAccessi(in reading) string {
	rows := where(in.res.Rows, "periodo", in.cur)
	tot, ok := periodTotal(in.res.Rows, in.cur, "accessi")
	if !ok {
		return ""
	}
	label := "ambito"
	if in.res.Params.By == csi.ByComune {
		label = "nome"
	}
	best, bv, found := largest(rows, label, "accessi")
	s := w.p.T("In %s the segretariato sociale recorded %s accesses", in.cur, w.num(tot))
	if before, ok := periodTotal(in.res.Rows, in.before, "accessi"); ok && in.before != "" {
		if before == 0 {
			s += w.p.T(", against none in %s", in.before)
		} else {
			s += w.p.T(", against %s in %s (%s)", w.num(before), in.before, w.change(before, tot))
		}
	}
	if found && tot > 0 {
		s += w.p.T("; %s accounts for %s of them", best, w.share(int64(bv), tot))
	}
	return s + "."
}

// balance returns the opening and closing balance of period p, and the
// cartelle opened and closed in it, at the total level.
func balance(res *csi.IndicatorResult, p string) (start, end, opened, closed int64, ok bool) {
	rows := where(res.Rows, "periodo", p)
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	if len(rows) == 0 {
		return 0, 0, 0, 0, false
	}
	s, ok1 := count(rows[0], "saldo_iniziale")
	e, ok2 := count(rows[len(rows)-1], "saldo_finale")
	for _, r := range rows {
		a, okA := count(r, "aperte")
		c, okC := count(r, "chiuse")
		if !okA || !okC {
			return 0, 0, 0, 0, false
		}
		opened, closed = opened+a, closed+c
	}
	return s, e, opened, closed, ok1 && ok2
}

func (w *words) sentenceMovimento(in reading) string {
	start, end, opened, closed, ok := balance(in.res, in.cur)
	if !ok {
		return ""
	}
	s := w.p.T("Over %s the open cartelle went from %s to %s: %s opened (presa in carico) and %s closed",
		in.cur, w.num(start), w.num(end), w.num(opened), w.num(closed))
	if ps, pe, po, _, ok := balance(in.res, in.before); ok && in.before != "" {
		s += w.p.T("; over %s they had gone from %s to %s, with %s opened", in.before, w.num(ps), w.num(pe), w.num(po))
	}
	return s + "."
}

// province returns the province's row of a cartelle-popolazione result.
func province(res *csi.IndicatorResult) (csi.IndicatorRow, bool) {
	if res == nil {
		return csi.IndicatorRow{}, false
	}
	r := where(res.Rows, "livello", csi.ByProvincia)
	if len(r) == 0 {
		return csi.IndicatorRow{}, false
	}
	return r[0], true
}

func (w *words) sentencePopolazioneCartelle(in reading) string {
	t, ok := province(in.res)
	open, okOpen := count(t, "cartelle_aperte")
	pct, okPct := t.Get("percentuale").(csi.Dec)
	if !ok || !okOpen || !okPct {
		return ""
	}
	s := w.p.T("On 31/12/%s, %s cartelle were open in the province, %s per 100 residents on 1/1/%s",
		in.cur, w.num(open), w.dec(pct), in.cur)
	if pt, ok := province(in.prev); ok {
		if pp, ok := pt.Get("percentuale").(csi.Dec); ok {
			s += w.p.T(" (%s on 31/12/%s)", w.dec(pp), in.before)
		}
	}
	rows := where(in.res.Rows, "livello", in.res.Params.By)
	if best, bv, found := largest(rows, "nome", "percentuale"); found && bv > 0 && in.res.Params.By != csi.ByProvincia {
		for _, r := range rows {
			if r.Str("nome") == best {
				s += w.p.T("; the highest share is %s's (%s)", best, w.dec(r.Get("percentuale").(csi.Dec)))
			}
		}
	}
	return s + "."
}

// bands returns the Comuni per band of a comuni-fasce result.
func bands(res *csi.IndicatorResult) (map[string]int64, bool) {
	if res == nil {
		return nil, false
	}
	n := map[string]int64{}
	for _, r := range res.Rows {
		v, ok := count(r, "comuni")
		if !ok {
			return nil, false
		}
		n[r.Str("fascia")] = v
	}
	return n, true
}

func (w *words) sentenceFasce(in reading) string {
	n, ok := bands(in.res)
	if !ok {
		return ""
	}
	s := w.p.T("At the end of %s, of the %s Comuni %s have open cartelle for under 1%% of their residents, %s between 1%% and 2%%, %s over 2%%",
		in.cur, w.num(n[csi.TotalLabel]), w.num(n["<1%"]), w.num(n["1-2%"]), w.num(n[">2%"]))
	if b, ok := bands(in.prev); ok {
		s += w.p.T(" (at the end of %s: %s, %s and %s)", in.before, w.num(b["<1%"]), w.num(b["1-2%"]), w.num(b[">2%"]))
	}
	return s + "."
}

func (w *words) sentenceAutomatica(in reading) string {
	t, ok := totalRow(in.res.Rows)
	if !ok {
		return ""
	}
	c, _ := count(t, "comuni")
	a, _ := count(t, "automatici")
	r, _ := count(t, "regolari")
	return w.p.T("On %s, %s of the %s Comuni load their registry automatically, %s of them with an import in the last %s days.",
		w.date(in.res.Params.At), w.num(a), w.num(c), w.num(r), strconv.Itoa(in.res.Params.Days))
}

func (w *words) sentenceReferente(in reading) string {
	var missing []string
	var with, all int64
	for _, r := range parts(in.res.Rows) {
		all++
		if v, _ := count(r, "con_referente"); v > 0 {
			with++
		} else {
			missing = append(missing, r.Str("ambito"))
		}
	}
	s := w.p.T("On %s, %s of the %s Ambiti have a current operational referent", w.date(in.res.Params.At), w.num(with), w.num(all))
	if len(missing) > 0 {
		s += w.p.T(" (none in %s)", strings.Join(missing, ", "))
	}
	return s + "."
}

func (w *words) sentenceAperteDal(in reading) string {
	t, ok := totalRow(in.res.Rows)
	tot, okT := count(t, "aperte")
	if !ok || !okT {
		return ""
	}
	s := w.p.T("From %s to %s, %s cartelle were opened with a presa in carico", w.date(in.res.Params.Since), w.date(in.res.Params.At), w.num(tot))
	if still, ok := count(t, "ancora_aperte"); ok {
		s += w.p.T(", %s of them still open", w.num(still))
	}
	return s + "."
}

// categoryTotal returns the category with the largest unwithheld key at
// the total level, that value and the sum.
func categoryTotal(res *csi.IndicatorResult, cat, key string) (string, int64, int64, bool) {
	rows := res.Rows
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	var best string
	var bv, tot int64
	found := false
	for _, r := range rows {
		v, ok := count(r, key)
		if !ok {
			continue
		}
		tot += v
		if !found || v > bv {
			best, bv, found = r.Str(cat), v, true
		}
	}
	return best, bv, tot, found
}

func (w *words) sentenceArea(in reading) string {
	best, bv, tot, ok := categoryTotal(in.res, "descrizione", "cartelle_aperte")
	if !ok {
		return ""
	}
	y := strconv.Itoa(in.res.Params.Year)
	if tot == 0 {
		return w.p.T("No cartelle were open on 31/12/%s.", y)
	}
	return w.p.T("Of the %s cartelle open on 31/12/%s, the largest area of need is %s (%s).", w.num(tot), y, best, w.share(bv, tot))
}

func (w *words) sentenceGiorni(in reading) string {
	t, ok := totalRow(in.res.Rows)
	if !ok {
		t = in.res.Rows[len(in.res.Rows)-1]
	}
	c, ok1 := count(t, "cartelle")
	a, ok2 := count(t, "con_accesso")
	if !ok1 || !ok2 {
		return ""
	}
	if a == 0 {
		return w.p.T("None of the %s cartelle opened in %s follows a recorded access in the year before.", w.num(c), t.Str("periodo"))
	}
	_, median, _ := w.value(t, "mediana_giorni")
	return w.p.T("Of the %s cartelle opened in %s, %s follow an access in the year before; the median wait from the first access to the presa in carico is %s days.",
		w.num(c), t.Str("periodo"), w.num(a), median)
}

func (w *words) sentenceMotivi(in reading) string {
	best, bv, tot, ok := categoryTotal(in.res, "descrizione", "chiuse")
	if !ok {
		return ""
	}
	if tot == 0 {
		return w.p.T("No cartelle were closed in %s.", in.cur)
	}
	return w.p.T("In %s, %s cartelle were closed; the most frequent reason is %s (%s).", in.cur, w.num(tot), best, w.share(bv, tot))
}

// euroTotals sums the amounts (in cents) and interventions of the total
// level, and finds the category with the largest amount.
func euroTotals(res *csi.IndicatorResult, cat string) (best string, bestC, totC, n int64, ok bool) {
	rows := res.Rows
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	for _, r := range rows {
		d, has := r.Get("importo").(csi.Dec)
		k, hasN := count(r, "interventi")
		if !has || !hasN {
			continue
		}
		c := int64(d.Float()*100 + 0.5)
		totC, n, ok = totC+c, n+k, true
		if c > bestC || best == "" {
			best, bestC = r.Str(cat), c
		}
	}
	return
}

func (w *words) sentencePrestazione(in reading) string {
	best, bc, tc, n, ok := euroTotals(in.res, "codice_prestazione")
	if !ok {
		return ""
	}
	if n == 0 {
		return w.p.T("No interventions were active in %s.", in.cur)
	}
	return w.p.T("In %s, %s interventions were active for a total of %s; prestazione %s accounts for %s of the amount.",
		in.cur, w.num(n), w.lang.Money(tc), best, w.share(bc, tc))
}

func (w *words) sentenceMisura(in reading) string {
	rows := in.res.Rows
	if in.res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	var list []string
	for _, m := range [][2]string{{"B2", "Misura B2"}, {"DDN", "Dopo di Noi"}} {
		for _, r := range where(rows, "misura", m[0]) {
			d, ok := r.Get("importo").(csi.Dec)
			k, okN := count(r, "interventi")
			if ok && okN {
				list = append(list, w.p.T("%s %s (%s interventions)", m[1], w.lang.Money(int64(d.Float()*100+0.5)), w.num(k)))
			}
		}
	}
	if len(list) == 0 {
		return ""
	}
	return w.p.T("In %s the regional measures account for: %s.", in.cur, strings.Join(list, "; "))
}

func (w *words) sentencePopolazione(in reading) string {
	t, ok := totalRow(in.res.Rows)
	p, okP := count(t, "popolazione")
	if !ok || !okP {
		return ""
	}
	return w.p.T("On %s the province counts %s residents (source: %s).", w.date(in.res.Params.At), w.num(p), t.Str("fonte_popolazione"))
}
