package httpapi

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

func TestAdmissionQueues(t *testing.T) {
	a := newAdmission(1)
	n := runtime.GOMAXPROCS(0)
	for range n {
		if err := a.enter(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := a.enter(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a full admission let a caller in: %v", err)
	}
	a.leave()
	if err := a.enter(context.Background()); err != nil {
		t.Fatalf("a freed slot was not taken: %v", err)
	}
}

// TestImportGate: an import waits for the shared requests inside, holds
// the gate alone, and goes before shared requests that arrive after it.
func TestImportGate(t *testing.T) {
	g := newImportGate()
	bg := context.Background()
	if err := g.enterShared(bg); err != nil {
		t.Fatal(err)
	}
	imported := make(chan struct{})
	go func() {
		if err := g.enterImport(bg); err != nil {
			t.Error(err)
		}
		close(imported)
	}()
	waitFor(t, func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.waiting == 1 })
	short, cancel := context.WithTimeout(bg, 20*time.Millisecond)
	defer cancel()
	if err := g.enterShared(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a shared request went before a waiting import: %v", err)
	}
	select {
	case <-imported:
		t.Fatal("the import entered while a shared request was inside")
	case <-time.After(20 * time.Millisecond):
	}
	g.leaveShared()
	<-imported
	short2, cancel2 := context.WithTimeout(bg, 20*time.Millisecond)
	defer cancel2()
	if err := g.enterImport(short2); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("two imports inside at once: %v", err)
	}
	g.leaveImport()
	if err := g.enterShared(bg); err != nil {
		t.Fatalf("the gate stayed closed after the import: %v", err)
	}
	g.leaveShared()
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(time.Millisecond)
	}
}
