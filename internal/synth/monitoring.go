package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
)

// Monitoring is the demo's process registers: a file of events, the
// platform's operator lists at the end of 2022 and of 2023, and the
// interoperability channels with their statuses, so that every process,
// input and output indicator of the plan has something to show.
type Monitoring struct {
	Eventi    string   // the events file, for `csi eventi import`
	Operatori []string // the operator lists, oldest first, for `csi operatori import`
	Canali    []Canale
	// Events and Accounts count the rows written.
	Events, Accounts int
}

// Canale is one channel of the demo and its statuses in date order.
type Canale struct {
	Controparte, Descrizione, Comune, Note string
	Stati                                  [][2]string // status, day
}

// demoCanali follow the plan: GePI and ISEE "predisposti in attesa di
// autorizzazione", the Anagrafe sanitaria discussed with ATS Brianza, the
// Comuni's protocollo and the Agenzia delle Entrate to be opened.
var demoCanali = []Canale{
	{Controparte: "gepi", Note: "collegamento predisposto, in attesa di autorizzazione dal Ministero",
		Stati: [][2]string{{"richiesto", "2021-10-15"}, {"autorizzato", "2022-09-20"}, {"attivo", "2023-02-01"}}},
	{Controparte: "isee_inps", Note: "collegamento predisposto, in attesa di autorizzazione da INPS",
		Stati: [][2]string{{"richiesto", "2021-11-05"}, {"autorizzato", "2022-06-30"}, {"in_test", "2022-11-14"}, {"attivo", "2023-05-08"}}},
	{Controparte: "anagrafe_sanitaria_ats", Note: "confronto con ATS Brianza",
		Stati: [][2]string{{"richiesto", "2022-03-01"}, {"in_test", "2023-06-12"}}},
	{Controparte: "protocollo_comunale", Descrizione: "Protocollo del Comune di Monza", Comune: "108033",
		Stati: [][2]string{{"richiesto", "2022-04-04"}, {"attivo", "2022-12-01"}}},
	{Controparte: "protocollo_comunale", Descrizione: "Protocollo del Comune di Desio", Comune: "108023",
		Stati: [][2]string{{"richiesto", "2023-01-16"}, {"in_test", "2023-10-02"}}},
	{Controparte: "agenzia_entrate", Note: "caricamento dati dall'Agenzia delle Entrate",
		Stati: [][2]string{{"richiesto", "2022-10-03"}, {"autorizzato", "2023-09-18"}}},
	{Controparte: "anpr", Stati: [][2]string{{"richiesto", "2023-03-01"}, {"sospeso", "2023-10-30"}}},
}

// ambitiNames are the five Ambiti.
var ambitiNames = []string{"Carate Brianza", "Desio", "Monza", "Seregno", "Vimercate"}

// WriteMonitoring writes the demo's process registers through create.
// The output depends only on seed.
func WriteMonitoring(seed int64, create Create) (*Monitoring, error) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6d6f6e69746f72))
	m := &Monitoring{Eventi: "eventi.csv", Canali: demoCanali}
	if err := m.writeEventi(rng, create); err != nil {
		return nil, err
	}
	for _, asOf := range []string{"2022-12-31", "2023-12-31"} {
		name := "operatori-" + asOf + ".csv"
		if err := m.writeOperatori(rng, name, asOf[:4], create); err != nil {
			return nil, err
		}
		m.Operatori = append(m.Operatori, name)
	}
	return m, nil
}

func writeBuffer(create Create, name string, b *bytes.Buffer) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// writeEventi writes two years of events per Ambito, and the provincial
// courses and working groups.
func (m *Monitoring) writeEventi(rng *rand.Rand, create Create) error {
	var b bytes.Buffer
	b.WriteString("tipo;data;titolo;ambiti;partecipanti;politici;dirigenti;posizioni_organizzative;accreditamento\n")
	row := func(tipo, data, titolo, ambiti string, n int, ruoli [3]int, accr string) {
		r := func(v int) string {
			if v == 0 {
				return ""
			}
			return fmt.Sprint(v)
		}
		fmt.Fprintf(&b, "%s;%s;%s;%s;%d;%s;%s;%s;%s\n", tipo, data, titolo, ambiti, n, r(ruoli[0]), r(ruoli[1]), r(ruoli[2]), accr)
		m.Events++
	}
	for _, year := range []int{2022, 2023} {
		for _, a := range ambitiNames {
			for i := range 1 + rng.IntN(3) {
				p, d, po := 1+rng.IntN(5), 1+rng.IntN(4), rng.IntN(6)
				row("incontro_istituzionale", fmt.Sprintf("%d-%02d-%02d", year, 2+3*i, 3+rng.IntN(25)),
					fmt.Sprintf("Presentazione della CSI %d/%d", i+1, year), a, p+d+po, [3]int{p, d, po}, "")
			}
			row("corso_amministrativi", fmt.Sprintf("%d-%02d-%02d", year, 4+rng.IntN(6), 1+rng.IntN(27)),
				"Corso CSI per amministrativi", a, 8+rng.IntN(15), [3]int{}, "")
			if rng.IntN(3) > 0 {
				row("formazione_debiti", fmt.Sprintf("%d-%02d-%02d", year, 3+rng.IntN(8), 1+rng.IntN(27)),
					"Debiti informativi B2 e Dopo di Noi con la CSI", a, 4+rng.IntN(8), [3]int{}, "")
			}
		}
		for i := range 2 {
			row("corso_assistenti_sociali", fmt.Sprintf("%d-%02d-%02d", year, 3+5*i, 10+rng.IntN(15)),
				fmt.Sprintf("La CSI nel lavoro sociale, edizione %d", i+1), "tutti", 25+rng.IntN(30), [3]int{},
				fmt.Sprintf("CROAS-LOM-%d-%03d", year, 100+rng.IntN(900)))
		}
		for i := range 3 + rng.IntN(2) {
			row("tavolo_linee_guida", fmt.Sprintf("%d-%02d-%02d", year, 2+3*i, 5+rng.IntN(20)),
				fmt.Sprintf("Tavolo Linee Guida 2.0, incontro %d", i+1), "tutti", 6+rng.IntN(8), [3]int{}, "")
		}
	}
	return writeBuffer(create, m.Eventi, &b)
}

// writeOperatori writes the platform's accounts at the end of year: about
// one per 6,000 residents, more of them active in 2023 than in 2022.
func (m *Monitoring) writeOperatori(rng *rand.Rand, name, year string, create Create) error {
	var b bytes.Buffer
	b.WriteString("id_operatore;comune;profilo;data_ultimo_accesso\n")
	roles := []string{"assistente_sociale", "assistente_sociale", "amministrativo", "educatore", "responsabile"}
	active := 0.55
	if year == "2023" {
		active = 0.75
	}
	for _, c := range pools().mb {
		for k := range 1 + c.Popolazione/6000 {
			last := ""
			if rng.Float64() < active {
				last = fmt.Sprintf("%s-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28))
			}
			fmt.Fprintf(&b, "utente.%s.%02d;%s;%s;%s\n", c.Istat, k+1, c.Istat, roles[rng.IntN(len(roles))], last)
			m.Accounts++
		}
	}
	return writeBuffer(create, name, &b)
}
