package sqlite

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/store"
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

// cartelleCounts selects per Comune the cartelle open on day ? (a) and, of
// those, the ones opened on or after day ? (n).
const cartelleCounts = "SELECT comune AS istat, count(*) AS a, sum(data_apertura >= ?) AS n FROM cartelle WHERE " + openOn + " GROUP BY comune"

// yearBase is popBase on the first day of year with the cartelleCounts
// of its last day.
func yearBase(year int) (string, []any) {
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	return popBase(first, cartelleCounts, []any{first, last, last})
}

// CountPopolazione counts the residents on day.
func (r indicatorReader) CountPopolazione(ctx context.Context, sc store.IndicatorScope, day string) ([]store.GeoRow, error) {
	base, args := popBase(day, "", nil)
	rows, err := geoQuery(ctx, r.q, sc, base, args, "coalesce(sum(b.pop), 0)", "coalesce(sum(b.reg), 0)", "count(b.istat)")
	return counts(rows), err
}

// CountCartellePopolazione counts the residents at the start of year and
// the cartelle open at its end.
func (r indicatorReader) CountCartellePopolazione(ctx context.Context, sc store.IndicatorScope, year int) ([]store.GeoRow, error) {
	base, args := yearBase(year)
	rows, err := geoQuery(ctx, r.q, sc, base, args, "coalesce(sum(b.pop), 0)", "coalesce(sum(b.reg), 0)", "count(b.istat)",
		"coalesce(sum(b.a), 0)", "coalesce(sum(b.n), 0)")
	return counts(rows), err
}

// CountFasce sorts the Comuni in scope by their share of cartelle.
func (r indicatorReader) CountFasce(ctx context.Context, sc store.IndicatorScope, year int) (store.Fasce, error) {
	base, args := yearBase(year)
	cte, cargs := comuniCTE(sc)
	// Compared unrounded, in integers: a/pop < 1% is 100a < pop.
	query := "WITH " + cte + ", b AS MATERIALIZED (" + base + `)
	SELECT coalesce(sum(100 * a < pop), 0), coalesce(sum(100 * a >= pop AND 100 * a <= 2 * pop), 0),
	       coalesce(sum(100 * a > 2 * pop), 0), coalesce(sum(reg), 0), count(*) FROM b WHERE pop > 0`
	var f store.Fasce
	err := r.q.QueryRowContext(ctx, query, append(cargs, args...)...).Scan(&f.Below, &f.Between, &f.Above, &f.Registry, &f.Comuni)
	return f, mapErr(err)
}
