package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/store"
)

// What the writer does with one row, as decided by Stage.
const (
	actReject    = iota // store nothing (the app reports the row)
	actInsert           // a person not current in the Comune
	actCheck            // like actInsert, but the CF may repeat an earlier row (checked at the end)
	actUnchanged        // same data as the current version
	actChange           // new data: close the current version, insert a new one
	actDup              // the CF repeats an earlier row of the file (Arg: its line)
	actCancelled        // a cancelled person not current: record it once
)

// writer applies staged rows to the store inside the import transaction.
type writer struct {
	db       *DB
	conn     *sql.Conn // the connection of tx
	journal  bool      // the store left WAL mode for this import (firstLoadJournal)
	tx       *sql.Tx
	start    store.RegistryStart
	importID int64
	done     bool
	check    *storeCheck // the store's quick_check, nil once passed
	cur      *residents
	versions int64 // about how many versions the store held before the import
	bloom    *bloom
	pending  []*anagrafe.Record
	insert   *sql.Stmt // full batch insert
	close    *sql.Stmt // ends a current version
	args     []any
	out      store.RegistryOutcome
	// bulk is set when the Comune's rows will dominate the table: the
	// indexes are dropped during the load and built once at the end.
	bulk bool
	// suspects are rows whose CF may repeat an earlier row, by CF.
	suspects map[string][]suspect
}

// suspect is a row that may repeat an earlier row's codice fiscale.
type suspect struct {
	line int
	raw  string
}

// insertBatch is how many versions one INSERT statement carries.
const insertBatch = 40

// constCols are the same for every version an import inserts (but
// cancellations); they are written into the statement as literals so that
// only the row's own values are bound, which is most of the cost per row.
var constCols = []string{"comune", "import_id", "valid_from", "valid_to", "end_reason"}

