package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// openOn is the SQL condition "cartella open on day ?".
const openOn = "(data_apertura <= ? AND (data_chiusura = '' OR data_chiusura > ?))"

func accessiSegretariato(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		base := "SELECT comune AS istat, count(*) AS n FROM accessi WHERE data_accesso BETWEEN ? AND ? GROUP BY comune"
		rows, err := geoQuery(ctx, q, sc, base, []any{per.Start(), per.End()}, "coalesce(sum(b.n), 0)")
		if err != nil {
			return nil, err
		}
		levels := sc.levels()
		top := levels[len(levels)-1]
		for _, r := range rows {
			if r.level == sc.by || (r.level == csi.ByComune && sc.comune != "") {
				if sc.by != csi.ByProvincia {
					out = append(out, accessiRow(sc, per.Label(), r, false))
				}
			}
			// The Totale row is the top level of the scope: the province,
			// or the Ambito or Comune the scope is narrowed to.
			if r.level == top {
				out = append(out, accessiRow(sc, per.Label(), r, true))
			}
		}
	}
	return out, nil
}

func accessiRow(sc scope, periodo string, r geoRow, total bool) csi.IndicatorRow {
	row := &csi.IndicatorRow{Geo: indicators.GeoKey(r.level, r.code)}
	row.Set("periodo", periodo)
	switch {
	case total:
		row.Set("ambito", csi.TotalLabel)
		if sc.by == csi.ByComune {
			row.Set("comune", "").Set("nome", "")
		}
	case r.level == csi.ByComune:
		row.Set("ambito", r.ambito)
		if sc.by == csi.ByComune {
			row.Set("comune", r.code).Set("nome", r.name)
		}
	default:
		row.Set("ambito", r.name)
	}
	return *row.Set("accessi", i64(r.vals[0]))
}

