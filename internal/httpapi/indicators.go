package httpapi

import (
	"context"
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

func listIndicators(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	defs, err := svc.ListIndicators(r.Context())
	return ok(w, defs, err)
}

// computeIndicator reads the parameters from the query, named as the flags
// of `csi indicators show` (period comma-separated), as the client sends them.
func computeIndicator(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := indicatorQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	res, err := svc.ComputeIndicator(r.Context(), r.PathValue("name"), p)
	return ok(w, res, err)
}

// ListIndicators implements csi.IndicatorService.
func (c *Client) ListIndicators(ctx context.Context) ([]csi.IndicatorDef, error) {
	var out []csi.IndicatorDef
	return out, c.call(ctx, "GET", "/api/v1/indicators", nil, nil, &out)
}

// ComputeIndicator implements csi.IndicatorService.
func (c *Client) ComputeIndicator(ctx context.Context, name string, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	var out csi.IndicatorResult
	if err := c.call(ctx, "GET", "/api/v1/indicators/"+seg(name), indicatorQuery.encode(p), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
