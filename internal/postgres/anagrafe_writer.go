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
var stageCols = []string{"line", "cf", "cur", "row_hash", "dati", "codice_famiglia", "relazione_parentela", "cancelled", "raw"}

// What Stage decided for a row (store.RegistryRow.Act).
const (
	actSkip      int8 = iota // rejected: nothing to write
	actNew                   // not a current resident: staged, checked for repeats by the server
	actChange                // a current resident whose values changed: staged
	actUnchanged             // a current resident with the same values: counted only
	actDup                   // repeats the current resident of line Arg: refused
)

// writer stages an import's rows by COPY into a temporary table, then
// computes with set-based statements what they do: repeats within the
// file, new versions, closures. Only the rows that change something are
// staged: Stage compares each row with the current residents the writer
// loaded, so an update of a large Comune sends and writes little. Nothing
// is written to persone before Commit.
type writer struct {
	db    *DB
	tx    pgx.Tx
	start store.RegistryStart
	cur   *residents // the Comune's current residents; owned by Stage until Resolve
	buf   [][]any
	done  bool
	out   store.RegistryOutcome
	// closeAbsent is set when the snapshot's exits are to be written.
	closeAbsent bool
	// first is set for the first load of a Comune, which copies straight
	// into persone (see anagrafe_first.go): fresh holds the codici fiscali
	// copied, importID the id drawn with the first row to copy.
	first    bool
	fresh    *cfSet
	importID int64
	bin      copyBin // a first load's rows, in COPY's binary format
}

// Stage decides, on the parsing goroutine, what Write does with a row,
// from the current residents and the rows seen so far, and encodes the
// records to be staged.
func (w *writer) Stage(row *store.RegistryRow, raw []byte) {
	if row.Rej != nil {
		if row.Rej.CF != "" {
			w.markSeen(row.Rej.CF, row.Line)
		}
		row.Act = actSkip
		return
	}
	if w.first {
		w.stageFirst(row, raw)
		return
	}
	rec := row.Rec
	key := cfKey(rec.CF)
	if c := w.cur.find(&key); c != nil {
		switch {
		case c.seen > 0:
			row.Act, row.Arg = actDup, c.seen
			w.keepRaw(row, raw)
			return
		case c.hash == rec.Hash:
			row.Act = actUnchanged
		default:
			row.Act = actChange
			rec.Encode()
		}
		c.seen = int32(row.Line)
		return
	}
	row.Act = actNew
	rec.Encode()
	w.keepRaw(row, raw)
}

// keepRaw keeps the raw row when the rejects file may need it.
func (w *writer) keepRaw(row *store.RegistryRow, raw []byte) {
	if w.start.KeepRaw {
		row.Raw = string(raw)
	}
}

// markSeen keeps a resident whose row was rejected from being closed. The
// line is stored negated: a later valid row of that CF is the first one
// that stands, not a repeat of the rejected row.
func (w *writer) markSeen(cf string, line int) {
	key := cfKey(cf)
	if c := w.cur.find(&key); c != nil && c.seen == 0 {
		c.seen = -int32(line)
	}
}

// Write copies the staged rows of a batch into the staging table (in
// COPYs of copyBatch rows), counts the unchanged ones and reports the
// repeats of a current resident.
func (w *writer) Write(ctx context.Context, rows []store.RegistryRow) error {
	for i := range rows {
		r := &rows[i]
		if w.first {
			if err := w.writeFirst(ctx, r); err != nil {
				return err
			}
			continue
		}
		switch r.Act {
		case actNew, actChange:
			v := &r.Rec.Values
			w.buf = append(w.buf, []any{int64(r.Line), r.Rec.CF, r.Act == actChange, int64(r.Rec.Hash), r.Rec.Dati,
				v[anagrafe.ColCodiceFamiglia], v[anagrafe.ColRelazioneParentela], v[anagrafe.ColDataCancellazione], r.Raw})
		case actUnchanged:
			w.out.Unchanged++
		case actDup:
			r.Repeats = int(r.Arg)
		}
	}
	if len(w.buf) >= copyBatch || w.bin.rows >= copyBatch {
		return w.flush(ctx)
	}
	return nil
}

// flush copies the buffered rows.
func (w *writer) flush(ctx context.Context) error {
	if w.first {
		return w.flushFirst(ctx)
	}
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.tx.CopyFrom(ctx, pgx.Identifier{"reg_stage"}, stageCols, pgx.CopyFromRows(w.buf))
	w.buf = w.buf[:0]
	return w.db.mapErr(err)
}

// Resolve finds the repeated codici fiscali among the new people (the
// first row of each stands) and counts what the import will do.
func (w *writer) Resolve(ctx context.Context) (*store.RegistryOutcome, error) {
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	if w.first { // nothing to resolve: every row copied is a new person
		out := w.out
		return &out, nil
	}
	if err := w.resolve(ctx); err != nil {
		return nil, w.db.mapErr(err)
	}
	w.out.Current, w.out.Absent = w.cur.size(), w.cur.unseen()
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
	if _, err := w.tx.Exec(ctx, sameLastSQL, w.start.Comune); err != nil {
		return err
	}
	o := &w.out
	var unchanged int
	if err := w.tx.QueryRow(ctx, countSQL).Scan(&o.Inserted, &o.Updated, &unchanged, &o.Closed); err != nil {
		return err
	}
	o.Unchanged += unchanged
	return nil
}

// repeats marks the new people's rows whose codice fiscale an earlier row
// has, and reports them. (The repeats of a current resident were found by
// Stage.)
func (w *writer) repeats(ctx context.Context) error {
	rows, err := w.tx.Query(ctx, `WITH d AS (SELECT cf, min(line) AS first FROM reg_stage WHERE NOT cur GROUP BY cf HAVING count(*) > 1)
		UPDATE reg_stage s SET repeats = d.first FROM d WHERE s.cf = d.cf AND s.line > d.first
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

// sameLastSQL marks the cancellations of people not current whose latest
// version in the Comune is already this record (a cancellation sent
// again): they change nothing.
const sameLastSQL = `UPDATE reg_stage s SET same_last = true
	WHERE NOT s.cur AND s.repeats = 0 AND s.cancelled <> '' AND s.row_hash = (` + lastVersionHash + `)`

// lastVersionHash is the hash of the latest version of s.cf in Comune $1,
// looked up in persone_cf, the Comune tested after the OFFSET 0 as in
// currentVersion (without it the planner may walk the primary key
// backwards for the ORDER BY).
const lastVersionHash = `SELECT x.row_hash FROM (SELECT q.id, q.row_hash, q.comune FROM persone q WHERE q.codice_fiscale = s.cf OFFSET 0) x
	WHERE x.comune = $1 ORDER BY x.id DESC LIMIT 1`

// countSQL counts the staged rows that insert, update, change nothing or
// cancel. The unchanged residents were counted by Write.
const countSQL = `SELECT
	count(*) FILTER (WHERE NOT cur AND NOT same_last),
	count(*) FILTER (WHERE cur AND cancelled = ''),
	count(*) FILTER (WHERE same_last),
	count(*) FILTER (WHERE cur AND cancelled <> '')
	FROM reg_stage WHERE repeats = 0`

// CloseAbsent has Commit end the versions of the residents no row
// mentioned; it returns how many.
func (w *writer) CloseAbsent(context.Context) (int, error) {
	w.closeAbsent = true
	return w.out.Absent, nil
}
