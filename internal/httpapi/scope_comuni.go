package httpapi

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// ListComuni lists the Comuni of the caller's territory; a viewer sees all
// of them, without contacts.
func (s *scoped) ListComuni(ctx context.Context, f csi.ComuneFilter) ([]csi.Comune, error) {
	if f.Ambito != "" && s.is(csi.RoleReferent, csi.RoleOperator) {
		if _, err := s.ambito(ctx, f.Ambito); err != nil {
			return nil, err
		}
	}
	cs, err := s.inner.ListComuni(ctx, f)
	if err != nil {
		return nil, err
	}
	cs = filter(cs, s.sees)
	if s.is(csi.RoleViewer) {
		for i := range cs {
			cs[i].Contact = ""
		}
	}
	return cs, nil
}

// FindComune shows a Comune of the caller's territory; a viewer gets it
// without contact and history (which names people).
func (s *scoped) FindComune(ctx context.Context, ref string) (*csi.ComuneDetail, error) {
	d, err := s.inner.FindComune(ctx, ref)
	if err != nil {
		return nil, err
	}
	if !s.sees(d.Comune) {
		return nil, s.forbidden("Comune %s (%s) is outside its scope", d.Nome, d.Istat)
	}
	if s.is(csi.RoleViewer) {
		d.Contact, d.History = "", []csi.ComuneEvent{}
	}
	return d, nil
}

// OnboardComune is the coordinator's only.
func (s *scoped) OnboardComune(ctx context.Context, in csi.OnboardInput) (*csi.Comune, error) {
	if err := s.only("onboarding a Comune", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Comune, error) { return s.inner.OnboardComune(ctx, in) })
}

// AddComuni is the coordinator's only.
func (s *scoped) AddComuni(ctx context.Context, in csi.AddComuniInput) (*csi.AddComuniResult, error) {
	if err := s.only("adding Comuni to the catalogue", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.AddComuniResult, error) { return s.inner.AddComuni(ctx, in) })
}

// OnboardComuni is the coordinator's only.
func (s *scoped) OnboardComuni(ctx context.Context, ins []csi.OnboardInput) ([]csi.OnboardResult, error) {
	if err := s.only("onboarding Comuni", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() ([]csi.OnboardResult, error) { return s.inner.OnboardComuni(ctx, ins) })
}

// UpdateComune is the coordinator's only: it may move a Comune between Ambiti.
func (s *scoped) UpdateComune(ctx context.Context, in csi.ComuneUpdate) (*csi.Comune, error) {
	if err := s.only("changing a Comune", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Comune, error) { return s.inner.UpdateComune(ctx, in) })
}

// OffboardComune is the coordinator's only.
func (s *scoped) OffboardComune(ctx context.Context, ref, date string) (*csi.Comune, error) {
	if err := s.only("offboarding a Comune", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Comune, error) { return s.inner.OffboardComune(ctx, ref, date) })
}

// ListAmbiti lists the caller's Ambito (all of them for a coordinator or a
// viewer; a viewer without the referents' names).
func (s *scoped) ListAmbiti(ctx context.Context) ([]csi.Ambito, error) {
	as, err := s.inner.ListAmbiti(ctx)
	if err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent, csi.RoleOperator) {
		as = filter(as, func(a csi.Ambito) bool { return a.Nome == s.p.Ambito })
	}
	if s.is(csi.RoleViewer) {
		for i := range as {
			as[i].Referente, as[i].ReferenteEmail = "", ""
		}
		return as, nil
	}
	n := len(filter(as, func(a csi.Ambito) bool { return a.Referente != "" || a.ReferenteEmail != "" }))
	if err := s.readReferents(ctx, n); err != nil {
		return nil, err
	}
	return as, nil
}

// readReferents records a read of n Ambiti's referents (name, email), if any.
func (s *scoped) readReferents(ctx context.Context, n int) error {
	if n == 0 {
		return nil
	}
	return s.read(ctx, "referenti", fmt.Sprintf("read the referent of %d Ambito(s)", n))
}

// FindAmbito shows the caller's Ambito; an operator sees only its own Comune in it.
func (s *scoped) FindAmbito(ctx context.Context, ref string) (*csi.AmbitoDetail, error) {
	d, err := s.inner.FindAmbito(ctx, ref)
	if err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent, csi.RoleOperator) && d.Nome != s.p.Ambito {
		return nil, s.forbidden("Ambito %s is outside its scope", d.Nome)
	}
	d.ComuniList = filter(d.ComuniList, s.sees)
	if s.is(csi.RoleViewer) {
		d.Referente, d.ReferenteEmail = "", ""
		for i := range d.ComuniList {
			d.ComuniList[i].Contact = ""
		}
		return d, nil
	}
	n := 0
	if d.Referente != "" || d.ReferenteEmail != "" {
		n = 1
	}
	if err := s.readReferents(ctx, n); err != nil {
		return nil, err
	}
	return d, nil
}

// AssignReferente is the coordinator's only.
func (s *scoped) AssignReferente(ctx context.Context, in csi.AssignInput) (*csi.Referente, error) {
	if err := s.only("assigning a referent", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Referente, error) { return s.inner.AssignReferente(ctx, in) })
}

// EndReferente is the coordinator's only.
func (s *scoped) EndReferente(ctx context.Context, ambito, date string) (*csi.Referente, error) {
	if err := s.only("ending a referent's term", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Referente, error) { return s.inner.EndReferente(ctx, ambito, date) })
}

// ListReferenti lists the referents of the caller's Ambito (names and
// contacts: a read of personal data, audited). A viewer gets none.
func (s *scoped) ListReferenti(ctx context.Context, history bool) ([]csi.Referente, error) {
	if err := s.only("reading the referents", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	rs, err := s.inner.ListReferenti(ctx, history)
	if err != nil {
		return nil, err
	}
	if !s.is(csi.RoleCoordinator) {
		rs = filter(rs, func(r csi.Referente) bool { return r.Ambito == s.p.Ambito })
	}
	if err := s.read(ctx, "referenti", fmt.Sprintf("read %d referent(s)", len(rs))); err != nil {
		return nil, err
	}
	return rs, nil
}
