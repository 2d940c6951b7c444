package synth

import "math/rand/v2"

// known reports whether p can be taken in charge on day d as a resident:
// born and registered by then and, with the registry history, in it (the
// extract of historyFrom holds the people registered by then, the 2020
// extract everyone).
func (r *comuneRegistry) known(p *resident, d day) bool {
	switch {
	case p.birth > d:
		return false
	case d >= registryDate:
		return true
	case r.history:
		return d >= historyFrom && p.iscr <= historyFrom
	}
	return p.iscr <= d
}

// pickAny returns the codice fiscale of a random adult resident on day d
// (a foreign one if foreign), or "" if none is found quickly.
func (r *comuneRegistry) pickAny(rng *rand.Rand, d day, foreign bool) string {
	for range 60 {
		p := &r.residents[rng.IntN(len(r.residents))]
		if r.known(p, d) && p.foreign == foreign && p.birth.years(d) >= 18 {
			return p.cf
		}
	}
	return ""
}

// ageRange is the age at opening of the people of an area.
type ageRange struct{ lo, hi int }

var areaAges = map[string]ageRange{
	"FAM": {0, 17}, "ANZ": {65, 105}, "DIS": {3, 64}, "IMM": {18, 64},
	"POV": {25, 64}, "DIP": {20, 60}, "SAM": {20, 70}, "MUL": {18, 90},
}

// pickFor returns a resident on day d not yet used, of an age suited to
// area; it relaxes the age, then the history, when none is found (small
// Comuni at small scales), and reports whether the person is resident.
func (r *comuneRegistry) pickFor(rng *rand.Rand, used map[int32]bool, area string, d day) (int32, bool) {
	ages := areaAges[area]
	for attempt := range 400 {
		i := int32(rng.IntN(len(r.residents)))
		p := &r.residents[i]
		if used[i] || !r.known(p, d) {
			continue
		}
		age := p.birth.years(d)
		if attempt < 300 && (age < ages.lo || age > ages.hi || (area == "IMM" && !p.foreign)) {
			continue
		}
		used[i] = true
		return i, true
	}
	for i := range r.residents {
		if !used[int32(i)] && r.known(&r.residents[i], d) {
			used[int32(i)] = true
			return int32(i), true
		}
	}
	return int32(rng.IntN(len(r.residents))), false
}
