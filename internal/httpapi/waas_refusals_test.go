package httpapi

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// auditRecorder is the WaaSServices of the refusal tests: it keeps what
// would be audited.
type auditRecorder struct {
	mu      sync.Mutex
	entries []csi.WaaSRefusal
	actors  []string
}

func (a *auditRecorder) AcquireWaaSFlows(context.Context, string, int64, int) ([]store.SiussFlow, error) {
	return nil, nil
}

func (a *auditRecorder) RecordWaaSEsiti(context.Context, string, []csi.SiussEsitoInput) (*csi.SiussEsitiResult, error) {
	return nil, nil
}

func (a *auditRecorder) AuditWaaSRefusal(ctx context.Context, r csi.WaaSRefusal) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.entries = append(a.entries, r)
	a.actors = append(a.actors, csi.ActorFrom(ctx).Name)
	return nil
}

// TestRefusalAuditFlood floods the audit of refusals from many goroutines:
// 8 addresses, 2 reasons, 5,000 refusals, and room for 5 addresses. The
// entries written at once are one per tracked key (the addresses past the
// first 5 share one key per reason), the flush adds at most one per key,
// and the counts of all the entries add up to the 5,000.
func TestRefusalAuditFlood(t *testing.T) {
	rec := &auditRecorder{}
	a := newRefusalAudit(rec, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Hour, 5)
	const n = 5000
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := fmt.Sprintf("192.0.2.%d", g+1)
			for i := range n / 8 {
				check := []string{"expired", "signature"}[i%2]
				a.refused(context.Background(), "F704", src, "waas flussi", check, 401)
			}
		}()
	}
	wg.Wait()
	rec.mu.Lock()
	first := len(rec.entries)
	rec.mu.Unlock()
	// The 5 tracked keys are the first (address, reason) pairs to come;
	// the 11 others share the two "many addresses" keys (each reason has
	// 8 pairs, at most 5 of them tracked): 7 keys.
	if first != 7 {
		t.Fatalf("%d entries written during the flood, want one per key (7)", first)
	}
	a.flush()
	total, many := 0, 0
	for i, e := range rec.entries {
		if i < first {
			total++ // the first of its key, audited on its own
		}
		total += e.More
		if i < first && e.More != 0 || i >= first && e.More == 0 {
			t.Errorf("entry %d: More %d (the first of a key stands for itself, a flushed one for the others)", i, e.More)
		}
		if e.Source == "" {
			many++
			if rec.actors[i] != "waas caller (many addresses)" {
				t.Errorf("entry %d of the shared key: actor %q", i, rec.actors[i])
			}
		} else if rec.actors[i] != "waas caller "+e.Source {
			t.Errorf("entry %d: actor %q, source %s", i, rec.actors[i], e.Source)
		}
		if e.More > 0 && e.Window != time.Hour {
			t.Errorf("entry %d: window %s", i, e.Window)
		}
	}
	if len(rec.entries) > 2*first {
		t.Errorf("%d entries in all for %d keys: at most two per key", len(rec.entries), first)
	}
	if total != n {
		t.Errorf("the entries count %d refusals, want %d", total, n)
	}
	if many == 0 {
		t.Errorf("8 addresses with room for 5 and no entry of the shared key")
	}
	if len(a.runs) != 0 {
		t.Errorf("%d windows left open after the flush", len(a.runs))
	}
}

// TestRefusalAuditWindow lets windows end on their own: a refusal after
// the window opens a new one, and the counted ones are audited when the
// window ends, without a flush.
func TestRefusalAuditWindow(t *testing.T) {
	rec := &auditRecorder{}
	a := newRefusalAudit(rec, slog.New(slog.NewTextHandler(io.Discard, nil)), 50*time.Millisecond, 0)
	for range 10 {
		a.refused(context.Background(), "F704", "192.0.2.1", "waas esiti", "missing", 401)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec.mu.Lock()
		got := len(rec.entries)
		rec.mu.Unlock()
		if got == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d entries 10 s after the window, want 2", got)
		}
		time.Sleep(10 * time.Millisecond)
	}
	rec.mu.Lock()
	if rec.entries[0].More != 0 || rec.entries[1].More != 9 {
		t.Fatalf("entries %+v, want the first and then 9 more", rec.entries)
	}
	rec.mu.Unlock()
	a.refused(context.Background(), "F704", "192.0.2.1", "waas esiti", "missing", 401)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.entries) != 3 || rec.entries[2].More != 0 {
		t.Fatalf("a refusal after the window: entries %+v, want a new first one", rec.entries)
	}
}
