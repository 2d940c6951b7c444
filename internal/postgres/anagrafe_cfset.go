package postgres

// cfSet holds the codici fiscali a first load has copied, each with its
// line, with an open-addressing index: 20 bytes an entry and 4 a slot, in
// chunks of 16,384 (320 KB), so that a small Comune allocates little and
// a Comune of a million people takes 20 MB and an 8 MB index (a resident
// takes 32 bytes: a first load needs no hash).
type cfSet struct {
	chunks [][]cfLine
	n      int
	slots  []int32 // 1 + position; 0 = empty
	mask   uint64
}

type cfLine struct {
	key  [16]byte
	line int32
}

const cfChunkBits = 14

func newCFSet() *cfSet { return &cfSet{slots: make([]int32, 1<<10), mask: 1<<10 - 1} }

func (s *cfSet) at(i int32) *cfLine { return &s.chunks[i>>cfChunkBits][i&(1<<cfChunkBits-1)] }

// lineOf returns the line of key, or 0 when the set lacks it.
func (s *cfSet) lineOf(key *[16]byte) int32 {
	for i := slotOf(key) & s.mask; ; i = (i + 1) & s.mask {
		p := s.slots[i]
		if p == 0 {
			return 0
		}
		if e := s.at(p - 1); e.key == *key {
			return e.line
		}
	}
}

// add records a key the set lacks, with its line (> 0).
func (s *cfSet) add(key [16]byte, line int32) {
	if s.n&(1<<cfChunkBits-1) == 0 {
		s.chunks = append(s.chunks, make([]cfLine, 1<<cfChunkBits))
	}
	*s.at(int32(s.n)) = cfLine{key: key, line: line}
	s.n++
	if 3*s.n > 2*len(s.slots) {
		s.slots = make([]int32, 2*len(s.slots))
		s.mask = uint64(len(s.slots) - 1)
		for i := 0; i < s.n; i++ {
			s.index(int32(i))
		}
		return
	}
	s.index(int32(s.n - 1))
}

func (s *cfSet) index(i int32) {
	for j := slotOf(&s.at(i).key) & s.mask; ; j = (j + 1) & s.mask {
		if s.slots[j] == 0 {
			s.slots[j] = i + 1
			return
		}
	}
}
