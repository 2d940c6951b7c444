package synth

import (
	"slices"
	"sort"
)

// Household kinds, with their shares among Italian and foreign households
// (roughly the ISTAT family structure of Lombardy).
const (
	kindSingle = iota
	kindCouple
	kindFamily // a couple with children
	kindSingleParent
	kindElderWithChild // an old parent living with an adult child
)

// kindWeights are per-mille shares of each kind, [foreign][kind].
var kindWeights = [2][5]int{
	{340, 230, 280, 90, 60},
	{220, 120, 520, 120, 20},
}

// compose fills h with members of a random kind, intestatario first.
func (g *generator) compose(h *household) {
	f := 0
	if h.foreign != nil {
		f = 1
	}
	switch g.weighted(kindWeights[f][:]) {
	case kindSingle:
		g.single(h)
	case kindCouple:
		g.couple(h)
	case kindFamily:
		g.family(h)
	case kindSingleParent:
		g.singleParent(h)
	default:
		g.elderWithChild(h)
	}
}

// single adds one person living alone.
func (g *generator) single(h *household) {
	var age int
	switch r := g.rng.Float64(); {
	case h.foreign != nil:
		age = g.age(20, 64)
	case r < 0.58:
		age = g.age(65, 100)
	case r < 0.88:
		age = g.age(35, 64)
	default:
		age = g.age(20, 34)
	}
	pFemale := 0.45
	if age >= 65 {
		pFemale = 0.72
	}
	g.add(h, g.sex(pFemale), age, relHead, g.singleCivil(age), g.surnameFor(h))
}

// singleCivil draws the civil status of an adult living without a partner.
func (g *generator) singleCivil(age int) int {
	switch {
	case age < 30:
		return []int{civilSingle, civilDivorced}[g.weighted([]int{92, 8})]
	case age < 65:
		return []int{civilSingle, civilDivorced, civilWidowed}[g.weighted([]int{55, 33, 12})]
	}
	return []int{civilWidowed, civilSingle, civilDivorced}[g.weighted([]int{60, 25, 15})]
}

// couple adds a married couple without children.
func (g *generator) couple(h *household) {
	var age int
	switch {
	case h.foreign != nil:
		age = g.age(22, 60)
	case g.chance(0.15):
		age = g.age(25, 59)
	default:
		age = g.age(60, 95)
	}
	g.pair(h, age, max(age-g.ageGap(), 18))
}

// pair adds husband and wife, one of them intestatario, and returns the
// husband's surname (the children's).
func (g *generator) pair(h *household, husband, wife int) nameEntry {
	hs, ws := g.surnameFor(h), g.surnameFor(h)
	if g.chance(0.8) {
		g.add(h, 'M', husband, relHead, civilMarried, hs)
		g.add(h, 'F', wife, relSpouse, civilMarried, ws)
	} else {
		g.add(h, 'F', wife, relHead, civilMarried, ws)
		g.add(h, 'M', husband, relSpouse, civilMarried, hs)
	}
	return hs
}

// ageGap draws how much older the husband is, -5 to 15 years.
func (g *generator) ageGap() int {
	return min(max(int(g.rng.NormFloat64()*3.5+2.5), -5), 15)
}

// family adds a couple with 1–4 children and, sometimes, a grandparent.
func (g *generator) family(h *household) {
	mother := g.age(27, 64)
	if h.foreign != nil {
		mother = g.age(22, 50)
	}
	father := min(mother+g.ageGap(), 100)
	surname := g.pair(h, father, mother)
	g.children(h, 1+g.weighted([]int{52, 38, 8, 2}), min(mother, father), surname)
	if h.foreign == nil && len(h.members) < 6 && g.chance(0.06) {
		g.grandparent(h)
	}
}

// children adds n children of a parent of the given age, eldest first.
func (g *generator) children(h *household, n, parentAge int, surname nameEntry) {
	lo, hi := max(0, parentAge-45), min(parentAge-18, 30)
	ages := make([]int, n)
	for i := range ages {
		ages[i] = g.age(lo, hi)
	}
	slices.SortFunc(ages, func(a, b int) int { return b - a })
	for _, a := range ages {
		g.add(h, g.sex(0.49), a, relChild, civilSingle, surname)
	}
}

