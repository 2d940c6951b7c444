package synth

import (
	"math/rand/v2"
	"strconv"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// generator draws the households of one Comune.
type generator struct {
	rng       *rand.Rand
	c         Comune
	cap       string
	asOf      day
	streets   []string // the Comune's streets, most populated first
	maxCivico int
	famID     int
	seen      cfRegistry
	// arrivalFrom, when set, makes every household arrive in
	// [arrivalFrom, asOf] (used by Mutate for newcomers).
	arrivalFrom day
}

// newGenerator returns the generator of c; its random stream depends only
// on the seed and c's ISTAT code.
func newGenerator(c Comune, opts Options, seen cfRegistry) *generator {
	istat, _ := strconv.ParseUint(c.Istat, 10, 64)
	g := &generator{
		rng:       rand.New(rand.NewPCG(uint64(opts.Seed), istat)),
		c:         c,
		cap:       pools().capByIst[c.Istat],
		asOf:      dayOf(opts.AsOf),
		maxCivico: 40 + c.Popolazione/1500,
		seen:      seen,
	}
	g.famID = 10_000 + g.rng.IntN(5_000)
	g.streets = g.pickStreets(c.Popolazione)
	return g
}

// pickStreets chooses the Comune's streets: more for larger Comuni.
func (g *generator) pickStreets(pop int) []string {
	n := min(max(12+pop/600, 12), len(streets))
	perm := g.rng.Perm(len(streets))
	out := make([]string, n)
	for i := range out {
		out[i] = streets[perm[i]]
	}
	return out
}

// run generates households until n people have been produced, writing
// them to rw unless it is nil, and returns the number of people.
func (g *generator) run(rw *rowWriter, n int) (int, error) {
	var h household
	done := 0
	for done < n {
		if err := g.household(&h, n-done); err != nil {
			return done, err
		}
		if rw != nil {
			if err := rw.household(&h, g); err != nil {
				return done, err
			}
		}
		done += len(h.members)
	}
	return done, nil
}

// household fills h with a new household of at most limit members.
func (g *generator) household(h *household, limit int) error {
	h.reset()
	g.famID += 1 + g.rng.IntN(3)
	h.id = g.famID
	h.foreign = g.pickCountry()
	g.compose(h)
	if len(h.members) > limit {
		h.members = h.members[:limit]
	}
	g.address(h)
	g.settle(h)
	for i := range h.members {
		if err := g.assignCF(&h.members[i], h.foreign); err != nil {
			return err
		}
	}
	return nil
}

// address gives h a street and house number.
func (g *generator) address(h *household) {
	h.street = g.streets[g.skewed(len(g.streets))]
	h.civico = h.civico[:0]
	h.civico = strconv.AppendInt(h.civico, int64(1+g.skewed(g.maxCivico)), 10)
	if g.chance(0.04) {
		h.civico = append(h.civico, '/', byte('A'+g.rng.IntN(3)))
	}
}

// omocodeShare is the share of people given an omocode codice fiscale even
// without a collision, so that consumers meet some.
const omocodeShare = 0.001

// assignCF computes p's codice fiscale, moving to the next omocodia level
// while the code is taken.
func (g *generator) assignCF(p *person, foreign *country) error {
	y, m, d := p.birth.civil()
	info := codicefiscale.Info{
		Surname: p.surname.code, Name: p.name.code,
		YY: y % 100, Month: m, Day: d, Sex: p.sex, Place: p.place,
	}
	if g.chance(omocodeShare) {
		info.Omocodia = 1 + g.rng.IntN(2)
	}
	for ; info.Omocodia <= 7; info.Omocodia++ {
		cf, err := codicefiscale.Encode(info)
		if err != nil {
			return err
		}
		if g.seen.add(cf) {
			p.cf = cf
			return nil
		}
	}
	// Every variant is taken: the person gets another name.
	p.name = g.givenName(p.sex, y, foreign)
	return g.assignCF(p, foreign)
}

// cfRegistry records the codici fiscali already issued: add records cf
// and reports whether it was new. It may answer "taken" for a new code
// (the person then gets an omocode variant), never "new" for a taken one.
type cfRegistry interface {
	add(cf string) bool
}

// cfSet records the codici fiscali already issued, exactly.
type cfSet map[[codicefiscale.Length]byte]struct{}

// add records cf and reports whether it was new.
func (s cfSet) add(cf string) bool {
	var k [codicefiscale.Length]byte
	copy(k[:], cf)
	if _, dup := s[k]; dup {
		return false
	}
	s[k] = struct{}{}
	return true
}

// chance returns true with probability p.
func (g *generator) chance(p float64) bool {
	return g.rng.Float64() < p
}

// skewed returns an index in [0, n) favouring small ones, as popular names
// and long streets are favoured.
func (g *generator) skewed(n int) int {
	u := g.rng.Float64()
	return int(u * u * float64(n))
}

// between returns a day uniformly in [lo, hi], or lo if hi < lo.
func (g *generator) between(lo, hi day) day {
	if hi <= lo {
		return lo
	}
	return lo + day(g.rng.IntN(int(hi-lo)+1))
}
