package indicators

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// Suppress withholds the small counts of rows in place: a count of def.Counts
// between 1 and n-1 becomes nil and its key is listed in the row's
// Suppressed, and so does every value derived from it (def.Derived). Zero is
// not withheld: it discloses no one. n <= 1 withholds nothing. It looks at
// each row alone: Protect also withholds what could be worked out from the
// totals.
func Suppress(def csi.IndicatorDef, rows []csi.IndicatorRow, n int) {
	if n <= 1 {
		return
	}
	for i := range rows {
		r := &rows[i]
		for _, key := range def.Counts {
			if v, ok := r.Get(key).(int64); ok && v > 0 && v < int64(n) {
				withholdCount(def, r, key, false)
			}
		}
		slices.Sort(r.Suppressed)
	}
}

// GeoKey names a geography as IndicatorRow.Geo does: "comune:108028",
// "ambito:Desio", "provincia:MB".
func GeoKey(level, code string) string { return level + ":" + code }

// categoryKeys are the row keys whose values split a total into parts (the
// parts of one total are the rows that differ only by it).
var categoryKeys = []string{"area", "motivo", "codice_prestazione", "misura"}

// cell identifies one count of an indicator: its geography, its period,
// year and category, and its key.
type cell struct {
	geo, periodo, anno, catKey, cat, key string
}

func cellOf(r csi.IndicatorRow, key string) cell {
	c := cell{geo: r.Geo, periodo: r.Str("periodo"), key: key}
	if y, ok := r.Get("anno").(int64); ok {
		c.anno = strconv.FormatInt(y, 10)
	}
	for _, k := range categoryKeys {
		if slices.Contains(r.Keys, k) {
			c.catKey, c.cat = k, r.Str(k)
		}
	}
	return c
}

func (c cell) String() string {
	return c.geo + "|" + c.periodo + "|" + c.anno + "|" + c.catKey + "=" + c.cat + "|" + c.key
}

// Withheld is the decision of Protect: the counts of an indicator that are
// withheld, whatever rows of it are shown.
type Withheld struct {
	n int
	// cells maps a withheld count to false for a small one, true for one
	// withheld to protect a small one.
	cells map[cell]bool
	// known holds every count of the reference.
	known map[cell]bool
}

// Protect decides which counts to withhold, on ref: the rows of the
// indicator at every geography level over the whole province (the Comuni,
// the Ambiti and the province), so that the same count is withheld in
// every table that shows it, whatever level or scope was asked for.
// parents maps each geography (GeoKey) to the one above it.
//
// A count from 1 to n-1 is withheld (primary suppression). Then, as long as
// one withheld count can be worked out exactly from what is shown, another
// count is withheld in the relation that gives it away (complementary
// suppression): the smallest non-zero shown count of it, Comuni and
// categories before a total. The relations are: a total is the sum of its
// parts one level down (the Comuni of an Ambito, the Ambiti of the
// province), the parts of a category breakdown add up to a known total,
// and a balance (saldo_finale = saldo_iniziale + aperte - chiuse, the next
// year's saldo_iniziale). Worked out exactly means: by subtraction, chained
// across relations, or by bounds (a withheld count is known to be at least
// 1; a small one at most n-1, a complementary one at least n).
func Protect(def csi.IndicatorDef, ref []csi.IndicatorRow, parents map[string]string, n int) Withheld {
	w := Withheld{n: n, cells: map[cell]bool{}, known: map[cell]bool{}}
	if n <= 1 || len(def.Counts) == 0 {
		return w
	}
	t := newTable(def, ref, parents)
	for _, c := range t.cells {
		w.known[c] = true
		if v := t.vals[c]; v > 0 && v < int64(n) {
			w.cells[c] = false
		}
	}
	for leaks := t.audit(w); len(leaks) > 0; leaks = t.audit(w) {
		t.complement(w, leaks)
	}
	return w
}

// Apply withholds in rows the counts w withholds, and the values derived
// from them. A count w does not know (a row that was not in the reference)
// is withheld when it is small.
func (w Withheld) Apply(def csi.IndicatorDef, rows []csi.IndicatorRow) {
	if w.n <= 1 {
		return
	}
	for i := range rows {
		r := &rows[i]
		for _, key := range def.Counts {
			v, ok := r.Get(key).(int64)
			if !ok {
				continue
			}
			c := cellOf(*r, key)
			compl, withheld := w.cells[c]
			if withheld || (!w.known[c] && v > 0 && v < int64(w.n)) {
				withholdCount(def, r, key, compl)
			}
		}
		slices.Sort(r.Suppressed)
		slices.Sort(r.Complementary)
	}
}

