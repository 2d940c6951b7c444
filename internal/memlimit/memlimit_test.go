package memlimit

import (
	"runtime/debug"
	"testing"
)

// Limit returns the limit that applies now.
func Limit() int64 { return debug.SetMemoryLimit(-1) }

func TestHoldRaisesTheLimitSetManages(t *testing.T) {
	before := Limit()
	restore := Set(64 << 20)
	if got := Limit(); got != 64<<20 {
		t.Fatalf("after Set: %d", got)
	}
	small := Hold(10 << 20) // 10 MiB + Headroom is under 64 MiB
	if got := Limit(); got != 64<<20 {
		t.Errorf("holding 10 MiB: limit %d, want 64 MiB", got)
	}
	big := Hold(60 << 20)
	if got, want := Limit(), int64(70<<20+Headroom); got != want {
		t.Errorf("holding 70 MiB: limit %d, want %d", got, want)
	}
	big()
	big() // a second release changes nothing
	if got := Limit(); got != 64<<20 {
		t.Errorf("after release: limit %d, want 64 MiB", got)
	}
	small()
	restore()
	if got := Limit(); got != before {
		t.Errorf("after restore: limit %d, want %d", got, before)
	}
}

func TestHoldWithoutSetChangesNothing(t *testing.T) {
	prev := debug.SetMemoryLimit(500 << 20) // as GOMEMLIMIT=500MiB would
	defer debug.SetMemoryLimit(prev)
	release := Hold(400 << 20)
	if got := Limit(); got != 500<<20 {
		t.Errorf("limit %d, want the user's 500 MiB", got)
	}
	release()
	if got := Limit(); got != 500<<20 {
		t.Errorf("after release: limit %d", got)
	}
}

func TestReleaseAfterRestoreChangesNothing(t *testing.T) {
	before := Limit()
	restore := Set(64 << 20)
	release := Hold(100 << 20)
	restore()
	release()
	if got := Limit(); got != before {
		t.Errorf("limit %d, want %d", got, before)
	}
}

func TestReleaseAfterSetAgainChangesNothing(t *testing.T) {
	restore := Set(64 << 20)
	release := Hold(100 << 20)
	restore()
	restore = Set(64 << 20) // the same limit again
	defer restore()
	release()
	later := Hold(60 << 20)
	defer later()
	if got, want := Limit(), int64(60<<20+Headroom); got != want {
		t.Errorf("limit %d, want %d: the stale release took back what it no longer held", got, want)
	}
}
