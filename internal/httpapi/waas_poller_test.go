package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/store"
	"github.com/csi-mb/csi/internal/waastest"
)

// TestWaaSPoller lets a fake INPS collect 5,100 flows of Desio with pages
// of every limit from 1 to 100, while 2,100 of them are exported during
// the poll; consecutive flows share their second. The first POST /esiti
// fails with 500 and is re-sent. Every flow must arrive exactly once, and
// the register must hold one outcome for each: OK, or RICHIESTA_INVALIDA
// for the refused ones.
func TestWaaSPoller(t *testing.T) {
	waasEngines(t, func(t *testing.T, fx *waasFixture) {
		fx.failMu.Lock()
		fx.failEsiti = 1
		fx.failMu.Unlock()
		all := fx.addFlows(t, waasComuneA, 3000)
		monza := fx.addFlows(t, waasComuneB, 5)
		refused := func(id string) bool { return strings.HasSuffix(id, "7") }
		p := &waastest.Poller{Base: fx.base(waasComuneA), Voucher: func() string { return fx.voucher(waasComuneA) },
			Refuse: refused, Client: &http.Client{Timeout: 30 * time.Second, Transport: fx.contract.Transport()}}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		added := make(chan []string, 30)
		errc := make(chan error, 1)
		go func() {
			defer close(added)
			for range 30 {
				ids, err := fx.addFlowsErr(waasComuneA, 70)
				if err != nil {
					errc <- err
					return
				}
				added <- ids
				time.Sleep(3 * time.Millisecond)
			}
		}()
		exporting := true
		for polls := 0; exporting; polls++ {
			if polls > 100000 {
				t.Fatal("the poll does not end")
			}
			if _, err := p.Poll(ctx); err != nil {
				t.Fatal(err)
			}
			for drained := false; !drained; {
				select {
				case ids, ok := <-added:
					if !ok {
						exporting, drained = false, true
						break
					}
					all = append(all, ids...)
				default:
					drained = true
				}
			}
		}
		select {
		case err := <-errc:
			t.Fatal(err)
		default:
		}
		if _, err := p.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		seen := p.Seen()
		if len(seen) != len(all) {
			t.Fatalf("the poller got %d flows, the register has %d", len(seen), len(all))
		}
		for _, id := range all {
			if seen[id] != 1 {
				t.Fatalf("flow %s received %d times, want once", id, seen[id])
			}
		}
		for _, id := range monza {
			if seen[id] != 0 {
				t.Fatalf("Monza's flow %s came from Desio's e-service", id)
			}
		}
		used := map[int]bool{}
		for _, l := range p.Limits {
			used[l] = true
		}
		for l := 1; l <= 100; l++ {
			if !used[l] {
				t.Fatalf("no page with limit %d (limits %v)", l, p.Limits)
			}
		}
		if p.Retries < 1 {
			t.Fatalf("the POST /esiti that failed with 500 was not re-sent")
		}
		flows, err := fx.st.SiussFlows(context.Background(), store.SiussFilter{Comuni: []string{waasComuneA}})
		if err != nil {
			t.Fatal(err)
		}
		if len(flows) != len(all) {
			t.Fatalf("register: %d flows of Desio, want %d", len(flows), len(all))
		}
		for _, f := range flows {
			want := store.EsitoOK
			if refused(f.ID) {
				want = store.EsitoRichiestaInvalida
			}
			if f.Stato != want || f.AcquiredAt == "" {
				t.Fatalf("flow %s: state %s acquired %q, want %s", f.ID, f.Stato, f.AcquiredAt, want)
			}
		}
		for _, id := range []string{all[0], all[len(all)-1]} {
			esiti, err := fx.st.SiussEsiti(context.Background(), id)
			if err != nil || len(esiti) != 1 {
				t.Fatalf("flow %s: %d outcomes (%v), want exactly 1", id, len(esiti), err)
			}
		}
		if len(fx.contract.violations) > 0 {
			t.Fatalf("%d contract violations, the first: %v", len(fx.contract.violations), fx.contract.violations[0])
		}
		p50, _ := waastest.Percentile(p.Latencies, 0.5)
		p99, _ := waastest.Percentile(p.Latencies, 0.99)
		t.Logf("%s: %d flows in %d pages, GET /flussi p50 %s p99 %s, %d re-sent outcomes", fx.engine, len(all), len(p.Limits), p50, p99, p.Retries)
	})
}
