package synth

import (
	"bufio"
	"io"
	"slices"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// promote gives every family that lost its intestatario a new one: the
// spouse if still there, else the eldest member; the others' relations are
// restated with respect to the new intestatario.
func (m *mutation) promote() {
	for fi := range m.ex.families {
		rows := m.remaining(fi)
		if len(rows) == 0 || m.hasHead(rows) {
			continue
		}
		head := m.successor(rows)
		newRel := relAfterChild
		switch m.relOf(head) {
		case "2":
			newRel = relAfterSpouse
		case "6":
			newRel = relAfterParent
		}
		for _, i := range rows {
			m.relink(i, i == head, newRel)
		}
	}
}

// Relations with respect to a new intestatario who was the old one's
// spouse, parent or child, by old relation.
var (
	relAfterSpouse = map[string]string{"6": "17"}          // a parent becomes a parent-in-law
	relAfterParent = map[string]string{"3": "4"}           // children become grandchildren
	relAfterChild  = map[string]string{"3": "9", "6": "7"} // siblings, grandparents
)

// hasHead reports whether one of rows is the intestatario.
func (m *mutation) hasHead(rows []int) bool {
	return slices.ContainsFunc(rows, func(i int) bool { return m.relOf(i) == "1" })
}

// successor picks the new intestatario among rows.
func (m *mutation) successor(rows []int) int {
	best, bestAge := rows[0], -1
	for _, i := range rows {
		if m.relOf(i) == "2" {
			return i
		}
		if a := m.ex.age(i, m.asOf); a > bestAge {
			best, bestAge = i, a
		}
	}
	return best
}

// relink rewrites the relation of row i after a change of intestatario.
func (m *mutation) relink(i int, head bool, newRel map[string]string) {
	var f fields
	f.split(m.out[i])
	rel, ok := "1", head
	if !head {
		rel, ok = newRel[f[colRel]]
	}
	if ok {
		f[colRel] = rel
		m.out[i] = f.join()
		m.stats.Promoted++
	}
}

// add appends k new people: mostly families moving in, some newborns.
func (m *mutation) add(k int) error {
	for k > 0 {
		if m.rng.Float64() < 0.2 {
			if ok, err := m.addNewborn(); err != nil {
				return err
			} else if ok {
				k--
				continue
			}
		}
		n, err := m.addFamily(k)
		if err != nil {
			return err
		}
		k -= n
	}
	return nil
}

// generatorFor returns the generator of newcomers to a Comune.
func (m *mutation) generatorFor(istat string) *generator {
	if g := m.gens[istat]; g != nil {
		return g
	}
	c := Comune{Istat: istat, Belfiore: pools().belfByIst[istat]}
	if c.Belfiore == "" {
		c.Belfiore = monza // an unknown Comune: any valid place will do
	}
	if k := slices.IndexFunc(pools().mb, func(x Comune) bool { return x.Istat == istat }); k >= 0 {
		c = pools().mb[k]
	}
	g := newGenerator(c, Options{Seed: m.seed ^ 0x5eed, AsOf: m.asOf.time()}, m.ex.seen)
	g.cap, g.famID = m.ex.caps[istat], m.ex.maxFam[istat]
	g.arrivalFrom = m.ex.maxIscr + 1
	if m.gens == nil {
		m.gens = map[string]*generator{}
	}
	m.gens[istat] = g
	return g
}

// randomComune returns the Comune of a random row, so that newcomers are
// spread like the population.
func (m *mutation) randomComune() string {
	var f fields
	f.split(m.ex.rows[m.rng.IntN(len(m.ex.rows))])
	return f[colComune]
}

// addFamily appends a family of at most limit people who just moved in and
// returns its size.
func (m *mutation) addFamily(limit int) (int, error) {
	g := m.generatorFor(m.randomComune())
	var h household
	if err := g.household(&h, limit); err != nil {
		return 0, err
	}
	for i := range h.members {
		m.extra = append(m.extra, string(appendPerson(nil, &h, &h.members[i], g)))
	}
	m.stats.Added += len(h.members)
	return len(h.members), nil
}

// addNewborn appends a baby to a random family with a mother of
// child-bearing age, and reports whether it found one.
func (m *mutation) addNewborn() (bool, error) {
	for try := 0; try < 20; try++ {
		mother, father := m.parents(m.rng.IntN(len(m.ex.families)))
		if mother < 0 {
			continue
		}
		return true, m.newborn(mother, father)
	}
	return false, nil
}

// parents returns the rows of the mother (a woman aged 20–44 who is the
// intestatario or spouse) and father of family fi, or -1.
func (m *mutation) parents(fi int) (mother, father int) {
	mother, father = -1, -1
	var f fields
	for _, i := range m.remaining(fi) {
		f.split(m.out[i])
		if f[colRel] != "1" && f[colRel] != "2" {
			continue
		}
		if f[colSex] == "M" {
			father = i
		} else if a := m.ex.age(i, m.asOf); a >= 20 && a <= 44 {
			mother = i
		}
	}
	return mother, father
}

// newborn appends a baby of the given mother (and father, if not -1).
func (m *mutation) newborn(mother, father int) error {
	var mf fields
	mf.split(m.out[mother])
	g := m.generatorFor(mf[colComune])
	c := countryByIstat(mf[colCitizenship])
	surname := mf[colSurname]
	if father >= 0 {
		var ff fields
		ff.split(m.out[father])
		surname = ff[colSurname]
	}
	p := person{surname: nameEntry{surname, codicefiscale.SurnameCode(surname)}, sex: g.sex(0.49)}
	p.birth = g.between(m.ex.maxIscr+1, m.asOf)
	y, _, _ := p.birth.civil()
	p.name = g.givenName(p.sex, y, c)
	g.bornHere(&p)
	p.iscr = min(p.iscr, m.asOf)
	if err := g.assignCF(&p, c); err != nil {
		return err
	}
	row := mf
	row[colCF], row[colSurname], row[colName], row[colSex] = p.cf, p.surname.text, p.name.text, string(p.sex)
	row[colBirth], row[colPlace] = string(appendDay(nil, p.birth)), p.place
	row[colRel], row[colCivil] = "3", "1"
	row[colIscr], row[colMotivo] = string(appendDay(nil, p.iscr)), "1"
	m.extra = append(m.extra, row.join()+"\n")
	m.stats.Added++
	return nil
}

// countryByIstat returns the country with the given citizenship code, or
// nil (Italy or unknown).
func countryByIstat(istat string) *country {
	for i := range countries {
		if countries[i].Istat == istat {
			return &countries[i]
		}
	}
	return nil
}

// write writes the header, the remaining rows and the new ones.
func (m *mutation) write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(header + "\n")
	for i, line := range m.out {
		if !m.gone[i] {
			bw.WriteString(line)
			bw.WriteByte('\n')
			m.stats.Written++
		}
	}
	for _, line := range m.extra {
		bw.WriteString(line)
		m.stats.Written++
	}
	return bw.Flush()
}
