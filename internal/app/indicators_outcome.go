package app

import (
	"context"
	"fmt"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// The outcome indicator of the plan, "incremento di utilizzo CSI": the
// yearly figures of use and their change, and the Comuni that changed band.

// useYear is one geography's figures of one year.
type useYear struct {
	accessi, aperte, pop, open int64
}

// useFigures reads, for each year, every geography's figures, keyed by
// level and code; geos lists the geographies in order.
func useFigures(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, years []int) (map[int]map[string]useYear, []store.GeoRow, error) {
	out := map[int]map[string]useYear{}
	var spans []store.Span
	for _, y := range years {
		spans = append(spans, store.Span{From: fmt.Sprintf("%04d-01-01", y), To: fmt.Sprintf("%04d-12-31", y)})
	}
	opened, err := r.CountAperteDal(ctx, sc, spans)
	if err != nil {
		return nil, nil, err
	}
	for i, y := range years {
		acc, err := r.CountAccessi(ctx, sc, spans[i].From, spans[i].To)
		if err != nil {
			return nil, nil, err
		}
		pop, err := r.CountCartellePopolazione(ctx, sc, y)
		if err != nil {
			return nil, nil, err
		}
		m := map[string]useYear{}
		for _, g := range pop {
			m[g.Level+":"+g.Code] = useYear{pop: g.N[0], open: g.N[3]}
		}
		for _, g := range acc {
			u := m[g.Level+":"+g.Code]
			u.accessi = g.N[0]
			m[g.Level+":"+g.Code] = u
		}
		for _, g := range opened {
			u := m[g.Level+":"+g.Code]
			u.aperte = g.N[2*i]
			m[g.Level+":"+g.Code] = u
		}
		out[y] = m
	}
	return out, opened, nil
}

// change is the change from prev to cur in per cent of prev, nil when prev is 0.
func change(prev, cur int64) any {
	if prev == 0 {
		return nil
	}
	return csi.DecOf(float64(cur-prev)*100/float64(prev), 2)
}

// share is open per 100 residents, unrounded (ok false without residents).
func share(open, pop int64) (float64, bool) {
	if pop == 0 {
		return 0, false
	}
	return float64(open) * 100 / float64(pop), true
}

func utilizzoCSI(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		years := append([]int{per.From - 1}, per.Years()...)
		figs, gs, err := useFigures(ctx, r, sc, years)
		if err != nil {
			return nil, err
		}
		for _, g := range gs {
			key := g.Level + ":" + g.Code
			for _, y := range per.Years() {
				cur, prev := figs[y][key], figs[y-1][key]
				row := (&csi.IndicatorRow{Geo: indicators.GeoKey(g.Level, g.Code)}).Set("periodo", per.Label()).Set("anno", int64(y)).
					Set("livello", g.Level).Set("codice", g.Code).Set("nome", g.Name).
					Set("accessi", cur.accessi).Set("variazione_accessi", change(prev.accessi, cur.accessi)).
					Set("aperte", cur.aperte).Set("variazione_aperte", change(prev.aperte, cur.aperte)).
					Set("popolazione", cur.pop).Set("cartelle_aperte", cur.open).Set("percentuale", pct(cur.open, cur.pop))
				var points any
				if c, ok := share(cur.open, cur.pop); ok {
					if q, ok := share(prev.open, prev.pop); ok {
						points = csi.DecOf(c-q, 2)
					}
				}
				row.Set("variazione_percentuale", points)
				// A change on a small count would give that count away.
				withholdChange(row, "variazione_accessi", prev.accessi, p.SuppressBelow)
				withholdChange(row, "variazione_aperte", prev.aperte, p.SuppressBelow)
				withholdChange(row, "variazione_percentuale", prev.open, p.SuppressBelow)
				out = append(out, *row)
			}
		}
		res.Population = &csi.PopulationInfo{Date: fmt.Sprintf("%04d-01-01", per.To), Source: "as cartelle-popolazione, each year"}
	}
	return out, noDataNotes(ctx, r, p, res)
}

