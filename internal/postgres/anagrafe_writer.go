package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// copyBatch is how many staged rows one COPY carries.
const copyBatch = 16384

// stageCols are the columns of the staging table COPY fills.
var stageCols = []string{"line", "cf", "ok", "row_hash", "dati", "codice_famiglia", "relazione_parentela", "cancelled", "raw"}

// writer stages an import's rows by COPY into a temporary table, then
// computes with set-based statements what they do: repeats within the
// file, unchanged rows, new versions, closures. Nothing is written to
// persone before Commit.
type writer struct {
	db    *DB
	tx    pgx.Tx
	start store.RegistryStart
	buf   [][]any
	done  bool
	out   store.RegistryOutcome
	// closeAbsent is set when the snapshot's exits are to be written.
	closeAbsent bool
}

// Stage encodes a record for the store, on the parsing goroutine, and
// keeps the raw row when the rejects file may need it.
func (w *writer) Stage(row *store.RegistryRow, raw []byte) {
	if row.Rec != nil {
		row.Rec.Encode()
		if w.start.KeepRaw {
			row.Raw = string(raw)
		}
	}
}

// Write copies a batch of rows into the staging table (in COPYs of
// copyBatch rows). A rejected row is staged with its codice fiscale only,
// so that its resident is not closed.
func (w *writer) Write(ctx context.Context, rows []store.RegistryRow) error {
	for i := range rows {
		r := &rows[i]
		switch {
		case r.Rec != nil:
			v := &r.Rec.Values
			w.buf = append(w.buf, []any{int64(r.Line), r.Rec.CF, true, int64(r.Rec.Hash), r.Rec.Dati,
				v[anagrafe.ColCodiceFamiglia], v[anagrafe.ColRelazioneParentela], v[anagrafe.ColDataCancellazione], r.Raw})
		case r.Rej != nil && r.Rej.CF != "":
			w.buf = append(w.buf, []any{int64(r.Line), r.Rej.CF, false, int64(0), "", "", "", "", ""})
		}
	}
	if len(w.buf) >= copyBatch {
		return w.flush(ctx)
	}
	return nil
}

// flush copies the buffered rows.
func (w *writer) flush(ctx context.Context) error {
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.tx.CopyFrom(ctx, pgx.Identifier{"reg_stage"}, stageCols, pgx.CopyFromRows(w.buf))
	w.buf = w.buf[:0]
	return w.db.mapErr(err)
}

// Resolve finds the repeated codici fiscali (the first valid row of each
// stands), classifies the other rows against the current residents and
// counts what the import will do.
func (w *writer) Resolve(ctx context.Context) (*store.RegistryOutcome, error) {
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	if err := w.resolve(ctx); err != nil {
		return nil, w.db.mapErr(err)
	}
	out := w.out
	return &out, nil
}

func (w *writer) resolve(ctx context.Context) error {
	if _, err := w.tx.Exec(ctx, "ANALYZE reg_stage"); err != nil {
		return err
	}
	if err := w.repeats(ctx); err != nil {
		return err
	}
	c := w.start.Comune
	if err := w.freshStats(ctx); err != nil {
		return err
	}
	if _, err := w.tx.Exec(ctx, classifySQL, c); err != nil {
		return err
	}
	o := &w.out
	if err := w.tx.QueryRow(ctx, countSQL).Scan(&o.Inserted, &o.Updated, &o.Unchanged, &o.Closed); err != nil {
		return err
	}
	return w.tx.QueryRow(ctx, currentSQL, c).Scan(&o.Current, &o.Absent)
}

