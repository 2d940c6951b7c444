package rules_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// check runs one extra scenario and returns the rule ids and fields fired.
type scenario struct {
	name string
	run  func(c *rules.Checker, emit func(rules.Finding))
	want []string // "rule/field" of every finding, in order
}

func TestScenarios(t *testing.T) {
	c := rules.NewChecker(builtin(t), newEnv())
	omocode := codicefiscale.Omocode(cfBrambilla, 3)
	tests := []scenario{
		{"omocode CF is consistent", person(func(p *csi.PersonVersion) { p.CodiceFiscale = omocode }), nil},
		{"all test people are consistent", func(c *rules.Checker, emit func(rules.Finding)) {
			for _, p := range testPeople() {
				c.Persona(p, emit)
			}
		}, nil},
		{"birth in the future", person(func(p *csi.PersonVersion) { p.DataNascita = "2030-03-12" }),
			[]string{"persona-cf-data-nascita/data_nascita", "persona-data-nascita/data_nascita"}},
		{"birth date malformed", person(func(p *csi.PersonVersion) { p.DataNascita = "12/03/1950" }),
			[]string{"persona-data-nascita/data_nascita"}},
		{"reason without date", person(func(p *csi.PersonVersion) { p.MotivoCancellazione = "3" }),
			[]string{"persona-cancellazione/data_cancellazione"}},
		{"reason not ANPR", person(func(p *csi.PersonVersion) { p.DataCancellazione, p.MotivoCancellazione = "2021-01-01", "99" }),
			[]string{"persona-cancellazione/motivo_cancellazione"}},
		{"household without head", family(colombo()), []string{"persona-famiglia-intestatario/relazione_parentela"}},
		{"no codice famiglia", func(c *rules.Checker, emit func(rules.Finding)) {
			c.Famiglia(monza, "", []csi.PersonVersion{colombo()}, emit)
		}, nil},
		{"anonymous access without CF", access(func(a *csi.Accesso) { a.CodiceFiscale = "" }), nil},
		{"access date missing", access(func(a *csi.Accesso) { a.Data = "" }), []string{"accesso-data/data_accesso"}},
		{"open cartella with reason", cart(func(x *csi.Cartella) { x.MotivoChiusura = "4" }),
			[]string{"cartella-chiusura-motivo/motivo_chiusura"}},
		{"closed with unknown reason", cart(func(x *csi.Cartella) { x.DataChiusura, x.MotivoChiusura = "2024-05-01", "10" }),
			[]string{"cartella-chiusura-motivo/motivo_chiusura"}},
		{"closing in the future", cart(func(x *csi.Cartella) { x.DataChiusura, x.MotivoChiusura = "2024-07-01", "4" }),
			[]string{"cartella-data-chiusura/data_chiusura"}},
		{"three open cartelle", func(c *rules.Checker, emit func(rules.Finding)) {
			a, b, d := cartella(), cartella(), cartella()
			b.ID, d.ID, d.DataApertura = "C9", "C0", "2023-01-01"
			c.CartellePersona(monza, cfBrambilla, []csi.Cartella{a, b, d}, emit)
		}, []string{"cartella-aperta-unica/data_chiusura", "cartella-aperta-unica/data_chiusura"}},
		{"negative one-off amount", interv(func(x *csi.Intervento) {
			x.Carattere, x.Misura, x.DataErogazione, x.Importo, x.HasImporto, x.HasMensile = "O", "", "2021-03-01", -15000, true, false
		}), []string{"intervento-importo-negativo/importo"}},
		{"intervento of another Comune's cartella number", interv(func(x *csi.Intervento) { x.Comune = "108039" }),
			[]string{"intervento-cartella/id_cartella"}},
		{"intervento after the cartella closed", interv(func(x *csi.Intervento) { x.DataFine = "2024-03-31" }),
			[]string{"intervento-periodo/data_fine"}},
		{"periodic ends before it starts", interv(func(x *csi.Intervento) { x.DataFine = "2020-12-31" }),
			[]string{"intervento-periodica/data_fine"}},
		{"periodic without monthly amount", interv(func(x *csi.Intervento) { x.HasMensile = false }),
			[]string{"intervento-periodica/importo_mensile"}},
		{"one-off without date", interv(func(x *csi.Intervento) { x.Carattere, x.Misura, x.Importo, x.HasImporto = "O", "", 100, true }),
			[]string{"intervento-occasionale/data_erogazione"}},
		{"B2 one-off", interv(func(x *csi.Intervento) {
			x.Carattere, x.DataErogazione, x.Importo, x.HasImporto = "O", "2021-03-01", 100, true
		}), []string{"intervento-misura-b2/carattere"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := collect(func(emit func(rules.Finding)) { tc.run(c, emit) })
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule+"/"+f.Field)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("findings %v, want %v", got, tc.want)
			}
			checkPrivate(t, fs)
		})
	}
}

