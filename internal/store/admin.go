package store

import "context"

// Migration is one schema version of a store: the same numbers and names
// in every engine.
type Migration struct {
	Version   int    `json:"version"`
	Name      string `json:"name"`
	AppliedAt string `json:"applied_at"`
}

// Admin opens, migrates, checks and backs up the store.
type Admin interface {
	// Migrate applies the pending migrations, then (re)loads the embedded
	// reference data; it returns the migrations it applied.
	Migrate(ctx context.Context) ([]Migration, error)
	// MigrationStatus lists every known migration with the time it was
	// applied ("" when pending); a store with a newer schema than this
	// binary knows is an error.
	MigrationStatus(ctx context.Context) ([]Migration, error)
	// Pending counts the migrations not applied yet.
	Pending(ctx context.Context) (int, error)
	// IntegrityCheck returns the problems the engine's own check finds in
	// the store, none when it is sound (quick: the cheaper check).
	IntegrityCheck(ctx context.Context, quick bool) ([]string, error)
	// Damaged is the error of a store whose IntegrityCheck found problems.
	Damaged(problems []string) error
	// Backup writes a consistent copy of the store to file (mode 0600),
	// which must not exist.
	Backup(ctx context.Context, file string) error
	// Ping checks that the store answers (csi serve's health check).
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
	// Engine names the engine: "sqlite" or "postgres".
	Engine() string
	// Describe names the store for people: the file's path, or the URL
	// with its password masked.
	Describe() string
}