// freshStats analyzes persone when the planner would underestimate the
// Comune's current residents by more than ten times: after a large load
// that autovacuum has not analyzed yet (a table never analyzed is taken
// for a few rows), the joins of the import with the staging table would be
// planned as nested loops, one scan of the other side per row: minutes
// where a hash join takes a second. ANALYZE samples a bounded number of
// rows, whatever the table's size.
func (w *writer) freshStats(ctx context.Context) error {
	var n int64
	if err := w.tx.QueryRow(ctx, `SELECT count(*) FROM persone WHERE comune = $1 AND valid_to = ''`, w.start.Comune).Scan(&n); err != nil {
		return err
	}
	if n < 1000 {
		return nil
	}
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := w.tx.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM persone WHERE comune = $1 AND valid_to = ''`, w.start.Comune).Scan(&plan); err != nil {
		return err
	}
	if len(plan) == 1 && plan[0].Plan.Rows*10 >= float64(n) {
		return nil
	}
	_, err := w.tx.Exec(ctx, "ANALYZE persone")
	return err
}

// currentSQL counts the Comune's current residents and those no staged row
// mentions, by an anti-join on the staged codici fiscali. (A NOT EXISTS
// inside count(*) FILTER is a subplan run once per resident, a scan of the
// staging table each: minutes for a large Comune.)
const currentSQL = `SELECT count(*), count(*) FILTER (WHERE s.cf IS NULL)
	FROM persone p LEFT JOIN (SELECT DISTINCT cf FROM reg_stage) s ON s.cf = p.codice_fiscale
	WHERE p.comune = $1 AND p.valid_to = ''`

// repeats marks the valid rows whose codice fiscale an earlier valid row
// has, and reports them.
func (w *writer) repeats(ctx context.Context) error {
	rows, err := w.tx.Query(ctx, `WITH d AS (SELECT cf, min(line) AS first FROM reg_stage WHERE ok GROUP BY cf HAVING count(*) > 1)
		UPDATE reg_stage s SET repeats = d.first FROM d WHERE s.cf = d.cf AND s.ok AND s.line > d.first
		RETURNING s.line, d.first, s.raw`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r store.RegistryRepeat
		var line, first int64
		if err := rows.Scan(&line, &first, &r.Raw); err != nil {
			return err
		}
		r.Line, r.First = int(line), int(first)
		w.out.Repeats = append(w.out.Repeats, r)
	}
	return rows.Err()
}

// classifySQL joins the rows that stand to the Comune's current versions.
// same_last marks a cancelled person not current whose latest version is
// already this record (a cancellation sent again).
const classifySQL = `CREATE TEMP TABLE reg_act ON COMMIT DROP AS
	SELECT s.line, s.cf, s.row_hash, s.dati, s.codice_famiglia, s.relazione_parentela, s.cancelled,
	       p.id AS cur_id, p.row_hash AS cur_hash,
	       CASE WHEN p.id IS NULL AND s.cancelled <> '' THEN coalesce((SELECT q.row_hash = s.row_hash FROM persone q
	            WHERE q.codice_fiscale = s.cf AND q.comune = $1 ORDER BY q.id DESC LIMIT 1), false)
	       ELSE false END AS same_last
	FROM reg_stage s LEFT JOIN persone p ON p.comune = $1 AND p.valid_to = '' AND p.codice_fiscale = s.cf
	WHERE s.ok AND s.repeats = 0`

// countSQL counts the inserted, updated, unchanged and cancelled rows.
const countSQL = `SELECT
	count(*) FILTER (WHERE cur_id IS NULL AND NOT same_last),
	count(*) FILTER (WHERE cur_id IS NOT NULL AND cur_hash <> row_hash AND cancelled = ''),
	count(*) FILTER (WHERE (cur_id IS NOT NULL AND cur_hash = row_hash) OR same_last),
	count(*) FILTER (WHERE cur_id IS NOT NULL AND cur_hash <> row_hash AND cancelled <> '')
	FROM reg_act`

// CloseAbsent has Commit end the versions of the residents no row
// mentioned; it returns how many.
func (w *writer) CloseAbsent(context.Context) (int, error) {
	w.closeAbsent = true
	return w.out.Absent, nil
}

// apply writes what Resolve computed, as import id: the changed and
// cancelled versions end, the snapshot's absentees end, the new versions
// are inserted in file order.
func (w *writer) apply(ctx context.Context, id int64) error {
	c, asOf := w.start.Comune, w.start.AsOf
	if _, err := w.tx.Exec(ctx, `UPDATE persone p SET
		valid_to = greatest(p.valid_from, CASE WHEN a.cancelled <> '' THEN a.cancelled ELSE $1 END),
		end_reason = CASE WHEN a.cancelled <> '' THEN 'cancelled' ELSE 'changed' END, closed_by = $2
		FROM reg_act a WHERE p.id = a.cur_id AND a.cur_hash <> a.row_hash`, asOf, id); err != nil {
		return err
	}
	if w.closeAbsent && w.out.Absent > 0 {
		// The absentees by the anti-join of currentSQL, whose DISTINCT
		// makes a hash of the staged codici fiscali. A NOT EXISTS here was
		// planned, on a table not analyzed since a large load, as a nested
		// loop scanning the staging table once per resident: 37 s for a
		// Comune of 13,715 residents.
		if _, err := w.tx.Exec(ctx, `UPDATE persone p SET valid_to = greatest(p.valid_from, $2), end_reason = 'absent', closed_by = $3
			FROM (SELECT q.id FROM persone q LEFT JOIN (SELECT DISTINCT cf FROM reg_stage) s ON s.cf = q.codice_fiscale
			      WHERE q.comune = $1 AND q.valid_to = '' AND s.cf IS NULL) x
			WHERE p.id = x.id`,
			c, asOf, id); err != nil {
			return err
		}
	}
	_, err := w.tx.Exec(ctx, `INSERT INTO persone(comune, codice_fiscale, dati, codice_famiglia, relazione_parentela, row_hash,
		valid_from, valid_to, end_reason, import_id, line)
		SELECT $1, cf, dati, codice_famiglia, relazione_parentela, row_hash,
		       CASE WHEN cancelled <> '' THEN cancelled ELSE $2 END, cancelled,
		       CASE WHEN cancelled <> '' THEN 'cancelled' ELSE '' END, $3, line
		FROM reg_act WHERE NOT ((cur_id IS NOT NULL AND cur_hash = row_hash) OR same_last) ORDER BY line`, c, asOf, id)
	return err
}
