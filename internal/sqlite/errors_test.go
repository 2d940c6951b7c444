package sqlite

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestOpenWhileLockedIsBusy: a store whose lock another connection holds
// past the busy timeout (as a long first load does, under its rollback
// journal) is reported as busy, not as a file that may not be a store. The
// timeout is 0 here so that the test does not wait a minute.
func TestOpenWhileLockedIsBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "csi.db")
	holder, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	holder.SetMaxOpenConns(1)
	if _, err := holder.Exec("PRAGMA journal_mode = DELETE; CREATE TABLE t(x); BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var mode string
	err = other.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if !isBusy(err) {
		t.Fatalf("opening a locked store: %v (mode %q), want SQLITE_BUSY", err, mode)
	}
	var ce *csi.Error
	if !errors.As(mapErr(err), &ce) || ce.Code != csi.EUNAVAILABLE || ce.Message != "the store is busy" {
		t.Fatalf("mapped to %v, want the store is busy", mapErr(err))
	}
	if isBusy(errors.New("database is locked")) || isBusy(nil) {
		t.Fatal("isBusy took an error that is not SQLite's")
	}
}
