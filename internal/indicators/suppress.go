package indicators

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

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

// cellOf names the count key of r, in a table of def for the parameters
// p, by the quantity it counts (see shared).
func cellOf(def csi.IndicatorDef, p csi.IndicatorParams, r csi.IndicatorRow, key string) cell {
	c := cell{geo: r.Geo, periodo: r.Str("periodo"), key: key}
	if y, ok := r.Get("anno").(int64); ok {
		c.anno = strconv.FormatInt(y, 10)
	}
	for _, k := range categoryKeys {
		if slices.Contains(r.Keys, k) {
			c.catKey, c.cat = k, r.Str(k)
		}
	}
	return shared(def.Name, p, c)
}

// Shared says whether the counts of def with the parameters p are the
// cartelle quantities several indicators publish (see shared): such a
// table takes the decision of ProtectCartelle, not the indicator's own.
func Shared(def csi.IndicatorDef, p csi.IndicatorParams) bool {
	switch def.Name {
	case "cartelle-movimento", "cartelle-popolazione":
		return true
	case "cartelle-aperte-dal":
		_, ok := calendarYear(p.Since, p.At)
		return ok
	}
	return false
}

// shared names the cartelle counts of cartelle-movimento,
// cartelle-popolazione and cartelle-aperte-dal (over one calendar year) by
// the quantity itself, so that the same quantity is one count whichever
// indicator shows it: per geography and year, saldo_finale the cartelle
// open on 31 December (a year's saldo_iniziale is the year before's
// saldo_finale, cartelle-popolazione's cartelle_aperte the year's), aperte
// those opened in the year, chiuse those closed, nuove_aperte those
// opened in the year and still open on 31 December (ancora_aperte,
// nuove_anno). A year shown in several periods is one count.
func shared(name string, p csi.IndicatorParams, c cell) cell {
	rename := map[string]string{}
	switch name {
	case "cartelle-movimento":
		if c.key == "saldo_iniziale" {
			y, _ := strconv.Atoi(c.anno)
			c.anno, c.key = strconv.Itoa(y-1), "saldo_finale"
		}
	case "cartelle-popolazione":
		c.anno = strconv.Itoa(p.Year)
		rename = map[string]string{"cartelle_aperte": "saldo_finale", "nuove_anno": "nuove_aperte"}
	case "cartelle-aperte-dal":
		y, ok := calendarYear(p.Since, p.At)
		if !ok {
			return c
		}
		c.anno = y
		rename = map[string]string{"ancora_aperte": "nuove_aperte"}
	default:
		return c
	}
	c.periodo = ""
	if k, ok := rename[c.key]; ok {
		c.key = k
	}
	return c
}

// calendarYear returns the year since and at span when they are its first
// and last day.
func calendarYear(since, at string) (string, bool) {
	if len(since) != 10 || !strings.HasSuffix(since, "-01-01") || at != since[:4]+"-12-31" {
		return "", false
	}
	return since[:4], true
}

func (c cell) String() string {
	return c.geo + "|" + c.periodo + "|" + c.anno + "|" + c.catKey + "=" + c.cat + "|" + c.key
}

// Withheld is the decision of Protect: the counts of an indicator that are
// withheld, whatever rows of it are shown.
type Withheld struct {
	n int
	// cells maps a withheld count to false when it reads <n, true when it
	// reads c (withheld so that no small count can be worked out; of any
	// size, a small one included).
	cells map[cell]bool
	// known holds every count of the reference.
	known map[cell]bool
	// last is the last year of ProtectCartelle's reference: after it the
	// open cartelle are those of its 31 December (nothing opens or closes).
	last int
}

// Protect decides which counts to withhold, on ref: the rows of the
// indicator at every geography level over the whole province (the Comuni,
// the Ambiti and the province), so that the same count is withheld in
// every table that shows it, whatever level or scope was asked for.
// parents maps each geography (GeoKey) to the one above it.
//
// A count from 1 to n-1 is withheld and reads <n (primary suppression).
// Then, as long as a withheld count (of either kind: a c worked out says
// what it hides, and may be a small one) can be worked out exactly from
// what is shown, another count is withheld in the relation that gives it
// away, or the nearest one linked to it (complementary suppression); it
// reads c, which says nothing of its size, and a small count already
// withheld may be turned into a c too (so that its bound 1..n-1 no longer
// helps). The
// relations are: a total is the sum of its parts one level down (the
// Comuni of an Ambito, the Ambiti of the province); the parts of a
// category breakdown add up to their total, taken as known (the shares
// give it away) unless it is small; and a balance (saldo_finale =
// saldo_iniziale + aperte - chiuse, the next year's saldo_iniziale; see
// balances).
// Worked out exactly means: by subtraction, chained across relations, or
// by bounds (what is known to lie in 1..n-1, or to be at least 0).
func Protect(def csi.IndicatorDef, ref []csi.IndicatorRow, parents map[string]string, n int) Withheld {
	if len(def.Counts) == 0 {
		return Withheld{n: n}
	}
	return ProtectTables([]Published{{Def: def, Rows: ref}}, parents, n)
}

