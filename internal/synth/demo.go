package synth

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Manifest describes the files WriteDemo wrote and how to load them: the
// onboarding of the Comuni, the Ambito referents, and the imports in order.
type Manifest struct {
	Comuni    []Onboarding
	Referenti []Referent
	Registry  []RegistryFile // in import order
	Records   []RecordFile   // accessi, cartelle, interventi, valutazioni-sina, sinba
	// Residents2020 is the number of rows of the 2020-01-01 extracts: the
	// residents on 1/1/2020 (870,193 at scale 1).
	Residents2020 int
	// Planted lists the data-quality problems put in on purpose, so that
	// validation has something to show.
	Planted []string
	// ready is WriteDemoEach's: told of each registry extract once written.
	ready func(*Manifest, RegistryFile) error
}

// Onboarding is how a Comune joined the CSI.
type Onboarding struct {
	Istat, Nome, Ambito string
	Anagrafe            string // automatic or manual
	Date                string // YYYY-MM-DD
}

// Referent is an Ambito referent.
type Referent struct {
	Ambito, Nome, Email, Comune, From string
}

// RegistryFile is one registry extract to import.
type RegistryFile struct {
	File, Comune, Mode, AsOf string
	Rows                     int
}

// RecordFile is one social-records file to import.
type RecordFile struct {
	Kind, File string
	Rows       int
}

// Create opens a file of the demo for writing, by its slash-separated name.
type Create func(name string) (io.WriteCloser, error)

// WriteDemo generates the synthetic province and writes its files through
// create: per Comune a registry extract as of 2020-01-01 (the whole
// registry, 870,193 residents at scale 1), preceded with history by one as
// of 2014-01-01 (the people registered by then); for one automatic Comune
// per Ambito an updated extract a quarter later (and, with history, on
// 1/1/2021 and 1/1/2022); and the accessi, cartelle
// and interventi of the province from 2014 to 2022, built so that the seed
// document's tables come out as spec §9 says. The people taken in charge
// before 2020 are residents the registry history knows on the opening day
// when history is set, otherwise people registered by then. The registry
// is scaled by opts.Scale; the records keep their counts at any scale.
// The output depends only on opts and history.
func WriteDemo(opts Options, history bool, create Create) (*Manifest, error) {
	return WriteDemoEach(opts, history, create, nil)
}

// WriteDemoEach is WriteDemo telling ready of each registry extract as soon
// as its file is written and closed, in import order, so that a caller can
// import it while the rest is generated. When ready is called the manifest
// already holds the Comuni and the Referenti (its other fields are still
// being filled: ready must not keep m); an error from ready stops the
// generation and is returned. ready may be nil.
func WriteDemoEach(opts Options, history bool, create Create, ready func(m *Manifest, f RegistryFile) error) (*Manifest, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	opts.AsOf = defaultAsOf
	gen := newRegistries(opts)
	if history { // every first extract comes before the second ones
		regs, err := gen.all()
		if err != nil {
			return nil, err
		}
		for _, r := range regs {
			r.history = true
		}
	}
	m := &Manifest{ready: ready}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7265636f726473))
	m.onboard(rng)
	if err := m.writeRegistry(gen, opts.Seed, create); err != nil {
		return nil, err
	}
	regs, err := gen.all()
	if err != nil {
		return nil, err
	}
	if err := m.writeRecords(rng, opts.Seed, regs, create); err != nil {
		return nil, err
	}
	m.ready = nil
	return m, nil
}

// addRegistry lists a written extract and tells ready of it.
func (m *Manifest) addRegistry(f RegistryFile) error {
	m.Registry = append(m.Registry, f)
	if m.ready == nil {
		return nil
	}
	return m.ready(m, f)
}

