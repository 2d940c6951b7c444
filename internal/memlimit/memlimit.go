// Package memlimit manages the Go memory limit around an import. A fixed
// limit keeps a streaming import's heap small; an import that must also
// hold something for its whole length (a Comune's current residents, read
// before an update) raises it by what it holds, so that the collector
// keeps working room above the live heap. Without that room the collector
// runs all the time: the 2% update of a Comune of 1.37 million residents
// spent half its CPU in it under a fixed 64 MiB (7.8 s against 2.5 s).
package memlimit

import (
	"runtime/debug"
	"sync"
)

// Headroom is the working room kept above what an import holds.
const Headroom = 28 << 20

var (
	mu   sync.Mutex
	base int64 // the limit Set manages; 0 when none is
	held int64 // what the Holds not yet released hold
	gen  int   // counts Set and restore, so that a release after them is void
)

// Set makes limit the memory limit, managed by Hold, and returns the
// function that restores the previous limit.
func Set(limit int64) (restore func()) {
	mu.Lock()
	defer mu.Unlock()
	prev := debug.SetMemoryLimit(limit)
	base, held = limit, 0
	gen++
	return func() {
		mu.Lock()
		defer mu.Unlock()
		base, held = 0, 0
		gen++
		debug.SetMemoryLimit(prev)
	}
}

// Hold says that n more bytes stay live until release is called: the
// limit becomes at least what is held plus Headroom. Without Set (the user
// chose GOMEMLIMIT) it changes nothing.
func Hold(n int64) (release func()) {
	mu.Lock()
	defer mu.Unlock()
	if base == 0 || n <= 0 {
		return func() {}
	}
	held += n
	apply()
	g := gen
	return sync.OnceFunc(func() {
		mu.Lock()
		defer mu.Unlock()
		if gen == g { // not restored or Set again since
			held -= n
			apply()
		}
	})
}

func apply() { debug.SetMemoryLimit(max(base, held+Headroom)) }
