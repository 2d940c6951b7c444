package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
)

var _ csi.AnagrafeService = (*DB)(nil)

// ImportAnagrafe imports one Comune's registry extract in one transaction:
// new people are inserted, changed people get a new version, unchanged
// people are untouched and, in snapshot mode, residents missing from the
// file are closed. With DryRun everything is computed and rolled back.
func (db *DB) ImportAnagrafe(ctx context.Context, req csi.AnagrafeImport, src csi.Source) (*csi.ImportSummary, error) {
	start := time.Now()
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if req.AsOf == "" {
		req.AsOf = db.today()
	}
	c, err := db.comuneToday(ctx, db.db, req.Comune)
	if err != nil {
		return nil, err
	}
	if c.Status != csi.StatusActive {
		return nil, csi.Errorf(csi.ECONFLICT, "%s (%s) is not an active member of the CSI (status %s)", c.Nome, c.Istat, c.Status).
			WithHint("onboard it first: csi comuni onboard %s", c.Istat)
	}
	fp, err := fingerprint(src)
	if err != nil {
		return nil, err
	}
	sum := &csi.ImportSummary{Kind: "anagrafe", Comune: c.Istat, Mode: req.Mode, AsOf: req.AsOf, File: src.Name,
		SHA256: fp.SHA256, DryRun: req.DryRun, Rejects: []csi.RejectedRow{}, Columns: []string{}, UnknownColumns: []string{}}
	if done, err := db.previousImport(ctx, "anagrafe", c.Istat, fp.SHA256, sum); err != nil || done {
		if err == nil {
			err = reportDialect(src, req.ImportOptions, fp, anagrafe.Schema, anagrafe.Fields(), sum)
		}
		return sum, err
	}
	if err := db.checkFutureAsOf(req); err != nil {
		return nil, err
	}
	if err := db.checkAsOf(ctx, c.Istat, req.AsOf); err != nil {
		return nil, err
	}
	err = db.runImport(ctx, &importJob{req: req, comune: c, src: src, fp: fp, sum: sum, start: start})
	sum.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// fingerprint reads the file once for its SHA-256 and encoding evidence.
func fingerprint(src csi.Source) (*dialect.Fingerprint, error) {
	rc, err := src.Open()
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	fp, err := dialect.Scan(rc)
	if de, ok := err.(*dialect.Error); ok {
		de.File = src.Name
		return nil, badFile(de) // not text: refused on its first block
	}
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s: %v", src.Name, err).WithHint("check the file")
	}
	return &fp, nil
}

