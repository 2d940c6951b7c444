//go:build load

package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/store"
	"github.com/csi-mb/csi/internal/waastest"
)

// TestWaaSLoad is the bounded load test of csi serve --waas; run it with
// testdata/bench/waas_load.sh. One server on 127.0.0.1 holds 10,000 flows
// of Desio; for CSI_LOAD_DURATION (20s) the fake INPS polls them with
// limit=100 and posts their outcomes, while 100 more flows are exported
// every 200 ms, and CSI_LOAD_CLIENTS (32) ordinary clients run at once:
// half read the csi API with a coordinator token, half re-read GET /flussi
// with limit=100 from a random since. It fails on any error or on a flow
// the poller got twice or not at all, and reports p50/p99 of GET /flussi.
// CSI_LOAD_ENGINE=postgres runs it over PostgreSQL (CSI_TEST_POSTGRES).
func TestWaaSLoad(t *testing.T) {
	clients := envInt(t, "CSI_LOAD_CLIENTS", 32)
	dur := envDuration(t, "CSI_LOAD_DURATION", 20*time.Second)
	var st store.Store
	engine := os.Getenv("CSI_LOAD_ENGINE")
	if engine == "postgres" {
		pgtest.Required(t)
		st = openWaaSPostgres(t)
	} else {
		engine, st = "sqlite", openWaaSSQLite(t)
	}
	// The server's own time on GET /flussi: from the request read to the
	// answer written, without the clients' share of the CPU.
	var srvMu sync.Mutex
	var serverLat []time.Duration
	timed := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			h.ServeHTTP(w, r)
			if strings.HasSuffix(r.URL.Path, "/flussi") {
				d := time.Since(start)
				srvMu.Lock()
				serverLat = append(serverLat, d)
				srvMu.Unlock()
			}
		})
	}
	fx := newWaaSFixtureWrapped(t, engine, st, nil, timed)
	var all []string
	for range 10 {
		all = append(all, fx.addFlows(t, waasComuneA, 1000)...)
	}
	first, last := fx.flow(t, all[0]).TS, fx.flow(t, all[len(all)-1]).TS
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients + 4}}

	var mu sync.Mutex
	var flussiLat, apiLat []time.Duration
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	// The exporter.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			ids, err := fx.addFlowsErr(waasComuneA, 100)
			if err != nil {
				fail(err)
				return
			}
			mu.Lock()
			all = append(all, ids...)
			mu.Unlock()
			select {
			case <-ctx.Done():
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	// The ordinary clients. Each mints its voucher once and reuses it, as
	// a PDND client does until it expires (minting one per request, an
	// RSA signature, took a fifth of the test's CPU).
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			voucher := fx.voucher(waasComuneA)
			for ctx.Err() == nil {
				var url, bearer string
				if i%2 == 0 {
					url, bearer = fx.url+[]string{"/api/v1/comuni", "/api/v1/ambiti"}[rand.IntN(2)], fx.token
				} else {
					url = fmt.Sprintf("%s/flussi?since=%d&limit=100", fx.base(waasComuneA), first+rand.Int64N(last-first+1))
					bearer = voucher
				}
				req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
				req.Header.Set("Authorization", "Bearer "+bearer)
				start := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						fail(err)
					}
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(start)
				if resp.StatusCode != http.StatusOK {
					fail(fmt.Errorf("GET %s: %d", url, resp.StatusCode))
					return
				}
				mu.Lock()
				if i%2 == 0 {
					apiLat = append(apiLat, d)
				} else {
					flussiLat = append(flussiLat, d)
				}
				mu.Unlock()
			}
		}()
	}
	// The fake INPS, until the time is up.
	inps := fx.voucher(waasComuneA)
	p := &waastest.Poller{Base: fx.base(waasComuneA), Voucher: func() string { return inps },
		Limit: func(int) int { return 100 }, Client: client, MaxPages: 100000}
	for ctx.Err() == nil {
		if _, err := p.Poll(ctx); err != nil && ctx.Err() == nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d errors, the first: %v", len(errs), errs[0])
	}
	// Collect what is left, with a fresh deadline.
	p.Limit = nil
	rest, cancelRest := context.WithTimeout(context.Background(), time.Minute)
	defer cancelRest()
	if _, err := p.Poll(rest); err != nil {
		t.Fatal(err)
	}
	seen := p.Seen()
	for _, id := range all {
		if seen[id] != 1 {
			t.Fatalf("flow %s received %d times, want once", id, seen[id])
		}
	}
	poller := p.Latencies
	q50, _ := waastest.Percentile(poller, 0.5)
	q99, _ := waastest.Percentile(poller, 0.99)
	t.Logf("the fake INPS alone: %d GET /flussi, p50 %s, p99 %s", len(poller), q50.Round(time.Microsecond*100), q99.Round(time.Microsecond*100))
	flussiLat = append(flussiLat, poller...)
	p50, _ := waastest.Percentile(flussiLat, 0.5)
	p99, _ := waastest.Percentile(flussiLat, 0.99)
	a50, _ := waastest.Percentile(apiLat, 0.5)
	a99, _ := waastest.Percentile(apiLat, 0.99)
	srvMu.Lock()
	s50, _ := waastest.Percentile(serverLat, 0.5)
	s99, _ := waastest.Percentile(serverLat, 0.99)
	srvMu.Unlock()
	t.Logf("server side of GET /flussi: %d requests, p50 %s, p99 %s", len(serverLat), s50.Round(time.Microsecond*100), s99.Round(time.Microsecond*100))
	t.Logf("%s, %d clients, %s: %d flows collected once each; GET /flussi limit=100: %d requests, p50 %s, p99 %s (target p99 < 100ms); csi API: %d requests, p50 %s, p99 %s",
		engine, clients, dur, len(all), len(flussiLat), p50.Round(time.Microsecond*100), p99.Round(time.Microsecond*100), len(apiLat), a50.Round(time.Microsecond*100), a99.Round(time.Microsecond*100))
}
