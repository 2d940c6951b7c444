package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
)

// accessiHeader lists the columns of the accessi file (spec §6).
const accessiHeader = "id_accesso;data_accesso;comune;sportello;codice_fiscale;area;esito;operatore"

// accessiByYear returns, per year from 2015 to 2022 and per Comune, the
// number of accessi: each Ambito's period totals of SeedAccessi split over
// the years of the period and over its Comuni (by population, unevenly).
func accessiByYear(rng *rand.Rand) map[int][]int {
	mb := pools().mb
	weights := make([]float64, len(mb))
	for i, c := range mb {
		weights[i] = float64(c.Popolazione) * (0.2 + 0.8*rng.Float64())
	}
	out := map[int][]int{}
	for y := 2015; y <= 2022; y++ {
		out[y] = make([]int, len(mb))
	}
	for _, t := range SeedAccessi {
		var set []int
		for i, c := range mb {
			if c.Ambito == t.Ambito {
				set = append(set, i)
			}
		}
		for _, p := range []struct {
			from, years, n int
		}{{2015, 3, t.P2015}, {2018, 3, t.P2018}, {2021, 1, t.P2021}, {2022, 1, t.P2022}} {
			perYear := make([]int, p.years)
			yw := make([]float64, p.years)
			yi := make([]int, p.years)
			for k := range yw {
				yw[k], yi[k] = 0.85+0.3*rng.Float64(), k
			}
			spread(perYear, yi, yw, p.n, func(int) int { return p.n })
			for k, n := range perYear {
				spread(out[p.from+k], set, weights, n, func(int) int { return n })
			}
		}
	}
	return out
}

// accessiWriter writes the accessi of the province.
type accessiWriter struct {
	rng  *rand.Rand
	buf  bytes.Buffer
	rows int
}

// comune writes the n accessi of Comune r in year y, in date order.
func (w *accessiWriter) comune(r *comuneRegistry, y, n int) {
	days := make([]day, n)
	for i := range days {
		days[i] = yearDay(w.rng, y)
	}
	slices.Sort(days)
	desks := 1 + r.c.Popolazione/40_000
	for i, d := range days {
		sportello := "COMUNE"
		if w.rng.Float64() < 0.12 {
			sportello = "STRANIERI"
		}
		cf := ""
		if w.rng.Float64() < 0.55 {
			cf = r.pickAny(w.rng, d, sportello == "STRANIERI")
		}
		area := pickWeighted(w.rng, accessoAree)
		if sportello == "STRANIERI" {
			area = "IMM"
		}
		fmt.Fprintf(&w.buf, "%s-A-%d-%05d;%s;%s;%s;%s;%s;%s;OP-%s-%02d\n", r.c.Istat, y, i+1, d.iso(), r.c.Istat,
			sportello, cf, area, pickWeighted(w.rng, esiti), r.c.Istat, 1+w.rng.IntN(desks+1))
		w.rows++
	}
}

// weightedCode is a code with its weight in a draw.
type weightedCode struct {
	code   string
	weight int
}

var accessoAree = []weightedCode{
	{"FAM", 28}, {"ANZ", 22}, {"POV", 20}, {"DIS", 12}, {"IMM", 8}, {"SAM", 4}, {"DIP", 3}, {"MUL", 3},
}

var esiti = []weightedCode{
	{"INFORMAZIONE", 45}, {"ORIENTAMENTO", 30}, {"INVIO_SERVIZIO", 15}, {"PRESA_IN_CARICO", 10},
}

// pickWeighted draws a code.
func pickWeighted(rng *rand.Rand, codes []weightedCode) string {
	total := 0
	for _, c := range codes {
		total += c.weight
	}
	n := rng.IntN(total)
	for _, c := range codes {
		if n -= c.weight; n < 0 {
			return c.code
		}
	}
	return codes[len(codes)-1].code
}

// iso returns d as YYYY-MM-DD.
func (d day) iso() string {
	return string(appendDay(nil, d))
}