// onboard decides how each Comune joined and names a referent per Ambito.
func (m *Manifest) onboard(rng *rand.Rand) {
	for _, c := range pools().mb {
		mode := "manual"
		if c.Popolazione >= 10_000 || rng.Float64() < 0.3 {
			mode = "automatic"
		}
		joined := fromCivil(2013, 9, 1) + day(rng.IntN(120))
		m.Comuni = append(m.Comuni, Onboarding{c.Istat, c.Nome, c.Ambito, mode, joined.iso()})
	}
	for _, t := range SeedAccessi {
		sex := byte('F')
		if rng.IntN(3) == 0 {
			sex = 'M'
		}
		f := 0
		if sex == 'F' {
			f = 1
		}
		given := itGiven[f][0][rng.IntN(40)].text
		surname := itSurnames[rng.IntN(80)].text
		capofila := comuneByName(t.Ambito)
		m.Referenti = append(m.Referenti, Referent{
			Ambito: t.Ambito, Nome: given + " " + surname, Comune: capofila.Istat, From: "2022-01-10",
			Email: emailPart(given) + "." + emailPart(surname) + "@comune." + emailPart(capofila.Nome) + ".mb.it",
		})
	}
}

// comuneByName returns the Comune of the province with that name.
func comuneByName(name string) Comune {
	for _, c := range pools().mb {
		if c.Nome == name {
			return c
		}
	}
	panic("synth: no Comune " + name)
}

// emailPart lowers a name for an email address.
func emailPart(s string) string {
	r := strings.NewReplacer(" ", "", "'", "", "à", "a", "è", "e", "é", "e", "ì", "i", "ò", "o", "ù", "u")
	return r.Replace(strings.ToLower(s))
}

// writeRegistry writes the extracts: every Comune's 2014 one, then every
// 2020 one, then the updates.
func (m *Manifest) writeRegistry(gen *registries, seed int64, create Create) error {
	first, second := historyFrom.iso(), registryDate.iso()
	for _, r := range gen.regs {
		if r == nil || !r.history { // generated first only with history
			break
		}
		n, err := writeFile(create, "anagrafe/"+r.c.Istat+"-"+first+".csv", func(w io.Writer) (int, error) {
			return r.writeExtract(w, func(p resident) bool { return p.iscr <= historyFrom })
		})
		if err != nil {
			return err
		}
		if err := m.addRegistry(RegistryFile{"anagrafe/" + r.c.Istat + "-" + first + ".csv", r.c.Istat, "snapshot", first, n}); err != nil {
			return err
		}
	}
	updated := m.updatedComuni()
	full := map[string][]byte{}
	for i := range gen.regs {
		r, err := gen.gen(i)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		n, _ := r.writeExtract(&buf, nil)
		name := "anagrafe/" + r.c.Istat + "-" + second + ".csv"
		if _, err := writeFile(create, name, func(w io.Writer) (int, error) { _, err := w.Write(buf.Bytes()); return n, err }); err != nil {
			return err
		}
		if updated[r.c.Istat] {
			full[r.c.Istat] = buf.Bytes()
		}
		r.data, r.off = nil, nil // the records need the residents only
		m.Residents2020 += n
		if err := m.addRegistry(RegistryFile{name, r.c.Istat, "snapshot", second, n}); err != nil {
			return err
		}
	}
	return m.writeUpdates(full, gen.regs[0].history, seed, create)
}

// updatedComuni returns the smallest automatic Comune of each Ambito: the
// ones whose registry gets a later update in the demo.
func (m *Manifest) updatedComuni() map[string]bool {
	out := map[string]bool{}
	for _, t := range SeedAccessi {
		pick := -1
		for i, o := range m.Comuni {
			if o.Ambito == t.Ambito && o.Anagrafe == "automatic" && (pick < 0 || pools().mb[i].Popolazione < pools().mb[pick].Popolazione) {
				pick = i
			}
		}
		out[m.Comuni[pick].Istat] = true
	}
	return out
}

