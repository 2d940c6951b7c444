package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/store"
)

// Engine names the engine: "sqlite".
func (db *DB) Engine() string { return "sqlite" }

// Describe returns the store file's path.
func (db *DB) Describe() string { return db.path }

var _ store.Admin = (*DB)(nil)

// Ping checks that the store file answers.
func (db *DB) Ping(ctx context.Context) error { return mapErr(db.db.PingContext(ctx)) }