// testPeople returns the five test people as registry versions.
func testPeople() []csi.PersonVersion {
	nicolo := csi.PersonVersion{Comune: monza, CodiceFiscale: cfNicolo, Cognome: "Nicolò", Nome: "Zoë", Sesso: "F",
		DataNascita: "2010-01-05", LuogoNascita: "D286", RelazioneParentela: "3"}
	dangelo := csi.PersonVersion{Comune: monza, CodiceFiscale: cfDAngelo, Cognome: "D'Angelo", Nome: "Andrea", Sesso: "M",
		DataNascita: "1972-05-20", LuogoNascita: "Z129", DataCancellazione: "2023-02-01", MotivoCancellazione: "1"}
	rossi := csi.PersonVersion{Comune: "108039", CodiceFiscale: cfRossi, Cognome: "Rossi", Nome: "Anna", Sesso: "F",
		DataNascita: "1990-02-28", LuogoNascita: "F205"}
	return []csi.PersonVersion{brambilla(), colombo(), nicolo, dangelo, rossi}
}

func TestInterventoComune(t *testing.T) {
	c := rules.NewChecker(builtin(t), newEnv())
	fs := collect(func(emit func(rules.Finding)) {
		interv(func(x *csi.Intervento) { x.DataInizio = "2019-01-01" })(c, emit)
	})
	if len(fs) != 1 || fs[0].Comune != monza || fs[0].ID != "I1" || fs[0].Kind != csi.KindIntervento {
		t.Errorf("findings %+v, want one in Comune %s for I1", fs, monza)
	}
}

func TestHandBuiltRulesetUsesDefaults(t *testing.T) {
	rs := &rules.Ruleset{
		Name: "local", Version: "0",
		Lists: map[string][]rules.Code{"area": {{Code: "FAM"}}},
		Rules: []rules.Rule{
			{ID: "accesso-area", Kind: csi.KindAccesso, Severity: rules.SeverityWarning},
			{ID: "persona-data-nascita", Kind: csi.KindPersona, Severity: rules.SeverityError},
			{ID: "no-such-check", Kind: csi.KindPersona, Severity: rules.SeverityError},
		},
	}
	c := rules.NewChecker(rs, newEnv())
	fs := collect(func(emit func(rules.Finding)) {
		c.Accesso(accesso(), emit)
		c.Persona(brambilla(), emit)
		person(func(p *csi.PersonVersion) { p.DataNascita = "1890-01-01" })(c, emit)
	})
	if len(fs) != 1 || fs[0].Rule != "persona-data-nascita" || !strings.Contains(fs[0].Message, "120 years") {
		t.Errorf("findings %+v, want only persona-data-nascita with the default 120 years", fs)
	}
}

