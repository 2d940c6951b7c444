package postgres

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/jackc/pgx/v5"
)

// TestMigrationsMatchSQLite fails when one engine has a migration version
// (or name) the other lacks: both stores must have the same schema steps.
func TestMigrationsMatchSQLite(t *testing.T) {
	ours, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := filepath.Glob(filepath.Join("..", "sqlite", "migrations", "*.sql"))
	if err != nil || len(theirs) == 0 {
		t.Fatalf("no SQLite migrations found (%v)", err)
	}
	pg := map[string]bool{}
	for _, m := range ours {
		pg[fmt.Sprintf("%04d_%s.sql", m.Version, m.Name)] = true
	}
	lite := map[string]bool{}
	for _, p := range theirs {
		lite[filepath.Base(p)] = true
		if !pg[filepath.Base(p)] {
			t.Errorf("SQLite has migration %s, PostgreSQL does not", filepath.Base(p))
		}
	}
	for f := range pg {
		if !lite[f] {
			t.Errorf("PostgreSQL has migration %s, SQLite does not", f)
		}
	}
}

func openTest(t *testing.T) *DB {
	t.Helper()
	url := pgtest.NewDatabase(t)
	db, err := Open(context.Background(), url, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateCreatesSchemaAndRefData(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if n, err := db.Pending(ctx); err != nil || n != 8 {
		t.Fatalf("pending before = %d, %v; want 8", n, err)
	}
	done, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 8 {
		t.Fatalf("applied %d migrations, want 8", len(done))
	}
	if n, err := db.Pending(ctx); err != nil || n != 0 {
		t.Fatalf("pending after = %d, %v", n, err)
	}
	counts := map[string]int{"ambiti": 5, "comuni": 55, "audit_head": 1}
	for table, want := range counts {
		var n int
		if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil || n != want {
			t.Errorf("%s has %d rows (%v), want %d", table, n, err, want)
		}
	}
	var it, st int
	db.pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM ref_comuni_italia), (SELECT count(*) FROM ref_stati_esteri)").Scan(&it, &st)
	if it < 7000 || st < 100 {
		t.Errorf("national tables: %d comuni, %d states", it, st)
	}
	// Again: nothing to apply, reference data reloaded, onboarding kept.
	if _, err := db.pool.Exec(ctx, "UPDATE comuni SET status = 'active' WHERE istat = '108033'"); err != nil {
		t.Fatal(err)
	}
	if done, err := db.Migrate(ctx); err != nil || len(done) != 0 {
		t.Fatalf("second migrate: %v, %v", done, err)
	}
	var status string
	db.pool.QueryRow(ctx, "SELECT status FROM comuni WHERE istat = '108033'").Scan(&status)
	if status != "active" {
		t.Errorf("status after re-init = %q", status)
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error { return db.appendAudit(ctx, tx, "test", "first") })
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"UPDATE audit SET summary = 'x'", "DELETE FROM audit", "TRUNCATE audit"} {
		if _, err := db.pool.Exec(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want append-only refusal", q, err)
		}
	}
	var last int64
	db.pool.QueryRow(ctx, "SELECT last_id FROM audit_head").Scan(&last)
	if last != 1 {
		t.Errorf("head last_id = %d", last)
	}
}

func TestPersoneViewHasClosedBy(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO persone(comune, codice_fiscale, dati, row_hash, valid_from, import_id, line, closed_by)
		VALUES ('108033', 'X', '["Rossi","Anna","F"]', 1, '2024-01-01', 1, 2, 7)`)
	if err != nil {
		t.Fatal(err)
	}
	var cognome string
	var closedBy int64
	if err := db.pool.QueryRow(ctx, "SELECT cognome, closed_by FROM persone_v").Scan(&cognome, &closedBy); err != nil {
		t.Fatal(err)
	}
	if cognome != "Rossi" || closedBy != 7 {
		t.Errorf("persone_v = %q, %d", cognome, closedBy)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, "INSERT INTO schema_migrations VALUES (999, 'future', 'x')"); err != nil {
		t.Fatal(err)
	}
	_, err := db.MigrationStatus(ctx)
	if csi.ErrorCode(err) != csi.ECONFLICT || !strings.Contains(err.Error(), "999") {
		t.Fatalf("status on a newer schema: %v", err)
	}
	if _, err := db.Migrate(ctx); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Fatalf("migrate on a newer schema: %v", err)
	}
}

func TestOpenRefusesNonStore(t *testing.T) {
	url := pgtest.NewDatabase(t)
	ctx := context.Background()
	if _, err := Open(ctx, url, false); csi.ErrorCode(err) != csi.ENOTFOUND {
		t.Fatalf("open of an empty database without create: %v", err)
	}
	db, err := Open(ctx, url, true)
	if err != nil {
		t.Fatal(err)
	}
	db.pool.Exec(ctx, "CREATE TABLE other (x int)")
	db.Close()
	if _, err := Open(ctx, url, true); csi.ErrorCode(err) != csi.ENOTFOUND {
		t.Fatalf("init on another program's database: %v", err)
	}
}
