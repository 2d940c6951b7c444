package app

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// The indicators made of one geography row per Comune, Ambito or province.

func accessiSegretariato(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	levels := sc.Levels()
	top := levels[len(levels)-1]
	for _, per := range periods(p) {
		rows, err := r.CountAccessi(ctx, sc, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		for _, g := range rows {
			if (g.Level == sc.By || (g.Level == csi.ByComune && sc.Comune != "")) && sc.By != csi.ByProvincia {
				out = append(out, accessiRow(sc, per.Label(), g, false))
			}
			// The Totale row is the top level of the scope: the province,
			// or the Ambito or Comune the scope is narrowed to.
			if g.Level == top {
				out = append(out, accessiRow(sc, per.Label(), g, true))
			}
		}
	}
	return out, nil
}

func accessiRow(sc store.IndicatorScope, periodo string, g store.GeoRow, total bool) csi.IndicatorRow {
	row := &csi.IndicatorRow{Geo: indicators.GeoKey(g.Level, g.Code)}
	row.Set("periodo", periodo)
	switch {
	case total:
		row.Set("ambito", csi.TotalLabel)
		if sc.By == csi.ByComune {
			row.Set("comune", "").Set("nome", "")
		}
	case g.Level == csi.ByComune:
		row.Set("ambito", g.Ambito)
		if sc.By == csi.ByComune {
			row.Set("comune", g.Code).Set("nome", g.Name)
		}
	default:
		row.Set("ambito", g.Name)
	}
	return *row.Set("accessi", g.N[0])
}

func cartelleMovimento(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := r.CountMovimento(ctx, sc, per.Years())
		if err != nil {
			return nil, err
		}
		for _, g := range rows {
			saldo := g.N[0]
			for i, y := range per.Years() {
				aperte, chiuse := g.N[1+2*i], g.N[2+2*i]
				row := &csi.IndicatorRow{Geo: indicators.GeoKey(g.Level, g.Code)}
				row.Set("periodo", per.Label())
				if sc.By != csi.ByProvincia {
					amb := g.Name
					if g.Level == csi.ByProvincia {
						amb = csi.TotalLabel
					}
					row.Set("ambito", amb)
				}
				row.Set("anno", int64(y)).Set("saldo_iniziale", saldo).Set("aperte", aperte).Set("chiuse", chiuse)
				saldo += aperte - chiuse
				out = append(out, *row.Set("saldo_finale", saldo))
			}
		}
	}
	return out, nil
}

func cartelleAperteDal(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	rows, err := r.CountAperteDal(ctx, sc, []store.Span{{From: p.Since, To: p.At}})
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, g := range rows {
		out = append(out, *geoKeys(g).Set("aperte", g.N[0]).Set("ancora_aperte", g.N[1]))
	}
	return out, nil
}

// popSource describes where the population of an aggregate row comes from.
func popSource(reg, comuni int64) string {
	switch {
	case reg == comuni:
		return csi.PopAnagrafe
	case reg == 0:
		return csi.PopReference
	}
	return fmt.Sprintf("%s (%d %s, %d %s)", csi.PopMixed, reg, csi.PopAnagrafe, comuni-reg, csi.PopReference)
}

// popInfo summarises the population sources of a result from its top row.
func popInfo(day string, reg, comuni int64) *csi.PopulationInfo {
	src := popSource(reg, comuni)
	if reg != 0 && reg != comuni {
		src = csi.PopMixed
	}
	return &csi.PopulationInfo{Date: day, Source: src, ComuniAnagrafe: int(reg), ComuniRiferimento: int(comuni - reg)}
}

func popolazioneIndicator(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	rows, err := r.CountPopolazione(ctx, sc, p.At)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, g := range rows {
		reg, n := g.N[1], g.N[2]
		out = append(out, *geoKeys(g).Set("popolazione", g.N[0]).Set("fonte_popolazione", popSource(reg, n)))
		res.Population = popInfo(p.At, reg, n)
	}
	return out, nil
}

