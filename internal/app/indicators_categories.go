package app

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// The indicators made of one row per category (area, closure reason,
// service, measure) in each geography.

// aree are the area codes of spec §6 with their descriptions.
var aree = [][2]string{
	{"FAM", "famiglia e minori"}, {"DIS", "disabilità"}, {"ANZ", "anziani"}, {"IMM", "immigrazione"},
	{"POV", "povertà ed esclusione sociale"}, {"DIP", "dipendenze"}, {"SAM", "salute mentale"}, {"MUL", "multiutenza"},
}

// motivi are the SINBA closure reasons.
var motivi = [][2]string{
	{"1", "altro Ambito stessa regione"}, {"2", "altra regione"}, {"3", "maggiore età"},
	{"4", "bisogno risolto/interventi conclusi"}, {"5", "rinuncia"}, {"6", "rimpatrio"},
	{"7", "irreperibilità"}, {"8", "decesso"}, {"9", "altro"},
}

var misure = [][2]string{{"B2", "Misura B2"}, {"DDN", "Dopo di Noi"}, {"nessuna", "nessuna misura"}}

// byCategory groups category rows per level code, adding the known
// categories that have no row (with zero values) in list order, then the
// unknown ones found in the data.
func byCategory(rows []store.CatRow, known [][2]string, nvals int) (codes []string, groups map[string][]store.CatRow) {
	groups = map[string][]store.CatRow{}
	seen := map[string]map[string]bool{}
	level := map[string]string{}
	for _, r := range rows {
		if seen[r.Code] == nil {
			seen[r.Code] = map[string]bool{}
			codes = append(codes, r.Code)
		}
		seen[r.Code][r.Cat] = true
		level[r.Code] = r.Level
	}
	for _, c := range codes {
		var g []store.CatRow
		for _, k := range known {
			if !seen[c][k[0]] {
				g = append(g, store.CatRow{Level: level[c], Code: c, Cat: k[0], N: make([]int64, nvals)})
			}
		}
		for _, r := range rows {
			if r.Code == c {
				g = append(g, r)
			}
		}
		groups[c] = sortKnown(g, known)
	}
	return codes, groups
}

// sortKnown orders g by the rank of its category in known, the unknown
// ones last, keeping the order of g within a rank.
func sortKnown(g []store.CatRow, known [][2]string) []store.CatRow {
	rank := func(cat string) int {
		for i, k := range known {
			if k[0] == cat {
				return i
			}
		}
		return len(known)
	}
	out := make([]store.CatRow, 0, len(g))
	for i := 0; i <= len(known); i++ {
		for _, r := range g {
			if rank(r.Cat) == i {
				out = append(out, r)
			}
		}
	}
	return out
}

func describe(known [][2]string, cat string) string {
	for _, k := range known {
		if k[0] == cat {
			return k[1]
		}
	}
	if cat == "" {
		return "(non indicato)"
	}
	return "(codice non in elenco)"
}

// ambitoKey prefixes a category row with the Ambito when broken down by
// Ambito, and names the row's geography.
func ambitoKey(sc store.IndicatorScope, row *csi.IndicatorRow, r store.CatRow) {
	row.Geo = indicators.GeoKey(r.Level, r.Code)
	if sc.By == csi.ByAmbito {
		amb := r.Code
		if r.Code == csi.ProvinceCode {
			amb = csi.TotalLabel
		}
		row.Set("ambito", amb)
	}
}

// total sums the first figure of a group.
func total(g []store.CatRow) int64 {
	var tot int64
	for _, r := range g {
		tot += r.N[0]
	}
	return tot
}

func cartelleArea(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	rows, err := r.CountAree(ctx, sc, p.Year)
	if err != nil {
		return nil, err
	}
	codes, groups := byCategory(rows, aree, 2)
	var out []csi.IndicatorRow
	for _, c := range codes {
		tot := total(groups[c])
		for _, g := range groups[c] {
			row := &csi.IndicatorRow{}
			ambitoKey(sc, row, g)
			row.Set("area", g.Cat).Set("descrizione", describe(aree, g.Cat)).Set("cartelle_aperte", g.N[0]).
				Set("nuove_anno", g.N[1]).Set("percentuale", pct(g.N[0], tot))
			out = append(out, *row)
		}
	}
	return out, nil
}

func motiviChiusura(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := r.CountChiusure(ctx, sc, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		codes, groups := byCategory(rows, motivi, 1)
		for _, c := range codes {
			tot := total(groups[c])
			for _, g := range groups[c] {
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				ambitoKey(sc, row, g)
				row.Set("motivo", g.Cat).Set("descrizione", describe(motivi, g.Cat)).Set("chiuse", g.N[0]).
					Set("percentuale", pct(g.N[0], tot))
				out = append(out, *row)
			}
		}
	}
	return out, nil
}

func interventiBy(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, by, key string, known [][2]string) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := r.SumInterventi(ctx, sc, by, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		codes, groups := byCategory(rows, known, 3)
		for _, c := range codes {
			for _, g := range groups[c] {
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				ambitoKey(sc, row, g)
				row.Set(key, g.Cat).Set("interventi", g.N[0]).Set("beneficiari", g.N[1]).
					Set("importo", csi.DecOf(float64(g.N[2])/100, 2))
				out = append(out, *row)
			}
		}
	}
	return out, nil
}

func interventiPrestazione(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	return interventiBy(ctx, r, sc, p, store.InterventiByPrestazione, "codice_prestazione", nil)
}

func interventiMisura(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	return interventiBy(ctx, r, sc, p, store.InterventiByMisura, "misura", misure)
}
