package sqlite

import (
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// mapErr turns driver error codes into domain errors; other errors pass through.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	switch primaryCode(err) {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return csi.Errorf(csi.EUNAVAILABLE, "the store is busy").WithHint("another csi command is writing; try again")
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return csi.Errorf(csi.EUNAVAILABLE, "the store cannot be written").WithHint("check the permissions of the store file and its folder")
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return csi.Errorf(csi.EUNAVAILABLE, "the file is not a csi store or is damaged").WithHint("check --db; restore from a 'csi db backup' copy")
	case sqlite3.SQLITE_FULL:
		return csi.Errorf(csi.EUNAVAILABLE, "the disk is full").WithHint("free some space and run the command again")
	}
	return err
}

// primaryCode is the primary result code of a SQLite error, or -1 for
// another error.
func primaryCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return -1
	}
	return se.Code() & 0xff
}

// isBusy reports whether err is SQLite's "database is locked": another
// connection held the lock for longer than the busy timeout.
func isBusy(err error) bool {
	switch primaryCode(err) {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}