// withholdCount withholds key in r and every value derived from it.
func withholdCount(def csi.IndicatorDef, r *csi.IndicatorRow, key string, complementary bool) {
	withhold(r, key, complementary)
	for d, from := range def.Derived {
		if from == key {
			withhold(r, d, complementary)
		}
	}
}

func withhold(r *csi.IndicatorRow, key string, complementary bool) {
	for i, k := range r.Keys {
		if k == key && !r.IsSuppressed(key) {
			r.Values[i] = nil
			r.Suppressed = append(r.Suppressed, key)
			if complementary {
				r.Complementary = append(r.Complementary, key)
			}
		}
	}
}

// term is one count in a relation, with its sign.
type term struct {
	c    cell
	sign int
}

// table holds the counts of the reference and the relations between them:
// each relation says that the signed sum of its terms is zero.
type table struct {
	cells []cell
	vals  map[cell]int64
	fixed map[cell]bool // totals that are not rows (never withheld)
	rels  [][]term
	// hopeless holds the relations that give a count away with no count
	// left to withhold in them.
	hopeless map[int]bool
}

func newTable(def csi.IndicatorDef, ref []csi.IndicatorRow, parents map[string]string) *table {
	t := &table{vals: map[cell]int64{}, fixed: map[cell]bool{}, hopeless: map[int]bool{}}
	for _, r := range ref {
		for _, key := range def.Counts {
			v, ok := r.Get(key).(int64)
			c := cellOf(r, key)
			if _, seen := t.vals[c]; ok && !seen {
				t.vals[c] = v
				t.cells = append(t.cells, c)
			}
		}
	}
	slices.SortFunc(t.cells, func(a, b cell) int { return cmp.Compare(a.String(), b.String()) })
	t.sums(func(c cell) (cell, bool) {
		p, ok := parents[c.geo]
		c.geo = p
		return c, ok
	}, false)
	t.sums(func(c cell) (cell, bool) {
		if c.catKey == "" {
			return c, false
		}
		c.cat = "\x00total"
		return c, true
	}, true)
	t.balances()
	return t
}

// sums adds a relation per total: the total (up(c)) minus its parts. With
// virtual, the total is not a row but taken as known when it is not small
// (the shares of the parts give it away): it is added as a fixed count.
func (t *table) sums(up func(cell) (cell, bool), virtual bool) {
	parts := map[cell][]cell{}
	var order []cell
	for _, c := range t.cells {
		p, ok := up(c)
		if !ok {
			continue
		}
		if _, isRow := t.vals[p]; !isRow && !virtual {
			continue
		}
		if parts[p] == nil {
			order = append(order, p)
		}
		parts[p] = append(parts[p], c)
	}
	for _, p := range order {
		if virtual {
			var sum int64
			for _, c := range parts[p] {
				sum += t.vals[c]
			}
			t.vals[p], t.fixed[p] = sum, true
		}
		rel := []term{{p, 1}}
		for _, c := range parts[p] {
			rel = append(rel, term{c, -1})
		}
		t.rels = append(t.rels, rel)
	}
}

// balances adds the relations of a balance: per year saldo_finale =
// saldo_iniziale + aperte - chiuse, a year's saldo_finale is the next
// year's saldo_iniziale, and a year shown in two periods has the same
// counts in both.
func (t *table) balances() {
	type yearKey struct{ geo, anno, key string }
	byYear := map[yearKey][]cell{}
	for _, c := range t.cells {
		if c.anno == "" {
			continue
		}
		k := yearKey{c.geo, c.anno, c.key}
		if prev := byYear[k]; len(prev) > 0 {
			t.rels = append(t.rels, []term{{prev[0], 1}, {c, -1}})
		}
		byYear[k] = append(byYear[k], c)
		if c.key != "saldo_iniziale" {
			continue
		}
		row := func(key string) (cell, bool) {
			d := c
			d.key = key
			_, ok := t.vals[d]
			return d, ok
		}
		a, ok1 := row("aperte")
		ch, ok2 := row("chiuse")
		f, ok3 := row("saldo_finale")
		if ok1 && ok2 && ok3 {
			t.rels = append(t.rels, []term{{c, 1}, {a, 1}, {ch, -1}, {f, -1}})
		}
	}
	for _, c := range t.cells {
		if c.key != "saldo_finale" {
			continue
		}
		y, _ := strconv.Atoi(c.anno)
		for _, next := range byYear[yearKey{c.geo, strconv.Itoa(y + 1), "saldo_iniziale"}] {
			t.rels = append(t.rels, []term{{c, 1}, {next, -1}})
		}
	}
}

