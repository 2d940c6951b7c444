package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Indicators = (*DB)(nil)

// ReadIndicators runs fn in one read transaction. A deferred transaction
// only reads: it takes no write lock, and in WAL mode it sees one snapshot
// however long an import runs alongside.
func (db *DB) ReadIndicators(ctx context.Context, fn func(store.IndicatorReader) error) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return mapErr(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return mapErr(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	return fn(indicatorReader{conn})
}

// indicatorReader reads the figures of the indicators in one transaction.
type indicatorReader struct{ q querier }

var _ store.IndicatorReader = indicatorReader{}

// IndicatorRevision identifies the data by the last import and audit ids.
func (r indicatorReader) IndicatorRevision(ctx context.Context) (csi.Snapshot, error) {
	var imp, aud int64
	err := r.q.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM imports), (SELECT coalesce(max(id), 0) FROM audit)`).Scan(&imp, &aud)
	if err != nil {
		return csi.Snapshot{}, mapErr(err)
	}
	return csi.NewSnapshot(imp, aud), nil
}

// IndicatorGeography returns the Comuni and the Ambiti.
func (r indicatorReader) IndicatorGeography(ctx context.Context) ([]csi.Comune, []string, error) {
	comuni, err := listComuni(ctx, r.q, "")
	if err != nil {
		return nil, nil, err
	}
	rows, err := r.q.QueryContext(ctx, "SELECT nome FROM ambiti ORDER BY nome")
	if err != nil {
		return nil, nil, mapErr(err)
	}
	defer rows.Close()
	var ambiti []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, nil, err
		}
		ambiti = append(ambiti, n)
	}
	return comuni, ambiti, rows.Err()
}

// StatusTimelines reads the status history of every Comune.
func (r indicatorReader) StatusTimelines(ctx context.Context) (map[string]csi.StatusTimeline, error) {
	return loadTimelines(ctx, r.q)
}

// CartelleYears returns the years of the first and last cartella dates.
func (r indicatorReader) CartelleYears(ctx context.Context) (first, last int, err error) {
	err = r.q.QueryRowContext(ctx, `SELECT coalesce(min(CAST(substr(data_apertura, 1, 4) AS INTEGER)), 0),
		coalesce(max(max(CAST(substr(data_apertura, 1, 4) AS INTEGER), CAST(coalesce(nullif(substr(data_chiusura, 1, 4), ''), '0') AS INTEGER))), 0)
		FROM cartelle`).Scan(&first, &last)
	return first, last, mapErr(err)
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

// levelExprs returns the SQL expressions of a level's code and name over s.
func levelExprs(level string) (code, name, ambito string) {
	switch level {
	case csi.ByComune:
		return "s.istat", "s.nome", "s.ambito"
	case csi.ByAmbito:
		return "s.ambito", "s.ambito", "s.ambito"
	}
	return "'" + csi.ProvinceCode + "'", "'" + csi.ProvinceName + "'", "''"
}

// geoRow is one aggregated row of a geography query.
type geoRow struct {
	level, code, name, ambito string
	vals                      []any
}

// counts turns geography rows of counts into the port's rows.
func counts(rows []geoRow) []store.GeoRow {
	out := make([]store.GeoRow, len(rows))
	for i, r := range rows {
		out[i] = store.GeoRow{Level: r.level, Code: r.code, Name: r.name, Ambito: r.ambito, N: make([]int64, len(r.vals))}
		for j, v := range r.vals {
			out[i].N[j] = i64(v)
		}
	}
	return out
}

// geoQuery aggregates base, a query whose rows carry the ISTAT code of a
// Comune as column istat, at each level of sc: every Comune in scope gets a
// row (base is LEFT JOINed as b), aggregated with the expressions aggs.
// Rows come comune level first, each level ordered by Ambito and name.
func geoQuery(ctx context.Context, q querier, sc store.IndicatorScope, base string, args []any, aggs ...string) ([]geoRow, error) {
	cte, cargs := comuniCTE(sc)
	var parts []string
	for i, lv := range sc.Levels() {
		code, name, amb := levelExprs(lv)
		part := fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, %s AS name, %s AS amb, %s FROM s LEFT JOIN b ON b.istat = s.istat",
			i, lv, code, name, amb, strings.Join(aggs, ", "))
		if lv != csi.ByProvincia {
			part += " GROUP BY " + code
		}
		parts = append(parts, part)
	}
	var out []geoRow
	err := queryLevels(ctx, q, cte, base, append(cargs, args...), parts, "o, amb, name", func(scan func(...any) ([]any, error)) error {
		var o int
		r := geoRow{}
		vals, err := scan(&o, &r.level, &r.code, &r.name, &r.ambito)
		if err != nil {
			return err
		}
		r.vals = vals
		out = append(out, r)
		return nil
	})
	return out, err
}

// catQuery aggregates base, whose rows carry istat and a category cat, per
// category at each level of sc (Comuni without rows do not appear).
func catQuery(ctx context.Context, q querier, sc store.IndicatorScope, base string, args []any, aggs ...string) ([]store.CatRow, error) {
	cte, cargs := comuniCTE(sc)
	var parts []string
	for i, lv := range sc.Levels() {
		code, _, _ := levelExprs(lv)
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, b.cat AS cat, %s FROM b JOIN s ON s.istat = b.istat GROUP BY %s b.cat",
			i, lv, code, strings.Join(aggs, ", "), groupPrefix(lv, code)))
	}
	var out []store.CatRow
	err := queryLevels(ctx, q, cte, base, append(cargs, args...), parts, "o, code, cat", func(scan func(...any) ([]any, error)) error {
		var o int
		r := store.CatRow{}
		vals, err := scan(&o, &r.Level, &r.Code, &r.Cat)
		if err != nil {
			return err
		}
		for _, v := range vals {
			r.N = append(r.N, i64(v))
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// queryLevels runs the union of parts (one per level) over the Comuni in
// scope (cte) and the materialised base b, ordered by order. For each row,
// row gets a scan function that fills the leading columns it is given and
// returns the remaining (aggregate) columns. The CTE b is MATERIALIZED:
// each level's part of the UNION reads it, and left to itself the planner
// may re-run base for every Comune.
func queryLevels(ctx context.Context, q querier, cte, base string, args []any, parts []string, order string,
	row func(scan func(lead ...any) ([]any, error)) error) error {
	query := "WITH " + cte + ", b AS MATERIALIZED (" + base + ") SELECT * FROM (" + strings.Join(parts, " UNION ALL ") + ") ORDER BY " + order
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		scan := func(lead ...any) ([]any, error) {
			vals := make([]any, len(cols)-len(lead))
			dest := lead
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			return vals, rows.Scan(dest...)
		}
		if err := row(scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func groupPrefix(level, code string) string {
	if level == csi.ByProvincia {
		return ""
	}
	return code + ","
}

// i64 converts a scanned aggregate to an int64.
func i64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	case []byte:
		var n int64
		fmt.Sscan(string(x), &n)
		return n
	case string:
		var n int64
		fmt.Sscan(x, &n)
		return n
	}
	return 0
}

// str converts a scanned value to a string.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
