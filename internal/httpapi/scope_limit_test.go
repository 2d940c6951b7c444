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