// interval is what a reader knows of a count.
type interval struct{ lo, hi float64 }

// audit returns the relations in which a withheld count can be worked out
// exactly from what w shows, after propagating what every relation tells
// of every withheld count until nothing more is learnt.
func (t *table) audit(w Withheld) []int {
	k := t.knowledge(w)
	secret := map[cell]bool{}
	for c, iv := range k {
		secret[c] = iv.lo != iv.hi
	}
	var out []int
	for _, i := range derive(t.rels, k, func(c cell) bool { return secret[c] }) {
		if !t.hopeless[i] {
			out = append(out, i)
		}
	}
	return out
}

// knowledge is what a reader knows of each count: a shown one exactly, a
// small one is from 1 to n-1, a complementary one at least n, and a small
// category total only that it is small.
func (t *table) knowledge(w Withheld) map[cell]interval {
	k := map[cell]interval{}
	for c, v := range t.vals {
		k[c] = interval{float64(v), float64(v)}
		if t.fixed[c] && v > 0 && v < int64(w.n) {
			k[c] = interval{1, float64(w.n - 1)}
		}
	}
	for c, compl := range w.cells {
		if compl {
			k[c] = interval{float64(w.n), math.Inf(1)}
		} else {
			k[c] = interval{1, float64(w.n - 1)}
		}
	}
	return k
}

// derive tightens the intervals of k with the relations until nothing
// changes and returns the relations that pinned a withheld count to one
// value.
func derive(rels [][]term, k map[cell]interval, withheld func(cell) bool) []int {
	var leaks []int
	for round, changed := 0, true; changed && round < 50; round++ {
		changed = false
		leaks = leaks[:0]
		for i, rel := range rels {
			leaked := false
			for j, tm := range rel {
				if !withheld(tm.c) {
					continue
				}
				lo, hi := 0.0, 0.0 // the signed sum of the other terms
				for o, other := range rel {
					if o == j {
						continue
					}
					iv := k[other.c]
					if other.sign > 0 {
						lo, hi = lo+iv.lo, hi+iv.hi
					} else {
						lo, hi = lo-iv.hi, hi-iv.lo
					}
				}
				if tm.sign > 0 {
					lo, hi = -hi, -lo
				}
				iv := k[tm.c]
				nv := interval{max(iv.lo, lo), min(iv.hi, hi)}
				if nv != iv {
					k[tm.c], changed = nv, true
				}
				leaked = leaked || nv.lo == nv.hi
			}
			if leaked {
				leaks = append(leaks, i)
			}
		}
		if len(leaks) > 0 {
			return leaks
		}
	}
	return leaks
}

// complement withholds one more count in the first leaking relation that
// has one to spare: its smallest non-zero shown count, a part before the
// total. The leaking relations before it, with none to spare, are marked
// hopeless.
func (t *table) complement(w Withheld, leaks []int) {
	for _, i := range leaks {
		var best *term
		for j, tm := range t.rels[i] {
			if _, ok := w.cells[tm.c]; ok || t.fixed[tm.c] || t.vals[tm.c] <= 0 {
				continue
			}
			if best == nil || better(t, t.rels[i][j], *best) {
				best = &t.rels[i][j]
			}
		}
		if best != nil {
			w.cells[best.c] = true
			return
		}
		t.hopeless[i] = true
	}
}

// better orders the candidates: parts (sign -1) before the total, then the
// smaller count, then by name, so that the choice does not depend on the
// order of the rows.
func better(t *table, a, b term) bool {
	if a.sign != b.sign {
		return a.sign < b.sign
	}
	if va, vb := t.vals[a.c], t.vals[b.c]; va != vb {
		return va < vb
	}
	return a.c.String() < b.c.String()
}
