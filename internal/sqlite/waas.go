package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/store"
)

// flowsAfterQuery reads a page of GET /flussi: the partial index
// siuss_flussi_open (migration 0016) holds exactly the flows it reads.
const flowsAfterQuery = "SELECT " + flowCols + `, contenuto FROM siuss_flussi
	WHERE ente = ? AND ts_ms > ? AND stato IN ('ready','acquired') ORDER BY ts_ms LIMIT ?`

// SiussFlowsAfter is FlowsAfter outside a transaction (one SELECT is one
// consistent snapshot under WAL): what WaaS's GET /flussi reads first, so
// that a page of flows INPS already acquired does not wait for the
// store's single writer (every transaction of the store begins IMMEDIATE).
func (db *DB) SiussFlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	st, err := db.stmt(ctx, flowsAfterQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	rows, err := st.QueryContext(ctx, ente, since, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []store.SiussFlow{}
	for rows.Next() {
		var xml []byte
		f, err := scanFlow(rows, &xml)
		if err != nil {
			return nil, mapErr(err)
		}
		f.XML = xml
		out = append(out, f)
	}
	return out, mapErr(rows.Err())
}