// rowCols are bound for each version.
var rowCols = []string{"codice_fiscale", "dati", "codice_famiglia", "relazione_parentela", "row_hash", "line"}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// insertSQL returns a statement inserting rows current versions whose
// constant columns take the values in consts. OR FAIL spares SQLite the
// statement journal that lets a failing multi-row INSERT undo its first
// rows (9% of a big Comune's import into a populated store, in perf): any
// error of the import rolls back its whole transaction anyway.
func insertSQL(rows int, consts []string) string {
	one := "(" + strings.Join(consts, ",") + strings.Repeat(",?", len(rowCols)) + ")"
	return "INSERT OR FAIL INTO persone(" + strings.Join(constCols, ",") + "," + strings.Join(rowCols, ",") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

// consts returns the literal constant columns of this import's versions.
func (w *writer) consts() []string {
	return []string{sqlQuote(w.start.Comune), fmt.Sprint(w.importID), sqlQuote(w.start.AsOf), "''", "''"}
}

// open records the import and loads the Comune's current residents.
func (w *writer) open(ctx context.Context) error {
	s := w.start
	res, err := w.tx.ExecContext(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES ('anagrafe', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, 0)`,
		s.Comune, s.File, s.SHA256, s.Mode, s.AsOf, s.Dialect, s.Actor, w.db.now())
	if err != nil {
		return mapErr(err)
	}
	w.importID, _ = res.LastInsertId()
	w.bloom, w.args, w.suspects = newBloom(s.Size), make([]any, 0, insertBatch*len(rowCols)), map[string][]suspect{}
	if w.cur, w.versions, err = loadResidents(ctx, w.tx, s.Comune); err != nil {
		return err
	}
	w.out.Current = w.cur.size()
	if err := w.startBulk(ctx); err != nil {
		return err
	}
	w.insert, err = w.tx.PrepareContext(ctx, insertSQL(insertBatch, w.consts()))
	return err
}

// Write carries out a batch of staged rows.
func (w *writer) Write(ctx context.Context, rows []store.RegistryRow) error {
	for i := range rows {
		if err := w.apply(ctx, &rows[i]); err != nil {
			return w.verdict(err)
		}
	}
	return nil
}

// flush writes the pending new versions.
func (w *writer) flush(ctx context.Context) error {
	for len(w.pending) > 0 {
		n := min(len(w.pending), insertBatch)
		stmt := w.insert
		if n < insertBatch {
			var err error
			if stmt, err = w.tx.PrepareContext(ctx, insertSQL(n, w.consts())); err != nil {
				return err
			}
			defer stmt.Close()
		}
		w.args = w.args[:0]
		for _, r := range w.pending[:n] {
			w.args = w.appendArgs(w.args, r)
		}
		if _, err := stmt.ExecContext(ctx, w.args...); err != nil {
			return mapErr(err)
		}
		w.pending = w.pending[n:]
	}
	w.pending = w.pending[:0]
	return nil
}

func (w *writer) appendArgs(args []any, r *anagrafe.Record) []any {
	return append(args, r.CF, r.Dati, r.Values[anagrafe.ColCodiceFamiglia], r.Values[anagrafe.ColRelazioneParentela], int64(r.Hash), r.Line)
}

// add queues a new version; a cancellation is written at once, as a
// version that starts and ends on the cancellation date.
func (w *writer) add(ctx context.Context, r *anagrafe.Record) error {
	if r.Dati == "" {
		r.Encode()
	}
	if !r.Cancelled() {
		w.pending = append(w.pending, r)
		return w.maybeFlush(ctx)
	}
	d := sqlQuote(r.Values[anagrafe.ColDataCancellazione])
	consts := []string{sqlQuote(w.start.Comune), fmt.Sprint(w.importID), d, d, "'cancelled'"}
	_, err := w.tx.ExecContext(ctx, insertSQL(1, consts), w.appendArgs(nil, r)...)
	return mapErr(err)
}

// closeQuery ends a person's current version, found in the Comune's range
// of persone_validity (Comune, current, CF).
const closeQuery = `UPDATE persone SET valid_to = max(valid_from, ?), end_reason = ?, closed_by = ?
	WHERE comune = ? AND valid_to = '' AND codice_fiscale = ?`

// closeVersion ends the current version of a person on date for reason.
func (w *writer) closeVersion(ctx context.Context, cf, date, reason string) error {
	if w.close == nil {
		var err error
		w.close, err = w.tx.PrepareContext(ctx, closeQuery)
		if err != nil {
			return mapErr(err)
		}
	}
	_, err := w.close.ExecContext(ctx, date, reason, w.importID, w.start.Comune, cf)
	return mapErr(err)
}

// apply carries out one staged row.
func (w *writer) apply(ctx context.Context, row *store.RegistryRow) error {
	o := &w.out
	switch row.Act {
	case actReject:
		return nil
	case actDup:
		row.Repeats = int(row.Arg)
		return nil
	case actUnchanged:
		o.Unchanged++
		return nil
	case actCheck:
		w.suspects[row.Rec.CF] = append(w.suspects[row.Rec.CF], suspect{line: row.Line, raw: row.Raw})
	case actCancelled:
		if same, err := w.sameAsLast(ctx, row.Rec); err != nil || same {
			if same {
				o.Unchanged++
			}
			return err
		}
	case actChange:
		reason := "changed"
		if row.Rec.Cancelled() {
			reason = "cancelled"
		}
		if err := w.closeVersion(ctx, row.Rec.CF, w.changeDate(row.Rec), reason); err != nil {
			return err
		}
		if row.Rec.Cancelled() {
			o.Closed++
		} else {
			o.Updated++
		}
		return w.add(ctx, row.Rec)
	}
	o.Inserted++
	return w.add(ctx, row.Rec)
}

func (w *writer) changeDate(r *anagrafe.Record) string {
	if r.Cancelled() {
		return r.Values[anagrafe.ColDataCancellazione]
	}
	return w.start.AsOf
}

func (w *writer) maybeFlush(ctx context.Context) error {
	if len(w.pending) >= insertBatch {
		return w.flush(ctx)
	}
	return nil
}

// sameAsLast reports whether the person's latest version in the Comune
// already holds exactly this record (a cancellation sent again).
func (w *writer) sameAsLast(ctx context.Context, r *anagrafe.Record) (bool, error) {
	if w.bulk {
		return false, nil // the Comune had no rows before this import
	}
	var h int64
	err := w.tx.QueryRowContext(ctx, `SELECT row_hash FROM persone WHERE codice_fiscale = ? AND +comune = ?
		ORDER BY id DESC LIMIT 1`, r.CF, w.start.Comune).Scan(&h)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil && uint64(h) == r.Hash, mapErr(err)
}
