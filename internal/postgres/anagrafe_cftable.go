package postgres

import "unsafe"

// keyed is an entry of a cfTable: it names its codice fiscale key.
type keyed[E any] interface {
	*E
	keyRef() *[16]byte
}

// cfTable holds entries keyed by a codice fiscale in fixed chunks, so that
// growing never copies them and leaves no garbage behind while loading,
// with an open-addressing index on the key (4 bytes a slot, at most two
// thirds full). The caller adds each key once.
type cfTable[E any, P keyed[E]] struct {
	chunks [][]E
	n      int
	slots  []int32 // 1 + position; 0 = empty
	mask   uint64
	bits   uint // a chunk holds 1<<bits entries
}

// makeCFTable returns an empty table whose chunks hold 1<<chunkBits
// entries and whose index starts with 1<<slotBits slots.
func makeCFTable[E any, P keyed[E]](chunkBits, slotBits uint) cfTable[E, P] {
	return cfTable[E, P]{slots: make([]int32, 1<<slotBits), mask: 1<<slotBits - 1, bits: chunkBits}
}

// bytes returns the memory the table's chunks and index take.
func (t *cfTable[E, P]) bytes() int64 {
	return int64(len(t.chunks))<<t.bits*int64(unsafe.Sizeof(*new(E))) + 4*int64(len(t.slots))
}

// at returns the entry at position i.
func (t *cfTable[E, P]) at(i int32) *E {
	return &t.chunks[i>>t.bits][i&(1<<t.bits-1)]
}

// lookup returns the entry with key, or nil.
func (t *cfTable[E, P]) lookup(key *[16]byte) *E {
	for i := slotOf(key) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if e := t.at(s - 1); *P(e).keyRef() == *key {
			return e
		}
	}
}

// insert appends an entry whose key the table lacks; the index doubles
// when two thirds full.
func (t *cfTable[E, P]) insert(e E) {
	if t.n&(1<<t.bits-1) == 0 {
		t.chunks = append(t.chunks, make([]E, 1<<t.bits))
	}
	*t.at(int32(t.n)) = e
	t.n++
	if 3*t.n > 2*len(t.slots) {
		t.slots = make([]int32, 2*len(t.slots))
		t.mask = uint64(len(t.slots) - 1)
		for i := 0; i < t.n; i++ {
			t.index(int32(i))
		}
		return
	}
	t.index(int32(t.n - 1))
}

// index puts the entry at position i in its slot.
func (t *cfTable[E, P]) index(i int32) {
	for s := slotOf(P(t.at(i)).keyRef()) & t.mask; ; s = (s + 1) & t.mask {
		if t.slots[s] == 0 {
			t.slots[s] = i + 1
			return
		}
	}
}
