package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// newStore returns a migrated store in a temporary file.
func newStore(t testing.TB) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC) }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func actorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "test", Command: "test"})
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	db := newStore(t)
	st, err := os.Stat(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM comuni").Scan(&n); err != nil || n != 55 {
		t.Errorf("comuni = %d (%v), want 55", n, err)
	}
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Errorf("second migrate: %v", err)
	}
}

func TestOpenMissingWithoutCreate(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "none.db"), false)
	if csi.ErrorCode(err) != csi.ENOTFOUND {
		t.Fatalf("got %v, want not found", err)
	}
}

// TestBackupWhileWriting copies the store while another connection keeps
// onboarding and offboarding Comuni; the copy must open and verify.
func TestBackupWhileWriting(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	other := secondConn(t, db)
	var wg sync.WaitGroup
	stop, wrote := make(chan struct{}), make(chan struct{})
	var once sync.Once
	signal := func() { once.Do(func() { close(wrote) }) }
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer signal() // a writer that stops early must not leave the test waiting
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			in := csi.ComuneUpdate{Comune: "108033", Contact: ptr(strings.Repeat("x", i%7+1))}
			var err error
			if i == 0 {
				_, err = services(other).OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"})
			} else {
				_, err = services(other).UpdateComune(ctx, in)
			}
			if err != nil && csi.ErrorCode(err) != csi.EINVALID {
				t.Errorf("writer: %v", err)
				return
			}
			if i == 2 { // onboarded and updated: the backup starts with data written
				signal()
			}
		}
	}()
	<-wrote
	out := filepath.Join(t.TempDir(), "backup.db")
	err := db.Backup(ctx, out)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(out)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	copyDB, err := Open(ctx, out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	v, err := services(copyDB).VerifyAudit(ctx)
	if err != nil || !v.OK || v.Entries == 0 {
		t.Fatalf("backup audit: %+v %v", v, err)
	}
	if err := db.Backup(ctx, out); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("overwrite: %v", err)
	}
}

func ptr(s string) *string { return &s }

// secondConn opens the store of db again, as another command would.
func secondConn(t *testing.T, db *DB) *DB {
	t.Helper()
	other, err := Open(context.Background(), db.Path(), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

// TestWriterWaitsForAnotherWriter: a change made while another connection
// holds the write lock (an import, say) waits for it instead of failing.
func TestWriterWaitsForAnotherWriter(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	other := secondConn(t, db)
	tx, err := other.SQL().BeginTx(ctx, nil) // _txlock=immediate: takes the write lock now
	if err != nil {
		t.Fatal(err)
	}
	const hold = 1500 * time.Millisecond
	go func() {
		time.Sleep(hold)
		tx.Rollback()
	}()
	start := time.Now()
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}); err != nil {
		t.Fatalf("onboard while another writer holds the lock: %v", err)
	}
	if waited := time.Since(start); waited < hold-100*time.Millisecond {
		t.Errorf("onboarded after %v: the other writer's lock was not held", waited)
	}
}

// TestOpenScratchDoesNotSync checks the synchronous setting of every pooled
// connection: NORMAL for a store, OFF for a scratch store, which is
// otherwise the same store (created 0600, migrated, written).
func TestOpenScratchDoesNotSync(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		open func(string) (*DB, error)
		want int
	}{
		{func(p string) (*DB, error) { return Open(ctx, p, true) }, 1},
		{func(p string) (*DB, error) { return OpenScratch(ctx, p) }, 0},
	} {
		path := filepath.Join(t.TempDir(), "csi.db")
		db, err := tc.open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(actorCtx()); err != nil {
			t.Fatal(err)
		}
		// Two connections held at once: the pragma comes with each.
		c1, err := db.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := db.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range []interface {
			QueryRowContext(context.Context, string, ...any) *sql.Row
		}{c1, c2} {
			var got int
			if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("connection %d: synchronous = %d, want %d", i+1, got, tc.want)
			}
		}
		c1.Close()
		c2.Close()
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("store file: %v %v", st.Mode(), err)
		}
		db.Close()
	}
}
