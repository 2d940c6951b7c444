package app

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.ValidationService = (*Services)(nil)

// RunValidation loads the request's ruleset (the built-in one, or the file
// content it carries), checks the records in scope against it, streaming
// each finding to emit (nothing is kept but counts), and records the run.
func (s *Services) RunValidation(ctx context.Context, req csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	start := time.Now()
	rs, err := loadRuleset(req)
	if err != nil {
		return nil, nil, err
	}
	// The run ends by recording itself: a store that cannot take that
	// record is refused first, saying why a check needs to write.
	if err := s.st.ValidationWritable(ctx); err != nil {
		return nil, nil, err
	}
	places, ambiti, err := s.st.ValidationPlaces(ctx)
	if err != nil {
		return nil, nil, err
	}
	v := &validation{emitOut: emit, byRule: map[string]*csi.RuleCount{}, byComune: map[string]*csi.ComuneCount{}}
	if v.comuni, v.scope, err = resolveScope(places, ambiti, req.Scope); err != nil {
		return nil, nil, err
	}
	rd, err := s.st.OpenValidation(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer rd.Close()
	v.rd = rd
	v.checker = rules.NewChecker(rs, &validateEnv{ValidationReader: rd, today: s.today(), member: rd.Membership()})
	for _, r := range rs.Rules {
		v.byRule[r.ID] = &csi.RuleCount{Rule: r.ID, Severity: string(r.Severity)}
	}
	if err := v.check(ctx); err != nil {
		return nil, nil, err
	}
	sum := v.summary(places)
	run := &csi.ValidationRun{At: s.Now().UTC().Format(time.RFC3339), Actor: csi.ActorFrom(ctx).Name, Ruleset: rs.Name,
		RulesetVersion: rs.Version, Scope: v.scope, Checked: v.checked, Errors: sum.Errors, Warnings: sum.Warnings,
		DurationMS: time.Since(start).Milliseconds()}
	err = s.st.SaveValidationRun(ctx, run, sum.ByRule, func(id int64) (string, string) {
		return run.Scope, fmt.Sprintf("validation %d with %s %s: %d checked, %d errors, %d warnings",
			id, run.Ruleset, run.RulesetVersion, run.Checked, run.Errors, run.Warnings)
	})
	if err != nil {
		return nil, nil, err
	}
	return run, sum, nil
}

// ValidationHistory lists past validation runs, newest first.
func (s *Services) ValidationHistory(ctx context.Context) ([]csi.ValidationRun, error) {
	return s.st.LoadValidationRuns(ctx)
}

// loadRuleset returns the built-in ruleset, or the one the request carries.
func loadRuleset(req csi.ValidationRequest) (*rules.Ruleset, error) {
	if req.RulesetData == nil {
		if req.Ruleset != "" && req.Ruleset != csi.BuiltinRuleset {
			return nil, csi.Errorf(csi.ENOTFOUND, "no built-in ruleset %q", req.Ruleset).
				WithHint("omit --ruleset for the built-in %s, or give a ruleset file", csi.BuiltinRuleset)
		}
		return rules.Builtin()
	}
	rs, err := rules.Load(bytes.NewReader(req.RulesetData), req.Ruleset)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%v", err).WithHint("fix the ruleset file; 'csi rules list' shows the known rule ids")
	}
	return rs, nil
}

// validation is the state of one run.
type validation struct {
	rd       store.ValidationReader
	checker  *rules.Checker
	comuni   []string // ISTAT codes in scope; nil = everything
	scope    string
	emitOut  func(csi.Finding) error
	err      error
	checked  int
	byRule   map[string]*csi.RuleCount
	byComune map[string]*csi.ComuneCount
}

// check runs the rules over every kind of record in scope: persons (then
// their households), accessi, cartelle (and, person by person, the open
// ones), interventi.
func (v *validation) check(ctx context.Context) error {
	steps := []func(context.Context) error{
		func(ctx context.Context) error {
			return v.rd.EachCurrentPerson(ctx, v.comuni, func(p csi.PersonVersion) error {
				v.checked++
				v.checker.Persona(p, v.emit)
				return v.stop()
			})
		},
		v.families,
		func(ctx context.Context) error {
			return v.rd.EachAccesso(ctx, v.comuni, func(a csi.Accesso) error {
				v.checked++
				v.checker.Accesso(a, v.emit)
				return v.stop()
			})
		},
		v.cartelle,
		func(ctx context.Context) error {
			return v.rd.EachIntervento(ctx, v.comuni, func(x csi.Intervento) error {
				v.checked++
				v.checker.Intervento(x, v.emit)
				return v.stop()
			})
		},
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
		if err := v.stop(); err != nil {
			return err
		}
	}
	return nil
}

