package httpapi

import (
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/sqlite"
)

// LocalStore is a test store with its services while their logic moves
// from package sqlite up to package app: a method app implements comes
// from it, the others from the store (as cli's localServices).
type LocalStore struct {
	*app.Services
	*sqlite.DB
}

// Local returns the services over db, on db's clock.
func Local(db *sqlite.DB) LocalStore {
	a := app.New(db)
	a.Now = func() time.Time { return db.Now() } // tests set db.Now later
	return LocalStore{a, db}
}
