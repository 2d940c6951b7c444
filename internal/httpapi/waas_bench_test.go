package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/store"
)

// cpuTime is the process's user+sys CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWaaSFlussi times GET /flussi?limit=100 from a random since on a
// server holding 10,000 flows of which INPS answered the first 5,000 (the
// pages walk past answered flows), one client, over 127.0.0.1; cpu-ns/op
// is the process's CPU (server and client) per request. Run it with
// testdata/bench/waas_handler.sh.
func BenchmarkWaaSFlussi(b *testing.B) {
	for _, engine := range benchEngines(b) {
		b.Run(engine, func(b *testing.B) {
			fx := benchFixture(b, engine)
			var all []string
			for range 10 {
				all = append(all, fx.addFlows(b, waasComuneA, 1000)...)
			}
			ctx := csi.WithActor(context.Background(), csi.Actor{Name: "bench", Command: "waas esiti"})
			belfiore := fx.enti[waasComuneA].Belfiore
			for i := 0; i < 5000; i += 100 {
				in := make([]app.SiussEsitoInput, 100)
				for j := range in {
					in[j] = app.SiussEsitoInput{IDFlusso: all[i+j], Codice: store.EsitoOK}
				}
				if _, err := fx.svc.RecordWaaSEsiti(ctx, belfiore, in); err != nil {
					b.Fatal(err)
				}
			}
			first, last := fx.flow(b, all[0]).TS, fx.flow(b, all[len(all)-1]).TS
			voucher := fx.voucher(waasComuneA)
			client := &http.Client{}
			get := func() {
				url := fmt.Sprintf("%s/flussi?since=%d&limit=100", fx.base(waasComuneA), first+rand.Int64N(last-first+1))
				req, _ := http.NewRequest("GET", url, nil)
				req.Header.Set("Authorization", "Bearer "+voucher)
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("GET /flussi: %d", resp.StatusCode)
				}
			}
			for range 20 { // every page acquired once, warm
				get()
			}
			b.ResetTimer()
			cpu := cpuTime(b)
			for b.Loop() {
				get()
			}
			b.ReportMetric(float64(cpuTime(b)-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkWaaSEsiti times POST /esiti of 100 outcomes of flows INPS has
// acquired (each one recorded and audited), one client; cpu-ns/op is the
// process's CPU per request, the 100 flows' export and poll left out.
func BenchmarkWaaSEsiti(b *testing.B) {
	for _, engine := range benchEngines(b) {
		b.Run(engine, func(b *testing.B) {
			fx := benchFixture(b, engine)
			voucher := fx.voucher(waasComuneA)
			var wall, cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				ids := fx.addFlows(b, waasComuneA, 100)
				fx.flussi(b, waasComuneA, fmt.Sprintf("since=%d&limit=100", fx.flow(b, ids[0]).TS-1))
				body, _ := json.Marshal(map[string]any{"elenco_esiti": esitiOK(ids)})
				b.StartTimer()
				start, c0 := time.Now(), cpuTime(b)
				req, _ := http.NewRequest("POST", fx.base(waasComuneA)+"/esiti", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+voucher)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				wall, cpu = wall+time.Since(start), cpu+cpuTime(b)-c0
				if resp.StatusCode != http.StatusNoContent {
					b.Fatalf("POST /esiti: %d", resp.StatusCode)
				}
			}
			b.ReportMetric(float64(wall)/float64(b.N), "post-ns/op")
			b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

func esitiOK(ids []string) []map[string]any {
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"id_flusso": id, "tipo": "PS_PSA_SINA", "ts_flusso": "2024-07-01T10:00:00.000Z",
			"ts_acquisizione": "2024-07-01T10:00:00.000Z", "codice_esito": "OK", "id_acquisizione_siuss": "A" + id}
	}
	return out
}

// benchEngines are SQLite, and PostgreSQL when CSI_TEST_POSTGRES is set.
func benchEngines(b *testing.B) []string {
	if pgtest.ServerURL() == "" {
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

func benchFixture(b *testing.B, engine string) *waasFixture {
	if engine == "postgres" {
		return newWaaSFixture(b, engine, openWaaSPostgres(b), nil)
	}
	return newWaaSFixture(b, engine, openWaaSSQLite(b), nil)
}
