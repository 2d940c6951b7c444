package report

import (
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// topCategory returns the category with the largest unwithheld key among
// the rows of the total (or the only) level.
func topCategory(res *csi.IndicatorResult, cat, key string) (string, int64, int64, bool) {
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

func sentenceArea(res *csi.IndicatorResult) string {
	best, bv, tot, ok := topCategory(res, "descrizione", "cartelle_aperte")
	if !ok {
		return ""
	}
	if tot == 0 {
		return fmt.Sprintf("No cartelle were open on 31/12/%d.", res.Params.Year)
	}
	return fmt.Sprintf("Of the %s cartelle open on 31/12/%d, the largest area of need is %s (%s).", num(tot), res.Params.Year, best, share(bv, tot))
}

func sentenceGiorni(res *csi.IndicatorResult) string {
	t, ok := totalRow(res)
	if !ok {
		t = res.Rows[len(res.Rows)-1]
	}
	c, ok1 := count(t, "cartelle")
	a, ok2 := count(t, "con_accesso")
	if !ok1 || !ok2 {
		return ""
	}
	if a == 0 {
		return fmt.Sprintf("None of the %s cartelle opened in %s follows a recorded access in the year before.", num(c), t.Str("periodo"))
	}
	return fmt.Sprintf("Of the %s cartelle opened in %s, %s follow an access in the year before; the median wait from the first access to the presa in carico is %s days.",
		num(c), t.Str("periodo"), num(a), indicators.Cell(t.Get("mediana_giorni"), false, 0, true))
}

func sentenceMotivi(res *csi.IndicatorResult) string {
	best, bv, tot, ok := topCategory(res, "descrizione", "chiuse")
	if !ok {
		return ""
	}
	if tot == 0 {
		return fmt.Sprintf("No cartelle were closed in %s.", lastPeriod(res))
	}
	return fmt.Sprintf("%s cartelle were closed in %s; the most frequent reason is %q (%s).", num(tot), lastPeriod(res), best, share(bv, tot))
}

// euroTotals sums the amounts (in cents) and counts of the total level.
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

func euro(cents int64) string {
	return "€" + indicators.Cell(csi.DecOf(float64(cents)/100, 2), false, 0, true)
}

func sentencePrestazione(res *csi.IndicatorResult) string {
	best, bc, tc, n, ok := euroTotals(res, "codice_prestazione")
	if !ok {
		return ""
	}
	if n == 0 {
		return fmt.Sprintf("No interventions were active in %s.", lastPeriod(res))
	}
	return fmt.Sprintf("In %s, %s interventions were active for a total of %s; prestazione %s accounts for %s of the amount.",
		lastPeriod(res), num(n), euro(tc), best, share(bc, tc))
}

func sentenceMisura(res *csi.IndicatorResult) string {
	rows := res.Rows
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	var parts []string
	for _, m := range [][2]string{{"B2", "Misura B2"}, {"DDN", "Dopo di Noi"}} {
		for _, r := range where(rows, "misura", m[0]) {
			d, ok := r.Get("importo").(csi.Dec)
			k, okN := count(r, "interventi")
			if ok && okN {
				parts = append(parts, fmt.Sprintf("%s %s (%s interventions)", m[1], euro(int64(d.Float()*100+0.5)), num(k)))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("In %s the regional measures account for: %s.", lastPeriod(res), strings.Join(parts, "; "))
}

func sentencePopolazione(res *csi.IndicatorResult) string {
	t, ok := totalRow(res)
	if !ok {
		return ""
	}
	p, _ := count(t, "popolazione")
	return fmt.Sprintf("On %s, %s counts %s residents (source: %s).", res.Params.At, t.Str("nome"), num(p), t.Str("fonte_popolazione"))
}
