// Package app is the application layer of csi: it implements the services
// of package csi (validation of requests, policies, orchestration, audit
// text) on top of the storage port of package store, so that every engine
// behaves the same.
package app

import (
	"time"

	"github.com/csi-mb/csi/internal/store"
)

// Services implements the csi services over a store.
type Services struct {
	st store.Store
	// Now is the clock; tests and CSI_NOW replace it.
	Now func() time.Time
}

// New returns the services over st, on the wall clock.
func New(st store.Store) *Services {
	return &Services{st: st, Now: time.Now}
}

// today is the date of the services' clock.
func (s *Services) today() string { return s.Now().Format("2006-01-02") }
