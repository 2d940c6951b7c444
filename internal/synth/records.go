package synth

import (
	"math/rand/v2"
	"slices"
)

// The seed document's published figures the synthetic province reproduces
// (spec §9); the years after 2020 are ours.

// AccessiTarget is the number of accessi al segretariato sociale of one
// Ambito in the seed's two periods (table 1).
type AccessiTarget struct {
	Ambito       string
	P2015, P2018 int // 2015-2017 and 2018-2020
	P2021, P2022 int // one year each, not in the seed
}

// SeedAccessi is table 1 of the seed document, plus our 2021 and 2022.
var SeedAccessi = []AccessiTarget{
	{"Carate Brianza", 2928, 4225, 1490, 1562},
	{"Desio", 4644, 3154, 1105, 1187},
	{"Monza", 11504, 8623, 2960, 3104},
	{"Seregno", 1618, 1277, 468, 502},
	{"Vimercate", 4238, 3457, 1203, 1288},
}

// CartelleYear is the number of cartelle opened (presa in carico) and
// closed in a year.
type CartelleYear struct {
	Year, Opened, Closed int
}

// SeedOpenBefore2015 is the number of cartelle open on 1/1/2015 (table 2).
const SeedOpenBefore2015 = 743

// SeedCartelle is table 2 of the seed document for 2015-2019; 2020 follows
// table 3 (1,959 opened, all still open at year end, and 1,041 closed, so
// that 8,823 are open on 31/12/2020); 2021 and 2022 are ours.
var SeedCartelle = []CartelleYear{
	{2015, 720, 17}, {2016, 270, 73}, {2017, 9736, 5689}, {2018, 1825, 781}, {2019, 2072, 901},
	{2020, 1959, 1041}, {2021, 2104, 1290}, {2022, 2231, 1402},
}

// Table 3 of the seed document.
const (
	SeedResidents2020 = 870_193 // residents on 1/1/2020
	SeedOpen2020      = 8_823   // cartelle open on 31/12/2020
	SeedNew2020       = 1_959   // of which opened in 2020
)

// SeedBands is the seed's distribution of the Comuni by the percentage of
// cartelle open on 31/12/2020 over the population: < 1%, 1-2%, > 2%.
var SeedBands = [3]int{45, 5, 5}

// historyFrom is the date of the first registry extract of every Comune:
// the CSI went live in 2014, and the cartelle opened before 2020 concern
// people already resident then.
var historyFrom = fromCivil(2014, 1, 1)

// registryDate is the date of the seed's population figures.
var registryDate = fromCivil(2020, 1, 1)

// cartella is one planned cartella.
type cartella struct {
	open, close day // close is 0 while open
	comune      int // index in pools().mb
}

// planCartelle draws the opening and closing dates of every cartella so
// that the yearly counts are exactly those of SeedCartelle, then the
// Comune of each so that the cartelle open on 31/12/2020 per Comune are
// exactly targets.
func planCartelle(rng *rand.Rand, targets []int) []cartella {
	var all []cartella
	var pool []int // indexes of the open cartelle
	for range SeedOpenBefore2015 {
		pool = append(pool, len(all))
		all = append(all, cartella{open: yearDay(rng, 2014)})
	}
	var openEnd2020 []int
	for _, y := range SeedCartelle {
		first := len(all)
		for range y.Opened {
			all = append(all, cartella{open: yearDay(rng, y.Year)})
		}
		eligible := slices.Clone(pool)
		if y.Year != 2020 { // 2020's openings are all still open at year end (table 3)
			for i := first; i < len(all); i++ {
				eligible = append(eligible, i)
			}
		}
		rng.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
		for _, i := range eligible[:y.Closed] {
			c := &all[i]
			lo := max(c.open+1, fromCivil(y.Year, 1, 1))
			c.close = lo + day(rng.IntN(int(fromCivil(y.Year, 12, 31)-lo)+1))
		}
		pool = pool[:0]
		for i := range all {
			if all[i].close == 0 {
				pool = append(pool, i)
			}
		}
		if y.Year == 2020 {
			openEnd2020 = slices.Clone(pool)
		}
	}
	assignComuni(rng, all, openEnd2020, targets)
	return all
}