// Published is one table of a reference: the rows of an indicator for
// its parameters.
type Published struct {
	Def    csi.IndicatorDef
	Params csi.IndicatorParams
	Rows   []csi.IndicatorRow
}

// ProtectTables is Protect over several tables at once, whose counts are
// named by the quantity they count (see Shared): a count withheld in one
// is withheld in all that show it, and the relations of each hold over
// all.
func ProtectTables(ref []Published, parents map[string]string, n int) Withheld {
	w := Withheld{n: n, cells: map[cell]bool{}, known: map[cell]bool{}}
	if n <= 1 {
		return w
	}
	t := newTables(ref, parents, n)
	for leaks := t.audit(); len(leaks) > 0; leaks = t.audit() {
		t.complement(leaks)
	}
	for i, c := range t.cells {
		if !t.fixed[i] {
			w.known[c] = true
		}
		if t.state[i] != shown {
			w.cells[c] = t.state[i] == complementary
		}
	}
	return w
}

// ProtectCartelle is ProtectTables over the cartelle quantities of the
// years first to last (see Shared): ref holds cartelle-movimento over
// those years and cartelle-aperte-dal over each of them, at every level.
// A table of a later year reads the open cartelle of last.
func ProtectCartelle(ref []Published, parents map[string]string, n, last int) Withheld {
	w := ProtectTables(ref, parents, n)
	w.last = last
	return w
}

