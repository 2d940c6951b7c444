package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Records = (*DB)(nil)

// PriorRecordImport returns the latest import of a records file of that
// kind with that SHA-256.
func (db *DB) PriorRecordImport(ctx context.Context, kind, sha string) (store.PriorImport, bool, error) {
	var p store.PriorImport
	err := db.pool.QueryRow(ctx, `SELECT id, rows_read, rejected FROM imports
		WHERE kind = $1 AND sha256 = $2 ORDER BY id DESC LIMIT 1`, kind, sha).Scan(&p.ID, &p.Rows, &p.Rejected)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, db.mapErr(err)
	}
	return p, true, nil
}

// UpsertRecordFile runs one records import in one transaction; each batch
// of rows is looked up in one query and written in one pgx.Batch.
func (db *DB) UpsertRecordFile(ctx context.Context, kind *records.Kind, entry store.ImportEntry,
	fn func(store.RecordSession) (*store.ImportDone, error)) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return db.mapErr(err)
	}
	defer tx.Rollback(ctx)
	id, err := importEntry(ctx, tx, kind, entry)
	if err != nil {
		return db.mapErr(err)
	}
	done, err := fn(newRecordSession(db, tx, kind, id, entry.Keep))
	if err != nil || done == nil {
		return db.mapErr(err)
	}
	if _, err := tx.Exec(ctx, `UPDATE imports SET rows_read = $1, inserted = $2, updated = $3, unchanged = $4, rejected = $5,
		duration_ms = $6 WHERE id = $7`, done.Rows, done.Inserted, done.Updated, done.Unchanged, done.Rejected, done.DurationMS, id); err != nil {
		return db.mapErr(err)
	}
	if err := db.appendAudit(ctx, tx, done.AuditTarget, done.AuditSummary); err != nil {
		return db.mapErr(err)
	}
	return db.mapErr(tx.Commit(ctx))
}

// importEntry writes the import's entry; a dry run writes none and has id
// 0, so that it spends no value of the identity (sequences are not
// rolled back).
func importEntry(ctx context.Context, tx pgx.Tx, kind *records.Kind, e store.ImportEntry) (int64, error) {
	if e.DryRun {
		return 0, nil
	}
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read,
		inserted, updated, unchanged, closed, rejected, actor, at, duration_ms)
		VALUES ($1, '', $2, $3, 'upsert', '', $4, 0, 0, 0, 0, 0, 0, $5, $6, 0) RETURNING id`,
		kind.Name, e.File, e.SHA256, e.Dialect, e.Actor, e.At).Scan(&id)
	return id, err
}

// recordSession is one records import's transaction and its statements.
type recordSession struct {
	db       *DB
	tx       pgx.Tx
	kind     *records.Kind
	importID int64
	lookup   string            // stored row_hash, person and known, for arrays of Comuni and ids
	write    string            // the upsert of one row
	kept     *records.KeptScan // the columns the file lacks, read back so that an update keeps them
}

func newRecordSession(db *DB, tx pgx.Tx, kind *records.Kind, importID int64, keep []string) *recordSession {
	cols := kind.ColumnNames()
	known := "true"
	if kind == records.Interventi {
		known = "EXISTS(SELECT 1 FROM cartelle c WHERE c.comune = t.comune AND c.id_cartella = t.id_cartella)"
	}
	s := &recordSession{db: db, tx: tx, kind: kind, importID: importID}
	kept := ""
	if len(keep) > 0 {
		s.kept = records.NewKeptScan(kind, keep)
		kept = ", t." + strings.Join(keep, ", t.")
	}
	s.lookup = fmt.Sprintf(`SELECT t.comune, t.%s, t.row_hash, t.%s, %s%s FROM %s t
		JOIN unnest($1::text[], $2::text[]) AS k(comune, id) ON t.comune = k.comune AND t.%s = k.id`,
		cols[0], kind.Person, known, kept, kind.Table, cols[0])
	var sets, params []string
	for _, c := range append(cols[1:], "row_hash", "import_id") {
		if c != "comune" {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	for i := range len(cols) + 1 {
		params = append(params, fmt.Sprintf("$%d", i+1))
	}
	s.write = fmt.Sprintf("INSERT INTO %s(%s, row_hash, import_id) VALUES (%s, %d) ON CONFLICT(comune, %s) DO UPDATE SET %s",
		kind.Table, strings.Join(cols, ", "), strings.Join(params, ", "), importID, cols[0], strings.Join(sets, ", "))
	return s
}

// ImportID is the id of the import's entry.
func (s *recordSession) ImportID() int64 { return s.importID }

// CartellaComuni returns the Comuni (at most two) of each cartella id, in one query.
func (s *recordSession) CartellaComuni(ctx context.Context, ids []string) (map[string][]string, error) {
	rows, err := s.tx.Query(ctx, `SELECT DISTINCT id_cartella, comune FROM cartelle WHERE id_cartella = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var id, c string
		if err := rows.Scan(&id, &c); err != nil {
			return nil, err
		}
		if len(out[id]) < 2 {
			out[id] = append(out[id], c)
		}
	}
	return out, rows.Err()
}

// StoredRecords looks the keys up in one query.
func (s *recordSession) StoredRecords(ctx context.Context, keys []store.RecordKey) (map[store.RecordKey]store.StoredRecord, error) {
	comuni, ids := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		comuni[i], ids[i] = k.Comune, k.ID
	}
	rows, err := s.tx.Query(ctx, s.lookup, comuni, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[store.RecordKey]store.StoredRecord, len(keys))
	for rows.Next() {
		var k store.RecordKey
		var r store.StoredRecord
		var hash int64
		dest := []any{&k.Comune, &k.ID, &hash, &r.Person, &r.Known}
		if s.kept != nil {
			dest = append(dest, s.kept.Dest()...)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		r.Hash = uint64(hash)
		if s.kept != nil {
			r.Kept = s.kept.Values()
		}
		out[k] = r
	}
	return out, rows.Err()
}

// WriteRecords sends the rows' upserts (each after its adoption, if any)
// in one batch, executed in order.
func (s *recordSession) WriteRecords(ctx context.Context, rows []store.RecordRow) ([]bool, error) {
	b := &pgx.Batch{}
	for _, r := range rows {
		if r.Adopt {
			b.Queue("DELETE FROM interventi WHERE comune = '' AND id_intervento = $1", r.Values[0])
		}
		b.Queue(s.write, append(r.Values, int64(r.Hash))...)
	}
	res := s.tx.SendBatch(ctx, b)
	defer res.Close()
	adopted := make([]bool, len(rows))
	for i, r := range rows {
		if r.Adopt {
			tag, err := res.Exec()
			if err != nil {
				return nil, err
			}
			adopted[i] = tag.RowsAffected() > 0
		}
		if _, err := res.Exec(); err != nil {
			return nil, err
		}
	}
	return adopted, res.Close()
}
