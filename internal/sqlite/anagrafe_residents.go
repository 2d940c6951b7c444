package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unsafe"
)

// resident is what the importer keeps in memory of a current resident: 32
// bytes, so that a Comune of 870,000 people fits in about 28 MB.
type resident struct {
	key  [16]byte // codice fiscale
	hash uint64   // fingerprint of its values
	seen int32    // line of the row that mentioned the person (negated for a rejected row), 0 if none
}

// residents holds a Comune's current residents with an open-addressing
// index on the codice fiscale (4 bytes a slot, half full).
type residents struct {
	list  []resident
	slots []int32 // 1 + position in list; 0 = empty
	mask  uint64
}

func cfKey(cf string) (k [16]byte) {
	copy(k[:], cf)
	return k
}

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

// add appends a resident; the caller guarantees distinct keys.
func (rs *residents) add(r resident) {
	rs.list = append(rs.list, r)
	for i := slotOf(&r.key) & rs.mask; ; i = (i + 1) & rs.mask {
		if rs.slots[i] == 0 {
			rs.slots[i] = int32(len(rs.list))
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

// bytes returns the memory the residents and their index take.
func (rs *residents) bytes() int64 {
	if rs == nil {
		return 0
	}
	return int64(cap(rs.list))*int64(unsafe.Sizeof(resident{})) + 4*int64(len(rs.slots))
}

// size returns the number of current residents.
func (rs *residents) size() int {
	if rs == nil {
		return 0
	}
	return len(rs.list)
}

// loadResidents reads the current residents of a Comune, with their
// hashes, from persone_validity alone: the Comune's current versions are
// side by side there (Comune, then end date), so a small Comune's update
// reads its own range and not the province's.
// It also returns the largest id of persone: about how many versions the
// store holds (those removed by a revert or a repeat aside).
func loadResidents(ctx context.Context, tx *sql.Tx, comune string) (*residents, int64, error) {
	var n, versions int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), (SELECT coalesce(max(id), 0) FROM persone)
		FROM persone INDEXED BY persone_validity WHERE comune = ? AND valid_to = ''`, comune).Scan(&n, &versions); err != nil {
		return nil, 0, mapErr(err)
	}
	if n == 0 {
		return nil, versions, nil
	}
	rs, err := readResidents(ctx, tx, comune, int(n), residentsChunk)
	return rs, versions, err
}

// residentsChunk is how many residents one query of readResidents
// returns, as one string: about 150 KB.
const residentsChunk = 4096

// residentsQuery returns the next chunk of a Comune's current residents
// after a codice fiscale, as "CF:hash" entries joined by commas, with the
// last CF of the chunk. One string a chunk, built by SQLite, instead of a
// row each through database/sql: reading the province's 870,193 residents
// in the monthly round took 1.2 s of CPU a row at a time (the driver copies
// each value into a Go value of its own, and database/sql converts it
// again). Codici fiscali hold neither ':' nor ','; a Comune has one current
// version of a person, so the CF orders the chunks.
const residentsQuery = `SELECT count(*), coalesce(max(codice_fiscale), ''), coalesce(group_concat(codice_fiscale || ':' || row_hash, ','), '')
	FROM (SELECT codice_fiscale, row_hash FROM persone INDEXED BY persone_validity
		WHERE comune = ? AND valid_to = '' AND codice_fiscale > ? ORDER BY codice_fiscale LIMIT ?)`

// readResidents reads the n current residents of a Comune, chunk at a
// time.
func readResidents(ctx context.Context, tx *sql.Tx, comune string, n, chunk int) (*residents, error) {
	st, err := tx.PrepareContext(ctx, residentsQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	defer st.Close()
	rs := newResidents(n)
	for after := ""; ; {
		var got int
		var list string
		if err := st.QueryRowContext(ctx, comune, after, chunk).Scan(&got, &after, &list); err != nil {
			return nil, mapErr(err)
		}
		if err := rs.addList(list); err != nil {
			return nil, err
		}
		if got < chunk {
			return rs, nil
		}
	}
}

// addList adds the residents of a residentsQuery list.
func (rs *residents) addList(list string) error {
	for list != "" {
		var entry string
		entry, list, _ = strings.Cut(list, ",")
		cf, hash, ok := strings.Cut(entry, ":")
		h, err := strconv.ParseInt(hash, 10, 64)
		if !ok || err != nil {
			return fmt.Errorf("resident list: bad entry at %d bytes from its end", len(list))
		}
		r := resident{key: cfKey(cf), hash: uint64(h)}
		rs.add(r)
	}
	return nil
}
