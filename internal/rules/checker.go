package rules

import (
	"maps"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// compiled is a rule ready to run: its check and its code lists as sets.
type compiled struct {
	rule  Rule
	check check
	sets  []map[string]bool
}

// Checker runs the rules of a ruleset on records; it is safe for concurrent
// use once built.
type Checker struct {
	env      Env
	today    string
	todayT   time.Time
	persona  []*compiled
	famiglia []*compiled
	accesso  []*compiled
	cartella []*compiled
	cartelle []*compiled
	interv   []*compiled
}

// NewChecker prepares the rules of rs to run against env; env.Today is read
// once, here, and rules that name no registered check are skipped.
func NewChecker(rs *Ruleset, env Env) *Checker {
	c := &Checker{env: env, today: env.Today()}
	c.todayT, _ = time.Parse(csi.DateLayout, c.today)
	for _, r := range rs.Rules {
		chk, ok := registry[r.ID]
		if !ok {
			continue
		}
		r = withDefaults(r, chk)
		c.add(&compiled{rule: r, check: chk, sets: codeSets(rs, r.Lists)})
	}
	return c
}

// withDefaults fills in what a hand-built rule may lack: the check's kind,
// default code lists and default parameters.
func withDefaults(r Rule, chk check) Rule {
	r.Kind = chk.kind
	if r.Lists == nil {
		r.Lists = chk.lists
	}
	params := defaultParams(chk)
	maps.Copy(params, r.Params)
	r.Params = params
	return r
}

// add files a compiled rule under the method that runs it.
func (c *Checker) add(k *compiled) {
	switch {
	case k.check.persona != nil:
		c.persona = append(c.persona, k)
	case k.check.famiglia != nil:
		c.famiglia = append(c.famiglia, k)
	case k.check.accesso != nil:
		c.accesso = append(c.accesso, k)
	case k.check.cartella != nil:
		c.cartella = append(c.cartella, k)
	case k.check.cartelle != nil:
		c.cartelle = append(c.cartelle, k)
	case k.check.intervento != nil:
		c.interv = append(c.interv, k)
	}
}

// codeSets turns the named code lists of rs into sets.
func codeSets(rs *Ruleset, names []string) []map[string]bool {
	sets := make([]map[string]bool, len(names))
	for i, n := range names {
		sets[i] = make(map[string]bool, len(rs.Lists[n]))
		for _, code := range rs.Lists[n] {
			sets[i][code.Code] = true
		}
	}
	return sets
}

// Persona runs the persona rules on one registry version.
func (c *Checker) Persona(p csi.PersonVersion, emit func(Finding)) {
	rec := &personaRec{p: p}
	cl := c.call(emit, p.CodiceFiscale, p.Comune)
	for _, cl.k = range c.persona {
		cl.k.check.persona(cl, rec)
	}
}

// Famiglia runs the household rules on the members of one codice_famiglia.
func (c *Checker) Famiglia(comune, codice string, members []csi.PersonVersion, emit func(Finding)) {
	cl := c.call(emit, "", comune)
	for _, cl.k = range c.famiglia {
		cl.k.check.famiglia(cl, codice, members)
	}
}

// Accesso runs the accesso rules on one record.
func (c *Checker) Accesso(a csi.Accesso, emit func(Finding)) {
	cl := c.call(emit, a.ID, a.Comune)
	for _, cl.k = range c.accesso {
		cl.k.check.accesso(cl, a)
	}
}

// Cartella runs the cartella rules on one record.
func (c *Checker) Cartella(x csi.Cartella, emit func(Finding)) {
	cl := c.call(emit, x.ID, x.Comune)
	for _, cl.k = range c.cartella {
		cl.k.check.cartella(cl, x)
	}
}

// CartellePersona runs the group rules on every cartella of one person
// (cf) in one Comune.
func (c *Checker) CartellePersona(comune, cf string, cs []csi.Cartella, emit func(Finding)) {
	cl := c.call(emit, "", comune)
	for _, cl.k = range c.cartelle {
		cl.k.check.cartelle(cl, cs)
	}
}

// Intervento runs the intervento rules on one record; its Comune is its cartella's.
func (c *Checker) Intervento(x csi.Intervento, emit func(Finding)) {
	if len(c.interv) == 0 {
		return
	}
	var parent *csi.Cartella
	comune := x.Comune
	if cart, ok := c.env.Cartella(x.Comune, x.IDCartella); ok {
		parent = &cart
	}
	cl := c.call(emit, x.ID, comune)
	for _, cl.k = range c.interv {
		cl.k.check.intervento(cl, x, parent)
	}
}

// call starts a run of rules on one record; the caller sets the rule.
func (c *Checker) call(emit func(Finding), id, comune string) *call {
	return &call{chk: c, emit: emit, id: id, comune: comune}
}

// call is one run of one rule on one record (or group of records).
type call struct {
	k      *compiled
	chk    *Checker
	emit   func(Finding)
	id     string
	comune string
}

// report emits a finding about field of the current record.
func (c *call) report(field, msg string) {
	c.reportOn(c.id, field, msg)
}

// reportOn emits a finding about field of the record with that id.
func (c *call) reportOn(id, field, msg string) {
	r := &c.k.rule
	c.emit(Finding{
		Rule: r.ID, Severity: r.Severity, Kind: r.Kind, ID: id, Comune: c.comune,
		Field: field, Message: msg,
	})
}

// in reports whether code is in the i-th code list of the rule.
func (c *call) in(i int, code string) bool {
	return i < len(c.k.sets) && c.k.sets[i][code]
}

// list returns the name of the i-th code list of the rule.
func (c *call) list(i int) string {
	if i < len(c.k.rule.Lists) {
		return c.k.rule.Lists[i]
	}
	return "(none)"
}

// intParam returns an integer parameter of the rule.
func (c *call) intParam(name string) int {
	v, _ := c.k.rule.Params[name].(int)
	return v
}

// strParam returns a string parameter of the rule.
func (c *call) strParam(name string) string {
	v, _ := c.k.rule.Params[name].(string)
	return v
}

// env returns the environment of the checker.
func (c *call) env() Env { return c.chk.env }

// today returns the checker's current date, YYYY-MM-DD.
func (c *call) today() string { return c.chk.today }
