package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
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
	tx       *sql.Tx
	kind     *records.Kind
	importID int64
	// lookupAll reads row_hash, person and whether that person's record
	// exists for a batch of keys given as one JSON array of [Comune, id]
	// pairs: one statement per batch instead of one per row.
	lookupAll *sql.Stmt
	write     *sql.Stmt
	// writeRows is write for writeChunk rows at once (writeSQL's,
	// prepared on the first full chunk); adoptAll is adopt for the ids of
	// a JSON array, returning those it dropped.
	writeRows, adoptAll *sql.Stmt
	writeSQL            func(rows int) string
	resolve             *sql.Stmt         // interventi: the Comuni of a cartella id
	adopt               *sql.Stmt         // interventi: drop the copy stored without a Comune before its cartella came
	kept                *records.KeptScan // the columns the file lacks, read back so that an update keeps them
}

func prepareUpsert(ctx context.Context, tx *sql.Tx, kind *records.Kind, importID int64, keep []string) (*recordUpsert, error) {
	cols := kind.ColumnNames()
	u := &recordUpsert{tx: tx, kind: kind, importID: importID}
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
	// CROSS JOIN keeps the planner on the keys first, each found through
	// the table's (comune, id) key.
	u.lookupAll, err = tx.PrepareContext(ctx, fmt.Sprintf(`SELECT k.key, t.row_hash, t.%s, %s%s
		FROM json_each(?) k CROSS JOIN %s t WHERE t.comune = k.value ->> 0 AND t.%s = k.value ->> 1`,
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
	row := "(" + strings.Repeat("?, ", len(cols)) + "?, " + strconv.FormatInt(importID, 10) + ")"
	u.writeSQL = func(n int) string {
		return fmt.Sprintf("INSERT INTO %s(%s, row_hash, import_id) VALUES %s ON CONFLICT(comune, %s) DO UPDATE SET %s",
			kind.Table, strings.Join(cols, ", "), strings.Repeat(row+", ", n-1)+row, cols[0], strings.Join(sets, ", "))
	}
	if u.write, err = tx.PrepareContext(ctx, u.writeSQL(1)); err != nil {
		return nil, err
	}
	if kind == records.Interventi {
		if u.resolve, err = tx.PrepareContext(ctx, "SELECT DISTINCT comune FROM cartelle WHERE id_cartella = ? LIMIT 2"); err != nil {
			return nil, err
		}
		if u.adopt, err = tx.PrepareContext(ctx, "DELETE FROM interventi WHERE comune = '' AND id_intervento = ?"); err != nil {
			return nil, err
		}
		u.adoptAll, err = tx.PrepareContext(ctx, `DELETE FROM interventi WHERE comune = ''
			AND id_intervento IN (SELECT value FROM json_each(?)) RETURNING id_intervento`)
	}
	return u, err
}

// writeChunk is how many rows one multi-row upsert writes (each binds its
// columns, about fifteen: well under SQLite's limit of 32,766 variables).
var writeChunk = 64

func (u *recordUpsert) close() {
	for _, s := range []*sql.Stmt{u.lookupAll, u.write, u.writeRows, u.resolve, u.adopt, u.adoptAll} {
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

// StoredRecords looks the keys up with one statement, the keys bound as
// one JSON array.
func (u *recordUpsert) StoredRecords(ctx context.Context, keys []store.RecordKey) (map[store.RecordKey]store.StoredRecord, error) {
	out := make(map[store.RecordKey]store.StoredRecord, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	pairs := make([][2]string, len(keys))
	for i, k := range keys {
		pairs[i] = [2]string{k.Comune, k.ID}
	}
	js, err := json.Marshal(pairs)
	if err != nil {
		return nil, err
	}
	rows, err := u.lookupAll.QueryContext(ctx, string(js))
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var i, old int64
		var r store.StoredRecord
		dest := []any{&i, &old, &r.Person, &r.Known}
		if u.kept != nil {
			dest = append(dest, u.kept.Dest()...)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, mapErr(err)
		}
		r.Hash = uint64(old)
		if u.kept != nil {
			r.Kept = u.kept.Values()
		}
		out[keys[i]] = r
	}
	return out, mapErr(rows.Err())
}

// WriteRecords upserts the rows, writeChunk at a time with one statement,
// after dropping in one statement the copies without a Comune that the
// chunk's rows adopt. A row without a Comune (an intervento whose
// cartella is unknown) could be one a later row of its chunk adopts: a
// batch with one is written row by row, in order.
func (u *recordUpsert) WriteRecords(ctx context.Context, rows []store.RecordRow) ([]bool, error) {
	adopted := make([]bool, len(rows))
	comune := u.kind.Index("comune")
	for _, r := range rows {
		if r.Values[comune] == "" {
			return adopted, u.writeEach(ctx, rows, adopted)
		}
	}
	for start := 0; start < len(rows); start += writeChunk {
		chunk := rows[start:min(start+writeChunk, len(rows))]
		if err := u.adoptChunk(ctx, chunk, adopted[start:]); err != nil {
			return nil, err
		}
		if len(chunk) < writeChunk {
			return adopted, u.writeEach(ctx, chunk, nil)
		}
		if u.writeRows == nil {
			stmt, err := u.tx.PrepareContext(ctx, u.writeSQL(writeChunk))
			if err != nil {
				return nil, mapErr(err)
			}
			u.writeRows = stmt
		}
		args := make([]any, 0, len(chunk)*(len(chunk[0].Values)+1))
		for _, r := range chunk {
			args = append(append(args, r.Values...), int64(r.Hash))
		}
		if _, err := u.writeRows.ExecContext(ctx, args...); err != nil {
			return nil, mapErr(err)
		}
	}
	return adopted, nil
}

// adoptChunk drops the copies without a Comune of the ids the chunk's rows
// adopt, marking in adopted the first row of each id dropped.
func (u *recordUpsert) adoptChunk(ctx context.Context, chunk []store.RecordRow, adopted []bool) error {
	var ids []string
	for _, r := range chunk {
		if r.Adopt {
			ids = append(ids, r.Values[0].(string))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := u.adoptAll.QueryContext(ctx, string(js))
	if err != nil {
		return mapErr(err)
	}
	dropped := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return mapErr(err)
		}
		dropped[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	for i, r := range chunk {
		if id := r.Values[0].(string); r.Adopt && dropped[id] {
			adopted[i], dropped[id] = true, false
		}
	}
	return nil
}

// writeEach upserts the rows one by one, each after its adoption when
// adopted is given (nil: the adoptions are done).
func (u *recordUpsert) writeEach(ctx context.Context, rows []store.RecordRow, adopted []bool) error {
	for i, r := range rows {
		if r.Adopt && adopted != nil {
			res, err := u.adopt.ExecContext(ctx, r.Values[0])
			if err != nil {
				return mapErr(err)
			}
			n, _ := res.RowsAffected()
			adopted[i] = n > 0
		}
		if _, err := u.write.ExecContext(ctx, append(r.Values, int64(r.Hash))...); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
