package postgres

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
)

func TestMaskURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://csi:s3cret@db.example.it:5432/csi?sslmode=require": "postgres://csi:xxxxx@db.example.it:5432/csi?sslmode=require",
		"postgresql://csi@db/csi":                                      "postgresql://csi@db/csi",
		"postgres://db/csi?user=csi&password=s3cret":                   "postgres://db/csi?password=xxxxx&user=csi",
		"postgres://csi:p%40ss@db/csi":                                 "postgres://csi:xxxxx@db/csi",
		"postgres://csi:bad pass%zz@db/csi":                            "postgres://csi:xxxxx@db/csi",
		"/srv/csi/csi.db":                                              "/srv/csi/csi.db",
	} {
		if got := MaskURL(in); got != want {
			t.Errorf("MaskURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitPassword(t *testing.T) {
	u, pw := splitPassword("postgres://csi:s3cret@db:5432/csi?sslmode=disable&password=other")
	if strings.Contains(u, "s3cret") || strings.Contains(u, "other") || pw != "s3cret" {
		t.Errorf("splitPassword = %q, %q", u, pw)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"postgres://x/y": true, "POSTGRESQL://x/y": true, "postgres.db": false, "/tmp/postgres://": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}

// TestErrorsMaskThePassword opens unreachable and wrong databases with a
// password in the URL: no error message or hint may contain it.
func TestErrorsMaskThePassword(t *testing.T) {
	ctx := context.Background()
	urls := []string{
		"postgres://csi:TopSecret42@127.0.0.1:1/csi?sslmode=disable&connect_timeout=2",
		"postgres://csi:TopSecret42@127.0.0.1:bad/csi",
	}
	if pgtest.ServerURL() != "" {
		u := strings.Replace(pgtest.NewDatabase(t), "postgres://postgres@", "postgres://postgres:TopSecret42@", 1)
		urls = append(urls, u, strings.Replace(u, "/csi_test_", "/csi_nonexistent_", 1))
	}
	for _, u := range urls {
		_, err := Open(ctx, u, false)
		if err == nil {
			t.Fatalf("Open(%s) succeeded", MaskURL(u))
		}
		var de *csi.Error
		if !errors.As(err, &de) {
			t.Errorf("Open(%s): not a domain error: %v", MaskURL(u), err)
			continue
		}
		if strings.Contains(de.Message+de.Hint, "TopSecret42") {
			t.Errorf("the password leaks: %s / %s", de.Message, de.Hint)
		}
		if !strings.Contains(de.Message, "xxxxx") {
			t.Errorf("the URL is not named, masked: %s", de.Message)
		}
	}
}

func TestBackupWithPgDump(t *testing.T) {
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump is not on PATH")
	}
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "csi.dump")
	if err := db.Backup(ctx, file); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 || st.Size() < 1000 {
		t.Errorf("backup: mode %v, %d bytes", st.Mode().Perm(), st.Size())
	}
	head := make([]byte, 5)
	f, _ := os.Open(file)
	f.Read(head)
	f.Close()
	if string(head) != "PGDMP" {
		t.Errorf("backup is not a pg_dump custom archive: %q", head)
	}
	if err := db.Backup(ctx, file); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("second backup over the file: %v", err)
	}
}

func TestBackupWithoutPgDump(t *testing.T) {
	db := openTest(t)
	t.Setenv("PATH", t.TempDir())
	file := filepath.Join(t.TempDir(), "csi.dump")
	err := db.Backup(context.Background(), file)
	var de *csi.Error
	if !errors.As(err, &de) || !strings.Contains(de.Message, "pg_dump") || !strings.Contains(de.Hint, "pg_dump") {
		t.Fatalf("backup without pg_dump: %v", err)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a file was left behind")
	}
}

func TestIntegrityCheck(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if p, err := db.IntegrityCheck(ctx, false); err != nil || len(p) != mustMigrations(t) {
		t.Fatalf("check before migrating: %v, %v", p, err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := db.IntegrityCheck(ctx, false); err != nil || len(p) != 0 {
		t.Fatalf("check of a new store: %v, %v", p, err)
	}
	db.pool.Exec(ctx, "DELETE FROM audit_head")
	p, err := db.IntegrityCheck(ctx, true)
	if err != nil || len(p) != 1 || !strings.Contains(p[0], "audit head") {
		t.Fatalf("check without the audit head: %v, %v", p, err)
	}
	if e := db.Damaged(p); csi.ErrorCode(e) != csi.EUNAVAILABLE || strings.Contains(e.Error(), "@127.0.0.1") && !strings.Contains(e.Error(), db.Describe()) {
		t.Errorf("Damaged: %v", e)
	}
}

// TestConnectionSettingsFromURL: the URL's application_name and
// pool_max_conns are honoured (README, several csi serve behind a load
// balancer), and without them the connections say "csi".
func TestConnectionSettingsFromURL(t *testing.T) {
	url := pgtest.NewDatabase(t)
	ctx := context.Background()
	for _, c := range []struct {
		params, name string
		conns        int32
	}{
		{"", "csi", 0},
		{"application_name=csi-serve-2&pool_max_conns=3", "csi-serve-2", 3},
	} {
		u := url
		if c.params != "" && strings.Contains(u, "?") {
			u += "&" + c.params
		} else if c.params != "" {
			u += "?" + c.params
		}
		db, err := Open(ctx, u, true)
		if err != nil {
			t.Fatal(err)
		}
		var name string
		err = db.pool.QueryRow(ctx, "SELECT current_setting('application_name')").Scan(&name)
		if err != nil || name != c.name {
			t.Errorf("%q: application_name %q (%v), want %q", c.params, name, err, c.name)
		}
		if got := db.pool.Config().MaxConns; c.conns != 0 && got != c.conns {
			t.Errorf("%q: pool of %d connections, want %d", c.params, got, c.conns)
		}
		db.Close()
	}
}
