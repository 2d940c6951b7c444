package httpapi

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// ImportAnagrafe imports a registry extract of a Comune of the caller's
// territory (never a viewer's).
func (s *scoped) ImportAnagrafe(ctx context.Context, req csi.AnagrafeImport, src csi.Source) (*csi.ImportSummary, error) {
	c, err := s.registryImport(ctx, req.Comune)
	if err != nil {
		return nil, err
	}
	// The store imports into the Comune just checked, not into whatever
	// the reference resolves to later.
	req.Comune = c.Istat
	if err := s.gate.enterImport(ctx); err != nil {
		return nil, err
	}
	defer s.gate.leaveImport()
	return s.inner.ImportAnagrafe(ctx, req, src)
}

// registryImport refuses a registry import the caller may not run and
// returns the Comune it imports into.
func (s *scoped) registryImport(ctx context.Context, comune string) (csi.Comune, error) {
	if err := s.only("importing a registry extract", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return csi.Comune{}, err
	}
	return s.comune(ctx, comune)
}

// authorizeImport runs the checks of ImportAnagrafe and ImportRecords
// before the upload is read (the import runs them again on the file).
func (s *scoped) authorizeImport(ctx context.Context, kind, comune string) error {
	if kind == "records" {
		return s.only("importing social records", csi.RoleCoordinator)
	}
	_, err := s.registryImport(ctx, comune)
	return err
}

// AnagrafeStatus lists the registry state of the caller's Comuni.
func (s *scoped) AnagrafeStatus(ctx context.Context) ([]csi.AnagrafeStatus, error) {
	if err := s.only("reading the registry status", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	st, err := s.inner.AnagrafeStatus(ctx)
	if err != nil {
		return nil, err
	}
	return filter(st, func(a csi.AnagrafeStatus) bool { return s.sees(csi.Comune{Istat: a.Istat, Ambito: a.Ambito}) }), nil
}

// PersonHistory returns the versions of a person recorded in the caller's
// Comuni. A person known only elsewhere is "not found", exactly like an
// unknown one, so that a referent cannot probe other Ambiti.
func (s *scoped) PersonHistory(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	if err := s.only("reading a person's registry history", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	vs, err := s.inner.PersonHistory(ctx, cf)
	if err != nil {
		return nil, err
	}
	in, err := s.territory(ctx)
	if err != nil {
		return nil, err
	}
	if in != nil {
		vs = filter(vs, func(v csi.PersonVersion) bool { return in[v.Comune] })
	}
	if len(vs) == 0 {
		return nil, csi.Errorf(csi.ENOTFOUND, "no registry record for that codice fiscale").
			WithHint("check the code; 'csi anagrafe status' shows which Comuni were imported")
	}
	if err := s.read(ctx, "anagrafe history", fmt.Sprintf("read %d registry version(s) of one person", len(vs))); err != nil {
		return nil, err
	}
	return vs, nil
}

// Residents streams the residents of a Comune of the caller's territory.
// The read is recorded (with how many) before the first row leaves, and it
// waits its turn among the heavy reads.
func (s *scoped) Residents(ctx context.Context, comune, at string, emit func(csi.PersonVersion) error) error {
	if err := s.only("reading residents", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return err
	}
	c, err := s.comune(ctx, comune)
	if err != nil {
		return err
	}
	if err := s.reads.enter(ctx); err != nil {
		return err
	}
	defer s.reads.leave()
	n, err := s.inner.CountResidents(ctx, c.Istat, at)
	if err != nil {
		return err
	}
	if err := s.read(ctx, "comune "+c.Istat, fmt.Sprintf("read %d resident(s) on %s", n, dayOr(at))); err != nil {
		return err
	}
	return s.inner.Residents(ctx, c.Istat, at, emit)
}

func dayOr(at string) string {
	if at == "" {
		return "today"
	}
	return at
}

// CountResidents counts the residents of a Comune of the caller's territory.
func (s *scoped) CountResidents(ctx context.Context, comune, at string) (int, error) {
	if err := s.only("counting residents", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return 0, err
	}
	c, err := s.comune(ctx, comune)
	if err != nil {
		return 0, err
	}
	return s.inner.CountResidents(ctx, c.Istat, at)
}

// ListImports lists the imports of the caller's Comuni.
func (s *scoped) ListImports(ctx context.Context, comune string) ([]csi.ImportRecord, error) {
	if err := s.only("reading the import log", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	if comune != "" {
		c, err := s.comune(ctx, comune)
		if err != nil {
			return nil, err
		}
		comune = c.Istat
	}
	rs, err := s.inner.ListImports(ctx, comune)
	if err != nil {
		return nil, err
	}
	in, err := s.territory(ctx)
	if err != nil || in == nil {
		return rs, err
	}
	return filter(rs, func(r csi.ImportRecord) bool { return in[r.Comune] }), nil
}

// ImportRecords is the coordinator's only: a records file mixes the rows
// of several Comuni (and interventi name no Comune at all), so it cannot
// be confined to a territory row by row.
func (s *scoped) ImportRecords(ctx context.Context, req csi.RecordImport, src csi.Source) (*csi.ImportSummary, error) {
	if err := s.authorizeImport(ctx, "records", ""); err != nil {
		return nil, err
	}
	if err := s.gate.enterImport(ctx); err != nil {
		return nil, err
	}
	defer s.gate.leaveImport()
	return s.inner.ImportRecords(ctx, req, src)
}

// ListAudit is the coordinator's only: the log covers every Ambito.
func (s *scoped) ListAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	if err := s.only("reading the audit log", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	es, err := s.inner.ListAudit(ctx, since)
	if err != nil {
		return nil, err
	}
	if err := s.read(ctx, "audit", fmt.Sprintf("read %d audit entries since %s", len(es), sinceOr(since))); err != nil {
		return nil, err
	}
	return es, nil
}

func sinceOr(since string) string {
	if since == "" {
		return "the start"
	}
	return since
}

// VerifyAudit is the coordinator's only.
func (s *scoped) VerifyAudit(ctx context.Context) (*csi.AuditVerification, error) {
	if err := s.only("verifying the audit log", csi.RoleCoordinator); err != nil {
		return nil, err
	}
	v, err := s.inner.VerifyAudit(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.read(ctx, "audit", fmt.Sprintf("verified %d audit entries (intact: %v)", v.Entries, v.OK)); err != nil {
		return nil, err
	}
	return v, nil
}
