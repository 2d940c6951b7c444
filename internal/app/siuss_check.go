package app

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
)

var _ csi.SiussService = (*Services)(nil)

// CheckSiuss runs the pre-flight checks of the SIUSS flows on the
// interventi and SINBA records of the request's Comuni and period: the
// sending ente of each Comune that has records, each intervento's
// beneficiary and prestazione (a periodic one split per calendar year, as
// the export sends it, each year in the period checked), each SINBA
// record. Findings stream to emit; the run is recorded like a validation.
func (s *Services) CheckSiuss(ctx context.Context, req csi.SiussCheckRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	start := time.Now()
	codes, err := siussCodes(req)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSiussRequest(req); err != nil {
		return nil, nil, err
	}
	if err := s.st.ValidationWritable(ctx); err != nil {
		return nil, nil, err
	}
	places, ambiti, err := s.st.ValidationPlaces(ctx)
	if err != nil {
		return nil, nil, err
	}
	comuni, scope, err := resolveScope(places, ambiti, req.Scope)
	if err != nil {
		return nil, nil, err
	}
	scope = fmt.Sprintf("%s, %s..%s", scope, req.From, req.To)
	c := &siussCheck{svc: s, req: req, chk: siuss.NewChecker(codes), checked: map[string]bool{},
		v: &validation{emitOut: emit, byRule: map[string]*csi.RuleCount{}, byComune: map[string]*csi.ComuneCount{}}}
	for _, r := range siuss.Rules() {
		c.v.byRule[r.ID] = &csi.RuleCount{Rule: r.ID, Severity: string(r.Severity)}
	}
	if err := c.run(ctx, SiussQuery{Comuni: comuni, From: req.From, To: req.To}); err != nil {
		return nil, nil, err
	}
	sum := c.v.summary(places)
	run := &csi.ValidationRun{At: s.Now().UTC().Format(time.RFC3339), Actor: csi.ActorFrom(ctx).Name, Ruleset: csi.SiussRuleset,
		RulesetVersion: codes.Version, Scope: scope, Checked: c.v.checked, Errors: sum.Errors, Warnings: sum.Warnings,
		DurationMS: time.Since(start).Milliseconds()}
	err = s.st.SaveValidationRun(ctx, run, sum.ByRule, func(id int64) (string, string) {
		// The audit log's cross-check knows a run by this opening.
		return run.Scope, fmt.Sprintf("validation %d with %s %s (csi siuss check): %d checked, %d errors, %d warnings",
			id, run.Ruleset, run.RulesetVersion, run.Checked, run.Errors, run.Warnings)
	})
	if err != nil {
		return nil, nil, err
	}
	return run, sum, nil
}

// siussCodes returns the embedded code table, or the request's file.
func siussCodes(req csi.SiussCheckRequest) (*siuss.CodeTable, error) {
	if req.Codes == nil {
		return siuss.BuiltinCodes()
	}
	t, err := siuss.LoadCodes(bytes.NewReader(req.Codes))
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%s: %v", req.CodesName, err).WithHintFrom(err)
	}
	return t, nil
}

// checkSiussRequest refuses a period that is not two dates in order and
// an operator's codice fiscale that is not valid (without printing it).
func checkSiussRequest(req csi.SiussCheckRequest) error {
	from, errFrom := time.Parse(csi.DateLayout, req.From)
	to, errTo := time.Parse(csi.DateLayout, req.To)
	if errFrom != nil || errTo != nil || to.Before(from) {
		return csi.Errorf(csi.EINVALID, "the period --from %s --to %s is not two dates in order", req.From, req.To).
			WithHint("give --from and --to as YYYY-MM-DD, e.g. --from 2024-01-01 --to 2024-12-31")
	}
	if req.Operatore != "" && codicefiscale.Validate(codicefiscale.Normalize(req.Operatore)) != nil {
		return csi.Errorf(csi.EINVALID, "the operator's codice fiscale (--operatore or CSI_OPERATORE) is not valid").
			WithHint("give the 16-character codice fiscale of the operator who sends the flows")
	}
	return nil
}

// siussCheck is the state of one run.
type siussCheck struct {
	svc     *Services
	req     csi.SiussCheckRequest
	chk     *siuss.Checker
	v       *validation
	checked map[string]bool // the Comuni whose ente was checked
}

func (c *siussCheck) run(ctx context.Context, q SiussQuery) error {
	err := c.svc.siussInterventi(ctx, q, func(x SiussIntervento) error {
		if err := c.ente(ctx, x.Comune); err != nil {
			return err
		}
		c.v.checked++
		c.emit(x.Comune, c.intervento(x))
		return c.v.err
	})
	if err != nil {
		return err
	}
	return c.svc.siussSINBA(ctx, q, func(x SiussSINBA) error {
		if err := c.ente(ctx, x.Comune); err != nil {
			return err
		}
		c.v.checked++
		c.emit(x.Comune, c.chk.SINBA(x.Record))
		return c.v.err
	})
}

// ente checks the sending ente of a Comune the first time it sends.
func (c *siussCheck) ente(ctx context.Context, istat string) error {
	if c.checked[istat] {
		return nil
	}
	c.checked[istat] = true
	e, err := c.svc.siussEnte(ctx, istat)
	if err != nil {
		return err
	}
	e.CFOperatore = codicefiscale.Normalize(c.req.Operatore)
	c.v.checked++
	c.emit(istat, c.chk.Ente(e))
	return c.v.err
}

// intervento checks the beneficiary and every piece of the prestazione
// the period would send; a finding repeated by several pieces is given once.
func (c *siussCheck) intervento(x SiussIntervento) []siuss.Finding {
	fs := c.chk.Beneficiario(x.Prestazione.ID, x.Beneficiario)
	seen := map[[2]string]bool{}
	for _, p := range c.pieces(x.Prestazione) {
		for _, f := range c.chk.Prestazione(p) {
			if k := [2]string{f.Rule, f.Field}; !seen[k] {
				seen[k] = true
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// pieces splits a periodic prestazione per calendar year and keeps the
// years the period touches; one that cannot be split is checked whole.
func (c *siussCheck) pieces(p siuss.Prestazione) []siuss.Prestazione {
	all, err := siuss.SplitPerYear(p)
	if err != nil || len(all) == 1 {
		return []siuss.Prestazione{p}
	}
	var in []siuss.Prestazione
	for _, q := range all {
		if q.DataInizio[:7] <= c.req.To[:7] && q.DataFine[:7] >= c.req.From[:7] {
			in = append(in, q)
		}
	}
	if len(in) == 0 {
		return all
	}
	return in
}

// emit passes the findings of a Comune's record on, as validation findings.
func (c *siussCheck) emit(comune string, fs []siuss.Finding) {
	for _, f := range fs {
		kind := f.Kind
		if kind == siuss.KindPrestazione {
			kind = csi.KindIntervento
		}
		c.v.emitFinding(csi.Finding{Rule: f.Rule, Severity: string(f.Severity), Kind: kind, ID: f.ID, Comune: comune,
			Field: f.Field, Message: f.Message, Fix: f.Fix})
	}
}
