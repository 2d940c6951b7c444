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

// residents holds a Comune's current residents, indexed on the codice
// fiscale: a Comune of a million people takes 32 MB and an 8 MB index,
// under the import's memory limit.
type residents struct {
	cfTable[resident, *resident]
}

func (r *resident) keyRef() *[16]byte { return &r.key }

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
	return &residents{makeCFTable[resident](chunkBits, 12)}
}

// add appends a resident; the caller guarantees distinct keys (one current
// version per person and Comune).
func (rs *residents) add(r resident) { rs.insert(r) }

// find returns the resident with the given codice fiscale, or nil.
func (rs *residents) find(key *[16]byte) *resident {
	if rs == nil || rs.n == 0 {
		return nil
	}
	return rs.lookup(key)
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
