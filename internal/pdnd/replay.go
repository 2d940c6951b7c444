package pdnd

import (
	"container/heap"
	"sync"
	"time"
)

// replayCache remembers the jti of accepted vouchers until they expire, so
// that each voucher is accepted once. It holds at most size ids: when full,
// it forgets the one that expires first (the shortest replay window).
//
// PDND vouchers are bearer tokens that a client may reuse until they expire,
// so the cache is off unless configured: turn it on only when every caller
// asks PDND for a fresh voucher per request.
type replayCache struct {
	mu    sync.Mutex
	size  int
	seen  map[string]time.Time
	byExp expiryHeap
}

// newReplayCache returns an empty cache of at most size ids.
func newReplayCache(size int) *replayCache {
	return &replayCache{size: size, seen: map[string]time.Time{}}
}

// first records jti, valid until exp, and reports whether it was new.
func (c *replayCache) first(jti string, exp, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire(now)
	if _, ok := c.seen[jti]; ok {
		return false
	}
	for len(c.seen) >= c.size {
		c.forget(heap.Pop(&c.byExp).(entry))
	}
	c.seen[jti] = exp
	heap.Push(&c.byExp, entry{jti: jti, exp: exp})
	return true
}

// expire forgets the ids whose vouchers expired before now.
func (c *replayCache) expire(now time.Time) {
	for len(c.byExp) > 0 && c.byExp[0].exp.Before(now) {
		c.forget(heap.Pop(&c.byExp).(entry))
	}
}

// forget removes a popped entry from the index.
func (c *replayCache) forget(e entry) {
	delete(c.seen, e.jti)
}

// entry is a remembered jti and the expiry of its voucher.
type entry struct {
	jti string
	exp time.Time
}

// expiryHeap orders entries by expiry, soonest first (container/heap).
type expiryHeap []entry

func (h expiryHeap) Len() int           { return len(h) }
func (h expiryHeap) Less(i, j int) bool { return h[i].exp.Before(h[j].exp) }
func (h expiryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

// Push appends x (container/heap).
func (h *expiryHeap) Push(x any) { *h = append(*h, x.(entry)) }

// Pop removes the last entry (container/heap).
func (h *expiryHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
