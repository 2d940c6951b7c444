package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Registry = (*DB)(nil)

// importCols are the columns of an ImportRecord, in its fields' order.
const importCols = `id, kind, comune, file, sha256, mode, as_of, dialect, rows_read, inserted,
	updated, unchanged, closed, rejected, actor, at, duration_ms`

func scanImport(s interface{ Scan(...any) error }) (csi.ImportRecord, error) {
	var r csi.ImportRecord
	err := s.Scan(&r.ID, &r.Kind, &r.Comune, &r.File, &r.SHA256, &r.Mode, &r.AsOf, &r.Dialect, &r.Rows, &r.Inserted,
		&r.Updated, &r.Unchanged, &r.Closed, &r.Rejected, &r.Actor, &r.At, &r.DurationMS)
	return r, err
}

// oneImport returns the import the query finds, or nil.
func (db *DB) oneImport(ctx context.Context, query string, args ...any) (*csi.ImportRecord, error) {
	r, err := scanImport(db.db.QueryRowContext(ctx, "SELECT "+importCols+" FROM imports "+query, args...))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return &r, nil
}

// RegistryImportOf returns the latest registry import of the file with
// this SHA-256 into comune, or nil.
func (db *DB) RegistryImportOf(ctx context.Context, comune, sha string) (*csi.ImportRecord, error) {
	return db.oneImport(ctx, "WHERE kind = 'anagrafe' AND comune = ? AND sha256 = ? ORDER BY id DESC LIMIT 1", comune, sha)
}

// LatestRegistryImport returns the Comune's registry import with the
// latest as-of date, or nil.
func (db *DB) LatestRegistryImport(ctx context.Context, comune string) (*csi.ImportRecord, error) {
	return db.oneImport(ctx, "WHERE kind = 'anagrafe' AND comune = ? ORDER BY as_of DESC, id DESC LIMIT 1", comune)
}

// ScratchDir is the store's folder.
func (db *DB) ScratchDir() string { return filepath.Dir(db.path) }

// BeginRegistryImport opens the import's transaction (SQLite has one
// writer at a time) and loads the Comune's current residents. The store's
// quick_check runs meanwhile (see storeCheck): Resolve waits for it.
func (db *DB) BeginRegistryImport(ctx context.Context, start store.RegistryStart) (store.RegistryWriter, error) {
	check, err := db.startCheck(ctx)
	if err != nil {
		return nil, err
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		check.stop()
		return nil, mapErr(err)
	}
	w := &writer{db: db, conn: conn, start: start, check: check}
	w.journal, err = db.firstLoadJournal(ctx, conn, start, check)
	if err == nil {
		w.tx, err = conn.BeginTx(ctx, nil)
	}
	if err != nil {
		check.stop()
		w.restoreJournal(context.WithoutCancel(ctx))
		return nil, mapErr(err)
	}
	// A bigger page cache (16 MB) keeps the hot index pages in memory while they change at
	// random; the default 2 MB spills pages to the WAL again and again.
	// The statement journal of the multi-row INSERTs goes to memory (it
	// is small); temp_store goes back to FILE on this pooled connection
	// before the transaction ends, so that big sorts of other commands
	// spill to disk.
	if _, err := w.tx.ExecContext(ctx, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY"); err != nil {
		err = w.verdict(mapErr(err))
		w.Rollback(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := w.open(ctx); err != nil {
		err = w.verdict(err)
		w.Rollback(context.WithoutCancel(ctx))
		return nil, err
	}
	return w, nil
}

// Commit records the import's counts and its audit entry, and commits.
func (w *writer) Commit(ctx context.Context, s *csi.ImportSummary, audit func(int64) string) (int64, error) {
	if err := w.check.wait(); err != nil {
		return 0, err
	}
	_, err := w.tx.ExecContext(ctx, `UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, closed = ?,
		rejected = ?, duration_ms = ? WHERE id = ?`, s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Closed, s.Rejected, s.DurationMS, w.importID)
	if err != nil {
		return 0, mapErr(err)
	}
	if err := w.db.appendAudit(ctx, w.tx, "comune "+w.start.Comune, audit(w.importID)); err != nil {
		return 0, err
	}
	if _, err := w.tx.ExecContext(ctx, "PRAGMA temp_store = FILE"); err != nil {
		return 0, mapErr(err)
	}
	w.done = true
	err = w.tx.Commit()
	w.restoreJournal(context.WithoutCancel(ctx))
	return w.importID, mapErr(err)
}

// Held returns the memory the Comune's current residents take.
func (w *writer) Held() int64 { return w.cur.bytes() }

// Rollback abandons the import, if it was not committed.
func (w *writer) Rollback(ctx context.Context) {
	if w.done {
		return
	}
	w.done = true
	w.check.stop()
	w.tx.ExecContext(ctx, "PRAGMA temp_store = FILE")
	w.tx.Rollback()
	w.restoreJournal(ctx)
}
