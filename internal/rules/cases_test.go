package rules_test

import (
	"slices"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// ruleCase is, for one rule, a record that violates it (only that rule
// fires, on field) and one that satisfies it (no rule fires).
type ruleCase struct {
	field     string
	bad, good func(c *rules.Checker, emit func(rules.Finding))
}

// person checks a registry version modified by mod.
func person(mod func(*csi.PersonVersion)) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		p := brambilla()
		mod(&p)
		c.Persona(p, emit)
	}
}

// access checks an accesso modified by mod.
func access(mod func(*csi.Accesso)) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		a := accesso()
		mod(&a)
		c.Accesso(a, emit)
	}
}

// cart checks a cartella modified by mod.
func cart(mod func(*csi.Cartella)) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		x := cartella()
		mod(&x)
		c.Cartella(x, emit)
	}
}

// interv checks an intervento modified by mod.
func interv(mod func(*csi.Intervento)) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		x := intervento()
		mod(&x)
		c.Intervento(x, emit)
	}
}

// family checks household F1 made of the given members.
func family(members ...csi.PersonVersion) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		c.Famiglia(monza, "F1", members, emit)
	}
}

// cartelle checks the cartelle of one person.
func cartelle(cs ...csi.Cartella) func(*rules.Checker, func(rules.Finding)) {
	return func(c *rules.Checker, emit func(rules.Finding)) {
		c.CartellePersona(monza, cfBrambilla, cs, emit)
	}
}

// ok leaves a record unchanged.
func ok[T any](*T) {}

