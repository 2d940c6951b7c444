// Package postgres is the PostgreSQL adapter of the storage port (package
// store): the engine for a region that outgrows one SQLite file, shared by
// several csi serve processes. It uses pgx natively (pgxpool, COPY, batches).
package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is an open PostgreSQL store.
type DB struct {
	pool *pgxpool.Pool
	// url is the connection URL as given (password included); show
	// Describe, never url.
	url string
	// Now is the store's clock; tests and CSI_NOW replace it.
	Now func() time.Time
}

// IsURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Open connects to the database at url (postgres://…) and checks that it
// is a csi store. With create (csi init), an empty database is accepted
// too; PostgreSQL databases are never created here (see createdb). It
// does not migrate: see Migrate.
func Open(ctx context.Context, url string, create bool) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, csi.Errorf(csi.EINVALID, "the PostgreSQL URL %s cannot be used: %s", MaskURL(url), scrub(err, url)).
			WithHint("write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require] in --db or CSI_DB")
	}
	// What pg_stat_activity shows: the URL's application_name (one per
	// csi serve behind a load balancer, say), else "csi".
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "csi"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, connectErr(url, err)
	}
	db := &DB{pool: pool, url: url, Now: time.Now}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, connectErr(url, err)
	}
	if err := db.checkStore(ctx, create); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// checkStore refuses a database that is not a csi store: one without
// schema_migrations, unless it is empty and create is set.
func (db *DB) checkStore(ctx context.Context, create bool) error {
	var tables int
	var migrations bool
	err := db.pool.QueryRow(ctx, `SELECT count(*), to_regclass('schema_migrations') IS NOT NULL
		FROM pg_catalog.pg_tables WHERE schemaname = current_schema()`).Scan(&tables, &migrations)
	if err != nil {
		return db.mapErr(err)
	}
	if migrations || (create && tables == 0) {
		return nil
	}
	return NotAStore(db.url, create, tables == 0)
}

// NotAStore is the error of a --db URL whose database is not a csi store.
// create is set for csi init, which does not take over another program's
// database; empty for a database csi init can make a store of.
func NotAStore(url string, create, empty bool) error {
	e := csi.Errorf(csi.ENOTFOUND, "the database %s is not a csi store", MaskURL(url))
	switch {
	case create:
		return e.WithHint("csi init does not take over a database with other tables: create an empty one (createdb) and give its URL to 'csi init --db URL'")
	case empty:
		return e.WithHint("the database is empty: make it a store with 'csi init --db URL', or check --db and CSI_DB")
	}
	return e.WithHint("check --db and CSI_DB; 'csi init --db URL' makes an empty database a store")
}

// Engine names the engine: "postgres".
func (db *DB) Engine() string { return "postgres" }

// Describe returns the store's URL with its password masked.
func (db *DB) Describe() string { return MaskURL(db.url) }

// Pool returns the underlying pool, for tests and tools.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Close releases the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// now returns the clock's time as an RFC 3339 UTC string.
func (db *DB) now() string { return db.Now().UTC().Format(time.RFC3339) }

// inTx runs fn in a transaction and commits it when fn succeeds; errors
// are mapped to domain errors (see mapErr).
func (db *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return db.mapErr(err)
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return db.mapErr(err)
	}
	return db.mapErr(tx.Commit(ctx))
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return connectErr(db.url, err)
	}
	return nil
}
