// The load test of csi serve: a real server on 127.0.0.1, concurrent
// clients mixing indicator reads and validations while one more imports a
// registry extract. TestLoadSmoke runs it briefly with every `go test`; the
// bounded run of the issue (32 clients for 20 s) is TestLoad in
// load_full_test.go, behind the build tag "load": testdata/bench/load.sh.

package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/synth"
)

// The store holds the seven Comuni of Ambito Desio, Lissone and Seregno;
// the importer loads Monza, which is not loaded yet.
var (
	loadPreloaded = []string{"108023", "108035", "108019", "108027", "108034", "108010", "108045", "108028", "108039"}
	loadImported  = "108033" // Monza
)

// latencies collects the durations of one kind of request.
type latencies struct {
	mu     sync.Mutex
	ds     map[string][]time.Duration
	errs   map[string]int
	sample map[string]error
}

func (l *latencies) add(kind string, d time.Duration, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.errs[kind]++
		if l.sample[kind] == nil {
			l.sample[kind] = err
		}
		return
	}
	l.ds[kind] = append(l.ds[kind], d)
}

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := int(q*float64(len(ds)-1) + 0.5)
	return ds[i]
}

// loadConfig is the shape of one load run.
type loadConfig struct {
	clients     int
	dur         time.Duration
	scale       float64 // population scale of the preloaded Comuni
	importScale float64 // population scale of the imported extract
}

// TestLoadSmoke runs the load test for a moment on tiny extracts, so that
// it keeps working between full runs.
func TestLoadSmoke(t *testing.T) {
	runLoad(t, loadConfig{clients: 4, dur: 2 * time.Second, scale: 0.01, importScale: 0.02})
}

func runLoad(t *testing.T, cfg loadConfig) {
	db, want := loadStore(t, cfg.scale)
	secrets := loadTokens(t, db)
	url := loadServer(t, db)
	extract, rows := writeExtract(t, loadImported, cfg.importScale)
	t.Logf("store: %d Comuni preloaded at scale %g; import: %s, %d rows; %d clients for %s on %s",
		len(loadPreloaded), cfg.scale, loadImported, rows, cfg.clients, cfg.dur, url)

	lat := &latencies{ds: map[string][]time.Duration{}, errs: map[string]int{}, sample: map[string]error{}}
	deadline := time.Now().Add(cfg.dur)
	var wg sync.WaitGroup
	validations := make([]int, cfg.clients)
	for i := range cfg.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			validations[i] = runClient(deadline, t, url, secrets, i, lat)
		}()
	}
	importDone := make(chan *csi.ImportSummary, 1)
	go func() {
		// Let the readers warm up, then import while they run.
		time.Sleep(min(2*time.Second, cfg.dur/10))
		importDone <- runImport(t, url, secrets[csi.RoleCoordinator], extract, lat)
	}()
	wg.Wait()
	sum := <-importDone

	report(t, lat, cfg.clients, cfg.dur)
	checkNoLostRows(t, db, url, secrets[csi.RoleCoordinator], sum, rows, want, sumInts(validations))
}

// runClient mixes indicator reads and validations until the deadline and
// returns how many validations succeeded. A request started before the
// deadline runs to its end: its outcome counts, whatever it is.
func runClient(deadline time.Time, t *testing.T, url string, secrets map[string]string, i int, lat *latencies) int {
	ctx := context.Background()
	role := []string{csi.RoleViewer, csi.RoleReferent, csi.RoleOperator, csi.RoleCoordinator}[i%4]
	c, err := httpapi.NewClient(url, httpapi.ClientOptions{Token: secrets[role], Timeout: 2 * time.Minute})
	if err != nil {
		t.Error(err)
		return 0
	}
	rng := rand.New(rand.NewPCG(uint64(i), 1))
	indicators := []func() error{
		func() error {
			_, err := c.ComputeIndicator(ctx, "popolazione", csi.IndicatorParams{By: csi.ByComune})
			return err
		},
		func() error {
			_, err := c.ComputeIndicator(ctx, "cartelle-popolazione", csi.IndicatorParams{Year: 2024})
			return err
		},
		func() error {
			_, err := c.ComputeIndicator(ctx, "anagrafe-automatica", csi.IndicatorParams{})
			return err
		},
	}
	n := 0
	for time.Now().Before(deadline) {
		kind, start := "indicator", time.Now()
		if role != csi.RoleViewer && rng.IntN(10) < 3 {
			kind = "validation"
			scope := csi.ValidateScope{Comune: loadPreloaded[rng.IntN(3)]} // Comuni of Desio
			switch role {
			case csi.RoleReferent:
				scope = csi.ValidateScope{Ambito: "Desio"}
			case csi.RoleOperator:
				scope = csi.ValidateScope{Comune: "108023"}
			}
			_, _, err = c.RunValidation(ctx, csi.ValidationRequest{Scope: scope}, func(csi.Finding) error { return nil })
			if err == nil {
				n++
			}
		} else {
			err = indicators[rng.IntN(len(indicators))]()
		}
		lat.add(kind, time.Since(start), err)
	}
	return n
}

func runImport(t *testing.T, url, secret, path string, lat *latencies) *csi.ImportSummary {
	c, err := httpapi.NewClient(url, httpapi.ClientOptions{Token: secret})
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
	sum, err := c.ImportAnagrafe(context.Background(), csi.AnagrafeImport{Comune: loadImported, Mode: csi.ModeSnapshot, AsOf: "2024-06-01"}, src)
	lat.add("import", time.Since(start), err)
	return sum
}

