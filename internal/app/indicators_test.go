package app

import (
	"context"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// countingStore answers accessi-segretariato with one access in every
// Comune and counts the reads.
type countingStore struct {
	store.Store
	rev   int64
	reads int
}

func (c *countingStore) ReadIndicators(_ context.Context, fn func(store.IndicatorReader) error) error {
	return fn(countingReader{c: c})
}

type countingReader struct {
	store.IndicatorReader
	c *countingStore
}

func (r countingReader) IndicatorGeography(context.Context) ([]csi.Comune, []string, error) {
	return scopeComuni, scopeAmbiti, nil
}

func (r countingReader) IndicatorRevision(context.Context) (csi.Snapshot, error) {
	return csi.NewSnapshot(r.c.rev, 0), nil
}

func (r countingReader) CountAccessi(_ context.Context, sc store.IndicatorScope, _, _ string) ([]store.GeoRow, error) {
	r.c.reads++
	var out []store.GeoRow
	for _, lv := range sc.Levels() {
		switch lv {
		case csi.ByComune:
			for _, c := range scopeComuni {
				if (sc.Comune == "" || c.Istat == sc.Comune) && (sc.Ambito == "" || c.Ambito == sc.Ambito) {
					out = append(out, store.GeoRow{Level: lv, Code: c.Istat, Name: c.Nome, Ambito: c.Ambito, N: []int64{1}})
				}
			}
		case csi.ByAmbito:
			for _, a := range scopeAmbiti {
				if sc.Ambito == "" || a == sc.Ambito {
					out = append(out, store.GeoRow{Level: lv, Code: a, Name: a, Ambito: a, N: []int64{2}})
				}
			}
		default:
			out = append(out, store.GeoRow{Level: lv, Code: csi.ProvinceCode, Name: csi.ProvinceName, N: []int64{7}})
		}
	}
	return out, nil
}

// TestSuppressionDecisionCache: the decision is taken once per store and
// revision, whatever the scope asked for, and afresh on new data or
// another store.
func TestSuppressionDecisionCache(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{rev: 1}
	s := New(st)
	s.Now = func() time.Time { return time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC) }
	p := csi.IndicatorParams{Period: []string{"2020"}, By: csi.ByComune, SuppressBelow: 3}
	compute := func(p csi.IndicatorParams, want int) *csi.IndicatorResult {
		t.Helper()
		st.reads = 0
		res, err := s.ComputeIndicator(ctx, "accessi-segretariato", p)
		if err != nil {
			t.Fatal(err)
		}
		if st.reads != want {
			t.Errorf("%+v: %d reads, want %d", p, st.reads, want)
		}
		return res
	}
	res := compute(p, 3) // the rows, then every level to decide on
	if res.Rows[0].Int("accessi") != 0 || len(res.Rows[0].Suppressed) == 0 {
		t.Errorf("a count of 1 is shown: %+v", res.Rows[0])
	}
	compute(p, 1)
	narrow := p
	narrow.Ambito = "monza"
	if res := compute(narrow, 1); res.Params.Ambito != "Monza" || res.Geography != "Ambito Monza, by comune" {
		t.Errorf("params %+v, geography %q", res.Params, res.Geography)
	}
	st.rev = 2
	compute(p, 3)
	other := New(&countingStore{rev: 2})
	other.Now = s.Now
	st2 := other.st.(*countingStore)
	if _, err := other.ComputeIndicator(ctx, "accessi-segretariato", p); err != nil || st2.reads != 3 {
		t.Errorf("another store: %d reads (%v), want 3", st2.reads, err)
	}
	plain := p
	plain.SuppressBelow = 0
	compute(plain, 1)
}
