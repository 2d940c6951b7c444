package sqlite

import (
	"time"

	"github.com/csi-mb/csi/internal/app"
)

// services are the application's services over db, on db's clock: the
// registry's logic lives in package app.
func services(db *DB) *app.Services {
	a := app.New(db)
	a.Now = func() time.Time { return db.Now() }
	return a
}
