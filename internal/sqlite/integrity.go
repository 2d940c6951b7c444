package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/csi-mb/csi/internal/csi"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IntegrityCheck runs SQLite's PRAGMA integrity_check (quick_check when
// quick is set: it skips the index-against-table comparison and is several
// times faster) and returns the problems it found, none when the file is
// sound. A file so damaged that the check cannot run is one problem.
//
// The quick_check is skipped when the store's sidecar vouches for it: the
// files were last changed by csi after a passing check (see verified.go).
// A check that passes marks this handle as checked; one that finds
// problems removes the sidecar.
//
// The check runs on a connection of its own, closed afterwards: it opens
// the connection's temporary storage, after which an import could no
// longer set temp_store in its transaction on that pooled connection.
func (db *DB) IntegrityCheck(ctx context.Context, quick bool) ([]string, error) {
	pragma := "PRAGMA integrity_check(100)"
	if quick {
		if db.vouched() {
			db.checked.Store(true)
			return nil, nil
		}
		pragma = "PRAGMA quick_check(100)"
	}
	problems, err := db.integrityCheck(ctx, pragma)
	switch {
	case err != nil:
	case len(problems) > 0:
		db.forgetVerified()
	default:
		db.passed()
	}
	return problems, err
}

// fullChecks counts the checks that read the file, for tests.
var fullChecks atomic.Int64

func (db *DB) integrityCheck(ctx context.Context, pragma string) ([]string, error) {
	fullChecks.Add(1)
	check, err := sql.Open("sqlite", dsn(db.path, false, "NORMAL"))
	if err != nil {
		return nil, err
	}
	defer check.Close()
	rows, err := check.QueryContext(ctx, pragma)
	if err != nil {
		return damaged(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return damaged(err)
		}
		if s != "ok" {
			out = append(out, s)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(err)
	}
	return out, nil
}

// damaged turns the driver's "the file is corrupt" into a problem found
// by the check; other errors pass on.
func damaged(err error) ([]string, error) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return []string{"the file is damaged: " + se.Error()}, nil
		}
	}
	return nil, mapErr(err)
}

// checkBeforeWrite runs quick_check before the first write through this
// handle, so that a damaged store is not written to (and its damage not
// spread). It costs one read of the file (see README, "The store").
func (db *DB) checkBeforeWrite(ctx context.Context) error {
	if db.checked.Load() {
		return nil
	}
	problems, err := db.IntegrityCheck(ctx, true)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return db.Damaged(problems)
	}
	if err := db.probeWrite(ctx); err != nil {
		return err
	}
	db.checked.Store(true)
	return nil
}

// probeWrite rewrites user_version with its own value in a transaction it
// rolls back: a store that cannot be written fails here, named and with
// the reason, before an import has read a row (SQLite only says so at the
// first write, deep inside the import).
func (db *DB) probeWrite(ctx context.Context) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return db.writeErr(err)
	}
	defer tx.Rollback()
	var v int64
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return db.writeErr(err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		return db.writeErr(err)
	}
	return nil
}

// Damaged is the error of a store that failed an integrity check.
func (db *DB) Damaged(problems []string) error {
	return csi.Errorf(csi.EUNAVAILABLE, "the store %s is damaged (%d problem(s), first: %s)", db.path, len(problems), problems[0]).
		WithHint("stop writing to it; restore the latest 'csi db backup' copy and run 'csi db check' on it")
}

// writeErr maps an error of a write: a store that cannot be written is
// named with the reason; the rest as mapErr.
func (db *DB) writeErr(err error) error {
	if isReadOnly(err) {
		return db.readOnly()
	}
	return mapErr(err)
}

// isReadOnly reports whether err is the driver's "cannot write" or
// "cannot open" (SQLite cannot create the -wal or -shm file).
func isReadOnly(err error) bool {
	switch primaryCode(err) {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}

// readOnly is the error of a store that cannot be written, with the reason.
func (db *DB) readOnly() error { return db.readOnlyFor("") }

// readOnlyFor is readOnly for a command that writes only to record what it
// did (why says so), so that the user knows why a "read" needs to write.
func (db *DB) readOnlyFor(why string) error {
	if _, err := os.Stat(db.path); errors.Is(err, fs.ErrNotExist) {
		return MissingStore(db.path) // removed after Open checked it
	}
	reason := writeProblem(db.path)
	msg := fmt.Sprintf("the store %s cannot be written: %s", db.path, reason)
	hint := readOnlyHint(db.path, reason)
	if why != "" {
		msg = fmt.Sprintf("the store %s cannot be written (%s): %s", db.path, why, reason)
		hint += "; or run it on a writable copy of the store (--db COPY)"
	}
	return csi.Errorf(csi.EUNAVAILABLE, "%s", msg).WithHint("%s", hint)
}

// readOnlyHint is what to do about each reason writeProblem gives.
func readOnlyHint(path, reason string) string {
	switch {
	case strings.Contains(reason, "read-only file system"):
		return "remount the file system read-write, or copy the store to a writable disk and point --db at the copy"
	case strings.HasPrefix(reason, "its folder"):
		return fmt.Sprintf("make the folder %s writable for this user, or move the store to a writable folder", filepath.Dir(path))
	case strings.Contains(reason, "read-only for this user"):
		return "run csi as the user that owns the store, or make the file writable for that user (chmod 600)"
	case reason == "it was opened read-only":
		return "check the mount options and the file's attributes (lsattr: immutable), and that nothing opened it read-only"
	}
	return "run csi as the user that owns the store, or fix the permissions of the file and its folder"
}

// writeProblem says why the store file at path cannot be written: the file
// itself, the file system, its folder (SQLite creates the -wal and -shm
// files beside the store) or one of those files.
func writeProblem(path string) string {
	if p := fileProblem(path, "the file"); p != "" {
		return p
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".csi-write-check-*")
	if err != nil {
		return fmt.Sprintf("its folder %s is read-only, and SQLite must create the -wal and -shm files there", dir)
	}
	tmp.Close()
	os.Remove(tmp.Name())
	for _, ext := range []string{"-wal", "-shm"} {
		if p := fileProblem(path+ext, path+ext); p != "" {
			return p
		}
	}
	return "it was opened read-only"
}

// fileProblem says why the existing file at path cannot be opened for
// writing, "" when it can (or does not exist).
func fileProblem(path, what string) string {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
		return ""
	case errors.Is(err, fs.ErrNotExist):
		return ""
	case errors.Is(err, syscall.EROFS):
		return "it is on a read-only file system"
	case errors.Is(err, fs.ErrPermission):
		return what + " is read-only for this user"
	}
	return what + " cannot be opened for writing"
}
