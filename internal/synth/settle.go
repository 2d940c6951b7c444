package synth

import "sort"

// settle decides where each member of h was born and when and why they
// were registered in the Comune.
func (g *generator) settle(h *household) {
	if h.foreign != nil {
		g.settleForeign(h)
	} else {
		g.settleItalian(h)
	}
	for i := range h.members {
		m := &h.members[i]
		m.iscr = min(max(m.iscr, m.birth), g.asOf)
	}
}

// lifelongShare is the share of Italian intestatari living in the Comune
// since birth.
const lifelongShare = 0.35

// settleItalian settles an Italian household: the intestatario has lived
// here since birth or moved in from another Comune.
func (g *generator) settleItalian(h *household) {
	head := &h.members[0]
	arrival := head.birth
	lifelong := g.arrivalFrom == 0 && g.chance(lifelongShare)
	if lifelong {
		g.bornHere(head)
	} else {
		arrival = g.arrival(head.birth.addYears(20))
		g.movedIn(head, arrival, motivoComune)
	}
	for i := 1; i < len(h.members); i++ {
		m := &h.members[i]
		switch {
		case m.rel == relSpouse && lifelong:
			g.movedIn(m, g.between(m.birth.addYears(18), firstChild(h, g.asOf)), motivoComune)
		case m.rel == relParent:
			g.movedIn(m, g.between(max(arrival, g.asOf.addYears(-15)), g.asOf), motivoComune)
		case m.birth >= arrival:
			g.bornHere(m)
		default:
			g.movedIn(m, arrival, motivoComune)
		}
	}
}

// settleForeign settles a foreign household: the intestatario immigrated,
// the partner and children joined within a few years, and children born
// afterwards were born in Italy.
func (g *generator) settleForeign(h *household) {
	head := &h.members[0]
	motivo := []int{motivoAbroad, motivoComune}[g.weighted([]int{75, 25})]
	arrival := g.arrival(max(head.birth.addYears(18), g.asOf.addYears(-25)))
	g.cameFrom(head, h.foreign, arrival, motivo)
	joined := arrival
	if len(h.members) > 1 && h.members[1].rel == relSpouse {
		joined = g.between(arrival, min(arrival.addYears(3), g.asOf))
	}
	for i := 1; i < len(h.members); i++ {
		m := &h.members[i]
		switch {
		case m.rel == relSpouse:
			g.cameFrom(m, h.foreign, max(joined, m.birth.addYears(16)), motivo)
		case m.rel == relParent:
			g.cameFrom(m, h.foreign, g.between(max(arrival, g.asOf.addYears(-10)), g.asOf), motivo)
		case m.birth >= joined:
			g.bornHere(m)
		default:
			g.cameFrom(m, h.foreign, joined, motivo)
		}
	}
}

// arrival draws the day a household moved in, not before earliest.
func (g *generator) arrival(earliest day) day {
	if g.arrivalFrom != 0 {
		return g.between(max(g.arrivalFrom, earliest), g.asOf)
	}
	return g.between(min(earliest, g.asOf), g.asOf)
}

// firstChild returns the birth of h's eldest child, or def.
func firstChild(h *household, def day) day {
	for _, m := range h.members {
		if m.rel == relChild && m.birth < def {
			def = m.birth
		}
	}
	return def
}

// bornHere registers m at birth, born in or near the Comune.
func (g *generator) bornHere(m *person) {
	m.place = g.localPlace(m.birth)
	m.iscr = m.birth + day(g.rng.IntN(10))
	m.motivo = motivoBirth
}

// movedIn registers m on day at, born elsewhere in Italy.
func (g *generator) movedIn(m *person, at day, motivo int) {
	m.place = g.elsewherePlace(m.birth)
	m.iscr, m.motivo = at, motivo
}

// cameFrom registers m on day at, born in country c.
func (g *generator) cameFrom(m *person, c *country, at day, motivo int) {
	m.place = c.Belfiore
	m.iscr, m.motivo = at, motivo
}

// Birth dates where birth-place habits change.
var (
	born1965 = fromCivil(1965, 1, 1) // home births give way to hospitals
	born1970 = fromCivil(1970, 1, 1) // migration from the South slows down
)

// localPlace draws the birth place of someone born while the family lived
// here: the Comune itself or, for later generations, a hospital nearby.
func (g *generator) localPlace(birth day) string {
	r := g.rng.Float64()
	if birth < born1965 {
		if r < 0.7 {
			return g.c.Belfiore
		}
		return g.hospital()
	}
	switch {
	case r < 0.2:
		return g.c.Belfiore
	case r < 0.8:
		return g.hospital()
	case r < 0.92:
		return milano
	}
	return g.mbComune()
}

// hospital draws the Comune of a maternity ward of the province.
func (g *generator) hospital() string {
	return []string{monza, desio, vimercate, carate}[g.weighted([]int{40, 20, 25, 15})]
}

// elsewherePlace draws the birth place of someone who moved in from
// another Comune; older generations often came from the South.
func (g *generator) elsewherePlace(birth day) string {
	w := []int{30, 10, 15, 15, 30} // south, rest of Italy, Lombardy, Milano, MB
	if birth >= born1970 {
		w = []int{6, 6, 18, 25, 45}
	}
	switch g.weighted(w) {
	case 0:
		return pools().south[g.rng.IntN(len(pools().south))]
	case 1:
		return pools().rest[g.rng.IntN(len(pools().rest))]
	case 2:
		return pools().lombardy[g.rng.IntN(len(pools().lombardy))]
	case 3:
		return milano
	}
	return g.mbComune()
}

// mbComune draws a Comune of the province, weighted by population.
func (g *generator) mbComune() string {
	n := g.rng.IntN(pools().mbCum[len(pools().mbCum)-1])
	return pools().mb[sort.SearchInts(pools().mbCum, n+1)].Belfiore
}
