package app

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
)

// Until the SIUSS source lands (siuss_source.go, branch wt-s1), *Services
// reads no SIUSS records: the export runs on a fake source in its tests.
// This file goes away when the source is merged.

func (s *Services) siussInterventi(context.Context, SiussQuery, func(SiussIntervento) error) error {
	return errNoSource
}

func (s *Services) siussSINBA(context.Context, SiussQuery, func(SiussSINBA) error) error {
	return errNoSource
}

func (s *Services) siussEnte(context.Context, string) (siuss.Ente, error) {
	return siuss.Ente{}, errNoSource
}

var errNoSource = csi.Errorf(csi.EUNAVAILABLE, "this csi cannot read SIUSS records yet")
