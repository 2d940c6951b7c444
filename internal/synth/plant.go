package synth

import (
	"bytes"
	"strings"
)

// planter puts a handful of deliberate data-quality problems into the
// records, one of each kind, without changing any count of the seed's
// tables, so that validation has something realistic to report.
type planter struct {
	done   []string
	closed map[string]day // closing date of each closed cartella, by id
}

// apply runs edit on the data rows of a ';' file (header kept) and
// rebuilds it.
func (p *planter) apply(data []byte, edit func(*planter, [][]string)) []byte {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	rows := make([][]string, len(lines)-1)
	for i, l := range lines[1:] {
		rows[i] = strings.Split(l, ";")
	}
	edit(p, rows)
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString(lines[0] + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ";"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// first edits the first row for which match is true and notes what it did.
func (p *planter) first(rows [][]string, what string, match func([]string) bool, edit func([]string)) {
	for _, r := range rows {
		if match(r) {
			edit(r)
			p.done = append(p.done, what)
			return
		}
	}
}

// Columns of the records files.
const (
	aArea, aCF          = 5, 4
	cID, cCF, cComune   = 0, 1, 2
	cOpen, cClose, cMot = 3, 4, 5
	iCartella, iCode    = 1, 2
	iCarattere, iMens   = 3, 6
	iErog, iMisura      = 7, 9
	iPIC                = 10
)

func (p *planter) accessi(rows [][]string) {
	p.first(rows, "accessi: an area code not in the list (accesso-area)",
		func(r []string) bool { return r[aArea] == "ANZ" }, func(r []string) { r[aArea] = "ANZIANI" })
	p.first(rows, "accessi: a codice fiscale with a wrong check character (accesso-cf)",
		func(r []string) bool { return r[aCF] != "" }, func(r []string) { r[aCF] = wrongCheck(r[aCF]) })
}

func (p *planter) cartelle(rows [][]string, regs []*comuneRegistry) {
	p.closed = map[string]day{}
	for _, r := range rows {
		if d, ok := parseDay(r[cClose]); ok {
			p.closed[r[cID]] = d
		}
	}
	p.first(rows, "cartelle: a closed cartella without a closing reason (cartella-chiusura-motivo)",
		func(r []string) bool { return r[cClose] != "" }, func(r []string) { r[cMot] = "" })
	p.first(rows, "cartelle: an open cartella with a closing reason (cartella-chiusura-motivo)",
		func(r []string) bool { return r[cClose] == "" && r[cOpen] >= "2021" }, func(r []string) { r[cMot] = "4" })
	other := regs[0] // a resident of the first Comune, taken in charge in another
	p.first(rows, "cartelle: a person who is not resident in the Comune of the cartella (cartella-residente, a warning)",
		func(r []string) bool {
			return r[cClose] == "" && r[cOpen] >= "2020" && r[cOpen] < "2021" && r[cComune] != other.c.Istat
		},
		func(r []string) { r[cCF] = other.residents[len(other.residents)/2].cf })
	var prev []string
	p.first(rows, "cartelle: two open cartelle of the same person in one Comune (cartella-aperta-unica)",
		func(r []string) bool {
			open := r[cClose] == "" && r[cOpen] >= "2021" && r[cMot] == ""
			if open && prev != nil && prev[cComune] == r[cComune] {
				return true
			}
			if open {
				prev = r
			}
			return false
		}, func(r []string) { r[cCF] = prev[cCF] })
}

func (p *planter) interventi(rows [][]string) {
	p.first(rows, "interventi: a periodic intervento without its monthly amount (intervento-periodica)",
		func(r []string) bool { return r[iCarattere] == "P" && r[iMisura] == "" }, func(r []string) { r[iMens] = "" })
	p.first(rows, "interventi: Misura B2 on a service that is not an economic benefit (intervento-misura-b2)",
		func(r []string) bool { return r[iMisura] == "B2" }, func(r []string) { r[iCode] = "A2.07" })
	p.first(rows, "interventi: a prestazione that needs presa in carico recorded without it (intervento-prestazione-pic)",
		func(r []string) bool { return r[iCode] == "A2.16" }, func(r []string) { r[iPIC] = "N" })
	p.first(rows, "interventi: a delivery after the cartella was closed (intervento-periodo)",
		func(r []string) bool { _, ok := p.closed[r[iCartella]]; return ok && r[iCarattere] == "O" },
		func(r []string) { r[iErog] = (p.closed[r[iCartella]] + 15).iso() })
	p.first(rows, "interventi: an intervento of a cartella that does not exist (intervento-cartella)",
		func(r []string) bool {
			_, closed := p.closed[r[iCartella]]
			return !closed && r[iCarattere] == "O" && r[iCode] == "A1.04"
		},
		func(r []string) { r[iCartella] += "0" })
}

// wrongCheck returns cf with another check character.
func wrongCheck(cf string) string {
	last := cf[len(cf)-1]
	next := byte('A' + (last-'A'+1)%26)
	return cf[:len(cf)-1] + string(next)
}