// stop returns the error that ends the run: emit's, or a lookup's.
func (v *validation) stop() error {
	if v.err != nil {
		return v.err
	}
	return v.rd.Err()
}

// families runs the household rules on the households that do not have
// exactly one head.
func (v *validation) families(ctx context.Context) error {
	return v.rd.EachIrregularHousehold(ctx, v.comuni, func(h store.Household) error {
		v.checker.Famiglia(h.Comune, h.Codice, familyMembers(h), v.emit)
		return v.stop()
	})
}

// familyMembers rebuilds what the household rules look at: the heads, then
// members with the smallest CF up to the household's size.
func familyMembers(h store.Household) []csi.PersonVersion {
	members := make([]csi.PersonVersion, 0, h.Size)
	for _, cf := range h.Heads {
		members = append(members, csi.PersonVersion{Comune: h.Comune, CodiceFiscale: cf, CodiceFamiglia: h.Codice, RelazioneParentela: "1"})
	}
	for len(members) < h.Size {
		members = append(members, csi.PersonVersion{Comune: h.Comune, CodiceFiscale: h.MinCF, CodiceFamiglia: h.Codice})
	}
	return members
}

// cartelle checks each cartella and, person by person, the open ones.
func (v *validation) cartelle(ctx context.Context) error {
	var group []csi.Cartella
	flush := func() {
		if len(group) > 0 {
			v.checker.CartellePersona(group[0].Comune, group[0].CodiceFiscale, group, v.emit)
		}
		group = group[:0]
	}
	err := v.rd.EachCartella(ctx, v.comuni, func(c csi.Cartella) error {
		if len(group) > 0 && (group[0].Comune != c.Comune || group[0].CodiceFiscale != c.CodiceFiscale) {
			flush()
		}
		group = append(group, c)
		v.checked++
		v.checker.Cartella(c, v.emit)
		return v.stop()
	})
	if err != nil {
		return err
	}
	flush()
	return nil
}

// emit counts a finding and passes it on.
func (v *validation) emit(f rules.Finding) {
	v.emitFinding(csi.Finding{Rule: f.Rule, Severity: string(f.Severity), Kind: f.Kind, ID: f.ID, Comune: f.Comune, Field: f.Field, Message: f.Message})
}

// emitFinding counts a finding by rule and Comune and passes it on.
func (v *validation) emitFinding(f csi.Finding) {
	if v.err != nil {
		return
	}
	c := v.byRule[f.Rule]
	if c == nil {
		c = &csi.RuleCount{Rule: f.Rule, Severity: f.Severity}
		v.byRule[f.Rule] = c
	}
	c.Count++
	cc := v.byComune[f.Comune]
	if cc == nil {
		cc = &csi.ComuneCount{Comune: f.Comune}
		v.byComune[f.Comune] = cc
	}
	if f.Severity == csi.SeverityError {
		cc.Errors++
	} else {
		cc.Warnings++
	}
	v.err = v.emitOut(f)
}

// summary orders the counts: rules by id, Comuni by code.
func (v *validation) summary(places []store.ComunePlace) *csi.ValidationSummary {
	s := &csi.ValidationSummary{ByRule: []csi.RuleCount{}, ByComune: []csi.ComuneCount{}}
	for _, c := range v.byRule {
		if c.Severity == csi.SeverityError {
			s.Errors += c.Count
		} else {
			s.Warnings += c.Count
		}
		s.ByRule = append(s.ByRule, *c)
	}
	sort.Slice(s.ByRule, func(i, j int) bool { return s.ByRule[i].Rule < s.ByRule[j].Rule })
	names := map[string]string{}
	for _, p := range places {
		names[p.Istat] = p.Nome
	}
	for _, c := range v.byComune {
		c.Nome = names[c.Comune]
		s.ByComune = append(s.ByComune, *c)
	}
	sort.Slice(s.ByComune, func(i, j int) bool { return s.ByComune[i].Comune < s.ByComune[j].Comune })
	return s
}
