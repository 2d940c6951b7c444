package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Records = (*DB)(nil)

// PriorRecordImport returns the latest import of a records file of that
// kind with that SHA-256.
func (db *DB) PriorRecordImport(ctx context.Context, kind, sha string) (store.PriorImport, bool, error) {
	var p store.PriorImport
	err := db.db.QueryRowContext(ctx, `SELECT id, rows_read, rejected FROM imports
		WHERE kind = ? AND sha256 = ? ORDER BY id DESC LIMIT 1`, kind, sha).Scan(&p.ID, &p.Rows, &p.Rejected)
	if err == sql.ErrNoRows {
		return p, false, nil
	}
	if err != nil {
		return p, false, mapErr(err)
	}
	return p, true, nil
}

// UpsertRecordFile runs one records import in one transaction, its
// lookups and writes through statements prepared once.
func (db *DB) UpsertRecordFile(ctx context.Context, kind *records.Kind, entry store.ImportEntry,
	fn func(store.RecordSession) (*store.ImportDone, error)) error {
	if err := db.checkBeforeWrite(ctx); err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	id, err := recordImportEntry(ctx, tx, kind, entry)
	if err != nil {
		return err
	}
	sess, err := prepareUpsert(ctx, tx, kind, id, entry.Keep)
	if err != nil {
		return mapErr(err)
	}
	defer sess.close()
	done, err := fn(sess)
	if err != nil || done == nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?,
		duration_ms = ? WHERE id = ?`, done.Rows, done.Inserted, done.Updated, done.Unchanged, done.Rejected, done.DurationMS, id); err != nil {
		return mapErr(err)
	}
	if err := db.appendAudit(ctx, tx, done.AuditTarget, done.AuditSummary); err != nil {
		return err
	}
	return mapErr(tx.Commit())
}

func recordImportEntry(ctx context.Context, tx *sql.Tx, kind *records.Kind, e store.ImportEntry) (int64, error) {
	if e.DryRun {
		return 0, nil
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES (?, '', ?, ?, 'upsert', '', ?, 0, 0, 0, 0, 0, 0, ?, ?, 0)`,
		kind.Name, e.File, e.SHA256, e.Dialect, e.Actor, e.At)
	if err != nil {
		return 0, mapErr(err)
	}
	return res.LastInsertId()
}

// recordUpsert holds the statements of one record import. Records are
// keyed by Comune and id (software numbers them per Comune).
type recordUpsert struct {
	kind     *records.Kind
	importID int64
	lookup   *sql.Stmt // row_hash, person and whether that person's record exists, by Comune and id
	write    *sql.Stmt
	resolve  *sql.Stmt         // interventi: the Comuni of a cartella id
	adopt    *sql.Stmt         // interventi: drop the copy stored without a Comune before its cartella came
	kept     *records.KeptScan // the columns the file lacks, read back so that an update keeps them
}

func prepareUpsert(ctx context.Context, tx *sql.Tx, kind *records.Kind, importID int64, keep []string) (*recordUpsert, error) {
	cols := kind.ColumnNames()
	u := &recordUpsert{kind: kind, importID: importID}
	kept := ""
	if len(keep) > 0 {
		u.kept = records.NewKeptScan(kind, keep)
		kept = ", t." + strings.Join(keep, ", t.")
	}
	known := "1"
	if kind == records.Interventi {
		known = "EXISTS(SELECT 1 FROM cartelle c WHERE c.comune = t.comune AND c.id_cartella = t.id_cartella)"
	}
	var err error
	u.lookup, err = tx.PrepareContext(ctx, fmt.Sprintf("SELECT row_hash, %s, %s%s FROM %s t WHERE comune = ? AND %s = ?",
		kind.Person, known, kept, kind.Table, cols[0]))
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

func (u *recordUpsert) close() {
	for _, s := range []*sql.Stmt{u.lookup, u.write, u.resolve, u.adopt} {
		if s != nil {
			s.Close()
		}
	}
}

// ImportID is the id of the import's entry.
func (u *recordUpsert) ImportID() int64 { return u.importID }

// CartellaComuni returns the Comuni (at most two) of each cartella id.
func (u *recordUpsert) CartellaComuni(ctx context.Context, ids []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		comuni, err := u.comuniOf(ctx, id)
		if err != nil {
			return nil, err
		}
		out[id] = comuni
	}
	return out, nil
}

func (u *recordUpsert) comuniOf(ctx context.Context, id string) ([]string, error) {
	rows, err := u.resolve.QueryContext(ctx, id)
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
	return comuni, rows.Err()
}

// StoredRecords looks each key up with the prepared statement.
func (u *recordUpsert) StoredRecords(ctx context.Context, keys []store.RecordKey) (map[store.RecordKey]store.StoredRecord, error) {
	out := make(map[store.RecordKey]store.StoredRecord, len(keys))
	for _, k := range keys {
		var old int64
		var r store.StoredRecord
		dest := []any{&old, &r.Person, &r.Known}
		if u.kept != nil {
			dest = append(dest, u.kept.Dest()...)
		}
		err := u.lookup.QueryRowContext(ctx, k.Comune, k.ID).Scan(dest...)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, mapErr(err)
		}
		r.Hash = uint64(old)
		if u.kept != nil {
			r.Kept = u.kept.Values()
		}
		out[k] = r
	}
	return out, nil
}

// WriteRecords upserts each row with the prepared statement.
func (u *recordUpsert) WriteRecords(ctx context.Context, rows []store.RecordRow) ([]bool, error) {
	adopted := make([]bool, len(rows))
	for i, r := range rows {
		if r.Adopt {
			res, err := u.adopt.ExecContext(ctx, r.Values[0])
			if err != nil {
				return nil, mapErr(err)
			}
			n, _ := res.RowsAffected()
			adopted[i] = n > 0
		}
		if _, err := u.write.ExecContext(ctx, append(r.Values, int64(r.Hash))...); err != nil {
			return nil, mapErr(err)
		}
	}
	return adopted, nil
}
