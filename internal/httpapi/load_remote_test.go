//go:build load

package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
)

// TestLoadRemote is the load test over running `csi serve` processes that
// share one store: testdata/bench/load.sh's postgres mode starts two over
// one PostgreSQL database and passes, by environment variable:
//
//	CSI_LOAD_SERVERS    the servers' URLs, comma-separated
//	CSI_LOAD_TOKENS     role=secret for coordinator, referent (Desio), operator (108023), viewer, comma-separated
//	CSI_LOAD_IMPORTS    istat=file of the extracts to import at once, comma-separated
//	CSI_LOAD_PRELOADED  istat=rows of the Comuni already loaded, comma-separated
//	CSI_LOAD_CLIENTS, CSI_LOAD_DURATION as TestLoad
//
// Client i talks to server i mod n; import k goes through server k mod n.
// It fails on any error, on an import that did not insert every row, on a
// server that does not see the others' data, on a preloaded Comune that
// changed, on a lost validation run or on a broken audit chain; load.sh
// then checks the stored rows for duplicates and runs `csi audit verify`.
func TestLoadRemote(t *testing.T) {
	servers := strings.Split(mustEnv(t, "CSI_LOAD_SERVERS"), ",")
	secrets := envMap(t, "CSI_LOAD_TOKENS")
	imports := envMap(t, "CSI_LOAD_IMPORTS")
	preloaded := map[string]int{}
	for istat, n := range envMap(t, "CSI_LOAD_PRELOADED") {
		var v int
		if _, err := fmt.Sscan(n, &v); err != nil {
			t.Fatalf("CSI_LOAD_PRELOADED: %s=%s", istat, n)
		}
		preloaded[istat] = v
	}
	clients := envInt(t, "CSI_LOAD_CLIENTS", 32)
	dur := envDuration(t, "CSI_LOAD_DURATION", 20*time.Second)
	t.Logf("%d clients for %s over %d servers; %d imports at once", clients, dur, len(servers), len(imports))

	lat := &latencies{ds: map[string][]time.Duration{}, errs: map[string]int{}, sample: map[string]error{}}
	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	validations := make([]int, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			validations[i] = runClient(deadline, t, servers[i%len(servers)], secrets, i, lat)
		}()
	}
	type done struct {
		istat string
		sum   *csi.ImportSummary
	}
	results := make(chan done, len(imports))
	k := 0
	for istat, path := range imports {
		url := servers[k%len(servers)]
		k++
		go func() {
			time.Sleep(min(2*time.Second, dur/10))
			results <- done{istat, runImportOf(t, url, secrets[csi.RoleCoordinator], istat, path, lat)}
		}()
	}
	wg.Wait()
	sums := map[string]*csi.ImportSummary{}
	for range imports {
		d := <-results
		sums[d.istat] = d.sum
	}
	report(t, lat, clients, dur, len(imports))
	checkRemote(t, servers, secrets[csi.RoleCoordinator], imports, sums, preloaded, sumInts(validations))
}

// runImportOf imports the extract at path for istat through the server at url.
func runImportOf(t *testing.T, url, secret, istat, path string, lat *latencies) *csi.ImportSummary {
	c, err := httpapi.NewClient(url, httpapi.ClientOptions{Token: secret, Timeout: 30 * time.Minute})
	if err != nil {
		t.Error(err)
		return nil
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Error(err)
		return nil
	}
	src := csi.Source{Name: filepath.Base(path), Size: st.Size(), Open: func() (io.ReadCloser, error) { return os.Open(path) }}
	start := time.Now()
	sum, err := c.ImportAnagrafe(context.Background(), csi.AnagrafeImport{Comune: istat, Mode: csi.ModeSnapshot, AsOf: "2024-06-01"}, src)
	lat.add("import", time.Since(start), err)
	return sum
}

// checkRemote checks, through every server, that each imported Comune holds
// its whole extract, that the preloaded ones are untouched, that every
// validation that succeeded left its run, and that the audit log verifies.
func checkRemote(t *testing.T, servers []string, secret string, imports map[string]string,
	sums map[string]*csi.ImportSummary, preloaded map[string]int, validations int) {
	ctx := context.Background()
	for istat, path := range imports {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows := bytes.Count(b, []byte("\n")) - 1
		if s := sums[istat]; s == nil || s.Rows != rows || s.Inserted != rows || s.Rejected != 0 {
			t.Errorf("import of %s: summary %+v, want %d rows inserted", istat, s, rows)
		}
		preloaded[istat] = rows
	}
	var runs []csi.ValidationRun
	for _, url := range servers {
		c, err := httpapi.NewClient(url, httpapi.ClientOptions{Token: secret})
		if err != nil {
			t.Fatal(err)
		}
		for istat, want := range preloaded {
			if n, err := c.CountResidents(ctx, istat, "2024-06-30"); err != nil || n != want {
				t.Errorf("%s: residents of %s = %d (%v), want %d", url, istat, n, err, want)
			}
		}
		if runs, err = c.ValidationHistory(ctx); err != nil || len(runs) != validations {
			t.Errorf("%s: validation runs recorded = %d (%v), want the %d that succeeded", url, len(runs), err, validations)
		}
		if v, err := c.VerifyAudit(ctx); err != nil || !v.OK {
			t.Errorf("%s: audit log after the run: %+v %v", url, v, err)
		}
	}
	fmt.Printf("checked on %d servers: %d imports complete, %d other Comuni untouched, %d validation runs recorded, audit log intact\n",
		len(servers), len(imports), len(preloaded)-len(imports), len(runs))
}

func mustEnv(t *testing.T, name string) string {
	s := os.Getenv(name)
	if s == "" {
		t.Skipf("%s is not set: run testdata/bench/load.sh CLIENTS DURATION postgres", name)
	}
	return s
}

// envMap reads a comma-separated list of key=value pairs.
func envMap(t *testing.T, name string) map[string]string {
	m := map[string]string{}
	for _, kv := range strings.Split(mustEnv(t, name), ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("%s: %q is not key=value", name, kv)
		}
		m[k] = v
	}
	return m
}
