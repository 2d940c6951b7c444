package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/store"
)

// memberJoin joins a query's Comuni (alias c) to their status on a day,
// given as the join's one parameter, a JSON object of ISTAT code to
// status: st.value is the status, and memberOn the condition of being a
// member.
const (
	memberJoin = "LEFT JOIN jsonb_each_text(?::jsonb) st ON st.key = c.istat"
	memberOn   = "(st.value IN ('active', 'suspended'))"
)

// CountAnagrafeAutomatica counts the members, the automatic and the
// regular Comuni. The day of an import is the date of its at, an RFC 3339
// time in UTC.
func (r indicatorReader) CountAnagrafeAutomatica(ctx context.Context, sc store.IndicatorScope, at string, days int, status map[string]string) ([]store.GeoRow, error) {
	base := `SELECT s.istat AS istat,
		CASE WHEN ` + memberOn + ` THEN 1 ELSE 0 END AS ader,
		CASE WHEN ` + memberOn + ` AND c.anagrafe = 'automatic' THEN 1 ELSE 0 END AS auto,
		CASE WHEN ` + memberOn + ` AND c.anagrafe = 'automatic' AND li.last > to_char(?::date - ?::int, 'YYYY-MM-DD') THEN 1 ELSE 0 END AS reg,
		coalesce(li.last, '') AS last
	FROM s JOIN comuni c ON c.istat = s.istat
	` + memberJoin + `
	LEFT JOIN (SELECT comune AS istat, max(left(at, 10) COLLATE "C") AS last FROM imports
	           WHERE kind = 'anagrafe' AND left(at, 10) <= ? GROUP BY comune) li ON li.istat = s.istat`
	st, err := json.Marshal(status)
	if err != nil {
		return nil, err
	}
	args := []any{at, days, string(st), at}
	return r.geoQuery(ctx, sc, base, args, []string{"count(b.istat)", "coalesce(sum(b.ader), 0)", "coalesce(sum(b.auto), 0)",
		"coalesce(sum(b.reg), 0)"}, `coalesce(max(b.last COLLATE "C"), '')`)
}

// AmbitiReferenti returns the Ambiti in scope with the start of their
// referent's term on at.
func (r indicatorReader) AmbitiReferenti(ctx context.Context, sc store.IndicatorScope, at string) ([]store.ReferentTerm, error) {
	// valid_to is the last day of a term, so a term covers at when it
	// started on or before it and has not ended before it.
	query := `SELECT a.nome, coalesce(max(r.valid_from COLLATE "C"), '') FROM ambiti a
	LEFT JOIN referenti r ON r.ambito = a.nome AND r.valid_from <= ? AND (r.valid_to = '' OR r.valid_to >= ?)
	WHERE a.nome IN (SELECT ambito FROM comuni WHERE (?::text = '' OR ambito = ?) AND (?::text = '' OR istat = ?))
	GROUP BY a.nome ORDER BY a.nome COLLATE "C"`
	rows, err := r.query(ctx, query, at, at, sc.Ambito, sc.Ambito, sc.Comune, sc.Comune)
	if err != nil {
		return nil, err
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
// access (window functions pick the middle one or two values; n is an
// integer, so (n + 1) / 2 divides as SQLite's does). The days are worked
// out once (d) and then grouped at every level.
func (r indicatorReader) MedianDays(ctx context.Context, sc store.IndicatorScope, from, to string) ([]store.GeoRow, error) {
	cte, cargs := comuniCTE(sc)
	var parts []string
	for i, lv := range sc.Levels() {
		code, name, amb, _ := levelExprs(lv)
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s'::text AS lvl, %s::text AS code, %s::text AS name, %s::text AS amb, x.days FROM x JOIN s ON s.istat = x.istat",
			i, lv, code, name, amb))
	}
	query := "WITH " + cte + `,
	c AS MATERIALIZED (SELECT ca.id_cartella AS id, ca.comune AS istat, ca.codice_fiscale AS cf, ca.data_apertura AS d
	      FROM cartelle ca JOIN s ON s.istat = ca.comune WHERE ca.data_apertura BETWEEN ? AND ?),
	d AS MATERIALIZED (SELECT c.istat, c.id, (c.d::date - min(a.data_accesso)::date) AS days
	      FROM c JOIN accessi a ON a.codice_fiscale = c.cf AND a.data_accesso BETWEEN to_char(c.d::date - 365, 'YYYY-MM-DD') AND c.d
	      WHERE c.cf <> '' GROUP BY c.istat, c.id, c.d),
	x AS (SELECT c.istat, d.days FROM c LEFT JOIN d ON d.istat = c.istat AND d.id = c.id),
	g AS MATERIALIZED (` + strings.Join(parts, " UNION ALL ") + `),
	r AS (SELECT o, code, days, row_number() OVER (PARTITION BY o, code ORDER BY days) AS rn,
	             count(*) OVER (PARTITION BY o, code) AS n FROM g WHERE days IS NOT NULL),
	m AS (SELECT o, code, avg(days)::float8 AS med FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY o, code),
	t AS (SELECT o, lvl, code, name, amb, count(*) AS cartelle, count(days) AS con FROM g GROUP BY o, lvl, code, name, amb)
	SELECT t.lvl, t.code, t.name, t.amb, t.cartelle, t.con, m.med
	FROM t LEFT JOIN m ON m.o = t.o AND m.code = t.code ORDER BY t.o, t.amb COLLATE "C", t.name COLLATE "C"`
	rows, err := r.query(ctx, query, append(cargs, from, to)...)
	if err != nil {
		return nil, err
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
