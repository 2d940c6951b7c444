package synth

import (
	"bytes"
	"io"
	"slices"
	"strings"
)

// resident is what the records generator needs to know of a resident.
type resident struct {
	cf      string
	birth   day
	iscr    day
	foreign bool
}

// comuneRegistry is one Comune's generated registry: its extract rows and
// the residents they describe, in the same order.
type comuneRegistry struct {
	c         Comune
	data      []byte  // the rows, each ending in LF
	off       []int32 // where each row starts in data
	residents []resident
	history   bool // the demo loads the historyFrom extract too
}

// registries generates the registry of every Comune, exactly the rows
// WriteProvince writes, keeping them in memory: gen(i) fills regs[i] (the
// i-th Comune), once, and must be called in order, since the Comuni draw
// their codici fiscali from one shared set. The demo generates each one
// just before it writes its extract, so that the first import need not
// wait for the whole province (1.3 s).
type registries struct {
	opts Options
	seen cfSet
	regs []*comuneRegistry
}

func newRegistries(opts Options) *registries {
	return &registries{opts: opts, seen: make(cfSet, 900_000), regs: make([]*comuneRegistry, len(pools().mb))}
}

// gen returns the registry of the i-th Comune, generating those up to it.
func (g *registries) gen(i int) (*comuneRegistry, error) {
	for j := range i + 1 {
		if g.regs[j] != nil {
			continue
		}
		r, err := generateRegistry(pools().mb[j], g.opts, g.seen)
		if err != nil {
			return nil, err
		}
		g.regs[j] = r
	}
	return g.regs[i], nil
}

// all generates every registry not generated yet and returns them.
func (g *registries) all() ([]*comuneRegistry, error) {
	if _, err := g.gen(len(g.regs) - 1); err != nil {
		return nil, err
	}
	return g.regs, nil
}

// generateRegistry draws the households of c as newGenerator.run does.
func generateRegistry(c Comune, opts Options, seen cfSet) (*comuneRegistry, error) {
	n := c.rows(opts.Scale)
	g := newGenerator(c, opts, seen)
	r := &comuneRegistry{c: c, data: make([]byte, 0, n*112), off: make([]int32, 0, n), residents: make([]resident, 0, n)}
	var h household
	for len(r.off) < n {
		if err := g.household(&h, n-len(r.off)); err != nil {
			return nil, err
		}
		for i := range h.members {
			p := &h.members[i]
			r.off = append(r.off, int32(len(r.data)))
			r.data = appendPerson(r.data, &h, p, g)
			r.residents = append(r.residents, resident{cf: p.cf, birth: p.birth, iscr: p.iscr, foreign: h.foreign != nil})
		}
	}
	return r, nil
}

// writeExtract writes the header and the rows for which keep is true (all
// when keep is nil), sorted by codice fiscale: municipal exports are
// often sorted so, and the store's index takes sorted rows faster.
func (r *comuneRegistry) writeExtract(w io.Writer, keep func(resident) bool) (int, error) {
	idx := make([]int32, 0, len(r.off))
	for i := range r.off {
		if keep == nil || keep(r.residents[i]) {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(r.residents[a].cf, r.residents[b].cf) })
	var bw bytes.Buffer
	bw.Grow(len(r.data) + len(header) + 1)
	bw.WriteString(header + "\n")
	for _, i := range idx {
		bw.Write(r.row(int(i)))
	}
	_, err := w.Write(bw.Bytes())
	return len(idx), err
}

// row returns row i with its line end.
func (r *comuneRegistry) row(i int) []byte {
	end := len(r.data)
	if i+1 < len(r.off) {
		end = int(r.off[i+1])
	}
	return r.data[r.off[i]:end]
}
