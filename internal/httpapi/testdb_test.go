package httpapi

import (
	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/sqlite"
)

// testDB is a SQLite store with the services csi serve runs over it: those
// of package app where it implements them, the store's own for the rest.
type testDB struct {
	*app.Services
	*sqlite.DB
}

// withApp returns db with the application's services, on db's clock.
func withApp(db *sqlite.DB) testDB {
	s := app.New(db)
	s.Now = db.Now
	return testDB{s, db}
}
