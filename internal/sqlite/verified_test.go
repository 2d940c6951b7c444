package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// writeOnce opens the store at path, writes through it (the check before
// the first write runs or is vouched for) and closes it; it returns how
// many checks read the file.
func writeOnce(t *testing.T, path string) int64 {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	before := fullChecks.Load()
	if err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE comuni SET nome = nome WHERE istat = '108001'")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	n := fullChecks.Load() - before
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return n
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestVerifiedSkipsCheckOnlyForCsiWrites: the quick_check before a write is
// skipped when nothing but csi changed the store since it last passed, and
// runs again after any other change: a rewrite that keeps size and mtime,
// a file restored by rename, a copy elsewhere (sidecar copied too), an old
// check, no sidecar, and CSI_CHECK_MAX_AGE=0.
func TestVerifiedSkipsCheckOnlyForCsiWrites(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file identities are read on Linux only: elsewhere the check always runs")
	}
	db := newStore(t)
	path := db.Path()
	db.Close()
	side := path + ".verified"

	// The store's creation checked it (and recorded it).
	if err := os.Remove(side); err != nil {
		t.Fatal(err)
	}
	if n := writeOnce(t, path); n != 1 {
		t.Fatalf("first write without a sidecar: %d checks, want 1", n)
	}
	st, err := os.Stat(side)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("sidecar mode %v, want 0600", st.Mode().Perm())
	}
	if n := writeOnce(t, path); n != 0 {
		t.Fatalf("write after a csi write: %d checks, want 0", n)
	}

	// Another program rewrites the file with the same bytes and puts the
	// mtime back: the ctime tells.
	orig, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	copyFile(t, path, path)
	if err := os.Chtimes(path, orig.ModTime(), orig.ModTime()); err != nil {
		t.Fatal(err)
	}
	if n := writeOnce(t, path); n != 1 {
		t.Fatalf("after a foreign rewrite: %d checks, want 1", n)
	}
	if n := writeOnce(t, path); n != 0 {
		t.Fatalf("after the check passed: %d checks, want 0", n)
	}

	// A backup restored by rename over the store.
	tmp := filepath.Join(filepath.Dir(path), "restore.db")
	copyFile(t, path, tmp)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if n := writeOnce(t, path); n != 1 {
		t.Fatalf("after a restore: %d checks, want 1", n)
	}

	// The store copied elsewhere with its sidecar.
	other := filepath.Join(t.TempDir(), "csi.db")
	copyFile(t, path, other)
	copyFile(t, side, other+".verified")
	if n := writeOnce(t, other); n != 1 {
		t.Fatalf("a copy: %d checks, want 1", n)
	}

	// A check older than the limit.
	ctx := context.Background()
	old, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Millisecond)
	old.MaxCheckAge = time.Millisecond
	before := fullChecks.Load()
	if err := old.checkBeforeWrite(ctx); err != nil || fullChecks.Load() != before+1 {
		t.Fatalf("old check: %v, %d checks, want 1", err, fullChecks.Load()-before)
	}
	old.Close()

	// No sidecar.
	if err := os.Remove(side); err != nil {
		t.Fatal(err)
	}
	if n := writeOnce(t, path); n != 1 {
		t.Fatalf("no sidecar: %d checks, want 1", n)
	}

	// CSI_CHECK_MAX_AGE=0: always.
	t.Setenv("CSI_CHECK_MAX_AGE", "0")
	for i := range 2 {
		if n := writeOnce(t, path); n != 1 {
			t.Fatalf("CSI_CHECK_MAX_AGE=0, write %d: %d checks, want 1", i, n)
		}
	}
	t.Setenv("CSI_CHECK_MAX_AGE", "soon")
	if _, err := Open(ctx, path, false); csi.ErrorCode(err) != csi.EINVALID {
		t.Fatalf("CSI_CHECK_MAX_AGE=soon: %v, want invalid", err)
	}
}

// TestVerifiedDamageRemovesSidecar: bytes flipped by another program right
// after a csi write are caught by the next write, which removes the
// sidecar, so that every later write checks again.
func TestVerifiedDamageRemovesSidecar(t *testing.T) {
	db, ctx, _, _ := province(t)
	path := db.Path()
	var cf string
	if err := db.SQL().QueryRowContext(ctx, "SELECT codice_fiscale FROM persone WHERE comune = '108002' LIMIT 1 OFFSET 300").Scan(&cf); err != nil {
		t.Fatal(err)
	}
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108003", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path + ".verified"); err != nil {
		t.Fatalf("no sidecar after a csi write: %v", err)
	}
	damagePageOf(t, path, cf)
	for i := range 2 {
		db, err := Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		err = db.checkBeforeWrite(ctx)
		db.Close()
		if csi.ErrorCode(err) != csi.EUNAVAILABLE {
			t.Fatalf("write %d on the damaged store: %v", i, err)
		}
		if _, err := os.Stat(path + ".verified"); err == nil {
			t.Fatalf("write %d: the sidecar of a damaged store remains", i)
		}
	}
}
