package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one embedded schema version (the port's type).
type Migration = store.Migration

// migrations returns the embedded migrations in version order.
func migrations() ([]Migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "migrations/"), ".sql")
		num, name, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: bad version", n)
		}
		out = append(out, Migration{Version: v, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// MigrationStatus lists every embedded migration with the time it was
// applied to this store ("" when pending).
func (db *DB) MigrationStatus(ctx context.Context) ([]Migration, error) {
	all, err := migrations()
	if err != nil {
		return nil, err
	}
	applied, err := db.applied(ctx)
	if err != nil {
		return nil, err
	}
	if err := db.refuseNewer(all, applied); err != nil {
		return nil, err
	}
	for i := range all {
		all[i].AppliedAt = applied[all[i].Version]
	}
	return all, nil
}

// refuseNewer fails when the store has a schema version this binary does
// not know: an older csi would misread (or damage) what a newer one wrote.
func (db *DB) refuseNewer(all []Migration, applied map[int]string) error {
	known := 0
	if len(all) > 0 {
		known = all[len(all)-1].Version
	}
	store := 0
	for v := range applied {
		store = max(store, v)
	}
	if store <= known {
		return nil
	}
	return csi.Errorf(csi.ECONFLICT, "the store at %s has schema version %d, newer than this csi knows (%d)", db.path, store, known).
		WithHint("upgrade csi to the version that wrote the store (see 'csi --version'); do not use an older csi on it")
}

// applied returns the applied migrations' times by version; a store that
// has none yet (a new file) has no schema_migrations table, which is
// created only by Migrate, so that reading never writes.
func (db *DB) applied(ctx context.Context) (map[int]string, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n); err != nil {
		return nil, mapErr(err)
	}
	if n == 0 {
		return map[int]string{}, nil
	}
	rows, err := db.db.QueryContext(ctx, "SELECT version, applied_at FROM schema_migrations")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var v int
		var at string
		if err := rows.Scan(&v, &at); err != nil {
			return nil, err
		}
		out[v] = at
	}
	return out, rows.Err()
}

// Pending returns how many embedded migrations this store has not applied.
func (db *DB) Pending(ctx context.Context) (int, error) {
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range st {
		if m.AppliedAt == "" {
			n++
		}
	}
	return n, nil
}

// Migrate applies the pending migrations, each in its own transaction, then
// loads the reference data. It returns the migrations it applied. It first
// makes the file readable by its owner only (see ownerOnly), whoever
// created it: init on an existing empty file, or an older csi.
func (db *DB) Migrate(ctx context.Context) ([]Migration, error) {
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return nil, err
	}
	if err := ownerOnly(db.path); err != nil {
		return nil, err
	}
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`); err != nil {
		return nil, db.writeErr(err)
	}
	var done []Migration
	for _, m := range st {
		if m.AppliedAt != "" {
			continue
		}
		if err := db.apply(ctx, m); err != nil {
			return done, err
		}
		done = append(done, m)
	}
	if err := db.inTx(ctx, db.loadRefData); err != nil {
		return done, err
	}
	return done, nil
}

func (db *DB) apply(ctx context.Context, m Migration) error {
	body, err := migrationFS.ReadFile(fmt.Sprintf("migrations/%04d_%s.sql", m.Version, m.Name))
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)",
			m.Version, m.Name, db.now())
		return err
	})
}
