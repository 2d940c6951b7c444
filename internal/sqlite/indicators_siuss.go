package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/store"
)

// CountFlussi counts the SIUSS flows of the register by type, operation
// and state, and the records they carry.
func (r indicatorReader) CountFlussi(ctx context.Context, sc store.IndicatorScope, from, to string) ([]store.CatRow, error) {
	base := `SELECT comune AS istat, tipo || ' ' || operazione || ' ' || stato AS cat, voci AS n
		FROM siuss_flussi WHERE day BETWEEN ? AND ?`
	return catQuery(ctx, r.q, sc, base, []any{from, to}, "count(*)", "sum(b.n)")
}