// ruleCases builds the table: one entry per rule of the built-in ruleset.
func ruleCases(t *testing.T) map[string]ruleCase {
	old := computeCF(t, "Verdi", "Luigi", 'M', "1900-01-01", "F704")
	unknownPlace := computeCF(t, "Verdi", "Luigi", 'M', "1960-04-02", "Z999")
	second := cartella()
	second.ID, second.DataApertura = "C3", "2024-03-01"
	closed := second
	closed.DataChiusura, closed.MotivoChiusura = "2024-04-01", "4"
	head2 := colombo()
	head2.RelazioneParentela = "1"
	return map[string]ruleCase{
		"persona-cf-check": {"codice_fiscale", person(func(p *csi.PersonVersion) { p.CodiceFiscale = "BRMGPP50C12F704X" }), person(ok)},
		"persona-cf-siuss": {"codice_fiscale", person(func(p *csi.PersonVersion) { p.CodiceFiscale = codicefiscale.Omocode(cfBrambilla, 7) }),
			person(func(p *csi.PersonVersion) { p.CodiceFiscale = codicefiscale.Omocode(cfBrambilla, 3) })},
		"persona-cf-data-nascita":  {"data_nascita", person(func(p *csi.PersonVersion) { p.DataNascita = "1950-03-13" }), person(ok)},
		"persona-cf-sesso":         {"sesso", person(func(p *csi.PersonVersion) { p.Sesso = "F" }), person(ok)},
		"persona-cf-luogo-nascita": {"luogo_nascita", person(func(p *csi.PersonVersion) { p.LuogoNascita = "F205" }), person(ok)},
		"persona-cf-cognome":       {"cognome", person(func(p *csi.PersonVersion) { p.Cognome = "Bianchi" }), person(ok)},
		"persona-cf-nome":          {"nome", person(func(p *csi.PersonVersion) { p.Nome = "Mario" }), person(ok)},
		"persona-data-nascita": {"data_nascita", person(func(p *csi.PersonVersion) {
			p.CodiceFiscale, p.Cognome, p.Nome, p.DataNascita = old, "Verdi", "Luigi", "1900-01-01"
		}), person(ok)},
		"persona-luogo-nascita": {"luogo_nascita", person(func(p *csi.PersonVersion) {
			p.CodiceFiscale, p.Cognome, p.Nome, p.DataNascita, p.LuogoNascita = unknownPlace, "Verdi", "Luigi", "1960-04-02", "Z999"
		}), person(ok)},
		"persona-cancellazione":         {"motivo_cancellazione", person(func(p *csi.PersonVersion) { p.DataCancellazione = "2021-03-04" }), person(func(p *csi.PersonVersion) { p.DataCancellazione, p.MotivoCancellazione = "2021-03-04", "3" })},
		"persona-relazione-parentela":   {"relazione_parentela", person(func(p *csi.PersonVersion) { p.RelazioneParentela = "FIGLIO" }), person(ok)},
		"persona-famiglia-intestatario": {"relazione_parentela", family(brambilla(), head2), family(brambilla(), colombo())},

		"accesso-data":      {"data_accesso", access(func(a *csi.Accesso) { a.Data = "2025-01-01" }), access(ok)},
		"accesso-comune":    {"comune", access(func(a *csi.Accesso) { a.Comune = "108999" }), access(ok)},
		"accesso-cf":        {"codice_fiscale", access(func(a *csi.Accesso) { a.CodiceFiscale = "CLMMRA55L41F704X" }), access(func(a *csi.Accesso) { a.CodiceFiscale = "" })},
		"accesso-sportello": {"sportello", access(func(a *csi.Accesso) { a.Sportello = "URP" }), access(func(a *csi.Accesso) { a.Sportello = "STRANIERI" })},
		"accesso-area":      {"area", access(func(a *csi.Accesso) { a.Area = "ANZIANI" }), access(ok)},
		"accesso-esito":     {"esito", access(func(a *csi.Accesso) { a.Esito = "CHIUSO" }), access(ok)},

		"cartella-cf-check":        {"codice_fiscale", cart(func(x *csi.Cartella) { x.CodiceFiscale = "BRMGPP50C12F704" }), cart(ok)},
		"cartella-residente":       {"codice_fiscale", cart(func(x *csi.Cartella) { x.CodiceFiscale = cfRossi }), cart(ok)},
		"cartella-data-apertura":   {"data_apertura", cart(func(x *csi.Cartella) { x.DataApertura = "" }), cart(ok)},
		"cartella-data-chiusura":   {"data_chiusura", cart(func(x *csi.Cartella) { x.DataChiusura, x.MotivoChiusura = "2024-01-15", "4" }), cart(func(x *csi.Cartella) { x.DataChiusura, x.MotivoChiusura = "2024-02-01", "4" })},
		"cartella-chiusura-motivo": {"motivo_chiusura", cart(func(x *csi.Cartella) { x.DataChiusura = "2024-05-01" }), cart(func(x *csi.Cartella) { x.DataChiusura, x.MotivoChiusura = "2024-05-01", "9" })},
		"cartella-aperta-unica":    {"data_chiusura", cartelle(cartella(), second), cartelle(cartella(), closed)},
		"cartella-aperta-deceduto": {"data_chiusura", cart(func(x *csi.Cartella) { x.CodiceFiscale, x.DataApertura = cfDAngelo, "2022-01-10" }), cart(func(x *csi.Cartella) {
			x.CodiceFiscale, x.DataApertura, x.DataChiusura, x.MotivoChiusura = cfDAngelo, "2022-01-10", "2023-02-01", "8"
		})},
		"cartella-area": {"area", cart(func(x *csi.Cartella) { x.Area = "MINORI" }), cart(ok)},

		"intervento-cartella":  {"id_cartella", interv(func(x *csi.Intervento) { x.IDCartella = "C999" }), interv(ok)},
		"intervento-periodo":   {"data_inizio", interv(func(x *csi.Intervento) { x.DataInizio = "2019-06-01" }), interv(ok)},
		"intervento-carattere": {"carattere", interv(func(x *csi.Intervento) { x.Carattere, x.Misura = "X", "" }), interv(ok)},
		"intervento-periodica": {"data_fine", interv(func(x *csi.Intervento) { x.DataFine = "" }), interv(ok)},
		"intervento-occasionale": {"importo", interv(func(x *csi.Intervento) { x.Carattere, x.Misura, x.DataErogazione = "O", "", "2021-03-01" }), interv(func(x *csi.Intervento) {
			x.Carattere, x.Misura, x.DataErogazione, x.Importo, x.HasImporto = "O", "", "2021-03-01", 15000, true
		})},
		"intervento-importo-negativo": {"importo_mensile", interv(func(x *csi.Intervento) { x.ImportoMensile = -40000 }), interv(ok)},
		"intervento-prestazione":      {"codice_prestazione", interv(func(x *csi.Intervento) { x.CodicePrestazione, x.Misura = "SAD", "" }), interv(func(x *csi.Intervento) { x.CodicePrestazione, x.Misura = "A2.07", "" })},
		"intervento-presa-in-carico":  {"presa_in_carico", interv(func(x *csi.Intervento) { x.PresaInCarico = "" }), interv(func(x *csi.Intervento) { x.PresaInCarico = "N" })},
		"intervento-prestazione-pic":  {"presa_in_carico", interv(func(x *csi.Intervento) { x.CodicePrestazione, x.Misura, x.PresaInCarico = "A2.20", "", "N" }), interv(func(x *csi.Intervento) { x.CodicePrestazione, x.Misura = "A2.20", "" })},
		"intervento-misura":           {"misura", interv(func(x *csi.Intervento) { x.Misura = "B1" }), interv(func(x *csi.Intervento) { x.Misura = "DDN" })},
		"intervento-misura-b2":        {"codice_prestazione", interv(func(x *csi.Intervento) { x.CodicePrestazione = "A2.07" }), interv(ok)},
	}
}

