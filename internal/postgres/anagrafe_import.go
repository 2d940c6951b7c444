package postgres

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Registry = (*DB)(nil)

// registryLock is the first key of the advisory lock that serialises the
// registry writes of one Comune (the second key is its ISTAT code).
const registryLock = 0x637369 // "csi"

// lockComune takes the Comune's registry lock until tx ends: two imports
// (or an import and a revert) of one Comune never interleave, while those
// of different Comuni run side by side.
func lockComune(ctx context.Context, tx pgx.Tx, istat string) error {
	key, err := comuneKey(istat)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", registryLock, key)
	return err
}

// comuneKey is the second key of a Comune's registry lock.
func comuneKey(istat string) (int, error) {
	key, err := strconv.Atoi(istat)
	if err != nil {
		return 0, csi.Errorf(csi.EINVALID, "%q is not an ISTAT code", istat)
	}
	return key, nil
}

// ScratchDir is csi's folder in the user's cache (created private): a
// PostgreSQL store has no folder of its own.
func (db *DB) ScratchDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "csi")
	os.MkdirAll(dir, 0o700)
	return dir
}

// BeginRegistryImport opens the import's transaction under the Comune's
// lock and its staging table.
func (db *DB) BeginRegistryImport(ctx context.Context, start store.RegistryStart) (store.RegistryWriter, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, db.mapErr(err)
	}
	w := &writer{db: db, tx: tx, start: start}
	if err := w.open(ctx); err != nil {
		w.Rollback(context.WithoutCancel(ctx))
		if errors.Is(err, store.ErrSameFile) {
			return nil, err
		}
		return nil, db.mapErr(err)
	}
	return w, nil
}

// open locks the Comune, refuses a file imported meanwhile, creates the
// staging table of the rows and loads the current residents, under the
// lock, so that they stay current until the import commits.
func (w *writer) open(ctx context.Context) error {
	key, err := comuneKey(w.start.Comune)
	if err != nil {
		return err
	}
	// One round trip: the server runs the statements in order, the lock
	// first. The staging table is made once per connection (its rows go at
	// the end of each transaction); a first load does not use it. JIT is
	// off for the import's statements: each runs once and briefly, but
	// without statistics (right after a Comune's first load) their
	// estimated cost had the check for a cancellation sent again compiled,
	// for 100 ms a file (a province's first monthly round 3.7 s -> 9.3 s).
	b := &pgx.Batch{}
	b.Queue("SET LOCAL jit = off")
	b.Queue("SELECT pg_advisory_xact_lock($1, $2)", registryLock, key)
	b.Queue("SELECT count(*) FROM imports WHERE kind = 'anagrafe' AND comune = $1 AND sha256 = $2", w.start.Comune, w.start.SHA256)
	b.Queue(residentsSQL, w.start.Comune)
	b.Queue("SELECT EXISTS (SELECT 1 FROM persone WHERE comune = $1)", w.start.Comune)
	b.Queue(`CREATE TEMP TABLE IF NOT EXISTS reg_stage (line bigint NOT NULL, cf text NOT NULL, cur boolean NOT NULL,
		row_hash bigint NOT NULL, dati text NOT NULL, codice_famiglia text NOT NULL, relazione_parentela text NOT NULL,
		cancelled text NOT NULL, raw text NOT NULL, repeats bigint NOT NULL DEFAULT 0,
		same_last boolean NOT NULL DEFAULT false) ON COMMIT DELETE ROWS`)
	br := w.tx.SendBatch(ctx, b)
	defer br.Close()
	for range 2 { // jit, lock
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	var n int
	if err := br.QueryRow().Scan(&n); err != nil {
		return err
	}
	rows, err := br.Query()
	if err != nil {
		return err
	}
	if w.cur, err = readResidents(rows); err != nil {
		return err
	}
	var versions bool
	if err := br.QueryRow().Scan(&versions); err != nil {
		return err
	}
	if _, err := br.Exec(); err != nil {
		return err
	}
	if n > 0 {
		return store.ErrSameFile
	}
	if w.first = w.firstLoad(versions); w.first {
		w.fresh = newCFSet(w.start.Size)
	} else {
		w.buf = make([][]any, 0, copyBatch)
	}
	return br.Close()
}

// Commit records the import, writes its versions and closures, appends
// the audit entry and commits. The import's id is drawn only here, so
// that a dry run or a refused file leaves no gap in the ids (as in SQLite).
func (w *writer) Commit(ctx context.Context, s *csi.ImportSummary, audit func(int64) string) (int64, error) {
	st := w.start
	var id int64
	var err error
	if w.first {
		pre, err := w.commitFirst(ctx, s)
		if err != nil {
			return 0, w.db.mapErr(err)
		}
		return w.finishCommit(ctx, w.importID, pre, audit)
	}
	err = w.tx.QueryRow(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES ('anagrafe', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		st.Comune, st.File, st.SHA256, st.Mode, st.AsOf, st.Dialect, s.Rows, s.Inserted, s.Updated, s.Unchanged,
		s.Closed, s.Rejected, st.Actor, w.db.Now().UTC().Format(time.RFC3339), s.DurationMS).Scan(&id)
	if err != nil {
		return 0, w.db.mapErr(err)
	}
	if err := w.apply(ctx, id); err != nil {
		return 0, w.db.mapErr(err)
	}
	return w.finishCommit(ctx, id, nil, audit)
}

// finishCommit appends the import's audit entry, after the statements of
// pre (if not nil), and commits.
func (w *writer) finishCommit(ctx context.Context, id int64, pre *pgx.Batch, audit func(int64) string) (int64, error) {
	st := w.start
	if err := w.db.appendAuditAfter(ctx, w.tx, pre, "comune "+st.Comune, audit(id)); err != nil {
		return 0, w.db.mapErr(err)
	}
	w.done = true
	w.bin.release()
	if err := w.tx.Commit(ctx); err != nil {
		return 0, w.db.mapErr(err)
	}
	return id, nil
}

// Held returns the memory the Comune's current residents take.
func (w *writer) Held() int64 {
	if w.cur == nil {
		return 0
	}
	return w.cur.bytes()
}

// Rollback abandons the import, if it was not committed.
func (w *writer) Rollback(ctx context.Context) {
	if w.done {
		return
	}
	w.done = true
	w.bin.release()
	w.tx.Rollback(ctx)
}
