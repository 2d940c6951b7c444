// Package sqlite is the store of csi: a single SQLite file (pure Go driver,
// no cgo) that implements the services of package csi.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open store.
type DB struct {
	db   *sql.DB
	path string
	// checked is set once quick_check passed before this handle's first
	// write (see checkBeforeWrite).
	checked atomic.Bool
	// checkedAt is when the full check that vouches for the store passed
	// (Unix ns): in this process, or before, as the sidecar says.
	checkedAt atomic.Int64
	// MaxCheckAge is how long a passing check vouches for a store written
	// only by csi since (see verified.go); 0 checks before every write.
	MaxCheckAge time.Duration
	// SoleUser lets a bulk load run under a rollback journal (see
	// firstLoadJournal): csi's one-shot commands set it; csi serve does not,
	// because its other requests would wait for the load meanwhile.
	SoleUser bool
	// stmts are the prepared statements of stmt, by query.
	stmts sync.Map
	// writer admits one write transaction of this handle at a time (see
	// inTx).
	writer chan struct{}
	// Now is the store's clock; tests and CSI_NOW replace it.
	Now func() time.Time
}

// Path returns the file the store lives in.
func (db *DB) Path() string { return db.path }

// SQL returns the underlying handle, for tests and tools.
func (db *DB) SQL() *sql.DB { return db.db }

// dsn returns the data source name of the store at path; sync is the
// synchronous pragma: NORMAL, or OFF for a scratch store (OpenScratch).
func dsn(path string, create bool, sync string) string {
	q := url.Values{}
	if !create {
		// Never let the driver create a file that vanished after the check.
		q.Set("mode", "rw")
	}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(60000)", "synchronous(" + sync + ")"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Open opens the store at path, creating the file with mode 0600 when create
// is true and it does not exist. It does not migrate: see Migrate. Without
// create, a missing file (or folder) is an error and nothing is created; so
// is a file that is not a csi store (an empty file among them), which is
// refused before SQLite could write to it. With create, an existing empty
// file is taken as a new store.
func Open(ctx context.Context, path string, create bool) (*DB, error) {
	return openFile(ctx, path, create, "NORMAL")
}

// OpenScratch opens, creating it as Open does, a store that its caller
// deletes when it is done (csi demo's temporary store): its writes are not
// synced to the disk (synchronous=OFF). A crash of the process loses
// nothing that was committed; a crash of the machine can leave the file
// damaged, which does not matter for a file that is thrown away. The
// demo's 65 imports waited about 8 s for syncs on the development machine.
func OpenScratch(ctx context.Context, path string) (*DB, error) {
	return openFile(ctx, path, true, "OFF")
}

func openFile(ctx context.Context, path string, create bool, sync string) (*DB, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if !create {
			return nil, MissingStore(path)
		}
		if err := createFile(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, unopenable(path, err)
	case st.IsDir():
		return nil, csi.Errorf(csi.EUNAVAILABLE, "the store path %s is a directory", path).
			WithHint("give --db (or CSI_DB) the path of a store file, e.g. %s", filepath.Join(path, "csi.db"))
	case !create || st.Size() > 0:
		if err := checkStoreFile(ctx, path, create); err != nil {
			return nil, err
		}
	}
	return open(ctx, path, dsn(path, create, sync))
}

// MissingStore is the error of a command run on a store that does not exist.
func MissingStore(path string) error {
	return csi.Errorf(csi.ENOTFOUND, "no store at %s", path).
		WithHint("create it with 'csi init --db %s', or check --db and CSI_DB", path)
}

func open(ctx context.Context, path, dsn string) (*DB, error) {
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	age, err := maxCheckAge()
	if err != nil {
		sqldb.Close()
		return nil, err
	}
	sqldb.SetMaxIdleConns(maxIdleConns)
	db := &DB{db: sqldb, path: path, Now: time.Now, MaxCheckAge: age, writer: make(chan struct{}, 1)}
	if err := db.checkPragmas(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// createFile creates an empty store file readable by its owner only.
func createFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return unwritable(path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return unwritable(path, err)
	}
	return f.Close()
}

func unwritable(path string, err error) error {
	var pe *os.PathError
	reason := "cannot be created"
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	return csi.Errorf(csi.EUNAVAILABLE, "cannot create %s: %s", path, reason).
		WithHint("choose a writable location (for the store: --db or CSI_DB)")
}

// checkPragmas verifies that the DSN pragmas took on a pooled connection.
func (db *DB) checkPragmas(ctx context.Context) error {
	var mode string
	var fk int
	if err := db.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		if isReadOnly(err) {
			return db.readOnly()
		}
		if isBusy(err) {
			// Another command held the store for the whole busy
			// timeout (a long first load, which leaves WAL mode).
			return mapErr(err)
		}
		return csi.Errorf(csi.EUNAVAILABLE, "cannot open the store at %s: %v", db.path, err).
			WithHint("check that the file is a csi store and that you can write to it")
	}
	if err := db.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return err
	}
	if mode != "wal" || fk != 1 {
		return fmt.Errorf("store pragmas did not take: journal_mode=%s foreign_keys=%d", mode, fk)
	}
	return nil
}

// Close closes the store and, when this handle trusted it, records the
// files' identity for the next command's check (see verified.go).
func (db *DB) Close() error {
	err := db.db.Close()
	if err == nil {
		db.recordVerified()
	}
	return err
}

// now returns the clock's time as an RFC 3339 UTC string.
func (db *DB) now() string { return db.Now().UTC().Format(time.RFC3339) }

// inTx runs fn in a write transaction and commits it when fn succeeds.
// The transactions of one handle queue here, in Go, for SQLite's single
// writer: a transaction that waited in SQLite's busy handler instead would
// sleep in steps of up to 100 ms after the lock was free (the busy
// timeout still applies between processes). fn must not start another
// write transaction of the same handle.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := db.checkBeforeWrite(ctx); err != nil {
		return err
	}
	select {
	case db.writer <- struct{}{}:
		defer func() { <-db.writer }()
	case <-ctx.Done():
		return mapErr(ctx.Err())
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return db.writeErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.writeErr(err)
	}
	return db.writeErr(tx.Commit())
}
