package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/records"
)

var _ csi.RecordService = (*DB)(nil)

// ImportRecords imports an accessi, cartelle or interventi file in one
// transaction, upserting by Comune and id. Only rows that cannot be stored at all are
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
	if done, err := db.previousImport(ctx, kind.Name, "", fp.SHA256, sum); err != nil || done {
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
	err = db.inTxMaybe(ctx, func(tx *sql.Tx) (bool, error) {
		if err := db.upsertRecords(ctx, tx, kind, r, req, sum, start, dec); err != nil {
			return false, err
		}
		// A file whose every row was refused writes nothing: no import
		// entry, no audit entry (as the registry import).
		return !req.DryRun && sum.Rejected < sum.Rows, nil
	})
	sum.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return nil, err
	}
	return sum, nil
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

// inTxMaybe runs fn in a write transaction, committed when fn says so.
func (db *DB) inTxMaybe(ctx context.Context, fn func(*sql.Tx) (commit bool, err error)) error {
	if err := db.checkBeforeWrite(ctx); err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	if commit, err := fn(tx); err != nil || !commit {
		return err
	}
	return mapErr(tx.Commit())
}

// recordUpsert holds the statements of one record import. Records are
// keyed by Comune and id (software numbers them per Comune).
type recordUpsert struct {
	kind    *records.Kind
	comune  int       // position of the comune column
	person  int       // position of the column saying whom the record is about
	lookup  *sql.Stmt // row_hash, person and whether that person's record exists, by Comune and id
	write   *sql.Stmt
	dec     byte      // the file's decimal separator, 0 when its amounts do not show it
	resolve *sql.Stmt // interventi: the Comuni of a cartella id
	adopt   *sql.Stmt // interventi: drop the copy stored without a Comune before its cartella came
}

