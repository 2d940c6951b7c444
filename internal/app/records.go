package app

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.RecordService = (*Services)(nil)

// recordBatch is how many rows an import looks up and writes at once.
const recordBatch = 1024

// ImportRecords imports an accessi, cartelle or interventi file in one
// transaction, upserting by Comune and id. Only rows that cannot be stored
// at all are rejected; meaning is left to validation.
func (s *Services) ImportRecords(ctx context.Context, req csi.RecordImport, src csi.Source) (*csi.ImportSummary, error) {
	start := time.Now()
	kind, ok := records.Find(req.Kind)
	if !ok {
		return nil, csi.Errorf(csi.EINVALID, "unknown record kind %q", req.Kind).WithHint("use accessi, cartelle or interventi")
	}
	fp, err := fingerprint(src)
	if err != nil {
		return nil, err
	}
	sum := &csi.ImportSummary{Kind: kind.Name, Mode: "upsert", File: src.Name, SHA256: fp.SHA256, DryRun: req.DryRun,
		Rejects: []csi.RejectedRow{}, Columns: []string{}, UnknownColumns: []string{}}
	if done, err := s.priorRecordImport(ctx, kind, fp.SHA256, sum); err != nil || done {
		if err == nil {
			err = reportDialect(src, req.ImportOptions, fp, kind.Schema(), kind.ColumnNames(), sum)
		}
		return sum, err
	}
	dec, err := fileDecimal(ctx, kind, src, req.ImportOptions, fp)
	if err != nil {
		return nil, err
	}
	rc, err := src.Open()
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	r, err := dialect.Open(rc, kind.Schema(), dialectOptions(src.Name, req.ImportOptions), fp)
	if err != nil {
		return nil, badFile(err)
	}
	fillDialect(sum, r.Detected(), kind.ColumnNames())
	entry := store.ImportEntry{File: sum.File, SHA256: sum.SHA256, Dialect: r.Detected().String(),
		Actor: csi.ActorFrom(ctx).Name, At: s.Now().UTC().Format(time.RFC3339), DryRun: req.DryRun}
	// A column the file lacks keeps the stored value (an older interventi
	// file without the SIUSS columns does not wipe them); one present but
	// empty clears it.
	detected := r.Detected()
	entry.Keep = kind.Kept(func(name string) bool { _, ok := detected.Columns[name]; return ok })
	err = s.st.UpsertRecordFile(ctx, kind, entry, func(sess store.RecordSession) (*store.ImportDone, error) {
		imp := &recordImport{kind: kind, sess: sess, dec: dec, sum: sum, seen: map[string]int{}, keep: entry.Keep}
		return imp.run(ctx, r, req, start)
	})
	sum.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// priorRecordImport fills sum from an earlier import of the very same
// file and reports whether there was one: re-importing it is a no-op. A
// records file names its Comuni in its rows, so any import of its kind counts.
func (s *Services) priorRecordImport(ctx context.Context, kind *records.Kind, sha string, sum *csi.ImportSummary) (bool, error) {
	p, found, err := s.st.PriorRecordImport(ctx, kind.Name, sha)
	if err != nil || !found {
		return false, err
	}
	sum.Noop, sum.ImportID, sum.Rows, sum.Rejected, sum.Unchanged = true, p.ID, p.Rows, p.Rejected, p.Rows-p.Rejected
	return true, nil
}

// fileDecimal reads the file once to find the decimal separator its
// unambiguous amounts use, so that "1,250" in a file of "400,00" is 1.25.
// A kind without amounts, or a file the reader refuses, gives 0 (the
// import itself then reports the error).
func fileDecimal(ctx context.Context, kind *records.Kind, src csi.Source, opts csi.ImportOptions, fp *dialect.Fingerprint) (byte, error) {
	if !kind.HasAmounts() {
		return 0, nil
	}
	rc, err := src.Open()
	if err != nil {
		return 0, nil
	}
	defer rc.Close()
	r, err := dialect.Open(rc, kind.Schema(), dialectOptions(src.Name, opts), fp)
	if err != nil {
		return 0, nil
	}
	var d records.Decimal
	for {
		row, err := r.Next()
		if err != nil {
			return d.Separator(), nil
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		d.Add(kind, row)
	}
}

// run reads every row of r, batch by batch, and returns the import's
// totals, or nil when nothing is to be kept.
func (imp *recordImport) run(ctx context.Context, r *dialect.Reader, req csi.RecordImport, start time.Time) (*store.ImportDone, error) {
	if req.Rejects != nil {
		imp.rw = dialect.NewRejectWriter(req.Rejects)
	}
	batch := make([]pendingRow, 0, recordBatch)
	sum := imp.sum
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, badFile(err)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sum.Rows++
		batch = append(batch, imp.parse(row, r.NumColumns()))
		if len(batch) == recordBatch {
			if err := imp.flush(ctx, batch); err != nil {
				return nil, err
			}
			batch = batch[:0]
		}
		if req.Progress != nil && sum.Rows%4096 == 0 {
			req.Progress(r.BytesRead(), sum.Rows)
		}
	}
	if err := imp.flush(ctx, batch); err != nil {
		return nil, err
	}
	if sum.Rows == 0 {
		return nil, csi.Errorf(csi.EBADFILE, "%s has a header but no data rows", sum.File).WithHint("check that the export finished; nothing was imported")
	}
	if imp.rw != nil {
		if err := imp.rw.Flush(); err != nil {
			return nil, err
		}
	}
	// A dry run is rolled back, and so is a file whose every row was
	// refused: it writes nothing, no import entry, no audit entry (as the
	// registry import), and has no id.
	if req.DryRun || sum.Rejected == sum.Rows {
		return nil, nil
	}
	id := imp.sess.ImportID()
	sum.ImportID = id
	sum.DurationMS = time.Since(start).Milliseconds()
	return &store.ImportDone{Rows: sum.Rows, Inserted: sum.Inserted, Updated: sum.Updated, Unchanged: sum.Unchanged,
		Rejected: sum.Rejected, DurationMS: sum.DurationMS, AuditTarget: sum.Kind,
		AuditSummary: fmt.Sprintf("%s import %d: %d rows, %d inserted, %d updated, %d rejected",
			sum.Kind, id, sum.Rows, sum.Inserted, sum.Updated, sum.Rejected)}, nil
}