// noDataNotes adds a note for each year of the periods (and the year
// before, which the changes compare with) outside the years the cartelle
// cover, so that zeros are not read as a finding.
func noDataNotes(ctx context.Context, r store.IndicatorReader, p csi.IndicatorParams, res *csi.IndicatorResult) error {
	first, last, err := r.CartelleYears(ctx)
	if err != nil {
		return err
	}
	seen := map[int]bool{}
	for _, per := range periods(p) {
		for y := per.From - 1; y <= per.To; y++ {
			if seen[y] || (first != 0 && y >= first && y <= last) {
				continue
			}
			seen[y] = true
			msg := fmt.Sprintf("no data for %d: no cartella recorded", y)
			if first != 0 {
				msg = fmt.Sprintf("no data for %d: the cartelle recorded go from %d to %d", y, first, last)
			}
			res.Notes = append(res.Notes, csi.IndicatorNote{Code: csi.NoteNoData, Subject: strconv.Itoa(y),
				Command: "csi records import cartelle FILE", Message: msg})
		}
	}
	return nil
}

// band is the fascia of comuni-fasce: 0 below 1%, 1 from 1% to 2%, 2 above.
func band(s float64) int {
	switch {
	case s < 1:
		return 0
	case s <= 2:
		return 1
	}
	return 2
}

func utilizzoFasce(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	csc := store.IndicatorScope{By: csi.ByComune, Ambito: sc.Ambito, Comune: sc.Comune}
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		moves, order, err := bandMoves(ctx, r, csc, per, sc.By == csi.ByAmbito)
		if err != nil {
			return nil, err
		}
		for _, group := range order {
			m := moves[group]
			tot := m[0] + m[1] + m[2]
			for i, label := range []string{"salita", "stabile", "discesa", csi.TotalLabel} {
				n := tot
				if i < 3 {
					n = m[i]
				}
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				if sc.By == csi.ByAmbito {
					row.Set("ambito", group)
				}
				out = append(out, *row.Set("anno_iniziale", int64(per.From)).Set("anno_finale", int64(per.To)).
					Set("movimento", label).Set("comuni", n).Set("percentuale", pct(n, tot)))
			}
		}
		res.Population = &csi.PopulationInfo{Date: fmt.Sprintf("%04d-01-01 and %04d-01-01", per.From, per.To), Source: "as cartelle-popolazione"}
	}
	return out, noDataNotes(ctx, r, p, res)
}

// bandMoves counts the Comuni whose band rose, stayed and fell from the
// first year of per to its last ([salita, stabile, discesa]), per Ambito
// (in order) when byAmbito, and in the Totale group.
func bandMoves(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, per indicators.Period, byAmbito bool) (map[string][3]int64, []string, error) {
	from, err := r.CountCartellePopolazione(ctx, sc, per.From)
	if err != nil {
		return nil, nil, err
	}
	to, err := r.CountCartellePopolazione(ctx, sc, per.To)
	if err != nil {
		return nil, nil, err
	}
	moves := map[string][3]int64{}
	var order []string
	for i, g := range from {
		if g.Level != csi.ByComune {
			continue
		}
		a, okA := share(g.N[3], g.N[0])
		b, okB := share(to[i].N[3], to[i].N[0])
		if !okA || !okB {
			continue
		}
		k := 1 // stabile
		switch d := band(b) - band(a); {
		case d > 0:
			k = 0
		case d < 0:
			k = 2
		}
		groups := []string{csi.TotalLabel}
		if byAmbito {
			groups = append([]string{g.Ambito}, groups...)
		}
		for _, grp := range groups {
			if _, ok := moves[grp]; !ok {
				order = append(order, grp)
			}
			m := moves[grp]
			m[k]++
			moves[grp] = m
		}
	}
	if _, ok := moves[csi.TotalLabel]; !ok {
		order = append(order, csi.TotalLabel)
	}
	// The Totale group comes last.
	for i, g := range order {
		if g == csi.TotalLabel {
			order = append(append(order[:i:i], order[i+1:]...), csi.TotalLabel)
			break
		}
	}
	return moves, order, nil
}

// withholdChange withholds the change key of row when the count it is
// computed from, base, is below n (and not zero): --suppress-below.
func withholdChange(row *csi.IndicatorRow, key string, base int64, n int) {
	if n <= 1 || base <= 0 || base >= int64(n) {
		return
	}
	for i, k := range row.Keys {
		if k == key && row.Values[i] != nil {
			row.Values[i] = nil
			row.Suppressed = append(row.Suppressed, key)
		}
	}
}
