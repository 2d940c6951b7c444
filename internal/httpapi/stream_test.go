package httpapi

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// slowValidation finds one problem after a pause longer than a keepalive.
type slowValidation struct{ csi.Services }

func (slowValidation) RunValidation(ctx context.Context, _ csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	time.Sleep(300 * time.Millisecond)
	if err := emit(csi.Finding{Rule: "r", Severity: "error"}); err != nil {
		return nil, nil, err
	}
	return &csi.ValidationRun{ID: 1}, &csi.ValidationSummary{Errors: 1}, nil
}

// TestStreamKeepalive: a silent stream says it is alive, and the client
// reads through it to the findings and the result.
func TestStreamKeepalive(t *testing.T) {
	t.Parallel()
	db := slowValidation{testStore(t)}
	hs, _ := testServer(t, db, func(c *Config) { c.KeepaliveEvery = 50 * time.Millisecond })
	r := rawDo(t, "POST", hs.URL+"/api/v1/validations", "", nil, testSecret)
	if r.status != 200 || r.header.Get("Content-Type") != NDJSON || !bytes.HasPrefix(r.body, []byte(`{"keepalive":true}`)) {
		t.Fatalf("%d %s %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	c, _ := NewClient(hs.URL, ClientOptions{Token: testSecret})
	n := 0
	run, sum, err := c.RunValidation(ctxTester, csi.ValidationRequest{}, func(csi.Finding) error { n++; return nil })
	if err != nil || n != 1 || run.ID != 1 || sum.Errors != 1 {
		t.Fatalf("%d findings, %+v %+v %v", n, run, sum, err)
	}
}

// stallingValidation finds a problem, then stalls.
type stallingValidation struct{ csi.Services }

func (stallingValidation) RunValidation(ctx context.Context, _ csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	if err := emit(csi.Finding{Rule: "r", Severity: "error"}); err != nil {
		return nil, nil, err
	}
	select {
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	case <-time.After(3 * time.Second):
	}
	return &csi.ValidationRun{ID: 1}, &csi.ValidationSummary{Errors: 1}, nil
}

// TestStreamIdle: a client gives up on a stream that stays silent, but
// not because its own handling of an event is slow.
func TestStreamIdle(t *testing.T) {
	t.Parallel()
	hour := func(c *Config) { c.KeepaliveEvery = time.Hour }
	hs, _ := testServer(t, stallingValidation{testStore(t)}, hour)
	c, _ := NewClient(hs.URL, ClientOptions{Token: testSecret, StreamIdle: 200 * time.Millisecond})
	start := time.Now()
	_, _, err := c.RunValidation(ctxTester, csi.ValidationRequest{}, func(csi.Finding) error { time.Sleep(400 * time.Millisecond); return nil })
	if csi.ErrorCode(err) != csi.EUNREACHABLE || !strings.Contains(err.Error(), "sent nothing for 200ms") || time.Since(start) > 2*time.Second {
		t.Fatalf("after %s: %v", time.Since(start), err)
	}
	hs2, _ := testServer(t, slowValidation{testStore(t)}, hour)
	c2, _ := NewClient(hs2.URL, ClientOptions{Token: testSecret, StreamIdle: 200 * time.Millisecond})
	if _, _, err := c2.RunValidation(ctxTester, csi.ValidationRequest{}, func(csi.Finding) error { time.Sleep(400 * time.Millisecond); return nil }); err != nil {
		t.Fatalf("a slow client handler is not a silent server: %v", err)
	}
}

// chattyImport reports progress fifty times, a millisecond apart.
type chattyImport struct{ csi.Services }

func (chattyImport) ImportAnagrafe(_ context.Context, req csi.AnagrafeImport, _ csi.Source) (*csi.ImportSummary, error) {
	for i := range 50 {
		req.Progress(int64(i), i)
		time.Sleep(time.Millisecond)
	}
	return &csi.ImportSummary{}, nil
}

// TestProgressEvery: the gap between an import's progress events is the
// server's configuration, not a constant: one event in an hour, or one
// per call with no gap.
func TestProgressEvery(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		every    time.Duration
		min, max int
	}{{time.Hour, 1, 1}, {time.Nanosecond, 50, 50}} {
		hs, _ := testServer(t, chattyImport{}, func(cfg *Config) { cfg.ProgressEvery = c.every })
		r := rawDo(t, "POST", hs.URL+"/api/v1/anagrafe/imports?comune=108033", "text/csv", strings.NewReader("a\n"), testSecret)
		n := bytes.Count(r.body, []byte(`{"progress":`))
		if r.status != 200 || n < c.min || n > c.max {
			t.Errorf("ProgressEvery %s: status %d, %d progress events, want %d to %d:\n%s", c.every, r.status, n, c.min, c.max, r.body)
		}
	}
}
