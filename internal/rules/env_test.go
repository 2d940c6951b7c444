package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// Test people (synthetic); their codici fiscali are valid.
const (
	cfBrambilla = "BRMGPP50C12F704K" // Brambilla Giuseppe, M, 1950-03-12, F704
	cfColombo   = "CLMMRA55L41F704H" // Colombo Maria, F, 1955-07-01, F704
	cfNicolo    = "NCLZOE10A45D286L" // Nicolò Zoë, F, 2010-01-05, D286
	cfDAngelo   = "DNGNDR72E20Z129V" // D'Angelo Andrea, M, 1972-05-20, Z129 (recorded dead)
	cfRossi     = "RSSNNA90B68F205K" // Rossi Anna, F, 1990-02-28, F205 (not resident in Monza)
	monza       = "108033"
	today       = "2024-06-30"
)

// private lists what no finding message may contain.
var private = []string{
	cfBrambilla, cfColombo, cfNicolo, cfDAngelo, cfRossi,
	"Brambilla", "Giuseppe", "Colombo", "Maria", "Nicolò", "Zoë", "D'Angelo", "Andrea", "Rossi", "Anna",
	"Verdi", "Luigi", "Bianchi", "Mario",
}

// residence is a period of residence in a Comune, [from, to).
type residence struct{ comune, from, to string }

// fakeEnv is an in-memory Env.
type fakeEnv struct {
	today     string
	onboarded map[string]bool
	places    map[string]bool
	residents map[string][]residence
	cartelle  map[string]csi.Cartella
	dead      map[string]bool
}

func (e *fakeEnv) Today() string                       { return e.today }
func (e *fakeEnv) ComuneMemberOn(istat, _ string) bool { return e.onboarded[istat] }
func (e *fakeEnv) KnownPlace(code string) bool         { return e.places[code] }
func (e *fakeEnv) Dead(cf string) bool                 { return e.dead[cf] }

func (e *fakeEnv) Cartella(comune, id string) (csi.Cartella, bool) {
	c, ok := e.cartelle[id]
	return c, ok && c.Comune == comune
}

func (e *fakeEnv) ResidentOn(cf, comune, date string) bool {
	for _, r := range e.residents[cf] {
		if r.comune == comune && r.from <= date && (r.to == "" || date < r.to) {
			return true
		}
	}
	return false
}

// newEnv returns the environment every test uses.
func newEnv() *fakeEnv {
	return &fakeEnv{
		today:     today,
		onboarded: map[string]bool{monza: true, "108039": true},
		places:    map[string]bool{"F704": true, "D286": true, "Z129": true, "F205": true, "I625": true},
		residents: map[string][]residence{
			cfBrambilla: {{monza, "2000-01-01", ""}},
			cfColombo:   {{monza, "1980-01-01", ""}},
			cfDAngelo:   {{monza, "2005-01-01", "2023-02-01"}},
			cfRossi:     {{"015146", "1990-03-01", ""}},
		},
		cartelle: map[string]csi.Cartella{
			"C1": {ID: "C1", CodiceFiscale: cfBrambilla, Comune: monza, DataApertura: "2020-01-10",
				DataChiusura: "2023-12-31", MotivoChiusura: "4", Area: "ANZ"},
		},
		dead: map[string]bool{cfDAngelo: true},
	}
}

// builtin loads the built-in ruleset or fails the test.
func builtin(t *testing.T) *rules.Ruleset {
	t.Helper()
	rs, err := rules.Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return rs
}

// collect runs f and returns the findings it emits.
func collect(f func(emit func(rules.Finding))) []rules.Finding {
	var out []rules.Finding
	f(func(x rules.Finding) { out = append(out, x) })
	return out
}

// computeCF returns the codice fiscale of a synthetic person.
func computeCF(t *testing.T, surname, name string, sex byte, birth, place string) string {
	t.Helper()
	d, err := time.Parse(csi.DateLayout, birth)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := codicefiscale.Compute(codicefiscale.Person{Surname: surname, Name: name, Sex: sex, Birth: d, Place: place})
	if err != nil {
		t.Fatal(err)
	}
	return cf
}

// checkPrivate fails the test if a finding message quotes a CF or a name.
func checkPrivate(t *testing.T, fs []rules.Finding) {
	t.Helper()
	for _, f := range fs {
		for _, p := range private {
			if strings.Contains(f.Message, p) {
				t.Errorf("rule %s: message %q contains personal data", f.Rule, f.Message)
			}
		}
	}
}

// brambilla is a valid registry version: head of household F1 in Monza.
func brambilla() csi.PersonVersion {
	return csi.PersonVersion{
		Comune: monza, CodiceFiscale: cfBrambilla, Cognome: "Brambilla", Nome: "Giuseppe", Sesso: "M",
		DataNascita: "1950-03-12", LuogoNascita: "F704", CodiceFamiglia: "F1", RelazioneParentela: "1",
		ValidFrom: "2000-01-01",
	}
}

// colombo is a valid registry version: spouse in household F1.
func colombo() csi.PersonVersion {
	return csi.PersonVersion{
		Comune: monza, CodiceFiscale: cfColombo, Cognome: "Colombo", Nome: "Maria", Sesso: "F",
		DataNascita: "1955-07-01", LuogoNascita: "F704", CodiceFamiglia: "F1", RelazioneParentela: "2",
	}
}

// accesso is a valid access record.
func accesso() csi.Accesso {
	return csi.Accesso{ID: "A1", Data: "2024-01-10", Comune: monza, Sportello: "COMUNE",
		CodiceFiscale: cfColombo, Area: "FAM", Esito: "INFORMAZIONE", Operatore: "op1"}
}

// cartella is a valid open cartella.
func cartella() csi.Cartella {
	return csi.Cartella{ID: "C2", CodiceFiscale: cfBrambilla, Comune: monza, DataApertura: "2024-02-01", Area: "ANZ"}
}

// intervento is a valid periodic B2 intervento within cartella C1.
func intervento() csi.Intervento {
	return csi.Intervento{ID: "I1", IDCartella: "C1", CodicePrestazione: "A1.11", Carattere: "P",
		DataInizio: "2021-01-01", DataFine: "2021-12-31", ImportoMensile: 40000, HasMensile: true,
		Misura: "B2", PresaInCarico: "S", Comune: monza}
}
