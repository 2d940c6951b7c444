package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/store"
)

// CountAnagrafeAutomatica counts the members, the automatic and the
// regular Comuni.
func (r indicatorReader) CountAnagrafeAutomatica(ctx context.Context, sc store.IndicatorScope, at string, days int, status map[string]string) ([]store.GeoRow, error) {
	// A Comune is regular when its last registry import up to --at was
	// loaded in the --days days ending on --at.
	// Membership is that on --at, read from the status history.
	base := `SELECT s.istat AS istat,
		` + memberOn + ` AS ader,
		(` + memberOn + ` AND c.anagrafe = 'automatic') AS auto,
		(` + memberOn + ` AND c.anagrafe = 'automatic' AND li.last > date(?, ?)) AS reg,
		coalesce(li.last, '') AS last
	FROM s JOIN comuni c ON c.istat = s.istat
	` + memberJoin + `
	LEFT JOIN (SELECT comune AS istat, max(date(at)) AS last FROM imports
	           WHERE kind = 'anagrafe' AND date(at) <= ? GROUP BY comune) li ON li.istat = s.istat`
	st, err := json.Marshal(status)
	if err != nil {
		return nil, err
	}
	args := []any{at, fmt.Sprintf("-%d days", days), string(st), at}
	rows, err := geoQuery(ctx, r.q, sc, base, args, "count(b.istat)", "coalesce(sum(b.ader), 0)", "coalesce(sum(b.auto), 0)",
		"coalesce(sum(b.reg), 0)", "coalesce(max(b.last), '')")
	if err != nil {
		return nil, err
	}
	out := counts(rows)
	for i, g := range rows {
		out[i].N, out[i].Text = out[i].N[:4], str(g.vals[4])
	}
	return out, nil
}

// AmbitiReferenti returns the Ambiti in scope with the start of their
// referent's term on at.
func (r indicatorReader) AmbitiReferenti(ctx context.Context, sc store.IndicatorScope, at string) ([]store.ReferentTerm, error) {
	// valid_to is the last day of a term, so a term covers at when it
	// started on or before it and has not ended before it.
	query := `SELECT a.nome, coalesce(max(r.valid_from), '') FROM ambiti a
	LEFT JOIN referenti r ON r.ambito = a.nome AND r.valid_from <= ? AND (r.valid_to = '' OR r.valid_to >= ?)
	WHERE a.nome IN (SELECT ambito FROM comuni WHERE (? = '' OR ambito = ?) AND (? = '' OR istat = ?))
	GROUP BY a.nome ORDER BY a.nome`
	rows, err := r.q.QueryContext(ctx, query, at, at, sc.Ambito, sc.Ambito, sc.Comune, sc.Comune)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []store.ReferentTerm
	for rows.Next() {
		var a store.ReferentTerm
		if err := rows.Scan(&a.Ambito, &a.From); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MedianDays computes, for the cartelle opened between from and to, per
// group of each level: the cartelle, those with an access in the 365 days
// up to the opening, and the median of the days from the earliest such
// access (window functions pick the middle one or two values). The days
// are worked out once (d) and then grouped at every level. A cartella is
// known by its Comune and its id: two Comuni may use the same id.
func (r indicatorReader) MedianDays(ctx context.Context, sc store.IndicatorScope, from, to string) ([]store.GeoRow, error) {
	cte, cargs := comuniCTE(sc)
	var parts []string
	for i, lv := range sc.Levels() {
		code, name, amb := levelExprs(lv)
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, %s AS name, %s AS amb, x.days FROM x JOIN s ON s.istat = x.istat",
			i, lv, code, name, amb))
	}
	query := "WITH " + cte + `,
	c AS MATERIALIZED (SELECT ca.id_cartella AS id, ca.comune AS istat, ca.codice_fiscale AS cf, ca.data_apertura AS d
	      FROM cartelle ca JOIN s ON s.istat = ca.comune WHERE ca.data_apertura BETWEEN ? AND ?),
	d AS MATERIALIZED (SELECT c.istat, c.id, CAST(julianday(c.d) - julianday(min(a.data_accesso)) AS INTEGER) AS days
	      FROM c JOIN accessi a ON a.codice_fiscale = c.cf AND a.data_accesso BETWEEN date(c.d, '-365 days') AND c.d
	      WHERE c.cf <> '' GROUP BY c.istat, c.id),
	x AS (SELECT c.istat, d.days FROM c LEFT JOIN d ON d.istat = c.istat AND d.id = c.id),
	g AS MATERIALIZED (` + strings.Join(parts, " UNION ALL ") + `),
	r AS (SELECT o, code, days, row_number() OVER (PARTITION BY o, code ORDER BY days) AS rn,
	             count(*) OVER (PARTITION BY o, code) AS n FROM g WHERE days IS NOT NULL),
	m AS (SELECT o, code, avg(days) AS med FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY o, code),
	t AS (SELECT o, lvl, code, name, amb, count(*) AS cartelle, count(days) AS con FROM g GROUP BY o, code)
	SELECT t.lvl, t.code, t.name, t.amb, t.cartelle, t.con, m.med
	FROM t LEFT JOIN m ON m.o = t.o AND m.code = t.code ORDER BY t.o, t.amb, t.name`
	rows, err := r.q.QueryContext(ctx, query, append(cargs, from, to)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []store.GeoRow
	for rows.Next() {
		g := store.GeoRow{N: make([]int64, 2)}
		if err := rows.Scan(&g.Level, &g.Code, &g.Name, &g.Ambito, &g.N[0], &g.N[1], &g.Median); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}
