package synth

import (
	"github.com/csi-mb/csi/internal/codicefiscale"
)

// nameEntry is a surname or given name with its codice-fiscale code.
type nameEntry struct {
	text, code string
}

// nameTable is a list of names with precomputed codes.
type nameTable []nameEntry

// surnameTable builds a table of surnames.
func surnameTable(names []string) nameTable {
	t := make(nameTable, len(names))
	for i, n := range names {
		t[i] = nameEntry{n, codicefiscale.SurnameCode(n)}
	}
	return t
}

// givenTable builds a table of given names.
func givenTable(names []string) nameTable {
	t := make(nameTable, len(names))
	for i, n := range names {
		t[i] = nameEntry{n, codicefiscale.NameCode(n)}
	}
	return t
}

// foreignNames holds a country's name tables.
type foreignNames struct {
	surnames, male, female nameTable
}

// Name tables with codes, built once.
var (
	itSurnames = surnameTable(italianSurnames)
	itGiven    = [2][2]nameTable{ // [female][recent]
		{givenTable(maleOld), givenTable(maleNew)},
		{givenTable(femaleOld), givenTable(femaleNew)},
	}
	foreignTables = buildForeignTables()
)

// buildForeignTables builds the name tables of every country.
func buildForeignTables() map[string]foreignNames {
	m := map[string]foreignNames{}
	for _, c := range countries {
		m[c.Belfiore] = foreignNames{surnameTable(c.Surnames), givenTable(c.Male), givenTable(c.Female)}
	}
	return m
}

// person is one resident being generated.
type person struct {
	surname, name nameEntry
	sex           byte // 'M' or 'F'
	birth         day
	place         string // Belfiore code of the place of birth
	rel           int    // ANPR relazione di parentela
	civil         int    // ANPR stato civile
	iscr          day    // data di iscrizione
	motivo        int    // ANPR motivo di iscrizione
	cf            string
}

// household is one family (famiglia anagrafica) being generated.
type household struct {
	id      int
	street  string
	civico  []byte
	foreign *country // nil for an Italian family
	members []person // the intestatario first
}

// reset empties h for reuse.
func (h *household) reset() {
	h.members = h.members[:0]
	h.foreign = nil
}

// citizenship returns the ISTAT citizenship code of h's members.
func (h *household) citizenship() string {
	if h.foreign == nil {
		return "100"
	}
	return h.foreign.Istat
}

// ANPR codes used by the generator.
const (
	relHead       = 1 // intestatario scheda
	relSpouse     = 2 // marito/moglie
	relChild      = 3 // figlio/a
	relParent     = 6 // padre/madre
	civilSingle   = 1 // celibe/nubile
	civilMarried  = 2 // coniugato/a
	civilWidowed  = 3 // vedovo/a
	civilDivorced = 4 // divorziato/a
	motivoBirth   = 1 // nascita
	motivoComune  = 3 // immigrazione da altro comune
	motivoAbroad  = 4 // immigrazione dall'estero
)

// foreignShare is the share of foreign households; with their Italian-born
// children it makes about 9% of residents foreign-born.
const foreignShare = 0.085

// pickCountry returns nil for an Italian household or the country of a
// foreign one.
func (g *generator) pickCountry() *country {
	if !g.chance(foreignShare) {
		return nil
	}
	total := 0
	for _, c := range countries {
		total += c.Weight
	}
	n := g.rng.IntN(total)
	for i := range countries {
		if n -= countries[i].Weight; n < 0 {
			return &countries[i]
		}
	}
	return &countries[len(countries)-1]
}

// surnameFor draws a surname suitable for h.
func (g *generator) surnameFor(h *household) nameEntry {
	if h.foreign != nil {
		t := foreignTables[h.foreign.Belfiore].surnames
		return t[g.rng.IntN(len(t))]
	}
	return itSurnames[g.skewed(len(itSurnames))]
}

// givenName draws the given names of a person by sex, birth year and
// origin: some Italians, more often older ones, have two.
func (g *generator) givenName(sex byte, year int, foreign *country) nameEntry {
	if foreign != nil {
		t := foreignTables[foreign.Belfiore].male
		if sex == 'F' {
			t = foreignTables[foreign.Belfiore].female
		}
		return t[g.rng.IntN(len(t))]
	}
	first := g.italianName(sex, year)
	pSecond := 0.08
	if year < 1990 {
		pSecond = 0.2
	}
	if !g.chance(pSecond) {
		return first
	}
	second := g.italianName(sex, year)
	if second.text == first.text {
		return first
	}
	full := first.text + " " + second.text
	return nameEntry{full, codicefiscale.NameCode(full)}
}

// italianName draws one Italian given name; recent names phase in between
// the 1970s and the 1990s.
func (g *generator) italianName(sex byte, year int) nameEntry {
	f, recent := 0, 0
	if sex == 'F' {
		f = 1
	}
	if g.chance(float64(year-1970) / 25) {
		recent = 1
	}
	t := itGiven[f][recent]
	return t[g.skewed(len(t))]
}
