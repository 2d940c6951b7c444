package app

import (
	"context"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// AnagrafeStatus returns, per Comune, the last import, its as-of date, the
// current residents, the rows rejected and the days since the last update.
func (s *Services) AnagrafeStatus(ctx context.Context) ([]csi.AnagrafeStatus, error) {
	out, err := s.st.RegistryStatus(ctx, s.today())
	if err != nil {
		return nil, err
	}
	today, _ := time.Parse(csi.DateLayout, s.today())
	for i := range out {
		if t, err := time.Parse(time.RFC3339, out[i].LastImport); err == nil {
			d := int(today.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
			out[i].DaysSinceUpdate = &d
		}
	}
	return out, nil
}

// PersonHistory returns every version of one person, in every Comune.
func (s *Services) PersonHistory(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	cf = codicefiscale.Normalize(cf)
	if err := codicefiscale.Validate(cf); err != nil {
		return nil, csi.Errorf(csi.EINVALID, "the codice fiscale given is not valid: %v", err).
			WithHint("give the 16-character codice fiscale")
	}
	vs, err := s.st.PersonVersions(ctx, cf)
	if err == nil && len(vs) == 0 {
		return nil, csi.Errorf(csi.ENOTFOUND, "no registry record for that codice fiscale").
			WithHint("check the code; 'csi anagrafe status' shows which Comuni were imported")
	}
	return vs, err
}

// residentArgs resolves a residents query's Comune and day (today by default).
func (s *Services) residentArgs(ctx context.Context, comune, at string) (csi.Comune, string, error) {
	c, err := s.st.ComuneOn(ctx, comune, s.today())
	if err != nil {
		return c, "", err
	}
	if at == "" {
		at = s.today()
	} else if _, err := csi.ParseDay("--at", at); err != nil {
		return c, "", err
	}
	return c, at, nil
}

// Residents passes the people resident in a Comune on a day to emit, as
// the store returns them.
func (s *Services) Residents(ctx context.Context, comune, at string, emit func(csi.PersonVersion) error) error {
	c, at, err := s.residentArgs(ctx, comune, at)
	if err != nil {
		return err
	}
	return s.st.EachResident(ctx, c.Istat, at, emit)
}

// CountResidents counts the people resident in a Comune on a day.
func (s *Services) CountResidents(ctx context.Context, comune, at string) (int, error) {
	c, at, err := s.residentArgs(ctx, comune, at)
	if err != nil {
		return 0, err
	}
	return s.st.ResidentCount(ctx, c.Istat, at)
}

// ListImports returns the import log, newest first, optionally of one Comune.
func (s *Services) ListImports(ctx context.Context, comune string) ([]csi.ImportRecord, error) {
	istat := ""
	if comune != "" {
		c, err := s.st.ComuneOn(ctx, comune, s.today())
		if err != nil {
			return nil, err
		}
		istat = c.Istat
	}
	return s.st.ImportLog(ctx, istat)
}

// RevertImport undoes a Comune's latest registry import in one
// transaction: the versions it created are removed, the versions it closed
// are current again, and the import stays in the log as reverted (so that a
// corrected extract, or the same file, can be imported). The revert is
// audited. Only the latest import of its Comune can be reverted: later
// ones built on it.
func (s *Services) RevertImport(ctx context.Context, req csi.RevertRequest) (*csi.RevertSummary, error) {
	check := func(t store.RevertTarget) error { return s.checkRevert(ctx, req.ImportID, t) }
	return s.st.UndoRegistryImport(ctx, req.ImportID, req.DryRun, check, func(sum *csi.RevertSummary) string {
		return fmt.Sprintf("anagrafe revert of import %d (%s as of %s): %d versions removed, %d reopened",
			sum.ImportID, sum.Mode, sum.AsOf, sum.Removed, sum.Reopened)
	})
}

// checkRevert refuses to revert what is not a Comune's latest registry
// import, or one the store cannot undo exactly.
func (s *Services) checkRevert(ctx context.Context, id int64, t store.RevertTarget) error {
	switch {
	case !t.Found:
		return csi.Errorf(csi.ENOTFOUND, "no registry import %s", fmt.Sprint(id)).
			WithHint("csi anagrafe imports lists the imports with their ids")
	case t.Reverted:
		return csi.Errorf(csi.ECONFLICT, "import %s was already reverted", fmt.Sprint(id)).
			WithHint("csi anagrafe imports --comune %s lists the imports with their ids", t.Summary.Comune)
	case t.Latest != id:
		c, err := s.st.ComuneOn(ctx, t.Summary.Comune, s.today())
		if err != nil {
			return err
		}
		return csi.Errorf(csi.ECONFLICT, "import %s is not the latest import of %s (%s): import %s is", fmt.Sprint(id), c.Nome, c.Istat, fmt.Sprint(t.Latest)).
			WithHint("revert the later imports first, newest first: csi anagrafe revert %s", fmt.Sprint(t.Latest))
	case t.ClosedBy != t.Expected:
		return csi.Errorf(csi.ECONFLICT, "import %s closed %d versions, of which the store knows %d: it was made by an older csi and cannot be reverted exactly",
			fmt.Sprint(id), t.Expected, t.ClosedBy).WithHint("import a corrected extract dated on or after %s instead", t.Summary.AsOf)
	}
	return nil
}