// writeUpdates writes the later extracts of the Comuni of updatedComuni,
// as synth.Mutate makes them: a quarter after the 2020 extract and, with
// history, on 1/1/2021 and 1/1/2022 too, each from the one before. The
// imports of the extracts are in date order per Comune; all the first
// updates come before all the second ones.
func (m *Manifest) writeUpdates(full map[string][]byte, history bool, seed int64, create Create) error {
	dates := []day{registryDate + mutateWindow}
	if history {
		dates = append(dates, fromCivil(2021, 1, 1), fromCivil(2022, 1, 1))
	}
	for k, date := range dates {
		for _, o := range m.Comuni {
			if full[o.Istat] == nil {
				continue
			}
			var out bytes.Buffer
			st, err := Mutate(bytes.NewReader(full[o.Istat]), &out, seed+int64(k), 0.02, 0.005, 0.006)
			if err != nil {
				return err
			}
			// Dated as planned, or later if Mutate says so (at small scales a
			// Comune's last registration may be years older).
			asOf := max(st.AsOf.Format(time.DateOnly), date.iso())
			name := "anagrafe/" + o.Istat + "-" + asOf + ".csv"
			if _, err := writeFile(create, name, func(w io.Writer) (int, error) { _, err := w.Write(out.Bytes()); return st.Written, err }); err != nil {
				return err
			}
			full[o.Istat] = out.Bytes()
			if err := m.addRegistry(RegistryFile{name, o.Istat, "snapshot", asOf, st.Written}); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeRecords writes the accessi, cartelle and interventi files, then the
// SINA assessments and SINBA records (drawn from their own stream of seed).
func (m *Manifest) writeRecords(rng *rand.Rand, seed int64, regs []*comuneRegistry, create Create) error {
	aw := &accessiWriter{rng: rng}
	aw.buf.WriteString(accessiHeader + "\n")
	for y, perComune := range sortedYears(accessiByYear(rng)) {
		for i, n := range perComune {
			aw.comune(regs[i], 2015+y, n)
		}
	}
	plan := planCartelle(rng, openTargets(rng))
	byComune := make([][]cartella, len(regs))
	for _, c := range plan {
		byComune[c.comune] = append(byComune[c.comune], c)
	}
	rw := &recordsWriter{rng: rng, siuss: newSiussWriter(seed)}
	rw.cartelle.WriteString(cartelleHeader + "\n")
	rw.interventi.WriteString(interventiHeader + "\n")
	for i, r := range regs {
		rw.comune(r, byComune[i])
	}
	p := &planter{}
	files := []struct {
		kind string
		buf  *bytes.Buffer
		rows int
		edit func(*planter, [][]string)
	}{
		{"accessi", &aw.buf, aw.rows, (*planter).accessi},
		{"cartelle", &rw.cartelle, rw.nCartelle, func(p *planter, rows [][]string) { p.cartelle(rows, regs) }},
		{"interventi", &rw.interventi, rw.nInterv, (*planter).interventi},
		{"valutazioni-sina", &rw.siuss.sina, rw.siuss.nSina, nil},
		{"sinba", &rw.siuss.sinba, rw.siuss.nSinba, nil},
	}
	for _, f := range files {
		data := f.buf.Bytes()
		if f.edit != nil {
			data = p.apply(data, f.edit)
		}
		name := f.kind + ".csv"
		if _, err := writeFile(create, name, func(w io.Writer) (int, error) { _, err := w.Write(data); return f.rows, err }); err != nil {
			return err
		}
		m.Records = append(m.Records, RecordFile{f.kind, name, f.rows})
	}
	m.Planted = p.done
	if rw.nonResident > 0 {
		m.Planted = append(m.Planted, fmt.Sprintf("cartelle: %d of people not in the registry on the opening day (too few residents at this scale)", rw.nonResident))
	}
	return nil
}

// sortedYears returns the per-Comune counts of 2015, 2016, ... in order.
func sortedYears(m map[int][]int) [][]int {
	var out [][]int
	for y := 2015; m[y] != nil; y++ {
		out = append(out, m[y])
	}
	return out
}

// writeFile creates name, lets write fill it and closes it.
func writeFile(create Create, name string, write func(io.Writer) (int, error)) (int, error) {
	w, err := create(name)
	if err != nil {
		return 0, err
	}
	n, err := write(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return n, err
}
