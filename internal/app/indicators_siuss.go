package app

import (
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// debitiInformativi counts the SIUSS flows of the register per period by
// type, operation and state, with the records they carry.
func debitiInformativi(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, _ *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		rows, err := r.CountFlussi(ctx, sc, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		codes, groups := byCategory(rows, nil, 2)
		for _, c := range codes {
			for _, g := range groups[c] {
				parts := strings.SplitN(g.Cat, " ", 3)
				for len(parts) < 3 {
					parts = append(parts, "")
				}
				row := (&csi.IndicatorRow{}).Set("periodo", per.Label())
				ambitoKey(sc, row, g)
				row.Set("tipo", parts[0]).Set("operazione", parts[1]).Set("stato", parts[2]).
					Set("flussi", g.N[0]).Set("record", g.N[1])
				out = append(out, *row)
			}
		}
	}
	return out, nil
}
