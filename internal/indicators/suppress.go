package indicators

import (
	"slices"

	"github.com/csi-mb/csi/internal/csi"
)

// Suppress withholds the small counts of rows in place: a count of def.Counts
// between 1 and n-1 becomes nil and its key is listed in the row's
// Suppressed, and so does every value derived from it (def.Derived). Zero is
// not withheld: it discloses no one. n <= 1 withholds nothing.
func Suppress(def csi.IndicatorDef, rows []csi.IndicatorRow, n int) {
	if n <= 1 {
		return
	}
	for i := range rows {
		r := &rows[i]
		for _, key := range def.Counts {
			v, ok := r.Get(key).(int64)
			if !ok || v <= 0 || v >= int64(n) {
				continue
			}
			withhold(r, key)
			for d, from := range def.Derived {
				if from == key {
					withhold(r, d)
				}
			}
		}
		slices.Sort(r.Suppressed)
	}
}

func withhold(r *csi.IndicatorRow, key string) {
	for i, k := range r.Keys {
		if k == key && !r.IsSuppressed(key) {
			r.Values[i] = nil
			r.Suppressed = append(r.Suppressed, key)
		}
	}
}
