package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrateLock is the advisory lock key Migrate holds, so that several csi
// processes starting on one database apply each migration once.
const migrateLock = 0x637369 // "csi"

// migrations returns the embedded migrations in version order.
func migrations() ([]store.Migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []store.Migration
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "migrations/"), ".sql")
		num, name, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: bad version", n)
		}
		out = append(out, store.Migration{Version: v, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// MigrationStatus lists every embedded migration with the time it was
// applied to this store ("" when pending).
func (db *DB) MigrationStatus(ctx context.Context) ([]store.Migration, error) {
	return db.status(ctx, db.pool)
}

// querier is what status reads through: the pool, or Migrate's connection.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func (db *DB) status(ctx context.Context, q querier) ([]store.Migration, error) {
	all, err := migrations()
	if err != nil {
		return nil, err
	}
	applied, err := db.applied(ctx, q)
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
func (db *DB) refuseNewer(all []store.Migration, applied map[int]string) error {
	known := 0
	if len(all) > 0 {
		known = all[len(all)-1].Version
	}
	have := 0
	for v := range applied {
		have = max(have, v)
	}
	if have <= known {
		return nil
	}
	return csi.Errorf(csi.ECONFLICT, "the store at %s has schema version %d, newer than this csi knows (%d)", db.Describe(), have, known).
		WithHint("upgrade csi to the version that wrote the store (see 'csi --version'); do not use an older csi on it")
}

// applied returns the applied migrations' times by version; a database
// without schema_migrations (a new one) has applied none: the table is
// created only by Migrate, so that reading never writes.
func (db *DB) applied(ctx context.Context, q querier) (map[int]string, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, db.mapErr(err)
	}
	out := map[int]string{}
	if !exists {
		return out, nil
	}
	rows, err := q.Query(ctx, "SELECT version, applied_at FROM schema_migrations")
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var at string
		if err := rows.Scan(&v, &at); err != nil {
			return nil, err
		}
		out[v] = at
	}
	return out, db.mapErr(rows.Err())
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

// Migrate applies the pending migrations, each in its own transaction,
// then loads the reference data; it returns the migrations it applied.
// It holds an advisory lock meanwhile, so that csi processes started
// together on one database (several csi serve) migrate it once.
func (db *DB) Migrate(ctx context.Context) ([]store.Migration, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return nil, db.mapErr(err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)
	st, err := db.status(ctx, conn)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return nil, db.mapErr(err)
	}
	var done []store.Migration
	for _, m := range st {
		if m.AppliedAt != "" {
			continue
		}
		if err := db.apply(ctx, conn.Conn(), m); err != nil {
			return done, err
		}
		done = append(done, m)
	}
	if err := pgx.BeginFunc(ctx, conn.Conn(), func(tx pgx.Tx) error { return loadRefData(ctx, tx) }); err != nil {
		return done, db.mapErr(err)
	}
	return done, nil
}

// apply runs one migration and records it, in one transaction.
func (db *DB) apply(ctx context.Context, conn *pgx.Conn, m store.Migration) error {
	body, err := migrationFS.ReadFile(fmt.Sprintf("migrations/%04d_%s.sql", m.Version, m.Name))
	if err != nil {
		return err
	}
	return db.mapErr(pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// A script of several statements goes as one simple query.
		if _, err := tx.Exec(ctx, string(body), pgx.QueryExecModeSimpleProtocol); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
		_, err := tx.Exec(ctx, "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1,$2,$3)",
			m.Version, m.Name, db.now())
		return err
	}))
}
