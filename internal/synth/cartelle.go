package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
)

// Headers of the cartelle and interventi files (spec §6).
const (
	cartelleHeader   = "id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area;case_manager"
	interventiHeader = "id_intervento;id_cartella;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;" +
		"data_erogazione;importo;misura;presa_in_carico" + siussInterventiHeader
)

var cartellaAree = []weightedCode{
	{"FAM", 30}, {"ANZ", 22}, {"DIS", 15}, {"POV", 15}, {"IMM", 7}, {"SAM", 5}, {"DIP", 3}, {"MUL", 3},
}

// motivi are the SINBA closure reasons by weight; 3 (maggiore età) and 8
// (decesso) are chosen by age instead.
var motivi = []weightedCode{
	{"4", 50}, {"5", 13}, {"1", 9}, {"9", 9}, {"2", 6}, {"7", 6}, {"6", 2},
}

// lastRecordDay is the last day of the records: the end of 2022.
var lastRecordDay = fromCivil(2022, 12, 31)

// recordsWriter writes the cartelle and interventi of the province.
type recordsWriter struct {
	rng                  *rand.Rand
	cartelle, interventi bytes.Buffer
	nCartelle, nInterv   int
	nonResident          int // cartelle whose person is not in the history
	siuss                *siussWriter
}

// comune writes the cartelle planned for Comune r, with their interventi.
func (w *recordsWriter) comune(r *comuneRegistry, plan []cartella) {
	used := map[int32]bool{}
	managers := 1 + len(plan)/150
	for k, c := range plan {
		area := pickWeighted(w.rng, cartellaAree)
		i, ok := r.pickFor(w.rng, used, area, c.open)
		if !ok {
			w.nonResident++
		}
		p := &r.residents[i]
		id := fmt.Sprintf("%s-C-%05d", r.c.Istat, k+1)
		closeDay, motivo := "", ""
		if c.close != 0 {
			closeDay, motivo = c.close.iso(), w.motivo(area, p, c.close)
		}
		fmt.Fprintf(&w.cartelle, "%s;%s;%s;%s;%s;%s;%s;AS-%s-%02d\n", id, p.cf, r.c.Istat, c.open.iso(), closeDay, motivo,
			area, r.c.Istat, 1+w.rng.IntN(managers))
		w.nCartelle++
		codes := w.interventiOf(id, area, c)
		switch {
		case area == "ANZ" || area == "DIS":
			w.siuss.assessment(r.c.Istat, p.cf, c.open)
		case area == "FAM" && p.birth.years(c.open) < 18:
			w.siuss.child(r.c.Istat, id, p, c.open, codes)
		}
	}
}

// motivo draws the closure reason of a cartella of area closed on d.
func (w *recordsWriter) motivo(area string, p *resident, d day) string {
	switch age := p.birth.years(d); {
	case area == "FAM" && age >= 18:
		return "3"
	case age >= 80 && w.rng.Float64() < 0.5:
		return "8"
	}
	return pickWeighted(w.rng, motivi)
}

// prestazione is an intervento type: its SIUSS code, carattere, measure
// and amount range in euro (monthly for P).
type prestazione struct {
	code, carattere, misura string
	lo, hi                  int
	pic                     bool // needs presa_in_carico = S
}

// prestazioniByArea are the interventi typical of each area.
var prestazioniByArea = map[string][]prestazione{
	"FAM": {{"A2.02", "P", "", 250, 900, false}, {"A1.04", "O", "", 150, 1200, false}, {"A1.07", "P", "", 100, 350, false},
		{"A1.09", "O", "", 80, 400, false}, {"A2.11", "P", "", 300, 1200, false}},
	"ANZ": {{"A2.07", "P", "", 200, 700, false}, {"A1.11", "P", "B2", 400, 800, false}, {"A1.14", "P", "", 400, 1500, false},
		{"A1.12", "P", "", 150, 500, false}, {"A2.01", "P", "", 60, 180, false}},
	"DIS": {{"A1.11", "P", "B2", 400, 800, false}, {"A2.08", "P", "", 200, 600, false}, {"A3.01", "P", "DDN", 600, 1500, false},
		{"A3.02", "P", "DDN", 900, 2200, false}, {"A1.16", "O", "", 100, 600, false}},
	"POV": {{"A1.04", "O", "", 150, 1500, false}, {"A1.06", "O", "", 50, 300, false}, {"A1.05", "O", "", 300, 2000, false},
		{"A2.16", "O", "", 50, 300, true}, {"A2.06", "O", "", 50, 400, false}},
	"IMM": {{"A2.16", "O", "", 50, 300, true}, {"A1.06", "O", "", 50, 250, false}, {"A2.09", "P", "", 150, 450, false}},
	"SAM": {{"A2.09", "P", "", 150, 450, false}, {"A1.18", "O", "", 200, 900, false}, {"A2.07", "P", "", 200, 600, false}},
	"DIP": {{"A2.09", "P", "", 150, 450, false}, {"A1.04", "O", "", 150, 800, false}},
	"MUL": {{"A1.04", "O", "", 150, 1000, false}, {"A2.18", "O", "", 50, 300, true}},
}

// interventiOf writes zero to three interventi of cartella id and returns
// their codes.
func (w *recordsWriter) interventiOf(id, area string, c cartella) []string {
	var codes []string
	end := c.close
	if end == 0 {
		end = lastRecordDay
	}
	n := []int{0, 1, 1, 2, 2, 3}[w.rng.IntN(6)]
	for k := range n {
		p := prestazioniByArea[area][w.rng.IntN(len(prestazioniByArea[area]))]
		start := c.open + day(w.rng.IntN(int(end-c.open)/2+1))
		pic := "S"
		if !p.pic && w.rng.Float64() < 0.1 {
			pic = "N"
		}
		fmt.Fprintf(&w.interventi, "%s-I%d;%s;%s;%s;", id, k+1, id, p.code, p.carattere)
		var cents int
		amount := func() string { cents = p.lo*100 + w.rng.IntN((p.hi-p.lo)*100+1); return euro(cents) }
		if p.carattere == "P" {
			stop := min(start+day(90+w.rng.IntN(640)), end)
			fmt.Fprintf(&w.interventi, "%s;%s;%s;;;", start.iso(), stop.iso(), amount())
		} else {
			fmt.Fprintf(&w.interventi, ";;;%s;%s;", start.iso(), amount())
		}
		fmt.Fprintf(&w.interventi, "%s;%s%s\n", p.misura, pic, w.siuss.intervento(p.code, start, cents))
		w.nInterv++
		codes = append(codes, p.code)
	}
	return codes
}

// euro formats cents with a decimal comma, as Italian exports do.
func euro(cents int) string {
	return fmt.Sprintf("%d,%02d", cents/100, cents%100)
}
