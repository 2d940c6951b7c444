package postgres

import (
	"bytes"
	"context"
	"encoding/binary"

	"github.com/jackc/pgx/v5"
)

// resident is what an import keeps in memory of a current resident of its
// Comune: 32 bytes, so that a Comune of a million people takes about 40 MB
// with its index. Knowing the residents' hashes on the client is what lets
// an update send the server only the rows that change.
type resident struct {
	key  [16]byte // codice fiscale
	hash uint64   // fingerprint of its values (row_hash)
	seen int32    // line of the row that mentioned the person (negated for a rejected row), 0 if none
}

// residents holds a Comune's current residents with an open-addressing
// index on the codice fiscale (4 bytes a slot, at most half full).
type residents struct {
	list  []resident
	slots []int32 // 1 + position in list; 0 = empty
	mask  uint64
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

func newResidents(n int) *residents {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &residents{list: make([]resident, 0, n), slots: make([]int32, size), mask: uint64(size - 1)}
}

// add appends a resident; the caller guarantees distinct keys (one current
// version per person and Comune). The index doubles when half full.
func (rs *residents) add(r resident) {
	rs.list = append(rs.list, r)
	if 2*len(rs.list) > len(rs.slots) {
		rs.slots = make([]int32, 2*len(rs.slots))
		rs.mask = uint64(len(rs.slots) - 1)
		for i := range rs.list {
			rs.index(i)
		}
		return
	}
	rs.index(len(rs.list) - 1)
}

// index puts list[i] in its slot.
func (rs *residents) index(i int) {
	for s := slotOf(&rs.list[i].key) & rs.mask; ; s = (s + 1) & rs.mask {
		if rs.slots[s] == 0 {
			rs.slots[s] = int32(i + 1)
			return
		}
	}
}

// find returns the resident with the given codice fiscale, or nil.
func (rs *residents) find(key *[16]byte) *resident {
	if rs == nil || len(rs.list) == 0 {
		return nil
	}
	for i := slotOf(key) & rs.mask; ; i = (i + 1) & rs.mask {
		s := rs.slots[i]
		if s == 0 {
			return nil
		}
		if r := &rs.list[s-1]; r.key == *key {
			return r
		}
	}
}

// size returns the number of current residents.
func (rs *residents) size() int {
	if rs == nil {
		return 0
	}
	return len(rs.list)
}

// unseen counts the residents no row mentioned.
func (rs *residents) unseen() int {
	n := 0
	if rs != nil {
		for i := range rs.list {
			if rs.list[i].seen == 0 {
				n++
			}
		}
	}
	return n
}

// loadResidents reads the codici fiscali and hashes of the Comune's
// current residents, inside the import's transaction and under its lock,
// so that they cannot change before the import commits.
func loadResidents(ctx context.Context, tx pgx.Tx, comune string) (*residents, error) {
	rows, err := tx.Query(ctx, "SELECT codice_fiscale, row_hash FROM persone WHERE comune = $1 AND valid_to = ''", comune)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	rs := newResidents(1 << 12)
	var cf []byte
	var h int64
	_, err = pgx.ForEachRow(rows, []any{&cf, &h}, func() error {
		r := resident{hash: uint64(h)}
		copy(r.key[:], cf)
		rs.add(r)
		return nil
	})
	return rs, err
}
