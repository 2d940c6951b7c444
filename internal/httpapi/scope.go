package httpapi

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// ScopeFor returns the Config.Scope of csi serve: the services as one
// caller may use them (spec §10, README "Tokens and roles").
//
//   - coordinator: everything.
//   - referent: the Comuni, registry, imports, referents and validation of
//     their Ambito; rows of other Ambiti are filtered out of lists and a
//     request naming another Ambito's Comune is refused (403).
//   - operator: the same, for their Comune.
//   - viewer: aggregate indicators (counts below 5 always suppressed) and
//     the lists of Comuni and Ambiti without contacts or referents.
//
// Changes to Comuni and referents, records imports and the audit log are
// the coordinator's only. Every read of personal data is recorded through
// audit before the data is returned; if it cannot be recorded, the read fails.
//
// Validations (one per CPU), indicator computations and residents lists
// (two per CPU each) are
// admitted a few at a time, all callers together (see admission), and the
// other writes wait while an import runs (see importGate).
func ScopeFor(audit csi.AccessRecorder) func(p *csi.Principal, s csi.Services) csi.Services {
	validations, indicators, reads, gate := newAdmission(1), newAdmission(2), newAdmission(2), newImportGate()
	return func(p *csi.Principal, s csi.Services) csi.Services {
		return &scoped{inner: s, p: p, audit: audit, validations: validations, indicators: indicators, reads: reads, gate: gate}
	}
}

// ViewerSuppressBelow is the smallest count a viewer sees: smaller ones
// print as "<5" whatever the request asks.
const ViewerSuppressBelow = 5

// scoped is csi.Services for one caller. It embeds no interface: every
// method of csi.Services is written out in scope*.go, the coordinator's
// pass-through included, so a method added to csi.Services does not
// compile until it is scoped (see the assertion below).
type scoped struct {
	inner csi.Services
	p     *csi.Principal
	audit csi.AccessRecorder
	// validations and indicators queue the heavy computations, reads the
	// heavy reads (a Comune's residents).
	validations, indicators, reads admission
	gate                           *importGate
}

var _ csi.Services = (*scoped)(nil)

func (s *scoped) is(roles ...string) bool {
	for _, r := range roles {
		if s.p.Role == r {
			return true
		}
	}
	return false
}

// who describes the caller in a refusal.
func (s *scoped) who() string {
	switch s.p.Role {
	case csi.RoleReferent:
		return fmt.Sprintf("token %s (referent of Ambito %s)", s.p.Token, s.p.Ambito)
	case csi.RoleOperator:
		return fmt.Sprintf("token %s (operator of Comune %s)", s.p.Token, s.p.Comune)
	}
	return fmt.Sprintf("token %s (%s)", s.p.Token, s.p.Role)
}

func (s *scoped) forbidden(format string, args ...any) error {
	return csi.Errorf(csi.EFORBIDDEN, "%s: %s", s.who(), fmt.Sprintf(format, args...)).
		WithHint("ask the coordinator, or use a token whose role and scope cover it")
}

// only refuses the call unless the caller has one of roles.
func (s *scoped) only(what string, roles ...string) error {
	if s.is(roles...) {
		return nil
	}
	if len(roles) == 1 && roles[0] == csi.RoleCoordinator {
		return s.forbidden("%s is reserved to the coordinator", what)
	}
	return s.forbidden("%s is not allowed to a %s", what, s.p.Role)
}

// sees reports whether the caller's territory includes c.
func (s *scoped) sees(c csi.Comune) bool {
	switch s.p.Role {
	case csi.RoleCoordinator, csi.RoleViewer:
		return true
	case csi.RoleReferent:
		return c.Ambito == s.p.Ambito
	case csi.RoleOperator:
		return c.Istat == s.p.Comune
	}
	return false
}

// comune resolves ref and refuses it when it is outside the caller's territory.
func (s *scoped) comune(ctx context.Context, ref string) (csi.Comune, error) {
	d, err := s.inner.FindComune(ctx, ref)
	if err != nil {
		return csi.Comune{}, err
	}
	if !s.sees(d.Comune) {
		return csi.Comune{}, s.forbidden("Comune %s (%s) is outside its scope", d.Nome, d.Istat)
	}
	return d.Comune, nil
}

// ambito resolves ref and refuses it when it is not the caller's Ambito.
func (s *scoped) ambito(ctx context.Context, ref string) (string, error) {
	a, err := s.inner.FindAmbito(ctx, ref)
	if err != nil {
		return "", err
	}
	if s.is(csi.RoleReferent, csi.RoleOperator) && a.Nome != s.p.Ambito {
		return "", s.forbidden("Ambito %s is outside its scope", a.Nome)
	}
	return a.Nome, nil
}

// territory returns the ISTAT codes the caller sees, nil for all of them.
func (s *scoped) territory(ctx context.Context) (map[string]bool, error) {
	if s.is(csi.RoleCoordinator, csi.RoleViewer) {
		return nil, nil
	}
	cs, err := s.inner.ListComuni(ctx, csi.ComuneFilter{})
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, c := range cs {
		if s.sees(c) {
			in[c.Istat] = true
		}
	}
	return in, nil
}

// read records a read of personal data; the summary never holds a CF or a name.
func (s *scoped) read(ctx context.Context, target, summary string) error {
	if s.audit == nil {
		return csi.Errorf(csi.EINTERNAL, "no audit log for reads of personal data")
	}
	return s.write(ctx, func() error { return s.audit.RecordAccess(ctx, target, summary) })
}

// write runs fn, which writes to the store, when no import runs.
func (s *scoped) write(ctx context.Context, fn func() error) error {
	if err := s.gate.enterShared(ctx); err != nil {
		return err
	}
	defer s.gate.leaveShared()
	return fn()
}

// writeOne is write for a call that returns a value.
func writeOne[T any](ctx context.Context, s *scoped, fn func() (T, error)) (T, error) {
	var out T
	err := s.write(ctx, func() error {
		var err error
		out, err = fn()
		return err
	})
	return out, err
}

// filter keeps the elements of xs that keep returns true for.
func filter[T any](xs []T, keep func(T) bool) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
