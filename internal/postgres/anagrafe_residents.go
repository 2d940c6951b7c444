package postgres

import (
	"bytes"
	"encoding/binary"

	"github.com/jackc/pgx/v5"
)

// resident is what an import keeps in memory of a current resident of its
// Comune: 32 bytes. Knowing the residents' hashes on the client is what
// lets an update send the server only the rows that change.
type resident struct {
	key  [16]byte // codice fiscale
	hash uint64   // fingerprint of its values (row_hash)
	seen int32    // line of the row that mentioned the person (negated for a rejected row), 0 if none
}

// chunkBits sets the size of the chunks residents are kept in (65,536, 2 MB).
const chunkBits = 16

// residents holds a Comune's current residents with an open-addressing
// index on the codice fiscale (4 bytes a slot, at most two thirds full).
// The residents are kept in fixed chunks so that growing never copies
// them: a Comune of a million people takes 32 MB and an 8 MB index, under
// the import's memory limit, and leaves no garbage behind while loading.
type residents struct {
	chunks [][]resident
	n      int
	slots  []int32 // 1 + position; 0 = empty
	mask   uint64
}

func cfKey(cf string) (k [16]byte) {
	copy(k[:], cf)
	return k
}

// cf returns the codice fiscale of a key (a shorter code is padded with
// zero bytes).
func (r *resident) cf() string { return string(bytes.TrimRight(r.key[:], "\x00")) }

func slotOf(k *[16]byte) uint64 {
	a, b := binary.LittleEndian.Uint64(k[:8]), binary.LittleEndian.Uint64(k[8:])
	h := (a ^ b*0x9E3779B97F4A7C15) * 0xff51afd7ed558ccd
	return h ^ h>>32
}

func newResidents() *residents {
	return &residents{slots: make([]int32, 1<<12), mask: 1<<12 - 1}
}

// at returns the resident at position i.
func (rs *residents) at(i int32) *resident { return &rs.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

// add appends a resident; the caller guarantees distinct keys (one current
// version per person and Comune). The index doubles when two thirds full.
func (rs *residents) add(r resident) {
	if rs.n&(1<<chunkBits-1) == 0 {
		rs.chunks = append(rs.chunks, make([]resident, 1<<chunkBits))
	}
	*rs.at(int32(rs.n)) = r
	rs.n++
	if 3*rs.n > 2*len(rs.slots) {
		rs.slots = make([]int32, 2*len(rs.slots))
		rs.mask = uint64(len(rs.slots) - 1)
		for i := 0; i < rs.n; i++ {
			rs.index(int32(i))
		}
		return
	}
	rs.index(int32(rs.n - 1))
}

// index puts the resident at position i in its slot.
func (rs *residents) index(i int32) {
	for s := slotOf(&rs.at(i).key) & rs.mask; ; s = (s + 1) & rs.mask {
		if rs.slots[s] == 0 {
			rs.slots[s] = i + 1
			return
		}
	}
}

// find returns the resident with the given codice fiscale, or nil.
func (rs *residents) find(key *[16]byte) *resident {
	if rs == nil || rs.n == 0 {
		return nil
	}
	for i := slotOf(key) & rs.mask; ; i = (i + 1) & rs.mask {
		s := rs.slots[i]
		if s == 0 {
			return nil
		}
		if r := rs.at(s - 1); r.key == *key {
			return r
		}
	}
}

// size returns the number of current residents.
func (rs *residents) size() int {
	if rs == nil {
		return 0
	}
	return rs.n
}

// unseen counts the residents no row mentioned.
func (rs *residents) unseen() int {
	n := 0
	for i := 0; i < rs.size(); i++ {
		if rs.at(int32(i)).seen == 0 {
			n++
		}
	}
	return n
}

// residentsSQL selects the codici fiscali and hashes of the current
// residents of Comune $1.
const residentsSQL = "SELECT codice_fiscale, row_hash FROM persone WHERE comune = $1 AND valid_to = ''"

// readResidents reads the rows of residentsSQL.
func readResidents(rows pgx.Rows) (*residents, error) {
	defer rows.Close()
	rs := newResidents()
	var cf []byte
	var h int64
	_, err := pgx.ForEachRow(rows, []any{&cf, &h}, func() error {
		r := resident{hash: uint64(h)}
		copy(r.key[:], cf)
		rs.add(r)
		return nil
	})
	return rs, err
}
