package httpapi

import (
	"context"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// RevertImport implements csi.AnagrafeService.
func (c *Client) RevertImport(ctx context.Context, req csi.RevertRequest) (*csi.RevertSummary, error) {
	q := revertQuery.encode(req)
	var out csi.RevertSummary
	if err := c.call(ctx, "POST", "/api/v1/anagrafe/imports/"+strconv.FormatInt(req.ImportID, 10)+"/revert", q, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