func report(t *testing.T, lat *latencies, clients int, dur time.Duration) {
	var b strings.Builder
	fmt.Fprintf(&b, "\nload: %d clients starting requests for %s, one registry import alongside\n", clients, dur)
	fmt.Fprintf(&b, "%-11s %9s %7s %9s %9s %9s\n", "kind", "requests", "errors", "p50", "p99", "max")
	for _, kind := range []string{"indicator", "validation", "import"} {
		ds := lat.ds[kind]
		slices.Sort(ds)
		mx := time.Duration(0)
		if len(ds) > 0 {
			mx = ds[len(ds)-1]
		}
		fmt.Fprintf(&b, "%-11s %9d %7d %9s %9s %9s\n", kind, len(ds)+lat.errs[kind], lat.errs[kind],
			round(quantile(ds, 0.50)), round(quantile(ds, 0.99)), round(mx))
	}
	fmt.Print(b.String())
	for kind, n := range lat.errs {
		t.Errorf("%d %s request(s) failed; the first: %v", n, kind, lat.sample[kind])
	}
	if len(lat.ds["indicator"]) == 0 || len(lat.ds["validation"]) == 0 || len(lat.ds["import"]) != 1 {
		t.Errorf("the run did not mix the three kinds of request: %d indicators, %d validations, %d imports",
			len(lat.ds["indicator"]), len(lat.ds["validation"]), len(lat.ds["import"]))
	}
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(100 * time.Microsecond)
}

// checkNoLostRows compares the store after the run with what was sent:
// every row of the extract is a resident, once; the preloaded Comuni are
// untouched; every validation that succeeded left its run; the audit log
// verifies.
func checkNoLostRows(t *testing.T, db *sqlite.DB, url, secret string, sum *csi.ImportSummary, rows int, want map[string]int, validations int) {
	ctx := context.Background()
	if sum == nil || sum.Rows != rows || sum.Inserted != rows || sum.Rejected != 0 {
		t.Errorf("import summary = %+v, want %d rows inserted", sum, rows)
	}
	c, _ := httpapi.NewClient(url, httpapi.ClientOptions{Token: secret})
	n, err := c.CountResidents(ctx, loadImported, "2024-06-30")
	if err != nil || n != rows {
		t.Errorf("residents of %s after the import = %d (%v), want %d", loadImported, n, err, rows)
	}
	var versions, distinct int
	if err := db.SQL().QueryRow("SELECT count(*), count(DISTINCT codice_fiscale) FROM persone WHERE comune = ?", loadImported).
		Scan(&versions, &distinct); err != nil || versions != rows || distinct != rows {
		t.Errorf("stored versions of %s = %d, distinct CF %d (%v), want %d each", loadImported, versions, distinct, err, rows)
	}
	for istat, w := range want {
		if n, err := httpapi.Local(db).CountResidents(ctx, istat, "2024-06-30"); err != nil || n != w {
			t.Errorf("residents of %s = %d (%v), want %d (untouched)", istat, n, err, w)
		}
	}
	runs, err := db.ValidationHistory(ctx)
	if err != nil || len(runs) != validations {
		t.Errorf("validation runs recorded = %d (%v), want the %d that succeeded", len(runs), err, validations)
	}
	if v, err := db.VerifyAudit(ctx); err != nil || !v.OK {
		t.Errorf("audit log after the run: %+v %v", v, err)
	}
	fmt.Printf("checked: %d rows imported once each, %d preloaded Comuni untouched, %d validation runs recorded, audit log intact\n",
		rows, len(want), len(runs))
}

func loadStore(t *testing.T, scale float64) (*sqlite.DB, map[string]int) {
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "load", Command: "setup"})
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, istat := range append(slices.Clone(loadPreloaded), loadImported) {
		if _, err := db.OnboardComune(ctx, csi.OnboardInput{Comune: istat, Anagrafe: csi.AnagrafeAutomatic, Date: "2024-01-15"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, istat := range loadPreloaded {
		path, rows := writeExtract(t, istat, scale)
		src := csi.Source{Name: filepath.Base(path), Open: func() (io.ReadCloser, error) { return os.Open(path) }}
		sum, err := httpapi.Local(db).ImportAnagrafe(ctx, csi.AnagrafeImport{Comune: istat, Mode: csi.ModeSnapshot, AsOf: "2024-06-01"}, src)
		if err != nil || sum.Inserted != rows {
			t.Fatalf("preload %s: %+v %v", istat, sum, err)
		}
		want[istat] = rows
	}
	return db, want
}

func loadTokens(t *testing.T, db *sqlite.DB) map[string]string {
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "load", Command: "setup"})
	secrets := map[string]string{}
	for _, in := range []csi.TokenInput{
		{Name: "coord", Role: csi.RoleCoordinator},
		{Name: "desio-ref", Role: csi.RoleReferent, Ambito: "Desio"},
		{Name: "desio-op", Role: csi.RoleOperator, Comune: "108023"},
		{Name: "cruscotto", Role: csi.RoleViewer},
	} {
		nt, err := db.CreateToken(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		secrets[in.Role] = nt.Secret
	}
	return secrets
}

func loadServer(t *testing.T, db *sqlite.DB) string {
	srv, err := httpapi.New(httpapi.Config{Services: httpapi.Local(db), Authenticate: httpapi.TokenAuth(db), Scope: httpapi.ScopeFor(db), SpoolDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv) // listens on 127.0.0.1
	t.Cleanup(hs.Close)
	return hs.URL
}

// writeExtract writes the synthetic registry extract of a Comune to a file.
func writeExtract(t *testing.T, istat string, scale float64) (string, int) {
	var c synth.Comune
	for _, m := range synth.Comuni() {
		if m.Istat == istat {
			c = m
		}
	}
	path := filepath.Join(t.TempDir(), "anagrafe-"+istat+".csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := synth.WriteAnagrafe(f, c, synth.Options{Seed: 7, Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	return path, n
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
