package httpapi

import (
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// RunValidation validates the caller's territory: a referent's run is
// confined to their Ambito (or one of its Comuni), an operator's to their
// Comune; a scope outside it is refused. The store records the run in the
// audit log with the caller, which covers the findings read.
func (s *scoped) RunValidation(ctx context.Context, req csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	scope, err := s.allowedValidationScope(ctx, req.Scope)
	if err != nil {
		return nil, nil, err
	}
	req.Scope = scope
	in, err := s.territory(ctx)
	if err != nil {
		return nil, nil, err
	}
	guarded := emit
	if in != nil {
		// Defence in depth: the store already limits the run to the scope.
		guarded = func(f csi.Finding) error {
			if f.Comune != "" && !in[f.Comune] {
				return nil
			}
			return emit(f)
		}
	}
	if err := s.validations.enter(ctx); err != nil {
		return nil, nil, err
	}
	defer s.validations.leave()
	// The run ends by recording itself: it waits for a running import
	// here, where it costs nothing, not after the work is done.
	if err := s.gate.enterShared(ctx); err != nil {
		return nil, nil, err
	}
	defer s.gate.leaveShared()
	return s.inner.RunValidation(ctx, req, guarded)
}

// authorizeValidation runs the checks of RunValidation before the ruleset
// body is read (RunValidation runs them again).
func (s *scoped) authorizeValidation(ctx context.Context, scope csi.ValidateScope) error {
	_, err := s.allowedValidationScope(ctx, scope)
	return err
}

// allowedValidationScope refuses a validation the caller may not run and
// returns the scope it is confined to.
func (s *scoped) allowedValidationScope(ctx context.Context, scope csi.ValidateScope) (csi.ValidateScope, error) {
	if err := s.only("running a validation", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return scope, err
	}
	return s.validationScope(ctx, scope)
}

func (s *scoped) validationScope(ctx context.Context, v csi.ValidateScope) (csi.ValidateScope, error) {
	if v.Comune != "" {
		c, err := s.comune(ctx, v.Comune)
		return csi.ValidateScope{Comune: c.Istat}, err
	}
	switch s.p.Role {
	case csi.RoleReferent:
		if v.Ambito != "" {
			if _, err := s.ambito(ctx, v.Ambito); err != nil {
				return v, err
			}
		}
		return csi.ValidateScope{Ambito: s.p.Ambito}, nil
	case csi.RoleOperator:
		if v.Ambito != "" {
			return v, s.forbidden("validating a whole Ambito is outside its scope")
		}
		return csi.ValidateScope{Comune: s.p.Comune}, nil
	}
	return v, nil
}

// ValidationHistory lists the runs whose scope lies in the caller's territory.
func (s *scoped) ValidationHistory(ctx context.Context) ([]csi.ValidationRun, error) {
	if err := s.only("reading the validation history", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	runs, err := s.inner.ValidationHistory(ctx)
	if err != nil || s.is(csi.RoleCoordinator) {
		return runs, err
	}
	in, err := s.territory(ctx)
	if err != nil {
		return nil, err
	}
	return filter(runs, func(r csi.ValidationRun) bool { return s.runInScope(r.Scope, in) }), nil
}

// runInScope reads a run's scope as the store writes it: "provincia",
// "ambito NAME" or "comune ISTAT NAME".
func (s *scoped) runInScope(scope string, in map[string]bool) bool {
	kind, rest, _ := strings.Cut(scope, " ")
	switch kind {
	case "ambito":
		return s.is(csi.RoleReferent) && rest == s.p.Ambito
	case "comune":
		istat, _, _ := strings.Cut(rest, " ")
		return in[istat]
	}
	return false
}
