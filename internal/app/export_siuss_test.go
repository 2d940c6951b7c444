package app

import (
	"context"

	"github.com/csi-mb/csi/internal/siuss"
)

// The SIUSS source is unexported (the check and the export are its only
// callers); these let package app_test run it on both engines.

func (s *Services) SiussInterventiForTest(ctx context.Context, q SiussQuery, fn func(SiussIntervento) error) error {
	return s.siussInterventi(ctx, q, fn)
}

func (s *Services) SiussSINBAForTest(ctx context.Context, q SiussQuery, fn func(SiussSINBA) error) error {
	return s.siussSINBA(ctx, q, fn)
}

func SiussEnteForTest(s *Services, istat string) (siuss.Ente, error) {
	return s.siussEnte(context.Background(), istat)
}
