package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/records"
)

var _ csi.RecordService = (*DB)(nil)

// ImportRecords imports an accessi, cartelle or interventi file in one
// transaction, upserting by id. Only rows that cannot be stored at all are
// rejected; meaning is left to validation.
func (db *DB) ImportRecords(ctx context.Context, req csi.RecordImport, src csi.Source) (*csi.ImportSummary, error) {
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
	if done, err := db.previousRecordImport(ctx, kind.Name, fp.SHA256, sum); err != nil || done {
		return sum, err
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
	fillRecordDialect(sum, r.Detected(), kind)
	err = db.inTxMaybe(ctx, req.DryRun, func(tx *sql.Tx) error {
		return db.upsertRecords(ctx, tx, kind, r, req, sum, start)
	})
	sum.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return nil, err
	}
	return sum, nil
}

func (db *DB) previousRecordImport(ctx context.Context, kind, sha string, sum *csi.ImportSummary) (bool, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT id, dialect, rows_read, rejected FROM imports
		WHERE kind = ? AND sha256 = ? ORDER BY id DESC LIMIT 1`, kind, sha).Scan(&id, &sum.Encoding, &sum.Rows, &sum.Rejected)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, mapErr(err)
	}
	sum.Noop, sum.ImportID, sum.Unchanged = true, id, sum.Rows-sum.Rejected
	return true, nil
}

func fillRecordDialect(sum *csi.ImportSummary, d dialect.Detected, kind *records.Kind) {
	sum.Encoding, sum.Delimiter, sum.LineEnding, sum.BOM = d.Encoding, d.DelimiterName(), d.LineEnding, d.BOM
	for _, name := range kind.ColumnNames() {
		if _, ok := d.Columns[name]; ok {
			sum.Columns = append(sum.Columns, name)
		}
	}
	if d.Unknown != nil {
		sum.UnknownColumns = d.Unknown
	}
}

// inTxMaybe runs fn in a write transaction, committed unless dryRun.
func (db *DB) inTxMaybe(ctx context.Context, dryRun bool, fn func(*sql.Tx) error) error {
	if err := db.checkBeforeWrite(ctx); err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil || dryRun {
		return err
	}
	return mapErr(tx.Commit())
}

// recordUpsert holds the statements of one record import.
type recordUpsert struct {
	kind   *records.Kind
	lookup *sql.Stmt
	write  *sql.Stmt
}

func prepareUpsert(ctx context.Context, tx *sql.Tx, kind *records.Kind, importID int64) (*recordUpsert, error) {
	cols := kind.ColumnNames()
	id := cols[0]
	lookup, err := tx.PrepareContext(ctx, fmt.Sprintf("SELECT row_hash FROM %s WHERE %s = ?", kind.Table, id))
	if err != nil {
		return nil, err
	}
	var sets []string
	for _, c := range append(cols[1:], "row_hash", "import_id") {
		sets = append(sets, c+" = excluded."+c)
	}
	q := fmt.Sprintf("INSERT INTO %s(%s, row_hash, import_id) VALUES (%s?, %d) ON CONFLICT(%s) DO UPDATE SET %s",
		kind.Table, strings.Join(cols, ", "), strings.Repeat("?, ", len(cols)), importID, id, strings.Join(sets, ", "))
	write, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return &recordUpsert{kind: kind, lookup: lookup, write: write}, nil
}

func (db *DB) upsertRecords(ctx context.Context, tx *sql.Tx, kind *records.Kind, r *dialect.Reader,
	req csi.RecordImport, sum *csi.ImportSummary, start time.Time) error {
	importID, err := db.recordImportEntry(ctx, tx, kind, sum, r.Detected())
	if err != nil {
		return err
	}
	u, err := prepareUpsert(ctx, tx, kind, importID)
	if err != nil {
		return err
	}
	var rw *dialect.RejectWriter
	if req.Rejects != nil {
		rw = dialect.NewRejectWriter(req.Rejects)
	}
	seen := map[string]int{}
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return badFile(err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sum.Rows++
		if err := u.apply(ctx, row, r.NumColumns(), seen, sum, rw); err != nil {
			return err
		}
		if req.Progress != nil && sum.Rows%4096 == 0 {
			req.Progress(r.BytesRead(), sum.Rows)
		}
	}
	if sum.Rows == 0 {
		return csi.Errorf(csi.EBADFILE, "%s has a header but no data rows", sum.File).WithHint("check that the export finished; nothing was imported")
	}
	if rw != nil {
		if err := rw.Flush(); err != nil {
			return err
		}
	}
	sum.ImportID = importID
	return db.finishRecordImport(ctx, tx, importID, sum, start)
}

// apply stores one row, or records why it cannot be stored.
func (u *recordUpsert) apply(ctx context.Context, row *dialect.Row, fields int, seen map[string]int,
	sum *csi.ImportSummary, rw *dialect.RejectWriter) error {
	vals, hash, rej := u.kind.Parse(row, fields)
	if rej == nil {
		id := vals[0].(string)
		if first, dup := seen[id]; dup {
			rej = &records.Reject{Line: row.Line, Column: u.kind.Columns[0].Name,
				Reason: fmt.Sprintf("%s repeats line %d", u.kind.Columns[0].Name, first)}
		} else {
			seen[id] = row.Line
		}
	}
	if rej != nil {
		sum.Rejected++
		if len(sum.Rejects) < csi.MaxSummaryRejects {
			sum.Rejects = append(sum.Rejects, csi.RejectedRow{Line: rej.Line, Column: rej.Column, Reason: rej.Reason})
		} else {
			sum.RejectsOmitted++
		}
		if rw != nil {
			return rw.Write(rej.Line, rej.Column, rej.Reason, row.Raw)
		}
		return nil
	}
	var old int64
	err := u.lookup.QueryRowContext(ctx, vals[0]).Scan(&old)
	switch {
	case err == sql.ErrNoRows:
		sum.Inserted++
	case err != nil:
		return mapErr(err)
	case uint64(old) == hash:
		sum.Unchanged++
		return nil
	default:
		sum.Updated++
	}
	_, err = u.write.ExecContext(ctx, append(vals, int64(hash))...)
	return mapErr(err)
}

func (db *DB) recordImportEntry(ctx context.Context, tx *sql.Tx, kind *records.Kind, sum *csi.ImportSummary, d dialect.Detected) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES (?, '', ?, ?, 'upsert', '', ?, 0, 0, 0, 0, 0, 0, ?, ?, 0)`,
		kind.Name, sum.File, sum.SHA256, d.String(), csi.ActorFrom(ctx).Name, db.now())
	if err != nil {
		return 0, mapErr(err)
	}
	return res.LastInsertId()
}

func (db *DB) finishRecordImport(ctx context.Context, tx *sql.Tx, id int64, s *csi.ImportSummary, start time.Time) error {
	s.DurationMS = time.Since(start).Milliseconds()
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?,
		duration_ms = ? WHERE id = ?`, s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Rejected, s.DurationMS, id); err != nil {
		return err
	}
	return db.appendAudit(ctx, tx, s.Kind, fmt.Sprintf("%s import %d: %d rows, %d inserted, %d updated, %d rejected",
		s.Kind, id, s.Rows, s.Inserted, s.Updated, s.Rejected))
}
