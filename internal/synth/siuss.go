package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Headers of the SIUSS columns of the interventi and of the SINA and SINBA
// files (the columns of records.Interventi, ValutazioniSINA and SINBA).
const (
	siussInterventiHeader = ";protocollo_domanda;presenza_prova_mezzi;numero_protocollo_dsu;anno_protocollo_dsu;data_dsu;" +
		"data_evento;quota_ente;quota_utente;quota_ssn;ore_servizio_mensile"
	sinaHeader = "id_valutazione;codice_fiscale;comune;data_valutazione;mobilita;attivita_vita_quotidiana;" +
		"disturbi_area_cognitiva;disturbi_comportamentali;necessita_cure_sanitarie;area_reddituale;area_supporto;" +
		"fonte_derivazione_valutazione;strumento_valutazione;fonte_derivazione_invalidita;invalidita_civile;necessita_interventi"
	sinbaHeader = "id_cartella;comune;minore_straniero_non_accompagnato;condizione_minore;luogo_vita;scuola_frequentata;" +
		"condizione_lavoro;disabilita;data_prima_segnalazione;fonte_segnalazione;valutazione_minore;valutazione_famiglia_minore;" +
		"segnalazione_autorita_giudiziaria;provvedimento_giudiziario;fascia_eta_beneficiario;anno_nascita;regione_residenza;" +
		"nazione_residenza;prestazioni;famiglia"
)

// siussWriter draws the SIUSS fields of the interventi and writes the SINA
// assessments and SINBA records. It has its own random stream, so that the
// records the seed's tables count are the same with or without it; a
// realistic share of its data is incomplete, for 'csi siuss check' to find.
type siussWriter struct {
	rng           *rand.Rand
	sina, sinba   bytes.Buffer
	nSina, nSinba int
	protocol      int
	assessed      map[string]bool // Comune, person and date of each assessment: one per person and date
}

func newSiussWriter(seed int64) *siussWriter {
	w := &siussWriter{rng: rand.New(rand.NewPCG(uint64(seed), 0x7369757373)), assessed: map[string]bool{}}
	w.sina.WriteString(sinaHeader + "\n")
	w.sinba.WriteString(sinbaHeader + "\n")
	return w
}

// servizi are the codes whose periodic benefit is a service with monthly hours.
var servizi = map[string]bool{"A2.02": true, "A2.07": true, "A2.08": true, "A2.11": true}

// intervento returns the SIUSS columns of an intervento starting on start
// whose (monthly, when periodic) amount is cents, each with a leading ';'.
func (w *siussWriter) intervento(code string, start day, cents int) string {
	r := w.rng.Float64
	y, _, _ := start.civil()
	w.protocol++
	protocollo := fmt.Sprintf("PG-%d-%06d", y, w.protocol)
	if r() < 0.06 {
		protocollo = "" // the application's protocol was never typed in
	}
	prova := pickWeighted(w.rng, []weightedCode{{"1", 45}, {"4", 40}, {"2", 8}, {"3", 4}, {"", 3}})
	var dsu [3]string
	if prova == "1" || prova == "3" {
		d := start - day(20+w.rng.IntN(200))
		dy, _, _ := d.civil()
		dsu = [3]string{fmt.Sprintf("INPS-ISEE-%d-%08d-00", dy, w.rng.IntN(100_000_000)), fmt.Sprint(dy), d.iso()}
		if r() < 0.05 {
			dsu[1+w.rng.IntN(2)] = "" // a DSU half copied
		}
	}
	evento := ""
	if code == "A1.05.01" {
		evento = start.iso()
	}
	var quote [3]string
	if r() < 0.3 {
		utente := cents * (5 + w.rng.IntN(25)) / 100
		ente := cents - utente
		if r() < 0.08 {
			ente -= 100 * (1 + w.rng.IntN(20)) // shares that do not add up
		}
		quote = [3]string{euro(ente), euro(utente), ""}
	}
	ore := ""
	if servizi[code] {
		ore = fmt.Sprintf("%d,%d0", 6+w.rng.IntN(35), w.rng.IntN(2)*5)
	}
	return ";" + strings.Join([]string{protocollo, prova, dsu[0], dsu[1], dsu[2], evento, quote[0], quote[1], quote[2], ore}, ";")
}

// assessment writes a SINA assessment of a person taken in charge for
// disability or old age (three in four of them), a few weeks after the
// cartella opened; one in twelve lacks a required answer.
func (w *siussWriter) assessment(istat, cf string, open day) {
	if w.rng.Float64() >= 0.75 {
		return
	}
	on := (open + day(w.rng.IntN(45))).iso()
	key := istat + cf + on
	if w.assessed[key] {
		return // a second cartella of the person, assessed that day already
	}
	w.assessed[key] = true
	w.nSina++
	n := func(max int) string { return fmt.Sprint(1 + w.rng.IntN(max)) }
	ans := []string{n(3), n(3), n(3), n(2), n(3), n(3), n(3), n(4), n(7), n(2)}
	if w.rng.Float64() < 1.0/12 {
		ans[w.rng.IntN(2)] = "" // mobilita or attivita_vita_quotidiana not recorded
	}
	inv := pickWeighted(w.rng, []weightedCode{{"", 30}, {"2", 20}, {"3", 10}, {"1", 15}, {"2|6", 15}, {"6", 10}})
	need := pickWeighted(w.rng, []weightedCode{{"A2.07", 40}, {"A2.07|A2.08", 25}, {"A1.11", 20}, {"", 15}})
	fmt.Fprintf(&w.sina, "%s-V-%05d;%s;%s;%s;%s;%s;%s\n", istat, w.nSina, cf, istat, on,
		strings.Join(ans, ";"), inv, need)
}

// child writes the SINBA record of a child's cartella (four in five of
// them), listing the codes of its interventi; one in ten lacks its source
// of referral.
func (w *siussWriter) child(istat, id string, p *resident, open day, codes []string) {
	if w.rng.Float64() >= 0.8 || len(codes) == 0 {
		return
	}
	w.nSinba++
	n := func(max int) string { return fmt.Sprint(1 + w.rng.IntN(max)) }
	age := p.birth.years(open)
	fascia := min(age/3+1, 6)
	by, _, _ := p.birth.civil()
	_, m, _ := open.civil()
	oy, _, _ := open.civil()
	msna := "2"
	if p.foreign && w.rng.Float64() < 0.2 {
		msna = "1"
	}
	fonte := n(14)
	if w.rng.Float64() < 0.1 {
		fonte = ""
	}
	famiglia := pickWeighted(w.rng, []weightedCode{{"1|2", 45}, {"1", 25}, {"1|2|3", 20}, {"4", 5}, {"2", 5}})
	fmt.Fprintf(&w.sinba, "%s;%s;%s;%s;%s;%s;%s;%s;%02d/%d;%s;%s;%s;%s;%s;%d;%d;03;100;%s;%s\n", id, istat, msna, n(5), n(8), n(8),
		n(4), pickWeighted(w.rng, []weightedCode{{"2", 9}, {"1", 1}}), m, oy, fonte, n(13), n(13), n(2), n(2), fascia, by,
		strings.Join(dedupe(codes), "|"), famiglia)
}

// dedupe returns codes without repeats, in order.
func dedupe(codes []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
