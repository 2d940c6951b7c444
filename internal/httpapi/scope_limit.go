package httpapi

import (
	"context"
	"runtime"
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
