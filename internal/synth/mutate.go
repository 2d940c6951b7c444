package synth

import (
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// Stats reports what Mutate did.
type Stats struct {
	Read     int       // data rows read
	Gone     int       // people left out (died or moved away)
	Changed  int       // people with a new address, house number or civil status
	Promoted int       // rows whose relazione_parentela changed because their intestatario left
	Added    int       // people appended (newcomers and newborns)
	Written  int       // data rows written
	AsOf     time.Time // the date the new extract describes
}

// mutateWindow is how much later the mutated extract is dated than the
// latest registration in its input.
const mutateWindow = 91

// Mutate reads an extract written by this package and writes an updated
// one dated mutateWindow days after its latest data_iscrizione: a fraction
// gone of the people is left out, a fraction changed gets a new address
// (whole families move) or civil status, and a fraction added of new
// people with unique codici fiscali is appended. The counts are the
// fractions of the rows read, rounded; the output depends only on the input
// and seed. The whole input is held in memory.
func Mutate(r io.Reader, w io.Writer, seed int64, changed, gone, added float64) (Stats, error) {
	if !fraction(changed) || !fraction(gone) || !fraction(added) || changed+gone > 1 {
		return Stats{}, errors.New("synth: changed, gone and added must be fractions in [0, 1], changed+gone at most 1")
	}
	ex, err := readExtract(r)
	if err != nil {
		return Stats{}, err
	}
	m := &mutation{
		ex: ex, out: ex.rows, gone: make([]bool, len(ex.rows)), touched: make([]bool, len(ex.rows)),
		rng:  rand.New(rand.NewPCG(uint64(seed), 0x6d75746174696f6e)),
		seed: seed, asOf: ex.maxIscr + mutateWindow,
	}
	n := len(ex.rows)
	m.stats = Stats{Read: n, AsOf: m.asOf.time()}
	m.remove(count(gone, n))
	m.change(min(count(changed, n), n-m.stats.Gone))
	m.promote()
	if err := m.add(count(added, n)); err != nil {
		return m.stats, err
	}
	return m.stats, m.write(w)
}

// fraction reports whether x is in [0, 1].
func fraction(x float64) bool {
	return x >= 0 && x <= 1
}

// count returns round(f*n).
func count(f float64, n int) int {
	return int(math.Round(f * float64(n)))
}

// mutation is the state of one Mutate call.
type mutation struct {
	ex      *extract
	out     []string // the rows as they will be written
	gone    []bool
	touched []bool // changed by change()
	extra   []string
	rng     *rand.Rand
	seed    int64
	asOf    day
	gens    map[string]*generator
	stats   Stats
}

// remove marks exactly k rows, chosen at random, as gone (selection
// sampling, Knuth's algorithm S).
func (m *mutation) remove(k int) {
	n := len(m.gone)
	for i := 0; i < n && k > 0; i++ {
		if m.rng.IntN(n-i) < k {
			m.gone[i] = true
			k--
			m.stats.Gone++
		}
	}
}

// change gives exactly k remaining people a change: about half of them
// through whole families moving house, the rest one by one.
func (m *mutation) change(k int) {
	m.moveFamilies(k / 2)
	m.changeCivil(k)
	m.fixCivico(k)
}

// moveFamilies moves random families to a new address until about k people
// have moved.
func (m *mutation) moveFamilies(k int) {
	for _, fi := range m.rng.Perm(len(m.ex.families)) {
		if m.stats.Changed >= k {
			return
		}
		rows := m.remaining(fi)
		if len(rows) == 0 || m.stats.Changed+len(rows) > k {
			continue
		}
		street := streets[m.rng.IntN(len(streets))]
		civico := strconv.Itoa(1 + m.rng.IntN(120))
		for _, i := range rows {
			m.edit(i, func(f *fields) { f[colStreet], f[colCivico] = street, civico })
		}
	}
}

// remaining returns the rows of family fi that are not gone.
func (m *mutation) remaining(fi int) []int {
	var rows []int
	for _, i := range m.ex.families[fi].rows {
		if !m.gone[i] {
			rows = append(rows, int(i))
		}
	}
	return rows
}

// edit rewrites row i with f and counts it as changed.
func (m *mutation) edit(i int, f func(*fields)) {
	var fs fields
	fs.split(m.out[i])
	f(&fs)
	m.out[i] = fs.join()
	m.touched[i] = true
	m.stats.Changed++
}

// changeCivil changes the civil status of random adults until k people
// have changed: single, widowed and divorced people marry; married people
// whose partner left are widowed.
func (m *mutation) changeCivil(k int) {
	for _, i := range m.rng.Perm(len(m.out)) {
		if m.stats.Changed >= k {
			return
		}
		if m.gone[i] || m.touched[i] || m.ex.age(i, m.asOf) < 20 {
			continue
		}
		if next := m.nextCivil(i); next != "" {
			m.edit(i, func(f *fields) { f[colCivil] = next })
		}
	}
}

// nextCivil returns the new civil status of row i, or "" for none.
func (m *mutation) nextCivil(i int) string {
	var f fields
	f.split(m.out[i])
	switch f[colCivil] {
	case "1", "3", "4":
		return "2"
	case "2":
		if (f[colRel] == "1" || f[colRel] == "2") && m.partnerGone(i) {
			return "3"
		}
	}
	return ""
}

// partnerGone reports whether row i's family lost its intestatario or
// spouse, the partner of row i.
func (m *mutation) partnerGone(i int) bool {
	for _, j := range m.ex.families[m.ex.famOf[i]].rows {
		if rel := m.relOf(int(j)); int(j) != i && m.gone[j] && (rel == "1" || rel == "2") {
			return true
		}
	}
	return false
}

// relOf returns the relazione_parentela of row i.
func (m *mutation) relOf(i int) string {
	var f fields
	f.split(m.out[i])
	return f[colRel]
}

// fixCivico corrects house numbers of random people until k have changed;
// it only runs when too few adults could change their civil status.
func (m *mutation) fixCivico(k int) {
	for i := 0; i < len(m.out) && m.stats.Changed < k; i++ {
		if m.gone[i] || m.touched[i] {
			continue
		}
		civico := strconv.Itoa(1 + m.rng.IntN(120))
		m.edit(i, func(f *fields) {
			if f[colCivico] == civico {
				civico += "/A"
			}
			f[colCivico] = civico
		})
	}
}
