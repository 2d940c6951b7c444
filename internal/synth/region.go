package synth

import (
	"math"
	"math/rand/v2"
	"slices"
)

// The synthetic region: every current Comune of Lombardy (1,506 in the
// embedded national table) with a drawn population summing to about 10
// million, for the region-scale benchmark (testdata/bench/region.sh).
const (
	// RegionResidents is the region's population at scale 1.
	RegionResidents = 10_000_000
	// milanoResidents is Milano's population (2021 census), fixed.
	milanoResidents = 1_371_498
	// regionSigma is the spread of the log-normal draw of the other
	// Comuni's sizes: a long tail of small Comuni, a few large towns.
	regionSigma = 1.2
	// regionMinResidents is the smallest drawn Comune (Lombardy's
	// smallest has about 30 residents).
	regionMinResidents = 30
)

// regionCapitals are the provincial capitals of Lombardy other than
// Milano and Monza, roughly largest first: they get the largest draws.
var regionCapitals = []string{
	"017029", // Brescia
	"016024", // Bergamo
	"012133", // Varese
	"013075", // Como
	"018110", // Pavia
	"019036", // Cremona
	"020030", // Mantova
	"097042", // Lecco
	"098031", // Lodi
	"014061", // Sondrio
}

// RegionComune is one Comune of the synthetic region. Popolazione is its
// drawn population at scale 1; Ambito is its Ambito for a Comune of Monza
// e Brianza and "Provincia di <name>" for any other.
type RegionComune struct {
	Comune
	Provincia string // province name, e.g. Bergamo
	MB        bool   // one of the 55 Comuni csi ships in its reference table
}

// Region returns the Comuni of Lombardy in ISTAT order with populations
// drawn from seed: Milano fixed at 1,371,498, the 55 Comuni of Monza e
// Brianza at their real 2020 populations, the others log-normal, the
// largest draws going to the provincial capitals, scaled so that the
// region has about RegionResidents. The same seed gives the same sizes.
func Region(seed int64) []RegionComune {
	mbPop := map[string]Comune{}
	for _, c := range pools().mb {
		mbPop[c.Istat] = c
	}
	var cs []RegionComune
	var drawn []int // indices in cs of the Comuni whose size is drawn
	fixed := 0
	for _, it := range parseItalia() {
		if it.regione != "Lombardia" {
			continue
		}
		rc := RegionComune{Comune: Comune{Istat: it.istat, Belfiore: it.belfiore, Nome: it.nome,
			Ambito: "Provincia di " + it.provincia}, Provincia: it.provincia}
		switch m, ok := mbPop[it.istat]; {
		case ok:
			rc.Comune, rc.MB = m, true
			fixed += m.Popolazione
		case it.belfiore == milano:
			rc.Popolazione = milanoResidents
			fixed += milanoResidents
		default:
			drawn = append(drawn, len(cs))
		}
		cs = append(cs, rc)
	}
	drawSizes(cs, drawn, seed, RegionResidents-fixed)
	return cs
}

// drawSizes gives the Comuni cs[drawn] log-normal populations summing to
// about total, the largest draws going to the provincial capitals.
func drawSizes(cs []RegionComune, drawn []int, seed int64, total int) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x10b))
	draws := make([]float64, len(drawn))
	sum := 0.0
	for i := range draws {
		draws[i] = math.Exp(regionSigma * rng.NormFloat64())
		sum += draws[i]
	}
	order := make([]int, len(draws)) // draw indices, largest first
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpDesc(draws[a], draws[b]) })
	top, rest := order[:0:0], []int{}
	taken := map[int]bool{}
	for _, i := range order[:min(len(regionCapitals), len(order))] {
		top, taken[i] = append(top, i), true
	}
	for i := range draws {
		if !taken[i] {
			rest = append(rest, i)
		}
	}
	factor := float64(total) / sum
	size := func(d float64) int { return max(regionMinResidents, int(math.Round(d*factor))) }
	byIstat := map[string]int{}
	for k, c := range regionCapitals {
		if k < len(top) {
			byIstat[c] = size(draws[top[k]])
		}
	}
	for _, j := range drawn {
		if n, ok := byIstat[cs[j].Istat]; ok {
			cs[j].Popolazione = n
			continue
		}
		cs[j].Popolazione, rest = size(draws[rest[0]]), rest[1:]
	}
}

// cmpDesc orders floats from largest to smallest.
func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}