func cartellePopolazione(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	rows, err := r.CountCartellePopolazione(ctx, sc, p.Year)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, g := range rows {
		pop, reg, n, open := g.N[0], g.N[1], g.N[2], g.N[3]
		row := geoKeys(g).Set("popolazione", pop).Set("fonte_popolazione", popSource(reg, n)).
			Set("cartelle_aperte", open).Set("nuove_anno", g.N[4]).Set("percentuale", pct(open, pop))
		out = append(out, *row)
		res.Population = popInfo(fmt.Sprintf("%04d-01-01", p.Year), reg, n)
	}
	return out, nil
}

func comuniFasce(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	f, err := r.CountFasce(ctx, sc, p.Year)
	if err != nil {
		return nil, err
	}
	res.Population = popInfo(fmt.Sprintf("%04d-01-01", p.Year), f.Registry, f.Comuni)
	var out []csi.IndicatorRow
	for _, b := range []struct {
		label string
		n     int64
	}{{"<1%", f.Below}, {"1-2%", f.Between}, {">2%", f.Above}, {csi.TotalLabel, f.Comuni}} {
		out = append(out, *(&csi.IndicatorRow{}).Set("fascia", b.label).Set("comuni", b.n).Set("percentuale", pct(b.n, f.Comuni)))
	}
	return out, nil
}

func anagrafeAutomatica(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	status, err := statusesOn(ctx, r, p.At)
	if err != nil {
		return nil, err
	}
	rows, err := r.CountAnagrafeAutomatica(ctx, sc, p.At, p.Days, status)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, g := range rows {
		out = append(out, *geoKeys(g).Set("comuni", g.N[0]).Set("aderenti", g.N[1]).
			Set("automatici", g.N[2]).Set("regolari", g.N[3]).Set("ultimo_import", g.Text))
	}
	return out, nil
}

// statusesOn returns every Comune's status on day: the one its history
// gives, or its status column when it has no history.
func statusesOn(ctx context.Context, r store.IndicatorReader, day string) (map[string]string, error) {
	comuni, _, err := r.IndicatorGeography(ctx)
	if err != nil {
		return nil, err
	}
	tl, err := r.StatusTimelines(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(comuni))
	for _, c := range comuni {
		out[c.Istat] = c.Status
	}
	for istat, t := range tl {
		out[istat] = t.StatusOn(day)
	}
	return out, nil
}

func ambitiReferente(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	ambiti, err := r.AmbitiReferenti(ctx, sc, p.At)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	var with int64
	for _, a := range ambiti {
		has := int64(0)
		if a.From != "" {
			has, with = 1, with+1
		}
		out = append(out, *(&csi.IndicatorRow{}).Set("ambito", a.Ambito).Set("con_referente", has).Set("dal", a.From))
	}
	out = append(out, *(&csi.IndicatorRow{}).Set("ambito", csi.TotalLabel).Set("con_referente", with).Set("dal", ""))
	return out, nil
}

func giorniAccessoPIC(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := r.MedianDays(ctx, sc, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		for _, g := range rows {
			var med any
			if g.Median != nil {
				med = csi.DecOf(*g.Median, 1)
			}
			row := (&csi.IndicatorRow{Geo: indicators.GeoKey(g.Level, g.Code)}).Set("periodo", per.Label())
			out = append(out, *row.Set("livello", g.Level).Set("codice", g.Code).Set("nome", g.Name).
				Set("cartelle", g.N[0]).Set("con_accesso", g.N[1]).Set("mediana_giorni", med))
		}
	}
	return out, nil
}

// pct returns num/den*100 with two decimals, or nil when den is 0.
func pct(num, den int64) any {
	if den == 0 {
		return nil
	}
	return csi.DecOf(float64(num)*100/float64(den), 2)
}

// geoKeys sets the livello, codice and nome keys of a geography row.
func geoKeys(g store.GeoRow) *csi.IndicatorRow {
	row := &csi.IndicatorRow{Geo: indicators.GeoKey(g.Level, g.Code)}
	return row.Set("livello", g.Level).Set("codice", g.Code).Set("nome", g.Name)
}

// periods parses the normalised periods of p.
func periods(p csi.IndicatorParams) []indicators.Period {
	ps, _ := indicators.ParsePeriods(p.Period)
	return ps
}
