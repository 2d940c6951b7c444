package sqlite

import (
	"context"
	"database/sql"

	"github.com/csi-mb/csi/internal/store"
)

// bulkBytesPerRow estimates a registry row's size in a file, to compare a
// file with the table it goes into.
const bulkBytesPerRow = 100

// startBulk drops the person indexes when this import will write most of
// the table's rows (typically the first import into a store): one sorted
// index build at the end is far cheaper, and keeps memory flat, compared
// with inserting every CF at a random place in an index that outgrows the
// cache.
func (w *writer) startBulk(ctx context.Context) error {
	if w.cur.size() > 0 {
		return nil
	}
	// The versions are counted by the largest id (loadResidents read it):
	// count(*) walked a whole index of the province, 5% of a small
	// Comune's import into it.
	if w.versions*bulkBytesPerRow > w.start.Size {
		// A new Comune in a populated store keeps the 16 MB cache. A
		// 64 MB one kept more of the province-wide persone_cf in memory,
		// but took the peak of Monza's first import to 174 MB (each page
		// costs nearly twice its size in the driver's allocator) for no
		// CPU time saved: 1.8-2.0 s of user+sys at 16, 24, 32 and 64 MB.
		return nil
	}
	// Appending rows needs little cache, and the index sort's memory grows
	// with the cache: a small one keeps a province-sized load near 85 MB.
	if _, err := w.tx.ExecContext(ctx, "DROP INDEX persone_cf; DROP INDEX persone_validity; PRAGMA cache_size = -8192"); err != nil {
		return mapErr(err)
	}
	w.bulk = true
	return nil
}

// personIndexes are the indexes of persone as migration 0013 defines them
// (TestBulkImportRebuildsIndexes compares): persone_cf finds a person in
// any Comune, persone_validity keeps each Comune's versions together.
const personIndexes = `CREATE INDEX persone_cf ON persone(codice_fiscale);
		CREATE INDEX persone_validity ON persone(comune, valid_to, codice_fiscale, row_hash, valid_from);`

// finishBulk rebuilds the indexes dropped by startBulk.
func (w *writer) finishBulk(ctx context.Context) error {
	if !w.bulk {
		return nil
	}
	// The sort behind CREATE INDEX spills to temporary files, which must
	// not be held in memory (it would grow with the file). One helper
	// thread sorts on the second core.
	_, err := w.tx.ExecContext(ctx, `PRAGMA temp_store = FILE; PRAGMA threads = 1;
		`+personIndexes+`
		PRAGMA threads = 0`)
	return mapErr(err)
}

// resolveSuspects refuses the rows whose CF repeats an earlier row of the
// file. Only rows flagged by the Bloom filter are checked, once the rows are
// written and indexed; the first row of each CF stands.
func (w *writer) resolveSuspects(ctx context.Context) error {
	if len(w.suspects) == 0 {
		return nil
	}
	find, err := w.tx.PrepareContext(ctx, "SELECT id, line FROM persone WHERE codice_fiscale = ? AND import_id = ? ORDER BY line")
	if err != nil {
		return mapErr(err)
	}
	defer find.Close()
	for cf, list := range w.suspects {
		if err := w.resolve(ctx, find, cf, list); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) resolve(ctx context.Context, find *sql.Stmt, cf string, list []suspect) error {
	rows, err := find.QueryContext(ctx, cf, w.importID)
	if err != nil {
		return mapErr(err)
	}
	type version struct {
		id   int64
		line int
	}
	var vs []version
	for rows.Next() {
		var v version
		if err := rows.Scan(&v.id, &v.line); err != nil {
			rows.Close()
			return err
		}
		vs = append(vs, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(vs) < 2 {
		return err
	}
	for _, v := range vs[1:] {
		for _, s := range list {
			if s.line != v.line {
				continue
			}
			if _, err := w.tx.ExecContext(ctx, "DELETE FROM persone WHERE id = ?", v.id); err != nil {
				return mapErr(err)
			}
			w.out.Inserted--
			w.out.Repeats = append(w.out.Repeats, store.RegistryRepeat{Line: v.line, First: vs[0].line, Raw: s.raw})
		}
	}
	return nil
}
