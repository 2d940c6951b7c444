package httpapi

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// ListIndicators returns the catalogue, which holds no data: every role may read it.
func (s *scoped) ListIndicators(ctx context.Context) ([]csi.IndicatorDef, error) {
	return s.inner.ListIndicators(ctx)
}

// ComputeIndicator computes an indicator over the caller's territory: a
// referent's is confined to their Ambito, an operator's to their Comune (a
// request for another is refused). A viewer sees the whole province with
// counts below ViewerSuppressBelow suppressed, whatever it asks.
func (s *scoped) ComputeIndicator(ctx context.Context, name string, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	switch s.p.Role {
	case csi.RoleViewer:
		p.SuppressBelow = max(p.SuppressBelow, ViewerSuppressBelow)
	case csi.RoleReferent:
		if p.Ambito != "" {
			if _, err := s.ambito(ctx, p.Ambito); err != nil {
				return nil, err
			}
		}
		if p.Comune == "" {
			p.Ambito = s.p.Ambito
			break
		}
		c, err := s.comune(ctx, p.Comune)
		if err != nil {
			return nil, err
		}
		// A Comune implies its Ambito: the store takes one or the other.
		p.Ambito, p.Comune = "", c.Istat
	case csi.RoleOperator:
		if p.Ambito != "" {
			if _, err := s.ambito(ctx, p.Ambito); err != nil {
				return nil, err
			}
		}
		if p.Comune != "" {
			if _, err := s.comune(ctx, p.Comune); err != nil {
				return nil, err
			}
		}
		p.Ambito, p.Comune = "", s.p.Comune
	}
	if err := s.indicators.enter(ctx); err != nil {
		return nil, err
	}
	defer s.indicators.leave()
	return s.inner.ComputeIndicator(ctx, name, p)
}
