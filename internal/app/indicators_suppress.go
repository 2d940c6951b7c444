package app

import (
	"context"
	"fmt"
	"sync"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// decision returns the counts to withhold in a table of def for p, from
// the cache or decided now: the decision over the cartelle quantities
// several indicators share (see indicators.Shared), or the indicator's own.
func (s *Services) decision(ctx context.Context, r store.IndicatorReader, comuni []csi.Comune, def csi.IndicatorDef,
	fn indicatorFunc, p csi.IndicatorParams, rev string) (indicators.Withheld, error) {
	shared := indicators.Shared(def, p)
	key := decisionKey{s.st, fmt.Sprintf("%s|%s|%v|%d|%s|%s|%d|%d", def.Name, rev, p.Period, p.Year, p.At, p.Since, p.Days, p.SuppressBelow)}
	if shared {
		key.key = fmt.Sprintf("cartelle|%s|%s|%d", rev, s.today()[:4], p.SuppressBelow)
	}
	if w, ok := withheldCache.get(key); ok {
		return w, nil
	}
	parents := geoParents(comuni)
	var w indicators.Withheld
	var err error
	if shared {
		w, err = withheldCartelle(ctx, r, parents, p.SuppressBelow, s.today())
	} else {
		var ref []indicators.Published
		if ref, err = everyLevel(ctx, r, def, fn, p); err == nil {
			w = indicators.ProtectTables(ref, parents, p.SuppressBelow)
		}
	}
	if err != nil {
		return indicators.Withheld{}, err
	}
	withheldCache.put(key, w)
	return w, nil
}

// geoParents maps each Comune (indicators.GeoKey) to its Ambito and each
// Ambito to the province.
func geoParents(comuni []csi.Comune) map[string]string {
	parents := map[string]string{}
	for _, c := range comuni {
		parents[indicators.GeoKey(csi.ByComune, c.Istat)] = indicators.GeoKey(csi.ByAmbito, c.Ambito)
		parents[indicators.GeoKey(csi.ByAmbito, c.Ambito)] = indicators.GeoKey(csi.ByProvincia, csi.ProvinceCode)
	}
	return parents
}

// everyLevel computes the rows of the indicator at every level over the
// whole province (the same for every scope and breakdown asked for, so
// that no two tables can be subtracted to undo a suppression): the
// reference indicators.ProtectTables decides on.
func everyLevel(ctx context.Context, r store.IndicatorReader, def csi.IndicatorDef, fn indicatorFunc, p csi.IndicatorParams) ([]indicators.Published, error) {
	var ref []indicators.Published
	for _, by := range []string{csi.ByComune, csi.ByAmbito} {
		rp := p
		rp.By, rp.Ambito, rp.Comune = by, "", ""
		got, err := fn(ctx, r, store.IndicatorScope{By: by}, rp, &csi.IndicatorResult{})
		if err != nil {
			return nil, err
		}
		ref = append(ref, indicators.Published{Def: def, Params: rp, Rows: got})
	}
	return ref, nil
}

// aperteDalYears computes the tables of cartelle-aperte-dal over each
// calendar year from first to last, in one read.
func aperteDalYears(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, first, last int) ([]indicators.Published, error) {
	var spans []store.Span
	for y := first; y <= last; y++ {
		spans = append(spans, store.Span{From: fmt.Sprintf("%04d-01-01", y), To: fmt.Sprintf("%04d-12-31", y)})
	}
	rows, err := r.CountAperteDal(ctx, sc, spans)
	if err != nil {
		return nil, err
	}
	dal, _ := indicators.Find("cartelle-aperte-dal")
	var out []indicators.Published
	for i, sp := range spans {
		tb := indicators.Published{Def: dal, Params: csi.IndicatorParams{By: sc.By, Since: sp.From, At: sp.To}}
		for _, g := range rows {
			tb.Rows = append(tb.Rows, *geoKeys(g).Set("aperte", g.N[2*i]).Set("ancora_aperte", g.N[2*i+1]))
		}
		out = append(out, tb)
	}
	return out, nil
}

// withheldCartelle decides, by indicators.ProtectCartelle, on the cartelle
// quantities of every year from the one before the first cartella to the
// later of the last date of a cartella and today: cartelle-movimento over
// those years and cartelle-aperte-dal over each, at every level.
func withheldCartelle(ctx context.Context, r store.IndicatorReader, parents map[string]string, n int, today string) (indicators.Withheld, error) {
	first, last, err := r.CartelleYears(ctx)
	if err != nil {
		return indicators.Withheld{}, err
	}
	var year int
	fmt.Sscan(today[:4], &year)
	if first == 0 {
		first = year + 1 // no cartelle: only this year, every count zero
	}
	first, last = max(first-1, 1900), max(last, year)
	// Broken down by Comune over the province, the rows come at every
	// level (the Comuni, the Ambiti, the province): one read each.
	mov, _ := indicators.Find("cartelle-movimento")
	mp := csi.IndicatorParams{By: csi.ByComune, Period: []string{fmt.Sprintf("%04d-%04d", first, last)}}
	rows, err := cartelleMovimento(ctx, r, store.IndicatorScope{By: csi.ByComune}, mp, &csi.IndicatorResult{})
	if err != nil {
		return indicators.Withheld{}, err
	}
	ref, err := aperteDalYears(ctx, r, store.IndicatorScope{By: csi.ByComune}, first, last)
	if err != nil {
		return indicators.Withheld{}, err
	}
	ref = append(ref, indicators.Published{Def: mov, Params: mp, Rows: rows})
	return indicators.ProtectCartelle(ref, parents, n, last), nil
}

// withheldCache keeps the last decisions of indicators.Protect, by store,
// indicator, parameters (but the geography) and snapshot revision: every
// change of data gives a new revision, and a viewer's dashboard asks for
// the same indicator at many levels.
var withheldCache = &decisions{m: map[decisionKey]indicators.Withheld{}}

type decisions struct {
	mu sync.Mutex
	m  map[decisionKey]indicators.Withheld
}

// decisionKey holds the store itself, not its address: a store in the
// cache is not collected, so another one cannot take its address. Two
// services over one store share its decisions.
type decisionKey struct {
	st  store.Store
	key string
}

func (d *decisions) get(key decisionKey) (indicators.Withheld, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	w, ok := d.m[key]
	return w, ok
}

func (d *decisions) put(key decisionKey, w indicators.Withheld) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.m) >= 64 {
		clear(d.m)
	}
	d.m[key] = w
}
