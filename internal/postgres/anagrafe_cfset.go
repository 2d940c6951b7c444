package postgres

import "math/bits"

// cfSet holds the codici fiscali a first load has copied, each with its
// line: 20 bytes an entry and 4 a slot, in chunks of 16,384 (320 KB), so
// that a small Comune allocates little and a Comune of a million people
// takes 20 MB and an 8 MB index (a resident takes 32 bytes: a first load
// needs no hash).
type cfSet struct {
	cfTable[cfLine, *cfLine]
}

type cfLine struct {
	key  [16]byte
	line int32
}

func (e *cfLine) keyRef() *[16]byte { return &e.key }

const cfChunkBits = 14

// newCFSet returns an empty set for a file of size bytes: its chunks are
// smaller for a small file (a row takes some 100 bytes), so that the many
// small Comuni of a region's load do not each allocate and clear a chunk
// of 16,384 entries for a few hundred codici fiscali.
func newCFSet(size int64) *cfSet {
	b := uint(bits.Len64(uint64(size / 64)))
	b = min(max(b, 8), cfChunkBits)
	return &cfSet{makeCFTable[cfLine](b, 10)}
}

// lineOf returns the line of key, or 0 when the set lacks it.
func (s *cfSet) lineOf(key *[16]byte) int32 {
	if e := s.lookup(key); e != nil {
		return e.line
	}
	return 0
}

// add records a key the set lacks, with its line (> 0).
func (s *cfSet) add(key [16]byte, line int32) { s.insert(cfLine{key: key, line: line}) }
