package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// onboardAll onboards the Comuni, one audit entry each.
func onboardAll(t *testing.T, db *DB, ctx context.Context, comuni ...string) {
	t.Helper()
	for _, c := range comuni {
		if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "manual"}); err != nil {
			t.Fatal(err)
		}
	}
}

// unguard drops the append-only triggers, as someone editing the file would.
func unguard(t *testing.T, db *DB, more ...string) {
	t.Helper()
	for _, q := range append([]string{"DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete"}, more...) {
		if _, err := db.SQL().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	db := newStore(t)
	if _, err := db.SQL().Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"pending": func() error { _, err := db.Pending(ctx); return err },
		"migrate": func() error { _, err := db.Migrate(ctx); return err },
		"status":  func() error { _, err := db.MigrationStatus(ctx); return err },
	} {
		err := call()
		if csi.ErrorCode(err) != csi.ECONFLICT || !strings.Contains(err.Error(), "schema version 99, newer than this csi knows") ||
			!strings.Contains(csi.ErrorHint(err), "upgrade csi") {
			t.Errorf("%s: %v (hint %q), want the newer schema refused", name, err, csi.ErrorHint(err))
		}
	}
}

func TestAuditWipeDetected(t *testing.T) {
	for _, tc := range []struct{ name, setup, want string }{
		{"onboardings", "", "onboarding and status change(s) of Comune 108001 has no audit entry"},
		{"token", "token", "token 1 (its creation or revocation) has no audit entry"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newStore(t)
			ctx := actorCtx()
			onboardAll(t, db, ctx, "108001", "108002")
			if tc.setup == "token" {
				if _, err := services(db).CreateToken(ctx, csi.TokenInput{Name: "t1", Role: csi.RoleViewer}); err != nil {
					t.Fatal(err)
				}
				// Keep the Comuni's entries: only the token's is removed.
				unguard(t, db, "DELETE FROM audit WHERE target LIKE 'token %'", "UPDATE audit_head SET last_id = 2, hash = (SELECT hash FROM audit WHERE id = 2)")
			} else {
				unguard(t, db, "DELETE FROM audit", "DELETE FROM audit_head")
			}
			v, err := services(db).VerifyAudit(ctx)
			if err != nil || v.OK || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("after wiping: %+v %v; want %q", v, err, tc.want)
			}
		})
	}
}

func TestAuditCrossCheckPassesOnAnIntactLog(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	onboardAll(t, db, ctx, "108001")
	if _, err := services(db).CreateToken(ctx, csi.TokenInput{Name: "t1", Role: csi.RoleViewer}); err != nil {
		t.Fatal(err)
	}
	if _, err := services(db).RevokeToken(ctx, "t1"); err != nil {
		t.Fatal(err)
	}
	if v, err := services(db).VerifyAudit(ctx); err != nil || !v.OK || v.Entries != 3 {
		t.Fatalf("intact log: %+v %v", v, err)
	}
}

func TestAnchorDetectsARewrittenLog(t *testing.T) {
	for _, tc := range []struct {
		name string
		// tamper cuts the log back to keep entries and fixes the head.
		keep   int64
		forged int
		want   string
	}{
		{"tail cut", 2, 0, "the log has 2 entries, fewer than the 4 of the anchor: its tail was cut"},
		{"tail cut and forged", 2, 2, "entry 4 no longer has the anchor's hash: the log was rewritten"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newStore(t)
			ctx := actorCtx()
			onboardAll(t, db, ctx, "108001", "108002")
			// Reads of personal data (audited, not cross-checked) end the log.
			for range 2 {
				if err := services(db).RecordAccess(ctx, "comune 108001", "residents read"); err != nil {
					t.Fatal(err)
				}
			}
			a, err := services(db).AuditHead(ctx)
			if err != nil || a.Entries != 4 || len(a.Hash) != 64 {
				t.Fatalf("head %+v %v", a, err)
			}
			onboardAll(t, db, ctx, "108003")
			if v, err := services(db).VerifyAnchor(ctx, *a); err != nil || !v.OK {
				t.Fatalf("a log that extends the anchor: %+v %v", v, err)
			}
			unguard(t, db, "DELETE FROM audit WHERE id > 2", "DELETE FROM comune_history WHERE istat = '108003'",
				"UPDATE audit_head SET last_id = 2, hash = (SELECT hash FROM audit WHERE id = 2)")
			for range tc.forged {
				if err := services(db).RecordAccess(ctx, "comune 108002", "nothing to see"); err != nil {
					t.Fatal(err)
				}
			}
			if v, err := services(db).VerifyAudit(ctx); err != nil || !v.OK {
				t.Fatalf("the rebuilt chain must verify on its own (that is the attack): %+v %v", v, err)
			}
			v, err := services(db).VerifyAnchor(ctx, *a)
			if err != nil || v.OK || v.Problem != tc.want {
				t.Fatalf("against the anchor: %+v %v; want %q", v, err, tc.want)
			}
			if _, err := services(db).AnchorByHash(ctx, a.Hash); csi.ErrorCode(err) != csi.ECONFLICT && tc.forged > 0 {
				t.Fatalf("the anchor's hash looked up in the forged log: %v", err)
			}
		})
	}
}