// Apply withholds in rows, a table of def for the parameters p, the
// counts w withholds, and the values derived from them. A count w does
// not know (a row that was not in the reference) is withheld when it is
// small.
func (w Withheld) Apply(def csi.IndicatorDef, p csi.IndicatorParams, rows []csi.IndicatorRow) {
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
			c := cellOf(def, p, *r, key)
			if y, _ := strconv.Atoi(c.anno); w.last > 0 && y > w.last && c.key == "saldo_finale" {
				c.anno = strconv.Itoa(w.last)
			}
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

// States of a count in a table.
const (
	shown int8 = iota
	small
	complementary
)

// term is one count in a relation (its index in the table), with its sign.
type term struct{ id, sign int }

// table holds the counts of the reference and the relations between them:
// each relation says that the signed sum of its terms is zero.
type table struct {
	n     int
	cells []cell
	vals  []int64
	fixed []bool // totals that are not rows (never withheld)
	state []int8
	rels  [][]term
	in    [][]int // the relations each count is in
	// hopeless holds the relations that give a count away with no count
	// left to withhold.
	hopeless map[int]bool
}

// cterm is a term named by its cell, while the table is built.
type cterm struct {
	c    cell
	sign int
}

func newTable(def csi.IndicatorDef, ref []csi.IndicatorRow, parents map[string]string, n int) *table {
	return newTables([]Published{{Def: def, Rows: ref}}, parents, n)
}

func newTables(ref []Published, parents map[string]string, n int) *table {
	vals := map[cell]int64{}
	for _, tb := range ref {
		for _, r := range tb.Rows {
			for _, key := range tb.Def.Counts {
				c := cellOf(tb.Def, tb.Params, r, key)
				if v, ok := r.Get(key).(int64); ok {
					if _, seen := vals[c]; !seen {
						vals[c] = v
					}
				}
			}
		}
	}
	var cells []cell
	for c := range vals {
		cells = append(cells, c)
	}
	slices.SortFunc(cells, func(a, b cell) int { return cmp.Compare(a.String(), b.String()) })
	var rels [][]cterm
	fixed := map[cell]bool{}
	rels = append(rels, sums(cells, vals, func(c cell) (cell, bool) {
		p, ok := parents[c.geo]
		c.geo = p
		return c, ok
	}, nil)...)
	rels = append(rels, sums(cells, vals, func(c cell) (cell, bool) {
		c.cat = "\x00total"
		return c, c.catKey != ""
	}, fixed)...)
	rels = append(rels, balances(cells, vals)...)

	t := &table{n: n, hopeless: map[int]bool{}}
	id := map[cell]int{}
	add := func(c cell) {
		id[c] = len(t.cells)
		t.cells = append(t.cells, c)
		t.vals = append(t.vals, vals[c])
		t.fixed = append(t.fixed, fixed[c])
		st := shown
		if v := vals[c]; !fixed[c] && v > 0 && v < int64(n) {
			st = small
		}
		t.state = append(t.state, st)
	}
	for _, c := range cells {
		add(c)
	}
	for _, rel := range rels {
		var r []term
		for _, tm := range rel {
			if _, ok := id[tm.c]; !ok {
				add(tm.c)
			}
			r = append(r, term{id[tm.c], tm.sign})
		}
		t.rels = append(t.rels, r)
	}
	t.in = make([][]int, len(t.cells))
	for i, rel := range t.rels {
		for _, tm := range rel {
			t.in[tm.id] = append(t.in[tm.id], i)
		}
	}
	return t
}

// sums returns a relation per total: the total (up(c)) minus its parts.
// With virtual set, the total is not a row: its value is the sum of the
// parts, recorded in vals and virtual (the shares of the parts give it
// away, unless it is small).
func sums(cells []cell, vals map[cell]int64, up func(cell) (cell, bool), virtual map[cell]bool) [][]cterm {
	parts := map[cell][]cell{}
	var order []cell
	for _, c := range cells {
		p, ok := up(c)
		if !ok {
			continue
		}
		if _, isRow := vals[p]; !isRow && virtual == nil {
			continue
		}
		if parts[p] == nil {
			order = append(order, p)
		}
		parts[p] = append(parts[p], c)
	}
	var rels [][]cterm
	for _, p := range order {
		if virtual != nil {
			var sum int64
			for _, c := range parts[p] {
				sum += vals[c]
			}
			vals[p], virtual[p] = sum, true
		}
		rel := []cterm{{p, 1}}
		for _, c := range parts[p] {
			rel = append(rel, cterm{c, -1})
		}
		rels = append(rels, rel)
	}
	return rels
}

// balances returns the relations of a balance: per geography and year,
// the open cartelle of the year before plus those opened minus those
// closed are the open cartelle of the year (cells named as shared names
// them: a year's saldo_iniziale is the year before's saldo_finale).
func balances(cells []cell, vals map[cell]int64) [][]cterm {
	var rels [][]cterm
	for _, c := range cells {
		if c.key != "aperte" || c.anno == "" {
			continue
		}
		y, _ := strconv.Atoi(c.anno)
		at := func(anno int, key string) cell {
			d := c
			d.anno, d.key = strconv.Itoa(anno), key
			return d
		}
		terms := []cterm{{at(y-1, "saldo_finale"), 1}, {c, 1}, {at(y, "chiuse"), -1}, {at(y, "saldo_finale"), -1}}
		if !slices.ContainsFunc(terms, func(t cterm) bool { _, ok := vals[t.c]; return !ok }) {
			rels = append(rels, terms)
		}
	}
	return rels
}

// interval is what a reader knows of a count.
type interval struct{ lo, hi float64 }

// leak is a withheld count (id) that relation rel pins to one value.
type leak struct{ rel, id int }

// audit returns the withheld counts that can be worked out exactly from
// what is shown, after propagating what every relation tells of every withheld
// count until nothing more is learnt (or a count is pinned).
func (t *table) audit() []leak {
	n := float64(t.n)
	k := make([]interval, len(t.cells))
	for i, v := range t.vals {
		switch {
		case t.state[i] == small, t.fixed[i] && v > 0 && v < int64(t.n):
			k[i] = interval{1, n - 1}
		case t.state[i] == complementary:
			k[i] = interval{0, math.Inf(1)}
		default:
			k[i] = interval{float64(v), float64(v)}
		}
	}
	// The secrets: every count withheld (a c worked out would say what it
	// hides, and may be a small one), and a small total that is no row.
	secret := make([]bool, len(k))
	for i, v := range t.vals {
		secret[i] = t.state[i] != shown || (t.fixed[i] && v > 0 && v < int64(t.n))
	}
	var leaks []leak
	for round, changed := 0, true; changed && round < 50 && len(leaks) == 0; round++ {
		changed = false
		for i, rel := range t.rels {
			if t.tighten(rel, k) {
				changed = true
				for _, tm := range rel {
					if iv := k[tm.id]; iv.lo == iv.hi && secret[tm.id] && !t.hopeless[i] {
						leaks = append(leaks, leak{i, tm.id})
						secret[tm.id] = false
					}
				}
			}
		}
	}
	return leaks
}

// tighten narrows the intervals of the terms of rel by what the others
// say (a complementary count is 0 or at least n), and reports a change.
func (t *table) tighten(rel []term, k []interval) bool {
	// The sum of the terms' signed ranges, its infinite parts counted apart.
	var lo, hi float64
	var loInf, hiInf int
	part := func(tm term) (float64, float64) {
		iv := k[tm.id]
		if tm.sign > 0 {
			return iv.lo, iv.hi
		}
		return -iv.hi, -iv.lo
	}
	for _, tm := range rel {
		l, h := part(tm)
		if math.IsInf(l, -1) {
			loInf++
		} else {
			lo += l
		}
		if math.IsInf(h, 1) {
			hiInf++
		} else {
			hi += h
		}
	}
	changed := false
	for _, tm := range rel {
		iv := k[tm.id]
		if iv.lo == iv.hi {
			continue
		}
		l, h := part(tm)
		olo, ohi := math.Inf(-1), math.Inf(1) // the others' sum
		if !math.IsInf(l, -1) && loInf == 0 {
			olo = lo - l
		} else if math.IsInf(l, -1) && loInf == 1 {
			olo = lo
		}
		if !math.IsInf(h, 1) && hiInf == 0 {
			ohi = hi - h
		} else if math.IsInf(h, 1) && hiInf == 1 {
			ohi = hi
		}
		b := interval{-ohi, -olo}
		if tm.sign < 0 {
			b = interval{olo, ohi}
		}
		nv := interval{max(iv.lo, b.lo), min(iv.hi, b.hi)}
		if nv != iv {
			k[tm.id], changed = nv, true
		}
	}
	return changed
}

// complement withholds one more count for the first leak that has one to
// spare, among the candidates (see candidates): the first of a few whose
// withholding unpins the leaked count, or else the best shown one. The
// leaks before it, with none to spare, are marked hopeless.
func (t *table) complement(leaks []leak) {
	for _, l := range leaks {
		cands := t.candidates(l.rel)
		if len(cands) == 0 {
			t.hopeless[l.rel] = true
			continue
		}
		for _, c := range cands[:min(len(cands), tries)] {
			was := t.state[c]
			t.state[c] = complementary
			if !slices.ContainsFunc(t.audit(), func(o leak) bool { return o.id == l.id }) {
				return
			}
			t.state[c] = was
		}
		best := cands[0]
		for _, c := range cands {
			if t.state[c] == shown {
				best = c
				break
			}
		}
		t.state[best] = complementary
		return
	}
}

// tries is how many candidates complement tries before it takes one.
const tries = 4

// candidates returns the counts that may be withheld as complementary for
// relation i, best first: its own, then those of the relations one
// withheld count away from it, then two, and so on (what gives a count
// away may lie a few relations off), stopping after a layer with some. A
// small count already withheld comes first (it then reads c, not <N, and
// so tells nothing of its size), then a shown non-zero one, a part before
// the total and a smaller before a larger, then a zero.
func (t *table) candidates(i int) []int {
	seen := map[int]bool{i: true}
	for layer := []int{i}; len(layer) > 0; {
		var next []int
		var terms []term
		for _, r := range layer {
			for _, tm := range t.rels[r] {
				free := t.state[tm.id] != complementary && !t.fixed[tm.id]
				if free && !slices.ContainsFunc(terms, func(o term) bool { return o.id == tm.id }) {
					terms = append(terms, tm)
				}
				if t.state[tm.id] == shown && !t.fixed[tm.id] {
					continue
				}
				for _, j := range t.in[tm.id] {
					if !seen[j] {
						seen[j] = true
						next = append(next, j)
					}
				}
			}
		}
		if len(terms) > 0 {
			slices.SortFunc(terms, t.compare)
			ids := make([]int, len(terms))
			for j, tm := range terms {
				ids[j] = tm.id
			}
			return ids
		}
		layer = next
	}
	return nil
}

// compare orders candidates: a small withheld count first, then a shown
// non-zero one, then a zero; then a part (sign -1) before the total, the
// smaller count before the larger, then by name, so that the choice does
// not depend on the order of the rows.
func (t *table) compare(a, b term) int {
	rank := func(id int) int {
		switch {
		case t.state[id] == small:
			return 0
		case t.vals[id] > 0:
			return 1
		}
		return 2
	}
	va, vb := t.vals[a.id], t.vals[b.id]
	switch {
	case rank(a.id) != rank(b.id):
		return cmp.Compare(rank(a.id), rank(b.id))
	case a.sign != b.sign:
		return cmp.Compare(a.sign, b.sign)
	case va != vb:
		return cmp.Compare(va, vb)
	}
	return cmp.Compare(t.cells[a.id].String(), t.cells[b.id].String())
}