func TestFindingJSON(t *testing.T) {
	b, err := json.Marshal(rules.Finding{Rule: "r", Severity: rules.SeverityError, Kind: "persona", ID: "x", Comune: "c", Field: "f", Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"rule":"r","severity":"error","kind":"persona","id":"x","comune":"c","field":"f","message":"m"}`
	if string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
}

func TestRuleLookup(t *testing.T) {
	rs := builtin(t)
	r, ok := rs.Rule("persona-data-nascita")
	if !ok || r.Params["max_age_years"] != 120 || r.Line == 0 || r.Title == "" || r.Fix == "" || r.Example == "" {
		t.Errorf("Rule(persona-data-nascita) = %+v, %v", r, ok)
	}
	if r, ok := rs.Rule("accesso-area"); !ok || strings.Join(r.Lists, ",") != "area" {
		t.Errorf("Rule(accesso-area).Lists = %v", r.Lists)
	}
	if _, ok := rs.Rule("nope"); ok {
		t.Error("Rule(nope) found")
	}
	if rs.Name != "dgr-2457-2019" || rs.Version != "1.2.0" || rs.Source == "" {
		t.Errorf("ruleset header %q %q %q", rs.Name, rs.Version, rs.Source)
	}
}

func TestBuiltinLists(t *testing.T) {
	rs := builtin(t)
	want := map[string][]string{
		"area":                 {"FAM", "DIS", "ANZ", "IMM", "POV", "DIP", "SAM", "MUL"},
		"sportello":            {"COMUNE", "STRANIERI"},
		"esito":                {"INFORMAZIONE", "ORIENTAMENTO", "INVIO_SERVIZIO", "PRESA_IN_CARICO"},
		"motivo_chiusura":      {"1", "2", "3", "4", "5", "6", "7", "8", "9"},
		"carattere":            {"P", "O"},
		"misura":               {"B2", "DDN"},
		"presa_in_carico":      {"S", "N"},
		"motivo_cancellazione": {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"},
		"prestazione_pic":      {"A2.16", "A2.17", "A2.18", "A2.19", "A2.20", "A2.21", "A2.22", "A2.23", "A2.24", "A2.25", "A2.26", "A2.27", "A2.28", "A2.29"},
	}
	for name, codes := range want {
		var got []string
		for _, c := range rs.Lists[name] {
			got = append(got, c.Code)
		}
		if strings.Join(got, " ") != strings.Join(codes, " ") {
			t.Errorf("list %s = %v, want %v", name, got, codes)
		}
	}
	prest := map[string]bool{}
	for _, c := range rs.Lists["prestazione"] {
		prest[c.Code] = true
	}
	for _, code := range append([]string{"A1.04", "A2.07"}, want["prestazione_pic"]...) {
		if !prest[code] {
			t.Errorf("prestazione list lacks %s", code)
		}
	}
	for _, c := range rs.Lists["prestazione_economica"] {
		if !prest[c.Code] {
			t.Errorf("economic code %s is not in the prestazione list", c.Code)
		}
	}
}

func TestMarkdown(t *testing.T) {
	rs := builtin(t)
	md := rs.Markdown()
	if !strings.Contains(md, "| id | kind | severity | source | title |") {
		t.Error("Markdown lacks the summary table header")
	}
	for _, r := range rs.Rules {
		for _, s := range []string{"\n## " + r.ID + "\n", "[`" + r.ID + "`](#" + r.ID + ") | " + r.Kind + " | " + string(r.Severity), r.Example, r.Fix} {
			if !strings.Contains(md, s) {
				t.Errorf("Markdown lacks %q", s)
			}
		}
	}
	if !strings.Contains(md, "`max_age_years: 120`") || !strings.Contains(md, "### prestazione") {
		t.Error("Markdown lacks parameters or code lists")
	}
}

func BenchmarkPersona(b *testing.B) {
	rs, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c := rules.NewChecker(rs, newEnv())
	p := brambilla()
	n := 0
	for b.Loop() {
		c.Persona(p, func(rules.Finding) { n++ })
	}
	if n > 0 {
		b.Fatal("unexpected findings")
	}
}