// yearDay returns a random day of year y from 2 January to 30 December, so
// that a cartella opened in y can be closed later in y.
func yearDay(rng *rand.Rand, y int) day {
	lo, hi := fromCivil(y, 1, 2), fromCivil(y, 12, 30)
	return lo + day(rng.IntN(int(hi-lo)+1))
}

// assignComuni gives the cartelle open on 31/12/2020 to the Comuni exactly
// by targets, and every other one to a Comune drawn with the same weights.
func assignComuni(rng *rand.Rand, all []cartella, openEnd2020 []int, targets []int) {
	isOpen := make([]bool, len(all))
	k := 0
	for ci, n := range targets {
		for range n {
			all[openEnd2020[k]].comune = ci
			isOpen[openEnd2020[k]] = true
			k++
		}
	}
	cum := make([]int, len(targets))
	total := 0
	for i, n := range targets {
		total += n
		cum[i] = total
	}
	for i := range all {
		if !isOpen[i] {
			r := rng.IntN(total)
			ci, _ := slices.BinarySearch(cum, r+1)
			all[i].comune = ci
		}
	}
}

// openTargets decides how many cartelle each Comune has open on
// 31/12/2020: five Comuni above 2% of their population, five between 1%
// and 2%, and the rest below 1%, summing to SeedOpen2020. Adoption is
// uneven: some Comuni use the CSI little, as the seed says.
func openTargets(rng *rand.Rand) []int {
	mb := pools().mb
	targets := make([]int, len(mb))
	band := make([]int, len(mb))
	var high, mid []int
	for i, c := range mb {
		switch {
		case c.Popolazione >= 12_000 && c.Popolazione < 20_000:
			high = append(high, i)
		case c.Popolazione >= 20_000 && c.Popolazione < 50_000:
			mid = append(mid, i)
		}
	}
	rng.Shuffle(len(high), func(i, j int) { high[i], high[j] = high[j], high[i] })
	rng.Shuffle(len(mid), func(i, j int) { mid[i], mid[j] = mid[j], mid[i] })
	rest := SeedOpen2020
	for _, i := range high[:SeedBands[2]] {
		band[i] = 2
		targets[i] = mb[i].Popolazione * (220 + rng.IntN(80)) / 10_000 // 2.2-3.0%
		rest -= targets[i]
	}
	for _, i := range mid[:SeedBands[1]] {
		band[i] = 1
		targets[i] = mb[i].Popolazione * (120 + rng.IntN(60)) / 10_000 // 1.2-1.8%
		rest -= targets[i]
	}
	var low []int
	weights := make([]float64, len(mb))
	for i := range mb {
		if band[i] == 0 {
			low = append(low, i)
			weights[i] = float64(mb[i].Popolazione) * (0.15 + 0.85*rng.Float64())
		}
	}
	spread(targets, low, weights, rest, func(i int) int { return (mb[i].Popolazione - 1) / 100 })
	return targets
}

// spread shares n among the members of set in proportion to weights, none
// above its limit (largest remainders; what a capped member cannot take
// goes to the others).
func spread(into []int, set []int, weights []float64, n int, limit func(int) int) {
	open := slices.Clone(set)
	for n > 0 && len(open) > 0 {
		sum := 0.0
		for _, i := range open {
			sum += weights[i]
		}
		given := 0
		type rem struct {
			i int
			f float64
		}
		var rems []rem
		for _, i := range open {
			exact := float64(n) * weights[i] / sum
			k := int(exact)
			into[i] += k
			given += k
			rems = append(rems, rem{i, exact - float64(k)})
		}
		slices.SortStableFunc(rems, func(a, b rem) int {
			switch {
			case a.f > b.f:
				return -1
			case a.f < b.f:
				return 1
			}
			return 0
		})
		for j := 0; given < n; j++ {
			into[rems[j%len(rems)].i]++
			given++
		}
		n = 0
		var still []int
		for _, i := range open {
			if over := into[i] - limit(i); over > 0 {
				into[i] -= over
				n += over
			} else if over < 0 {
				still = append(still, i)
			}
		}
		open = still
	}
	if n > 0 {
		panic("synth: the Comuni below 1% cannot hold the open cartelle")
	}
}