func prepareUpsert(ctx context.Context, tx *sql.Tx, kind *records.Kind, importID int64) (*recordUpsert, error) {
	cols := kind.ColumnNames()
	u := &recordUpsert{kind: kind, comune: kind.Index("comune"), person: kind.Index(kind.Person)}
	known := "1"
	if kind == records.Interventi {
		known = "EXISTS(SELECT 1 FROM cartelle c WHERE c.comune = t.comune AND c.id_cartella = t.id_cartella)"
	}
	var err error
	u.lookup, err = tx.PrepareContext(ctx, fmt.Sprintf("SELECT row_hash, %s, %s FROM %s t WHERE comune = ? AND %s = ?",
		kind.Person, known, kind.Table, cols[0]))
	if err != nil {
		return nil, err
	}
	var sets []string
	for _, c := range append(cols[1:], "row_hash", "import_id") {
		if c != "comune" {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	q := fmt.Sprintf("INSERT INTO %s(%s, row_hash, import_id) VALUES (%s?, %d) ON CONFLICT(comune, %s) DO UPDATE SET %s",
		kind.Table, strings.Join(cols, ", "), strings.Repeat("?, ", len(cols)), importID, cols[0], strings.Join(sets, ", "))
	if u.write, err = tx.PrepareContext(ctx, q); err != nil {
		return nil, err
	}
	if kind == records.Interventi {
		if u.resolve, err = tx.PrepareContext(ctx, "SELECT DISTINCT comune FROM cartelle WHERE id_cartella = ? LIMIT 2"); err != nil {
			return nil, err
		}
		u.adopt, err = tx.PrepareContext(ctx, "DELETE FROM interventi WHERE comune = '' AND id_intervento = ?")
	}
	return u, err
}

func (db *DB) upsertRecords(ctx context.Context, tx *sql.Tx, kind *records.Kind, r *dialect.Reader,
	req csi.RecordImport, sum *csi.ImportSummary, start time.Time, dec byte) error {
	importID, err := db.recordImportEntry(ctx, tx, kind, sum, r.Detected())
	if err != nil {
		return err
	}
	u, err := prepareUpsert(ctx, tx, kind, importID)
	if err != nil {
		return err
	}
	u.dec = dec
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
	if !req.DryRun && sum.Rejected < sum.Rows {
		// A dry run's import entry is rolled back, and so is that of a
		// file whose every row was rejected: it has no id.
		sum.ImportID = importID
	}
	return db.finishRecordImport(ctx, tx, importID, sum, start)
}

// apply stores one row, or records why it cannot be stored.
func (u *recordUpsert) apply(ctx context.Context, row *dialect.Row, fields int, seen map[string]int,
	sum *csi.ImportSummary, rw *dialect.RejectWriter) error {
	vals, hash, rej := u.kind.Parse(row, fields, u.dec)
	var err error
	if rej == nil {
		rej, err = u.resolveComune(ctx, row.Line, vals)
	}
	if rej == nil && err == nil {
		rej = u.repeated(row.Line, vals, seen)
	}
	var old int64
	var found bool
	if rej == nil && err == nil {
		old, found, rej, err = u.stored(ctx, row.Line, vals)
	}
	if err != nil {
		return err
	}
	if rej != nil {
		return reject(sum, rw, rej, row.Raw)
	}
	switch {
	case !found:
		return u.insert(ctx, vals, hash, sum)
	case uint64(old) == hash:
		sum.Unchanged++
		return nil
	default:
		sum.Updated++
	}
	_, err = u.write.ExecContext(ctx, append(vals, int64(hash))...)
	return mapErr(err)
}

// insert stores a new record. An intervento stored without a Comune (its
// cartella was not imported yet) and now given one is updated, not doubled.
func (u *recordUpsert) insert(ctx context.Context, vals []any, hash uint64, sum *csi.ImportSummary) error {
	var n int64
	if u.adopt != nil && vals[u.comune] != "" {
		res, err := u.adopt.ExecContext(ctx, vals[0])
		if err != nil {
			return mapErr(err)
		}
		n, _ = res.RowsAffected()
	}
	if n > 0 {
		sum.Updated++
	} else {
		sum.Inserted++
	}
	_, err := u.write.ExecContext(ctx, append(vals, int64(hash))...)
	return mapErr(err)
}

// reject counts a refused row and writes it to the rejects file.
func reject(sum *csi.ImportSummary, rw *dialect.RejectWriter, rej *records.Reject, raw []byte) error {
	sum.Rejected++
	if len(sum.Rejects) < csi.MaxSummaryRejects {
		sum.Rejects = append(sum.Rejects, csi.RejectedRow{Line: rej.Line, Column: rej.Column, Reason: rej.Reason})
	} else {
		sum.RejectsOmitted++
	}
	if rw != nil {
		return rw.Write(rej.Line, rej.Column, rej.Reason, raw)
	}
	return nil
}

// repeated refuses a row whose Comune and id an earlier row of the file had.
func (u *recordUpsert) repeated(line int, vals []any, seen map[string]int) *records.Reject {
	key := vals[u.comune].(string) + "\x1f" + vals[0].(string)
	if first, dup := seen[key]; dup {
		return &records.Reject{Line: line, Column: u.kind.Columns[0].Name,
			Reason: fmt.Sprintf("%s repeats line %d", u.kind.Columns[0].Name, first)}
	}
	seen[key] = line
	return nil
}

// resolveComune gives an intervento without a Comune the Comune of its
// cartella, refusing it when several Comuni have a cartella with that id.
// When none has, the Comune stays empty and validation reports the
// missing cartella.
func (u *recordUpsert) resolveComune(ctx context.Context, line int, vals []any) (*records.Reject, error) {
	if u.resolve == nil || vals[u.comune] != "" {
		return nil, nil
	}
	rows, err := u.resolve.QueryContext(ctx, vals[u.person])
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var comuni []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		comuni = append(comuni, c)
	}
	switch len(comuni) {
	case 1:
		vals[u.comune] = comuni[0]
	case 2:
		return &records.Reject{Line: line, Column: "comune", Reason: fmt.Sprintf(
			"cartella %s exists in more than one Comune: add a comune column (ISTAT code) to the file", vals[u.person])}, nil
	}
	return nil, rows.Err()
}

// stored returns the stored row hash of the record and whether it exists,
// or refuses the row when it would move the record to another person.
func (u *recordUpsert) stored(ctx context.Context, line int, vals []any) (int64, bool, *records.Reject, error) {
	var old int64
	var person string
	var known bool
	err := u.lookup.QueryRowContext(ctx, vals[u.comune], vals[0]).Scan(&old, &person, &known)
	if err == sql.ErrNoRows {
		return 0, false, nil, nil
	}
	if err != nil {
		return 0, false, nil, mapErr(err)
	}
	if reason := u.moves(person, vals[u.person].(string), known); reason != "" {
		return 0, false, &records.Reject{Line: line, Column: u.kind.Person, Reason: reason}, nil
	}
	return old, true, nil, nil
}

// moves says why storing new over old would move a record to another
// person, or returns "". A cartella or accesso may change a CF that was
// invalid or empty (a correction) or write it in another omocodia level;
// an intervento may leave a cartella that does not exist.
func (u *recordUpsert) moves(old, new string, known bool) string {
	id := u.kind.Columns[0].Name
	switch {
	case old == new:
		return ""
	case u.kind == records.Interventi:
		if !known {
			return ""
		}
		return fmt.Sprintf("%s is stored in cartella %s of this Comune: an import does not move an intervento to another cartella", id, old)
	case codicefiscale.Validate(old) != nil:
		return ""
	case codicefiscale.Validate(new) == nil && codicefiscale.Regular(old) == codicefiscale.Regular(new):
		return ""
	}
	return fmt.Sprintf("%s is stored for another codice fiscale in this Comune: an import does not move a %s to another person", id, u.kind.Record)
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
