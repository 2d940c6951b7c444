package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// The first load of a Comune (one without any version in persone, current
// or closed) writes its rows once: COPY goes straight into persone instead
// of into the staging table and then into persone. What the staging pass
// computes has nothing to work on then (no current residents to update or
// close, no earlier versions a cancellation could repeat) except the
// repeated codici fiscali, which Stage finds here in memory, in a set of
// the codici fiscali copied, and reports as the staging pass would (after
// the rows were streamed, the first row standing). The import's id is
// drawn with the first row to copy: a dry run takes the staging path,
// and a file whose every row is refused copies nothing, so neither leaves
// a gap in the ids; a first load that fails after that row (a bad line
// past the first copyBatch rows, a killed process) does.

// actRepeatNew: a row repeating the codice fiscale of an earlier row of a
// first load, whose line is in Arg.
const actRepeatNew int8 = actDup + 1

// personeCols are the columns of persone a first load copies.
var personeCols = []string{"comune", "codice_fiscale", "dati", "codice_famiglia", "relazione_parentela", "row_hash",
	"valid_from", "valid_to", "end_reason", "import_id", "line"}

// firstLoad reports whether this import may copy straight into persone:
// it is not a dry run and the Comune has no version at all (versions is
// false), as read under the Comune's lock.
func (w *writer) firstLoad(versions bool) bool {
	return !w.start.DryRun && w.cur.size() == 0 && !versions
}

// stageFirst decides what Write does with a valid row of a first load:
// copy it, or report it as a repeat.
func (w *writer) stageFirst(row *store.RegistryRow, raw []byte) {
	key := cfKey(row.Rec.CF)
	if first := w.fresh.lineOf(&key); first != 0 {
		row.Act, row.Arg = actRepeatNew, first
		w.keepRaw(row, raw)
		return
	}
	w.fresh.add(key, int32(row.Line))
	row.Act = actNew // encoded by writeFirst, straight into the COPY's buffer
}

// writeFirst buffers a row of a first load as a version of persone, in
// COPY's binary format, drawing the import's id before the first of them.
func (w *writer) writeFirst(ctx context.Context, r *store.RegistryRow) error {
	switch r.Act {
	case actNew:
		if err := w.drawID(ctx); err != nil {
			return w.db.mapErr(err)
		}
		v := &r.Rec.Values
		cancelled := v[anagrafe.ColDataCancellazione]
		from, reason := w.start.AsOf, ""
		if cancelled != "" {
			from, reason = cancelled, "cancelled"
		}
		c := &w.bin
		c.row(len(personeCols))
		c.text(w.start.Comune)
		c.text(r.Rec.CF)
		c.textWith(r.Rec.AppendDati)
		c.text(v[anagrafe.ColCodiceFamiglia])
		c.text(v[anagrafe.ColRelazioneParentela])
		c.int8(int64(r.Rec.Hash))
		c.text(from)
		c.text(cancelled)
		c.text(reason)
		c.int8(w.importID)
		c.int8(int64(r.Line))
	case actRepeatNew:
		w.out.Repeats = append(w.out.Repeats, store.RegistryRepeat{Line: r.Line, First: int(r.Arg), Raw: r.Raw})
	}
	return nil
}

// flushFirst copies the buffered versions into persone.
func (w *writer) flushFirst(ctx context.Context) error {
	n, err := w.bin.send(ctx, w.tx, "persone", personeCols)
	w.out.Inserted += int(n)
	return w.db.mapErr(err)
}

// drawID draws the import's id, once.
func (w *writer) drawID(ctx context.Context) error {
	if w.importID != 0 {
		return nil
	}
	return w.tx.QueryRow(ctx, "SELECT nextval(pg_get_serial_sequence('imports', 'id'))").Scan(&w.importID)
}

// commitFirst returns the statement that records a first load under the
// id drawn for its rows, for finishCommit to send with the audit head's lock.
func (w *writer) commitFirst(ctx context.Context, s *csi.ImportSummary) (*pgx.Batch, error) {
	st := w.start
	if err := w.drawID(ctx); err != nil {
		return nil, err
	}
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO imports(id, kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES ($1, 'anagrafe', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		w.importID, st.Comune, st.File, st.SHA256, st.Mode, st.AsOf, st.Dialect, s.Rows, s.Inserted, s.Updated, s.Unchanged,
		s.Closed, s.Rejected, st.Actor, w.db.now(), s.DurationMS)
	return b, nil
}
