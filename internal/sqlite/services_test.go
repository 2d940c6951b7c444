package sqlite

import (
	"time"

	"github.com/csi-mb/csi/internal/app"
)

// services are the application's services over db, on db's clock: what
// the tests of this adapter call for the capabilities package app serves.
func services(db *DB) *app.Services {
	s := app.New(db)
	s.Now = func() time.Time { return db.Now() } // tests set db.Now later
	return s
}
