package httpapi

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// RevertImport is the coordinator's only: undoing an import rewrites a
// Comune's registry history. It waits for a running import, as one.
func (s *scoped) RevertImport(ctx context.Context, req csi.RevertRequest) (*csi.RevertSummary, error) {
	if err := s.only("reverting a registry import", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	if err := s.gate.enterImport(ctx); err != nil {
		return nil, err
	}
	defer s.gate.leaveImport()
	return s.inner.RevertImport(ctx, req)
}