// TestReadOnlyStoreNamed opens a store read-only through SQLite (which
// works as root too, where a chmod would not stop writes) and writes: the
// error names the file and the reason, not "internal error".
func TestReadOnlyStoreNamed(t *testing.T) {
	rw := newStore(t)
	path := rw.Path()
	ro, err := open(context.Background(), path, dsn(path, true, "NORMAL")+"&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = services(ro).OnboardComune(actorCtx(), csi.OnboardInput{Comune: "108001", Anagrafe: "manual"})
	if csi.ErrorCode(err) != csi.EUNAVAILABLE || err.Error() != "the store "+path+" cannot be written: it was opened read-only" {
		t.Fatalf("got %q (%s)", err, csi.ErrorCode(err))
	}
	if !strings.Contains(csi.ErrorHint(err), "mount options and the file's attributes") {
		t.Errorf("hint %q", csi.ErrorHint(err))
	}
}

// TestReadOnlyHints: each reason a store cannot be written gets its own hint.
func TestReadOnlyHints(t *testing.T) {
	for reason, want := range map[string]string{
		"it is on a read-only file system":    "remount the file system read-write, or copy the store to a writable disk",
		"its folder /srv is read-only, and …": "make the folder /srv writable",
		"the file is read-only for this user": "run csi as the user that owns the store, or make the file writable",
		"it was opened read-only":             "check the mount options",
	} {
		if got := readOnlyHint("/srv/csi.db", reason); !strings.HasPrefix(got, want) {
			t.Errorf("%q: hint %q, want %q…", reason, got, want)
		}
	}
}

// TestReadOnlyValidateSaysWhy: validate on a store it cannot write says
// that it records its run there, and points to a writable copy.
func TestReadOnlyValidateSaysWhy(t *testing.T) {
	rw := newStore(t)
	path := rw.Path()
	ro, err := open(context.Background(), path, dsn(path, true, "NORMAL")+"&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.ValidationWritable(actorCtx())
	if err == nil || err.Error() != "the store "+path+" cannot be written (csi validate records each run in the store's history): it was opened read-only" {
		t.Fatalf("got %q", err)
	}
	if !strings.HasSuffix(csi.ErrorHint(err), "; or run it on a writable copy of the store (--db COPY)") {
		t.Errorf("hint %q", csi.ErrorHint(err))
	}
}

func TestWriteProblemReasons(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "csi.db")
	if got := writeProblem(path); got != "it was opened read-only" {
		t.Errorf("writable folder, no file: %q", got)
	}
	if got := writeProblem(filepath.Join(dir, "missing", "csi.db")); !strings.Contains(got, "its folder") {
		t.Errorf("a folder that cannot take the -wal file: %q", got)
	}
}

func TestIntegrityCheckSoundStore(t *testing.T) {
	db := newStore(t)
	for _, quick := range []bool{true, false} {
		if p, err := db.IntegrityCheck(context.Background(), quick); err != nil || len(p) != 0 {
			t.Fatalf("quick=%v: %v %v", quick, p, err)
		}
	}
}

// TestReadOnlyStoreImport: an import into a read-only store fails before
// reading the file, naming the store, not with "internal error".
func TestReadOnlyStoreImport(t *testing.T) {
	rw, _ := onboarded(t, "108002")
	path := rw.Path()
	ro, err := open(context.Background(), path, dsn(path, true, "NORMAL")+"&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	data := []byte("codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\nSTNMRA92A65Z129G;Stan;Maria;F;1992-01-25;Z129\n")
	_, err = services(ro).ImportAnagrafe(actorCtx(), csi.AnagrafeImport{Comune: "108002", Mode: csi.ModeSnapshot, AsOf: "2020-01-01"}, bytesSource("a.csv", data))
	if csi.ErrorCode(err) != csi.EUNAVAILABLE || err.Error() != "the store "+path+" cannot be written: it was opened read-only" {
		t.Fatalf("got %q (%s)", err, csi.ErrorCode(err))
	}
}
