package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/store"
)

// SiussFlowsAfter is FlowsAfter outside a write transaction: what WaaS's
// GET /flussi reads first, so that a page of flows INPS already acquired
// takes no lock.
func (db *DB) SiussFlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	flows, err := collect(ctx, db.pool, scanFlowXML, "SELECT "+flowCols+`, contenuto FROM siuss_flussi
		WHERE ente = $1 AND ts_ms > $2 AND stato IN ('ready','acquired') ORDER BY ts_ms LIMIT $3`, ente, since, limit)
	return flows, db.mapErr(err)
}
