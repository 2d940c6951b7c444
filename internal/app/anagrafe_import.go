package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/memlimit"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.AnagrafeService = (*Services)(nil)

// ImportAnagrafe imports one Comune's registry extract in one transaction:
// new people are inserted, changed people get a new version, unchanged
// people are untouched and, in snapshot mode, residents missing from the
// file are closed. With DryRun everything is computed and rolled back.
func (s *Services) ImportAnagrafe(ctx context.Context, req csi.AnagrafeImport, src csi.Source) (*csi.ImportSummary, error) {
	start := time.Now()
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if req.AsOf == "" {
		req.AsOf = s.today()
	}
	c, err := s.activeComune(ctx, req.Comune)
	if err != nil {
		return nil, err
	}
	fp, err := fingerprint(src)
	if err != nil {
		return nil, err
	}
	sum := &csi.ImportSummary{Kind: "anagrafe", Comune: c.Istat, Mode: req.Mode, AsOf: req.AsOf, File: src.Name,
		SHA256: fp.SHA256, DryRun: req.DryRun, Rejects: []csi.RejectedRow{}, Columns: []string{}, UnknownColumns: []string{}}
	if done, err := s.sameFile(ctx, req, src, fp, sum); err != nil || done {
		return sum, err
	}
	if err := s.checkFutureAsOf(req); err != nil {
		return nil, err
	}
	if err := s.checkAsOf(ctx, c.Istat, req.AsOf); err != nil {
		return nil, err
	}
	job := &importJob{req: req, comune: c, src: src, fp: fp, sum: sum, start: start}
	err = s.runImport(ctx, job)
	if errors.Is(err, store.ErrSameFile) { // the same file, imported meanwhile
		sum.Columns, sum.UnknownColumns = []string{}, []string{}
		_, err = s.sameFile(ctx, req, src, fp, sum)
		return sum, err
	}
	sum.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// activeComune finds the Comune of an import, refusing one that is not an
// active member today.
func (s *Services) activeComune(ctx context.Context, ref string) (csi.Comune, error) {
	c, err := s.st.ComuneOn(ctx, ref, s.today())
	if err != nil {
		return c, err
	}
	if c.Status != csi.StatusActive {
		return c, csi.Errorf(csi.ECONFLICT, "%s (%s) is not an active member of the CSI (status %s)", c.Nome, c.Istat, csi.StatusWord(c.Status)).
			WithHint("onboard it first: csi comuni onboard %s", c.Istat)
	}
	return c, nil
}

// sameFile fills sum from an earlier import of the very same file into
// the Comune and reports whether there was one: re-importing it is a no-op.
func (s *Services) sameFile(ctx context.Context, req csi.AnagrafeImport, src csi.Source, fp *dialect.Fingerprint,
	sum *csi.ImportSummary) (bool, error) {
	prev, err := s.st.RegistryImportOf(ctx, sum.Comune, fp.SHA256)
	if err != nil || prev == nil {
		return false, err
	}
	sum.Noop, sum.ImportID, sum.Rows, sum.Rejected = true, prev.ID, prev.Rows, prev.Rejected
	sum.Unchanged = sum.Rows - sum.Rejected
	return true, reportDialect(src, req.ImportOptions, fp, anagrafe.Schema, anagrafe.Fields(), sum)
}

// checkFutureAsOf refuses an --as-of more than a day after today (by the
// services' clock) unless forced: a mistyped year would make every real
// extract that follows "older than the last import".
func (s *Services) checkFutureAsOf(req csi.AnagrafeImport) error {
	limit := s.Now().AddDate(0, 0, 1).Format(csi.DateLayout)
	if req.Force || req.AsOf <= limit {
		return nil
	}
	return csi.Errorf(csi.EINVALID, "--as-of %s is in the future (today is %s)", req.AsOf, s.today()).
		WithHint("give the extract's own date; if it really is dated ahead, pass --force")
}

// checkAsOf refuses an extract older than the Comune's last import.
func (s *Services) checkAsOf(ctx context.Context, comune, asOf string) error {
	last, err := s.st.LatestRegistryImport(ctx, comune)
	if err != nil || last == nil {
		return err
	}
	if asOf < last.AsOf {
		return csi.Errorf(csi.ECONFLICT, "the extract is as of %s, older than the last import (as of %s)", asOf, last.AsOf).
			WithHint("pass --as-of with the extract's date (extracts go in date order); if import %s's date is wrong, undo it: csi anagrafe revert %s", fmt.Sprint(last.ID), fmt.Sprint(last.ID))
	}
	return nil
}

// importJob is the state of one import.
type importJob struct {
	req     csi.AnagrafeImport
	comune  csi.Comune
	src     csi.Source
	fp      *dialect.Fingerprint
	sum     *csi.ImportSummary
	start   time.Time
	dialect dialect.Detected
}

// runImport streams the file into a writer of the store and commits it,
// unless it is a dry run or every row was refused.
func (s *Services) runImport(ctx context.Context, job *importJob) error {
	rc, err := job.src.Open()
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s", job.src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	r, err := dialect.Open(rc, anagrafe.Schema, dialectOptions(job.src.Name, job.req.ImportOptions), job.fp)
	if err != nil {
		return badFile(err)
	}
	job.dialect = r.Detected()
	fillDialect(job.sum, job.dialect, anagrafe.Fields())
	w, err := s.st.BeginRegistryImport(ctx, store.RegistryStart{Comune: job.comune.Istat, File: job.src.Name,
		SHA256: job.fp.SHA256, Dialect: job.dialect.String(), Mode: job.req.Mode, AsOf: job.req.AsOf,
		Actor: csi.ActorFrom(ctx).Name, Size: job.src.Size, KeepRaw: job.req.Rejects != nil, DryRun: job.req.DryRun})
	if err != nil {
		return err
	}
	defer w.Rollback(context.WithoutCancel(ctx))
	defer memlimit.Hold(w.Held())()
	spool, err := newRejectSpool(s.st.ScratchDir(), job.req.Rejects)
	if err != nil {
		return err
	}
	defer spool.discard()
	imp := &importer{job: job, w: w, rejects: spool}
	allRejected, err := imp.run(ctx, r)
	if err != nil || allRejected || job.req.DryRun {
		return err
	}
	job.sum.DurationMS = time.Since(job.start).Milliseconds()
	id, err := w.Commit(ctx, job.sum, func(id int64) string { return auditText(job.sum, id) })
	if err == nil {
		job.sum.ImportID = id
	}
	return err
}

// auditText is the audit entry of a registry import.
func auditText(s *csi.ImportSummary, id int64) string {
	return fmt.Sprintf("anagrafe %s import %d as of %s: %d rows, %d inserted, %d updated, %d closed, %d rejected",
		s.Mode, id, s.AsOf, s.Rows, s.Inserted, s.Updated, s.Closed, s.Rejected)
}
