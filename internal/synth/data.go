package synth

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"strconv"
	"sync"
)

// comuniMB is data/comuni-mb.csv: the 55 Comuni of Monza e Brianza with
// their 1/1/2020 populations.
//
//go:embed data/comuni-mb.csv
var comuniMB []byte

// comuniItalia is data/comuni-italia.csv: every current Italian Comune
// with its Belfiore code, region and CAP.
//
//go:embed data/comuni-italia.csv
var comuniItalia []byte

// italianComune is one row of comuni-italia.csv.
type italianComune struct {
	istat, belfiore, nome, sigla, provincia, regione, cap string
}

// readCSV parses an embedded comma-separated file, header dropped; the
// files are fixed at build time, so a parse error is a programming error.
func readCSV(data []byte) [][]string {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		panic("synth: embedded data corrupt: " + err.Error())
	}
	return recs[1:]
}

// parseComuni reads the 55 Comuni of comuni-mb.csv.
func parseComuni() []Comune {
	var out []Comune
	for _, r := range readCSV(comuniMB) {
		pop, err := strconv.Atoi(r[4])
		if err != nil {
			panic("synth: bad population in comuni-mb.csv")
		}
		out = append(out, Comune{Istat: r[0], Belfiore: r[1], Nome: r[2], Ambito: r[3], Popolazione: pop})
	}
	return out
}

// parseItalia reads comuni-italia.csv.
func parseItalia() []italianComune {
	var out []italianComune
	for _, r := range readCSV(comuniItalia) {
		out = append(out, italianComune{istat: r[0], belfiore: r[1], nome: r[2], sigla: r[3], provincia: r[4], regione: r[5], cap: r[6]})
	}
	return out
}

// places holds the pools birth places are drawn from.
type places struct {
	mb        []Comune          // the 55 Comuni
	mbCum     []int             // cumulative populations of mb
	lombardy  []string          // Belfiore codes of Lombardy outside MB and Milano
	south     []string          // Belfiore codes of southern Italy and the islands
	rest      []string          // Belfiore codes of the rest of Italy
	capByIst  map[string]string // CAP by ISTAT code
	belfByIst map[string]string // Belfiore code by ISTAT code
}

// southernRegions are the regions most MB residents born in the South
// came from.
var southernRegions = map[string]bool{
	"Abruzzo": true, "Basilicata": true, "Calabria": true, "Campania": true,
	"Molise": true, "Puglia": true, "Sardegna": true, "Sicilia": true,
}

// pools is built once from the embedded files, when first used: a csi
// command that generates nothing does not pay for it at start.
var pools = sync.OnceValue(buildPlaces)

// buildPlaces sorts every Italian Comune into the birth-place pools().
func buildPlaces() *places {
	p := &places{mb: parseComuni(), capByIst: map[string]string{}, belfByIst: map[string]string{}}
	total := 0
	for _, c := range p.mb {
		total += c.Popolazione
		p.mbCum = append(p.mbCum, total)
	}
	for _, c := range parseItalia() {
		p.capByIst[c.istat], p.belfByIst[c.istat] = c.cap, c.belfiore
		switch {
		case c.sigla == "MB" || c.belfiore == milano:
		case c.regione == "Lombardia":
			p.lombardy = append(p.lombardy, c.belfiore)
		case southernRegions[c.regione]:
			p.south = append(p.south, c.belfiore)
		default:
			p.rest = append(p.rest, c.belfiore)
		}
	}
	return p
}

// Belfiore codes of the places most MB residents were born in.
const (
	milano    = "F205"
	monza     = "F704"
	desio     = "D286"
	vimercate = "M052"
	carate    = "B729"
)
