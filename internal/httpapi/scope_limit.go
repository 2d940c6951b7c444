package httpapi

import (
	"context"
	"runtime"
	"sync"
)

// admission bounds how many heavy computations of one kind (validations,
// indicator computations) the server runs at a time, for all callers
// together. Each kind has its own queue, so that a quick indicator does
// not wait behind a long validation.
//
// Why: they are CPU-bound. Run thirty at once on two cores and none ends
// sooner, but a registry import running alongside gets a thirtieth of the
// CPU, holds the store's write lock many times longer, and every write
// queued behind it (a validation's run record, an audit entry) waits past
// the store's busy timeout and fails. Queued here instead, callers wait
// their turn (bounded by their request's context), and one token cannot
// starve the server.
type admission chan struct{}

// newAdmission admits perCPU computations per CPU.
func newAdmission(perCPU int) admission { return make(admission, perCPU*runtime.GOMAXPROCS(0)) }

// enter waits for a free slot or for ctx to end.
func (a admission) enter(ctx context.Context) error {
	select {
	case a <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave frees the slot taken by enter.
func (a admission) leave() { <-a }

// importGate makes the other writes of the API wait while an import runs,
// instead of failing. SQLite has one writer at a time, and an import holds
// the write lock for its whole transaction (it must never be half-written),
// which can last longer than the store's busy timeout: a write waiting for
// it that long fails with "the store is busy". So an import takes the gate
// alone; the requests that write something else (changes, the run record
// of a validation, the audit entry of a personal read) share it. A waiting
// import goes first: shared requests wait for it rather than starve it.
// Reads that write nothing (lists, indicators) do not take the gate.
type importGate struct {
	mu        sync.Mutex
	shared    int           // shared requests inside
	importing bool          // an import is inside
	waiting   int           // imports waiting to enter
	changed   chan struct{} // closed, and replaced, on every change
}

func newImportGate() *importGate { return &importGate{changed: make(chan struct{})} }

// wait releases the lock until the gate changes or ctx ends; it returns
// with the lock held, or ctx's error with the lock released.
func (g *importGate) wait(ctx context.Context) error {
	ch := g.changed
	g.mu.Unlock()
	select {
	case <-ch:
		g.mu.Lock()
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *importGate) signal() {
	close(g.changed)
	g.changed = make(chan struct{})
}

// enterShared waits until no import runs or waits.
func (g *importGate) enterShared(ctx context.Context) error {
	g.mu.Lock()
	for g.importing || g.waiting > 0 {
		if err := g.wait(ctx); err != nil {
			return err
		}
	}
	g.shared++
	g.mu.Unlock()
	return nil
}

func (g *importGate) leaveShared() {
	g.mu.Lock()
	g.shared--
	g.signal()
	g.mu.Unlock()
}

// enterImport waits until the gate is empty, then holds it alone.
func (g *importGate) enterImport(ctx context.Context) error {
	g.mu.Lock()
	g.waiting++
	for g.importing || g.shared > 0 {
		if err := g.wait(ctx); err != nil {
			g.mu.Lock()
			g.waiting--
			g.signal()
			g.mu.Unlock()
			return err
		}
	}
	g.waiting--
	g.importing = true
	g.mu.Unlock()
	return nil
}

func (g *importGate) leaveImport() {
	g.mu.Lock()
	g.importing = false
	g.signal()
	g.mu.Unlock()
}
