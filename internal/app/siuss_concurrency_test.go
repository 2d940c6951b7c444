package app

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/siuss"
)

// concurrentExports runs one export per source at the same time, each
// through its own connection pool to one PostgreSQL database (as several
// csi processes would), and returns every flow they wrote.
func concurrentExports(t *testing.T, srcs []*fakeSource) ([]SiussExported, []*SiussExportResult) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	first, err := postgres.Open(context.Background(), url, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	if _, err := first.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	tests := make([]*exportTest, len(srcs))
	for i, src := range srcs {
		db, err := postgres.Open(context.Background(), url, false)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.Now = func() time.Time { return siussNow }
		tests[i] = newExportTest(t, siussStore{name: "postgres", st: db}, src)
	}
	var wg sync.WaitGroup
	results := make([]*SiussExportResult, len(srcs))
	errs := make([]error, len(srcs))
	start := make(chan struct{})
	for i, e := range tests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i], errs[i] = e.x.export(testCtx(), psRequest(), newSink(t))
		}()
	}
	close(start)
	wg.Wait()
	var all []SiussExported
	for i, err := range errs {
		if err != nil {
			t.Fatalf("export %d: %v", i, err)
		}
		all = append(all, results[i].Flussi...)
	}
	return all, results
}

// TestSiussCountersConcurrentPostgres: exports running at once never share
// a flow id or a timestamp, the daily counter has no gap, and the
// timestamps follow the counters (the order INPS will read them in).
func TestSiussCountersConcurrentPostgres(t *testing.T) {
	pgtest.Required(t)
	const n = 6
	var srcs []*fakeSource
	for g := 0; g < n; g++ {
		src := &fakeSource{enti: map[string]siuss.Ente{"108033": monza}}
		for k := 0; k < 4; k++ {
			id := fmt.Sprintf("INT-%d-%d", g, k)
			src.interventi = append(src.interventi, intervento("108033", benef("SLONNI75M48F704", "Soli"), occasionale(id, "2024-05-10"), 1))
		}
		srcs = append(srcs, src)
	}
	all, _ := concurrentExports(t, srcs)
	if len(all) != n*4 {
		t.Fatalf("%d flows, want %d", len(all), n*4)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	seenTS := map[int64]bool{}
	for i, f := range all {
		if want := fmt.Sprintf("F704.PS.20240630.%07d", i+1); f.ID != want {
			t.Errorf("flow %d is %s, want %s (a gap or a duplicate)", i, f.ID, want)
		}
		if seenTS[f.TS] {
			t.Errorf("timestamp %d given twice", f.TS)
		}
		seenTS[f.TS] = true
		if i > 0 && f.TS <= all[i-1].TS {
			t.Errorf("%s has timestamp %d, not after %s's %d", f.ID, f.TS, all[i-1].ID, all[i-1].TS)
		}
	}
}

// TestSiussPendingNotDuplicatedConcurrentPostgres: exports of the same
// records at once send each record once.
func TestSiussPendingNotDuplicatedConcurrentPostgres(t *testing.T) {
	pgtest.Required(t)
	srcs := []*fakeSource{monzaSource(), monzaSource(), monzaSource(), monzaSource()}
	all, results := concurrentExports(t, srcs)
	if len(all) != 3 {
		t.Errorf("%d flows for 3 records exported four times at once, want 3", len(all))
	}
	pending := 0
	for _, r := range results {
		pending += r.Saltati.InAttesa
	}
	if pending != 9 {
		t.Errorf("%d records skipped as pending, want 9", pending)
	}
}
