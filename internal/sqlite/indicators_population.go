package sqlite

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// popBase selects, for every Comune in scope s, its residents on day ? as
// pop and whether they come from the registry (reg = 1) or the reference
// figure comuni.popolazione (reg = 0). The registry covers a day when the
// Comune's first registry import is as of that day or earlier: before it,
// the history is empty and counting it would give zero. extra adds columns
// computed from the cartelle of the Comune (alias k, grouped by comune).
func popBase(day string, extra string, extraArgs []any) (string, []any) {
	q := `SELECT s.istat AS istat,
		CASE WHEN cov.istat IS NULL THEN s.popolazione ELSE coalesce(pop.n, 0) END AS pop,
		(cov.istat IS NOT NULL) AS reg`
	args := []any{day, day, day}
	if extra != "" {
		q += ", coalesce(k.a, 0) AS a, coalesce(k.n, 0) AS n"
	}
	q += ` FROM s
	LEFT JOIN (SELECT comune AS istat FROM imports WHERE kind = 'anagrafe' AND as_of <> ''
	           GROUP BY comune HAVING min(as_of) <= ?) cov ON cov.istat = s.istat
	LEFT JOIN (SELECT comune AS istat, count(*) AS n FROM persone
	           WHERE valid_from <= ? AND (valid_to = '' OR valid_to > ?) GROUP BY comune) pop ON pop.istat = s.istat`
	if extra != "" {
		q += " LEFT JOIN (" + extra + ") k ON k.istat = s.istat"
		args = append(args, extraArgs...)
	}
	return q, args
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

func popolazioneIndicator(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	base, args := popBase(p.At, "", nil)
	rows, err := geoQuery(ctx, q, sc, base, args, "coalesce(sum(b.pop), 0)", "coalesce(sum(b.reg), 0)", "count(b.istat)")
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		reg, n := i64(r.vals[1]), i64(r.vals[2])
		out = append(out, *geoKeys(r).Set("popolazione", i64(r.vals[0])).Set("fonte_popolazione", popSource(reg, n)))
		res.Population = popInfo(p.At, reg, n)
	}
	return out, nil
}

// cartelleCounts selects per Comune the cartelle open on day ? (a) and, of
// those, the ones opened on or after day ? (n).
const cartelleCounts = "SELECT comune AS istat, count(*) AS a, sum(data_apertura >= ?) AS n FROM cartelle WHERE " + openOn + " GROUP BY comune"

func yearBase(year int) (string, []any, string) {
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	base, args := popBase(first, cartelleCounts, []any{first, last, last})
	return base, args, first
}

func cartellePopolazione(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	base, args, first := yearBase(p.Year)
	rows, err := geoQuery(ctx, q, sc, base, args, "coalesce(sum(b.pop), 0)", "coalesce(sum(b.reg), 0)", "count(b.istat)",
		"coalesce(sum(b.a), 0)", "coalesce(sum(b.n), 0)")
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		pop, reg, n, open := i64(r.vals[0]), i64(r.vals[1]), i64(r.vals[2]), i64(r.vals[3])
		row := geoKeys(r).Set("popolazione", pop).Set("fonte_popolazione", popSource(reg, n)).
			Set("cartelle_aperte", open).Set("nuove_anno", i64(r.vals[4])).Set("percentuale", pct(open, pop))
		out = append(out, *row)
		res.Population = popInfo(first, reg, n)
	}
	return out, nil
}

func comuniFasce(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	base, args, first := yearBase(p.Year)
	cte, cargs := sc.comuniCTE()
	// Compared unrounded, in integers: a/pop < 1% is 100a < pop.
	query := "WITH " + cte + ", b AS MATERIALIZED (" + base + `)
	SELECT coalesce(sum(100 * a < pop), 0), coalesce(sum(100 * a >= pop AND 100 * a <= 2 * pop), 0),
	       coalesce(sum(100 * a > 2 * pop), 0), coalesce(sum(reg), 0), count(*) FROM b WHERE pop > 0`
	var lt, mid, gt, reg, n int64
	if err := q.QueryRowContext(ctx, query, append(cargs, args...)...).Scan(&lt, &mid, &gt, &reg, &n); err != nil {
		return nil, mapErr(err)
	}
	res.Population = popInfo(first, reg, n)
	var out []csi.IndicatorRow
	for _, f := range []struct {
		label string
		n     int64
	}{{"<1%", lt}, {"1-2%", mid}, {">2%", gt}, {csi.TotalLabel, n}} {
		out = append(out, *(&csi.IndicatorRow{}).Set("fascia", f.label).Set("comuni", f.n).Set("percentuale", pct(f.n, n)))
	}
	return out, nil
}
