package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

func anagrafeAutomatica(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
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
	st, err := statusParam(ctx, q, p.At)
	if err != nil {
		return nil, err
	}
	args := []any{p.At, fmt.Sprintf("-%d days", p.Days), st, p.At}
	rows, err := geoQuery(ctx, q, sc, base, args, "count(b.istat)", "coalesce(sum(b.ader), 0)", "coalesce(sum(b.auto), 0)",
		"coalesce(sum(b.reg), 0)", "coalesce(max(b.last), '')")
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		out = append(out, *geoKeys(r).Set("comuni", i64(r.vals[0])).Set("aderenti", i64(r.vals[1])).
			Set("automatici", i64(r.vals[2])).Set("regolari", i64(r.vals[3])).Set("ultimo_import", str(r.vals[4])))
	}
	return out, nil
}

func ambitiReferente(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	// valid_to is the last day of a term, so a term covers --at when it
	// started on or before it and has not ended before it.
	query := `SELECT a.nome, coalesce(max(r.valid_from), '') FROM ambiti a
	LEFT JOIN referenti r ON r.ambito = a.nome AND r.valid_from <= ? AND (r.valid_to = '' OR r.valid_to >= ?)
	WHERE a.nome IN (SELECT ambito FROM comuni WHERE (? = '' OR ambito = ?) AND (? = '' OR istat = ?))
	GROUP BY a.nome ORDER BY a.nome`
	rows, err := q.QueryContext(ctx, query, p.At, p.At, sc.ambito, sc.ambito, sc.comune, sc.comune)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []csi.IndicatorRow
	var with int64
	for rows.Next() {
		var nome, from string
		if err := rows.Scan(&nome, &from); err != nil {
			return nil, err
		}
		has := int64(0)
		if from != "" {
			has, with = 1, with+1
		}
		out = append(out, *(&csi.IndicatorRow{}).Set("ambito", nome).Set("con_referente", has).Set("dal", from))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out = append(out, *(&csi.IndicatorRow{}).Set("ambito", csi.TotalLabel).Set("con_referente", with).Set("dal", ""))
	return out, nil
}

func giorniAccessoPIC(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := medianDays(ctx, q, sc, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			row := (&csi.IndicatorRow{Geo: indicators.GeoKey(r.level, r.code)}).Set("periodo", per.Label())
			out = append(out, *row.Set("livello", r.level).Set("codice", r.code).Set("nome", r.name).
				Set("cartelle", i64(r.vals[0])).Set("con_accesso", i64(r.vals[1])).Set("mediana_giorni", r.vals[2]))
		}
	}
	return out, nil
}

// medianDays computes, for the cartelle opened between from and to, per
// group of each level: the cartelle, those with an access in the 365 days
// up to the opening, and the median of the days from the earliest such
// access (window functions pick the middle one or two values). The days
// are worked out once (d) and then grouped at every level.
func medianDays(ctx context.Context, q querier, sc scope, from, to string) ([]geoRow, error) {
	cte, cargs := sc.comuniCTE()
	var parts []string
	for i, lv := range sc.levels() {
		code, name, amb := levelExprs(lv)
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, %s AS name, %s AS amb, x.days FROM x JOIN s ON s.istat = x.istat",
			i, lv, code, name, amb))
	}
	query := "WITH " + cte + `,
	c AS MATERIALIZED (SELECT ca.id_cartella AS id, ca.comune AS istat, ca.codice_fiscale AS cf, ca.data_apertura AS d
	      FROM cartelle ca JOIN s ON s.istat = ca.comune WHERE ca.data_apertura BETWEEN ? AND ?),
	d AS MATERIALIZED (SELECT c.id, CAST(julianday(c.d) - julianday(min(a.data_accesso)) AS INTEGER) AS days
	      FROM c JOIN accessi a ON a.codice_fiscale = c.cf AND a.data_accesso BETWEEN date(c.d, '-365 days') AND c.d
	      WHERE c.cf <> '' GROUP BY c.id),
	x AS (SELECT c.istat, d.days FROM c LEFT JOIN d ON d.id = c.id),
	g AS MATERIALIZED (` + strings.Join(parts, " UNION ALL ") + `),
	r AS (SELECT o, code, days, row_number() OVER (PARTITION BY o, code ORDER BY days) AS rn,
	             count(*) OVER (PARTITION BY o, code) AS n FROM g WHERE days IS NOT NULL),
	m AS (SELECT o, code, avg(days) AS med FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY o, code),
	t AS (SELECT o, lvl, code, name, amb, count(*) AS cartelle, count(days) AS con FROM g GROUP BY o, code)
	SELECT t.lvl, t.code, t.name, t.amb, t.cartelle, t.con, m.med
	FROM t LEFT JOIN m ON m.o = t.o AND m.code = t.code ORDER BY t.o, t.amb, t.name`
	rows, err := q.QueryContext(ctx, query, append(cargs, from, to)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []geoRow
	for rows.Next() {
		r := geoRow{vals: make([]any, 3)}
		var med *float64
		if err := rows.Scan(&r.level, &r.code, &r.name, &r.ambito, &r.vals[0], &r.vals[1], &med); err != nil {
			return nil, err
		}
		if med != nil {
			r.vals[2] = csi.DecOf(*med, 1)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