func cartelleMovimento(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		before := fmt.Sprintf("%04d-12-31", per.From-1)
		cols := []string{"sum" + openOn + " AS v0"}
		args := []any{before, before}
		aggs := []string{"coalesce(sum(b.v0), 0)"}
		for i, y := range per.Years() {
			from, to := fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
			cols = append(cols, fmt.Sprintf("sum(data_apertura BETWEEN ? AND ?) AS a%d, sum(data_chiusura BETWEEN ? AND ?) AS c%d", i, i))
			args = append(args, from, to, from, to)
			aggs = append(aggs, fmt.Sprintf("coalesce(sum(b.a%d), 0)", i), fmt.Sprintf("coalesce(sum(b.c%d), 0)", i))
		}
		base := "SELECT comune AS istat, " + strings.Join(cols, ", ") + " FROM cartelle GROUP BY comune"
		rows, err := geoQuery(ctx, q, sc, base, args, aggs...)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			saldo := i64(r.vals[0])
			for i, y := range per.Years() {
				aperte, chiuse := i64(r.vals[1+2*i]), i64(r.vals[2+2*i])
				row := &csi.IndicatorRow{Geo: indicators.GeoKey(r.level, r.code)}
				row.Set("periodo", per.Label())
				if sc.by != csi.ByProvincia {
					amb := r.name
					if r.level == csi.ByProvincia {
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

func cartelleAperteDal(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	base := `SELECT comune AS istat, sum(data_apertura BETWEEN ? AND ?) AS n,
		sum(data_apertura BETWEEN ? AND ? AND (data_chiusura = '' OR data_chiusura > ?)) AS o FROM cartelle GROUP BY comune`
	rows, err := geoQuery(ctx, q, sc, base, []any{p.Since, p.At, p.Since, p.At, p.At},
		"coalesce(sum(b.n), 0)", "coalesce(sum(b.o), 0)")
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		out = append(out, *geoKeys(r).Set("aperte", i64(r.vals[0])).Set("ancora_aperte", i64(r.vals[1])))
	}
	return out, nil
}

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

// byCategory groups category rows per level code, adding the known
// categories that have no row (with zero values) in list order, then the
// unknown ones found in the data.
func byCategory(rows []catRow, known [][2]string, nvals int) (codes []string, groups map[string][]catRow) {
	groups = map[string][]catRow{}
	seen := map[string]map[string]bool{}
	level := map[string]string{}
	for _, r := range rows {
		if seen[r.code] == nil {
			seen[r.code] = map[string]bool{}
			codes = append(codes, r.code)
		}
		seen[r.code][r.cat] = true
		level[r.code] = r.level
	}
	for _, c := range codes {
		var g []catRow
		for _, k := range known {
			if !seen[c][k[0]] {
				g = append(g, catRow{level: level[c], code: c, cat: k[0], vals: make([]any, nvals)})
			}
		}
		for _, r := range rows {
			if r.code == c {
				g = append(g, r)
			}
		}
		groups[c] = sortKnown(g, known)
	}
	return codes, groups
}

func sortKnown(g []catRow, known [][2]string) []catRow {
	rank := func(cat string) int {
		for i, k := range known {
			if k[0] == cat {
				return i
			}
		}
		return len(known)
	}
	out := make([]catRow, 0, len(g))
	for i := 0; i <= len(known); i++ {
		for _, r := range g {
			if rank(r.cat) == i {
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
func ambitoKey(sc scope, row *csi.IndicatorRow, r catRow) {
	row.Geo = indicators.GeoKey(r.level, r.code)
	if sc.by == csi.ByAmbito {
		amb := r.code
		if r.code == csi.ProvinceCode {
			amb = csi.TotalLabel
		}
		row.Set("ambito", amb)
	}
}

func cartelleArea(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	end := fmt.Sprintf("%04d-12-31", p.Year)
	base := "SELECT comune AS istat, area AS cat, count(*) AS n, sum(data_apertura >= ?) AS y FROM cartelle WHERE " + openOn + " GROUP BY comune, area"
	rows, err := catQuery(ctx, q, sc, base, []any{fmt.Sprintf("%04d-01-01", p.Year), end, end}, "sum(b.n)", "sum(b.y)")
	if err != nil {
		return nil, err
	}
	codes, groups := byCategory(rows, aree, 2)
	var out []csi.IndicatorRow
	for _, c := range codes {
		var tot int64
		for _, r := range groups[c] {
			tot += i64(r.vals[0])
		}
		for _, r := range groups[c] {
			row := &csi.IndicatorRow{}
			ambitoKey(sc, row, r)
			row.Set("area", r.cat).Set("descrizione", describe(aree, r.cat)).Set("cartelle_aperte", i64(r.vals[0])).
				Set("nuove_anno", i64(r.vals[1])).Set("percentuale", pct(i64(r.vals[0]), tot))
			out = append(out, *row)
		}
	}
	return out, nil
}

func motiviChiusura(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		base := "SELECT comune AS istat, motivo_chiusura AS cat, count(*) AS n FROM cartelle WHERE data_chiusura BETWEEN ? AND ? GROUP BY comune, motivo_chiusura"
		rows, err := catQuery(ctx, q, sc, base, []any{per.Start(), per.End()}, "sum(b.n)")
		if err != nil {
			return nil, err
		}
		codes, groups := byCategory(rows, motivi, 1)
		for _, c := range codes {
			var tot int64
			for _, r := range groups[c] {
				tot += i64(r.vals[0])
			}
			for _, r := range groups[c] {
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				ambitoKey(sc, row, r)
				row.Set("motivo", r.cat).Set("descrizione", describe(motivi, r.cat)).Set("chiuse", i64(r.vals[0])).
					Set("percentuale", pct(i64(r.vals[0]), tot))
				out = append(out, *row)
			}
		}
	}
	return out, nil
}

// interventiBase selects the interventions active in a period with the
// person, the category column cat and the amount in cents: an occasional
// one by its delivery date, a periodic one by its months inside the period
// (the months from the later of start and period start to the earlier of
// end and period end, both counted).
const interventiBase = `SELECT istat, cat, cf, CASE WHEN car = 'O' THEN imp
	ELSE mens * ((CAST(substr(e0, 1, 4) AS INTEGER) * 12 + CAST(substr(e0, 6, 2) AS INTEGER)) -
	             (CAST(substr(s0, 1, 4) AS INTEGER) * 12 + CAST(substr(s0, 6, 2) AS INTEGER)) + 1) END AS cents
FROM (SELECT c.comune AS istat, %s AS cat, c.codice_fiscale AS cf, i.carattere AS car,
	coalesce(i.importo, 0) AS imp, coalesce(i.importo_mensile, 0) AS mens,
	max(i.data_inizio, pp.ps) AS s0, min(CASE WHEN i.data_fine = '' THEN pp.pe ELSE i.data_fine END, pp.pe) AS e0
FROM interventi i JOIN cartelle c ON c.comune = i.comune AND c.id_cartella = i.id_cartella, (SELECT ? AS ps, ? AS pe) AS pp
WHERE (i.carattere = 'O' AND i.data_erogazione BETWEEN pp.ps AND pp.pe)
   OR (i.carattere = 'P' AND i.data_inizio <> '' AND i.data_inizio <= pp.pe AND (i.data_fine = '' OR i.data_fine >= pp.ps)))`

func interventiBy(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, catExpr, key string, known [][2]string) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		base := fmt.Sprintf(interventiBase, catExpr)
		rows, err := catQuery(ctx, q, sc, base, []any{per.Start(), per.End()},
			"count(*)", "count(DISTINCT b.cf)", "coalesce(sum(b.cents), 0)")
		if err != nil {
			return nil, err
		}
		codes, groups := byCategory(rows, known, 3)
		for _, c := range codes {
			for _, r := range groups[c] {
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				ambitoKey(sc, row, r)
				row.Set(key, r.cat).Set("interventi", i64(r.vals[0])).Set("beneficiari", i64(r.vals[1])).
					Set("importo", csi.DecOf(float64(i64(r.vals[2]))/100, 2))
				out = append(out, *row)
			}
		}
	}
	return out, nil
}

func interventiPrestazione(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	return interventiBy(ctx, q, sc, p, "i.codice_prestazione", "codice_prestazione", nil)
}

var misure = [][2]string{{"B2", "Misura B2"}, {"DDN", "Dopo di Noi"}, {"nessuna", "nessuna misura"}}

func interventiMisura(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	return interventiBy(ctx, q, sc, p, "CASE WHEN i.misura = '' THEN 'nessuna' ELSE i.misura END", "misura", misure)
}
