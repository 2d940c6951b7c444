package app_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// gatedSource is a file whose second reading (the import's, after the
// fingerprint's) stops before its last bytes until release is closed, so
// that its import holds its transaction open.
type gatedSource struct {
	data    []byte
	opens   int
	mu      sync.Mutex
	reached chan struct{} // closed when the import waits at the gate
	release chan struct{}
}

func newGated(data []byte) *gatedSource {
	return &gatedSource{data: data, reached: make(chan struct{}), release: make(chan struct{})}
}

func (g *gatedSource) source(name string) csi.Source {
	return csi.Source{Name: name, Size: int64(len(g.data)), Open: func() (io.ReadCloser, error) {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.opens++; g.opens == 1 {
			return io.NopCloser(bytes.NewReader(g.data)), nil
		}
		cut := len(g.data) - 200
		return io.NopCloser(io.MultiReader(bytes.NewReader(g.data[:cut]), gate{g}, bytes.NewReader(g.data[cut:]))), nil
	}}
}

// gate blocks its first read until the source is released.
type gate struct{ g *gatedSource }

func (gt gate) Read([]byte) (int, error) {
	close(gt.g.reached)
	<-gt.g.release
	return 0, io.EOF
}

// manyPeople is a registry file of n people of a Comune, with addr.
func manyPeople(n int, addr string) []byte {
	var b strings.Builder
	b.WriteString(conformanceHeader + "\n")
	for i := range n {
		p := fmt.Sprintf("RSSMRA80A01F%03d", i%1000)
		p = p[:6] + fmt.Sprintf("%02d", 10+i/1000) + p[8:]
		fmt.Fprintf(&b, "%s;Rossi;Mario;M;19%s-01-01;F704;%s;\n", cfOf(p), p[6:8], addr)
	}
	return []byte(b.String())
}

// TestSameComuneImportsNeverInterleave: on PostgreSQL a second import of a
// Comune waits for the first to commit and then sees its versions, while
// an import of another Comune goes ahead meanwhile.
func TestSameComuneImportsNeverInterleave(t *testing.T) {
	fx := postgresEngine(t)
	ctx := onboarded(t, fx, "108033")
	fx.onboard(t, "108002")
	snap := func(c, asOf string) csi.AnagrafeImport {
		return csi.AnagrafeImport{Comune: c, Mode: csi.ModeSnapshot, AsOf: asOf}
	}
	if _, err := fx.svc.ImportAnagrafe(ctx, snap("108033", "2024-01-31"), bytesSource("v1.csv", manyPeople(3000, "Via Po 1"))); err != nil {
		t.Fatal(err)
	}
	first := newGated(manyPeople(3000, "Via Po 2")) // everyone moves
	type result struct {
		sum *csi.ImportSummary
		err error
		at  time.Time
	}
	run := func(req csi.AnagrafeImport, src csi.Source) <-chan result {
		c := make(chan result, 1)
		go func() {
			sum, err := fx.svc.ImportAnagrafe(ctx, req, src)
			c <- result{sum, err, time.Now()}
		}()
		return c
	}
	a := run(snap("108033", "2024-03-31"), first.source("v2.csv"))
	<-first.reached // a holds Monza's lock, its rows staged
	// b changes the same people again; were it to read before a commits,
	// it would find them at Via Po 1 and close the versions a closes.
	b := run(snap("108033", "2024-03-31"), bytesSource("v3.csv", manyPeople(3000, "Via Po 3")))
	other := <-run(snap("108002", "2024-03-31"), bytesSource("o.csv", manyPeople(100, "Via Roma 1")))
	if other.err != nil || other.sum.Inserted != 100 {
		t.Fatalf("the other Comune's import waited or failed: %+v %v", other.sum, other.err)
	}
	waitForLockWaiter(t, fx)
	select {
	case r := <-b:
		t.Fatalf("the second import of Monza ran while the first held its lock: %+v %v", r.sum, r.err)
	case <-time.After(300 * time.Millisecond):
	}
	close(first.release)
	ra, rb := <-a, <-b
	if ra.err != nil || rb.err != nil {
		t.Fatal(ra.err, rb.err)
	}
	if ra.sum.Updated != 3000 || rb.sum.Updated != 3000 || rb.sum.ImportID <= ra.sum.ImportID || rb.at.Before(ra.at) {
		t.Errorf("first %+v\nsecond %+v: want 3000 updates each, the second after the first", ra.sum, rb.sum)
	}
	// Every person has exactly one current version, at Via Po 3, and a
	// chain Po 1 → Po 2 → Po 3 without overlaps.
	got := fx.scalar(t, `SELECT count(*) FILTER (WHERE valid_to = '') || ' current, ' || count(*) || ' versions, ' ||
		count(DISTINCT closed_by) FILTER (WHERE closed_by <> 0) || ' closers' FROM persone WHERE comune = '108033'`)
	if got != "3000 current, 9000 versions, 2 closers" {
		t.Errorf("Monza's versions: %s", got)
	}
	if cur := fx.scalar(t, `SELECT min(dati) FROM persone WHERE comune = '108033' AND valid_to = ''`); !strings.Contains(cur, "Via Po 3") {
		t.Errorf("a current version %s", cur)
	}
}

// TestSameFileTwiceAtOnce: two imports of the same file into one Comune at
// the same time make one import; the one that waited is a no-op.
func TestSameFileTwiceAtOnce(t *testing.T) {
	fx := postgresEngine(t)
	ctx := onboarded(t, fx, "108033")
	data := manyPeople(2000, "Via Po 1")
	first := newGated(data)
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-01-31"}
	a := make(chan *csi.ImportSummary, 1)
	go func() {
		sum, err := fx.svc.ImportAnagrafe(ctx, req, first.source("v1.csv"))
		if err != nil {
			t.Error(err)
		}
		a <- sum
	}()
	<-first.reached
	b := make(chan *csi.ImportSummary, 1)
	go func() {
		sum, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("v1.csv", data))
		if err != nil {
			t.Error(err)
		}
		b <- sum
	}()
	waitForLockWaiter(t, fx) // b is past its no-op check, waiting for the lock
	close(first.release)
	ra, rb := <-a, <-b
	if ra == nil || rb == nil {
		t.FailNow()
	}
	if ra.Noop || ra.Inserted != 2000 || !rb.Noop || rb.ImportID != ra.ImportID || rb.Unchanged != 2000 || len(rb.Columns) != len(ra.Columns) {
		t.Errorf("first %+v\nsecond %+v: want one import and a no-op naming it", ra, rb)
	}
	if n := fx.scalar(t, "SELECT count(*) || ' imports' FROM imports"); n != "1 imports" {
		t.Errorf("%s", n)
	}
}

// waitForLockWaiter waits until a session waits for an advisory lock.
func waitForLockWaiter(t *testing.T, fx engine) {
	t.Helper()
	for range 200 {
		if fx.scalar(t, `SELECT count(*) || '' FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`) != "0" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no import waits for the Comune's lock")
}