// previousImport fills sum from an earlier import of the very same file
// and reports whether there was one: re-importing it is a no-op. A registry
// file is the same import only for the same Comune (comune != ""); a
// records file names its Comuni in its rows, so any import of its kind counts.
func (db *DB) previousImport(ctx context.Context, kind, comune, sha string, sum *csi.ImportSummary) (bool, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT id, rows_read, rejected FROM imports
		WHERE kind = ? AND (? = '' OR comune = ?) AND sha256 = ? ORDER BY id DESC LIMIT 1`, kind, comune, comune, sha).
		Scan(&id, &sum.Rows, &sum.Rejected)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, mapErr(err)
	}
	sum.Noop, sum.ImportID, sum.Unchanged = true, id, sum.Rows-sum.Rejected
	return true, nil
}

// reportDialect fills a no-op's summary with the file's dialect and
// columns (those of fields the file has), field by field as an import
// reports them; only the header is read. Registry and records imports share it.
func reportDialect(src csi.Source, o csi.ImportOptions, fp *dialect.Fingerprint, schema dialect.Schema, fields []string,
	sum *csi.ImportSummary) error {
	rc, err := src.Open()
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	r, err := dialect.Open(rc, schema, dialectOptions(src.Name, o), fp)
	if err != nil {
		return badFile(err)
	}
	fillDialect(sum, r.Detected(), fields)
	return nil
}

// checkFutureAsOf refuses an --as-of more than a day after today (by the
// store's clock) unless forced: a mistyped year would make every real
// extract that follows "older than the last import".
func (db *DB) checkFutureAsOf(req csi.AnagrafeImport) error {
	limit := db.Now().AddDate(0, 0, 1).Format(csi.DateLayout)
	if req.Force || req.AsOf <= limit {
		return nil
	}
	return csi.Errorf(csi.EINVALID, "--as-of %s is in the future (today is %s)", req.AsOf, db.today()).
		WithHint("give the extract's own date; if it really is dated ahead, pass --force")
}

// checkAsOf refuses an extract older than the Comune's last import.
func (db *DB) checkAsOf(ctx context.Context, comune, asOf string) error {
	var id int64
	var last string
	err := db.db.QueryRowContext(ctx, `SELECT id, as_of FROM imports WHERE kind = 'anagrafe' AND comune = ?
		ORDER BY as_of DESC, id DESC LIMIT 1`, comune).Scan(&id, &last)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return mapErr(err)
	}
	if asOf < last {
		return csi.Errorf(csi.ECONFLICT, "the extract is as of %s, older than the last import (as of %s)", asOf, last).
			WithHint("pass --as-of with the extract's date (extracts go in date order); if import %d's date is wrong, undo it: csi anagrafe revert %d", id, id)
	}
	return nil
}

// importJob is the state of one import.
type importJob struct {
	req      csi.AnagrafeImport
	comune   csi.Comune
	src      csi.Source
	fp       *dialect.Fingerprint
	sum      *csi.ImportSummary
	start    time.Time
	importID int64
	dialect  dialect.Detected
	// allRejected is set when every row was refused: nothing is written.
	allRejected bool
}

func (db *DB) runImport(ctx context.Context, job *importJob) error {
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
	if err := db.checkBeforeWrite(ctx); err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	// A bigger page cache (16 MB) keeps the hot index pages in memory while they change at
	// random; the default 2 MB spills pages to the WAL again and again.
	// The statement journal of the multi-row INSERTs goes to memory (it
	// is small); temp_store goes back to FILE on this pooled connection
	// before the transaction ends, so that big sorts of other commands
	// spill to disk.
	if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY"); err != nil {
		return mapErr(err)
	}
	defer tx.ExecContext(context.WithoutCancel(ctx), "PRAGMA temp_store = FILE")
	w, err := db.newWriter(ctx, tx, job)
	if err != nil {
		return err
	}
	defer w.rejects.discard()
	if err := w.run(ctx, r); err != nil {
		return err
	}
	if job.sum.Rows == 0 {
		return csi.Errorf(csi.EBADFILE, "%s has a header but no data rows", job.src.Name).
			WithHint("check that the export finished; nothing was imported")
	}
	if job.allRejected {
		return nil
	}
	if err := db.finishImport(ctx, tx, job); err != nil || job.req.DryRun {
		return err
	}
	job.sum.ImportID = job.importID
	if _, err := tx.ExecContext(ctx, "PRAGMA temp_store = FILE"); err != nil {
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

func dialectOptions(name string, o csi.ImportOptions) dialect.Options {
	opts := dialect.Options{File: name, Encoding: o.Encoding, Map: o.Map}
	if o.Delimiter != "" {
		d, _ := dialect.ParseDelimiter(o.Delimiter)
		opts.Delimiter = d
	}
	return opts
}

// fillDialect reports the file's dialect in sum, and the columns of fields
// (in that order) it recognised.
func fillDialect(sum *csi.ImportSummary, d dialect.Detected, fields []string) {
	sum.Encoding, sum.Delimiter, sum.LineEnding, sum.BOM = d.Encoding, d.DelimiterName(), d.LineEnding, d.BOM
	sum.Fallback, sum.FallbackLines = d.Fallback, d.FallbackLines
	for _, name := range fields {
		if _, ok := d.Columns[name]; ok {
			sum.Columns = append(sum.Columns, name)
		}
	}
	if d.Unknown != nil {
		sum.UnknownColumns = d.Unknown
	}
}

// badFile turns a dialect error into a domain error keeping its hint.
func badFile(err error) error {
	if de, ok := err.(*dialect.Error); ok {
		code := csi.EBADFILE
		if de.Usage {
			code = csi.EINVALID // exit 2: the option is wrong, not the file
		}
		e := csi.Errorf(code, "%s", de.Error())
		if de.Hint != "" {
			e = e.WithHint("%s", de.Hint)
		}
		return e
	}
	if err == io.ErrUnexpectedEOF {
		return csi.Errorf(csi.EBADFILE, "the file ends unexpectedly").WithHint("check that the export finished")
	}
	return err
}

// finishImport records the import and its audit entry.
func (db *DB) finishImport(ctx context.Context, tx *sql.Tx, job *importJob) error {
	s := job.sum
	s.DurationMS = time.Since(job.start).Milliseconds()
	_, err := tx.ExecContext(ctx, `UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, closed = ?,
		rejected = ?, duration_ms = ? WHERE id = ?`, s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Closed, s.Rejected, s.DurationMS, job.importID)
	if err != nil {
		return err
	}
	return db.appendAudit(ctx, tx, "comune "+job.comune.Istat, fmt.Sprintf(
		"anagrafe %s import %d as of %s: %d rows, %d inserted, %d updated, %d closed, %d rejected",
		s.Mode, job.importID, s.AsOf, s.Rows, s.Inserted, s.Updated, s.Closed, s.Rejected))
}