// grandparent adds a widowed parent of the intestatario.
func (g *generator) grandparent(h *household) {
	head := &h.members[0]
	age := head.birth.years(g.asOf) + 22 + g.rng.IntN(16)
	if age > 100 {
		return
	}
	sex := g.sex(0.7)
	surname := head.surname // a father passes his surname on
	if sex == 'F' {
		surname = g.surnameFor(h)
	}
	g.add(h, sex, age, relParent, civilWidowed, surname)
}

// singleParent adds a parent without partner and 1–3 children.
func (g *generator) singleParent(h *household) {
	age := g.age(28, 62)
	if h.foreign != nil {
		age = g.age(25, 55)
	}
	sex := g.sex(0.8)
	civil := []int{civilDivorced, civilSingle, civilWidowed}[g.weighted([]int{45, 40, 15})]
	own := g.surnameFor(h)
	g.add(h, sex, age, relHead, civil, own)
	kids := own
	if sex == 'F' && g.chance(0.7) {
		kids = g.surnameFor(h) // the absent father's
	}
	if sex == 'M' {
		age -= 5 // children of older fathers: keep their ages plausible
	}
	g.children(h, 1+g.weighted([]int{60, 33, 7}), max(age, 24), kids)
}

// elderWithChild adds an old widowed parent and an adult child.
func (g *generator) elderWithChild(h *household) {
	age := g.age(72, 100)
	if h.foreign != nil {
		age = g.age(60, 85)
	}
	sex := g.sex(0.75)
	own := g.surnameFor(h)
	g.add(h, sex, age, relHead, []int{civilWidowed, civilDivorced}[g.weighted([]int{85, 15})], own)
	kid := own
	if sex == 'F' {
		kid = g.surnameFor(h)
	}
	childAge := g.age(max(18, age-45), min(age-20, 75))
	g.add(h, g.sex(0.45), childAge, relChild, []int{civilSingle, civilDivorced}[g.weighted([]int{70, 30})], kid)
}

// add appends a member aged age (in whole years at asOf).
func (g *generator) add(h *household, sex byte, age, rel, civil int, surname nameEntry) {
	birth := g.asOf.addYears(-float64(age)) - day(1+g.rng.IntN(365))
	y, _, _ := birth.civil()
	h.members = append(h.members, person{
		surname: surname, name: g.givenName(sex, y, h.foreign),
		sex: sex, birth: birth, rel: rel, civil: civil,
	})
}

// sex returns 'F' with probability pFemale, else 'M'.
func (g *generator) sex(pFemale float64) byte {
	if g.chance(pFemale) {
		return 'F'
	}
	return 'M'
}

// weighted returns an index drawn with the given relative weights.
func (g *generator) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := g.rng.IntN(total)
	for i, x := range w {
		if n -= x; n < 0 {
			return i
		}
	}
	return len(w) - 1
}

// pyramid holds the share (per cent) of the Italian population in each
// five-year age band at 1/1/2020, 0–4 to 95–99, then 100.
var pyramid = []float64{
	3.9, 4.5, 4.8, 4.8, 5.0, 5.3, 5.6, 6.2, 7.3, 8.0, 8.1,
	7.6, 6.6, 5.9, 5.6, 4.6, 3.8, 2.3, 0.9, 0.22, 0.02,
}

// ageCum is the cumulative pyramid weight of ages below each index 0–101.
var ageCum = func() []float64 {
	cum := make([]float64, 102)
	for a := 0; a <= 100; a++ {
		cum[a+1] = cum[a] + pyramid[a/5]/5
	}
	return cum
}()

// age draws an age in [lo, hi] following the pyramid.
func (g *generator) age(lo, hi int) int {
	lo, hi = max(lo, 0), min(hi, 100)
	if hi <= lo {
		return lo
	}
	u := ageCum[lo] + g.rng.Float64()*(ageCum[hi+1]-ageCum[lo])
	a := sort.SearchFloat64s(ageCum, u) - 1
	return min(max(a, lo), hi)
}
