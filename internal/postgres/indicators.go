package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// The indicator queries are SQLite's (internal/sqlite/indicators*.go) in
// PostgreSQL's words: a boolean is counted with count(*) FILTER, sums are
// cast back to bigint (sum(bigint) is numeric), dates are computed with
// the date type and written back as 'YYYY-MM-DD', and every ORDER BY on
// text uses COLLATE "C", the byte order of SQLite's BINARY, so that both
// engines give the same rows in the same order.

var _ store.Indicators = (*DB)(nil)

// ReadIndicators runs fn in one REPEATABLE READ, READ ONLY transaction:
// every query of fn sees the snapshot taken by its first one. It takes no
// lock an import waits for, and an import's rows appear only in the next
// call. Driver errors come back as the store's domain errors.
func (db *DB) ReadIndicators(ctx context.Context, fn func(store.IndicatorReader) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return db.mapErr(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	return db.mapErr(fn(indicatorReader{tx}))
}

// indicatorReader reads the figures of the indicators in one transaction.
type indicatorReader struct{ tx pgx.Tx }

var _ store.IndicatorReader = indicatorReader{}

// numbered turns the ? placeholders of q into $1, $2, …: the queries are
// assembled from parts, like SQLite's, and numbered once at the end.
func numbered(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// query runs q (with ? placeholders).
func (r indicatorReader) query(ctx context.Context, q string, args ...any) (pgx.Rows, error) {
	return r.tx.Query(ctx, numbered(q), args...)
}

// IndicatorRevision identifies the data by the last import and audit ids.
func (r indicatorReader) IndicatorRevision(ctx context.Context) (csi.Snapshot, error) {
	var imp, aud int64
	err := r.tx.QueryRow(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM imports)::bigint, (SELECT coalesce(max(id), 0) FROM audit)::bigint`).Scan(&imp, &aud)
	if err != nil {
		return csi.Snapshot{}, err
	}
	return csi.NewSnapshot(imp, aud), nil
}

// IndicatorGeography returns the Comuni and the Ambiti.
func (r indicatorReader) IndicatorGeography(ctx context.Context) ([]csi.Comune, []string, error) {
	rows, err := r.tx.Query(ctx, `SELECT istat, nome, ambito, status FROM comuni ORDER BY nome_fold COLLATE "C", istat COLLATE "C"`)
	if err != nil {
		return nil, nil, err
	}
	comuni, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (csi.Comune, error) {
		var c csi.Comune
		err := row.Scan(&c.Istat, &c.Nome, &c.Ambito, &c.Status)
		return c, err
	})
	if err != nil {
		return nil, nil, err
	}
	rows, err = r.tx.Query(ctx, `SELECT nome FROM ambiti ORDER BY nome COLLATE "C"`)
	if err != nil {
		return nil, nil, err
	}
	ambiti, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return comuni, ambiti, err
}

// StatusTimelines reads the status history of every Comune.
func (r indicatorReader) StatusTimelines(ctx context.Context) (map[string]csi.StatusTimeline, error) {
	rows, err := r.tx.Query(ctx, `SELECT istat, date, event, detail FROM comune_history
		WHERE event IN ('onboarded', 'offboarded', 'status') ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]csi.StatusTimeline{}
	for rows.Next() {
		var istat, date, event, detail string
		if err := rows.Scan(&istat, &date, &event, &detail); err != nil {
			return nil, err
		}
		out[istat] = append(out[istat], csi.StatusChange{Date: date, Status: eventStatus(event, detail)})
	}
	for _, t := range out {
		csi.SortTimeline(t)
	}
	return out, rows.Err()
}

// eventStatus is the status a history event leads to; a status event's
// detail reads "active -> suspended".
func eventStatus(event, detail string) string {
	switch event {
	case "onboarded":
		return csi.StatusActive
	case "offboarded":
		return csi.StatusLeft
	}
	_, to, _ := strings.Cut(detail, "-> ")
	return to
}

// CartelleYears returns the years of the first and last cartella dates.
func (r indicatorReader) CartelleYears(ctx context.Context) (first, last int, err error) {
	err = r.tx.QueryRow(ctx, `SELECT coalesce(min(substr(data_apertura, 1, 4)::int), 0),
		coalesce(max(greatest(substr(data_apertura, 1, 4)::int, coalesce(nullif(substr(data_chiusura, 1, 4), ''), '0')::int)), 0)
		FROM cartelle`).Scan(&first, &last)
	return first, last, err
}

// comuniCTE selects the Comuni in scope as the CTE s(istat, nome, ambito,
// popolazione).
func comuniCTE(sc store.IndicatorScope) (string, []any) {
	q := "s AS (SELECT istat, nome, ambito, popolazione FROM comuni"
	switch {
	case sc.Comune != "":
		return q + " WHERE istat = ?)", []any{sc.Comune}
	case sc.Ambito != "":
		return q + " WHERE ambito = ?)", []any{sc.Ambito}
	}
	return q + ")", nil
}

// levelExprs returns the SQL expressions of a level's code, name and
// Ambito over s, and what to group by.
func levelExprs(level string) (code, name, ambito, group string) {
	switch level {
	case csi.ByComune:
		return "s.istat", "s.nome", "s.ambito", "s.istat, s.nome, s.ambito"
	case csi.ByAmbito:
		return "s.ambito", "s.ambito", "s.ambito", "s.ambito"
	}
	return "'" + csi.ProvinceCode + "'", "'" + csi.ProvinceName + "'", "''", ""
}

// geoQuery aggregates base, a query whose rows carry the ISTAT code of a
// Comune as column istat, at each level of sc: every Comune in scope gets
// a row (base is LEFT JOINed as b), aggregated with the integer
// expressions aggs and then the text expressions texts. Rows come level by
// level, each ordered by Ambito and name.
func (r indicatorReader) geoQuery(ctx context.Context, sc store.IndicatorScope, base string, args []any, aggs []string, texts ...string) ([]store.GeoRow, error) {
	cte, cargs := comuniCTE(sc)
	cols := make([]string, 0, len(aggs)+len(texts))
	for _, a := range aggs {
		cols = append(cols, "("+a+")::bigint")
	}
	cols = append(cols, texts...)
	var parts []string
	for i, lv := range sc.Levels() {
		code, name, amb, group := levelExprs(lv)
		part := fmt.Sprintf("SELECT %d AS o, '%s'::text AS lvl, %s::text AS code, %s::text AS name, %s::text AS amb, %s FROM s LEFT JOIN b ON b.istat = s.istat",
			i, lv, code, name, amb, strings.Join(cols, ", "))
		if group != "" {
			part += " GROUP BY " + group
		}
		parts = append(parts, part)
	}
	q := "WITH " + cte + ", b AS MATERIALIZED (" + base + ") SELECT * FROM (" + strings.Join(parts, " UNION ALL ") +
		`) AS u ORDER BY o, amb COLLATE "C", name COLLATE "C"`
	rows, err := r.query(ctx, q, append(cargs, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.GeoRow
	for rows.Next() {
		var o int
		g := store.GeoRow{N: make([]int64, len(aggs))}
		dest := []any{&o, &g.Level, &g.Code, &g.Name, &g.Ambito}
		for i := range g.N {
			dest = append(dest, &g.N[i])
		}
		if len(texts) > 0 {
			dest = append(dest, &g.Text)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// catQuery aggregates base, whose rows carry istat and a category cat, per
// category at each level of sc (Comuni without rows do not appear), with
// the integer expressions aggs.
func (r indicatorReader) catQuery(ctx context.Context, sc store.IndicatorScope, base string, args []any, aggs ...string) ([]store.CatRow, error) {
	cte, cargs := comuniCTE(sc)
	cols := make([]string, len(aggs))
	for i, a := range aggs {
		cols[i] = "(" + a + ")::bigint"
	}
	var parts []string
	for i, lv := range sc.Levels() {
		code, _, _, group := levelExprs(lv)
		if group != "" {
			group += ", "
		}
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s'::text AS lvl, %s::text AS code, b.cat::text AS cat, %s FROM b JOIN s ON s.istat = b.istat GROUP BY %sb.cat",
			i, lv, code, strings.Join(cols, ", "), group))
	}
	q := "WITH " + cte + ", b AS MATERIALIZED (" + base + ") SELECT * FROM (" + strings.Join(parts, " UNION ALL ") +
		`) AS u ORDER BY o, code COLLATE "C", cat COLLATE "C"`
	rows, err := r.query(ctx, q, append(cargs, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.CatRow
	for rows.Next() {
		var o int
		c := store.CatRow{N: make([]int64, len(aggs))}
		dest := []any{&o, &c.Level, &c.Code, &c.Cat}
		for i := range c.N {
			dest = append(dest, &c.N[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
