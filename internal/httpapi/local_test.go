package httpapi

import (
	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/sqlite"
)

// localStore is a SQLite store with the services over it, as csi serve
// builds them while the services move up to package app (see
// cli.localServices): a method app implements comes from it.
type localStore struct {
	*app.Services
	*sqlite.DB
}

var _ csi.Services = localStore{}

// local returns the services over db, on db's clock.
func local(db *sqlite.DB) localStore {
	s := app.New(db)
	s.Now = db.Now
	return localStore{s, db}
}
