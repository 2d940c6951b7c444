// Package postgres is the PostgreSQL adapter of the storage port (package
// store): the engine for a region that outgrows one SQLite file, shared by
// several csi serve processes. It uses pgx natively (pgxpool, COPY, batches).
package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is an open PostgreSQL store.
type DB struct {
	pool *pgxpool.Pool
	// Now is the store's clock; tests and CSI_NOW replace it.
	Now func() time.Time
}

// Open connects to the database at url (postgres://…). It does not
// migrate: see Migrate.
func Open(ctx context.Context, url string) (*DB, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, err
	}
	return &DB{pool: pool, Now: time.Now}, nil
}

// Close releases the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}