// TestEveryRuleHasCases fails when a rule of the built-in ruleset has no
// test case, or a case names a rule the ruleset lacks.
func TestEveryRuleHasCases(t *testing.T) {
	rs := builtin(t)
	cases := ruleCases(t)
	for _, r := range rs.Rules {
		if _, ok := cases[r.ID]; !ok {
			t.Errorf("rule %s has no test case in ruleCases", r.ID)
		}
	}
	for id := range cases {
		if _, ok := rs.Rule(id); !ok {
			t.Errorf("test case %s names no rule of the built-in ruleset", id)
		}
	}
}

// TestBuiltinCoversEveryCheck fails when a registered check is not in the built-in ruleset.
func TestBuiltinCoversEveryCheck(t *testing.T) {
	rs := builtin(t)
	var ids []string
	for _, r := range rs.Rules {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	if got := rules.KnownChecks(); !slices.Equal(got, ids) {
		t.Errorf("KnownChecks() = %v\nbuilt-in rules = %v", got, ids)
	}
}

func TestRules(t *testing.T) {
	rs := builtin(t)
	c := rules.NewChecker(rs, newEnv())
	for id, tc := range ruleCases(t) {
		t.Run(id, func(t *testing.T) {
			rule, _ := rs.Rule(id)
			bad := collect(func(emit func(rules.Finding)) { tc.bad(c, emit) })
			if len(bad) == 0 {
				t.Fatalf("bad record: no finding, want rule %s", id)
			}
			for _, f := range bad {
				if f.Rule != id {
					t.Errorf("bad record: unexpected finding %+v", f)
				}
			}
			f := bad[0]
			if f.Field != tc.field || f.Severity != rule.Severity || f.Kind != rule.Kind || f.ID == "" || f.Message == "" {
				t.Errorf("bad record: finding %+v, want field %s, severity %s, kind %s", f, tc.field, rule.Severity, rule.Kind)
			}
			checkPrivate(t, bad)
			if good := collect(func(emit func(rules.Finding)) { tc.good(c, emit) }); len(good) > 0 {
				t.Errorf("good record: unexpected findings %+v", good)
			}
		})
	}
}
