package sqlite

import (
	"context"
	"database/sql"

	"github.com/csi-mb/csi/internal/store"
)

// firstLoadJournal decides, before the import's transaction begins on c,
// whether the store leaves WAL mode for it: it does for a Comune's first
// load (no current resident yet), whose rows all go to new pages. WAL mode
// writes every page twice, to the -wal and again when the checkpoint at
// commit copies it into the store. Under a rollback journal the new pages
// go straight to the store, and only the pages that existed before (the
// index pages the load changes, the imports and audit rows) are journaled
// first. On the development machine: a first load of 870,193 rows 9.9 s
// under WAL, 8.3 s so; the province's 55 first loads 24.3 s, 22.0 s. A
// crash still leaves the store as it was: its next opener rolls the hot
// journal back. Updates keep WAL mode: they rewrite existing pages, which
// a rollback journal would write twice too.
//
// Leaving WAL mode needs the store to itself: csi's other connections are
// closed first, and when another process has it open SQLite refuses at
// once and the import keeps WAL mode. While the load runs, other processes
// wait for it (busy_timeout), as they would for any writer under a
// rollback journal. The connections they open set WAL mode again; the
// import does so itself when it ends (restoreJournal).
func (db *DB) firstLoadJournal(ctx context.Context, c *sql.Conn, start store.RegistryStart, check *storeCheck) (bool, error) {
	if !db.SoleUser || start.DryRun {
		return false, nil
	}
	var current bool
	err := c.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM persone INDEXED BY persone_validity
		WHERE comune = ? AND valid_to = '')`, start.Comune).Scan(&current)
	if err != nil {
		return false, mapErr(err)
	}
	if current {
		return false, nil
	}
	// The store's check reads on a connection of its own: it ends first.
	if err := check.wait(); err != nil {
		return false, err
	}
	// Nothing of the import may open a connection once the journal
	// changed (it would wait for the import's own locks): the audit
	// statement, which is prepared once on the pool, is prepared now.
	if _, err := db.stmt(ctx, auditInsert); err != nil {
		return false, mapErr(err)
	}
	db.db.SetMaxIdleConns(0) // closes the idle connections
	db.db.SetMaxIdleConns(maxIdleConns)
	// Refused at once (no busy wait) when another connection holds the
	// store open in WAL mode.
	var mode string
	if err := c.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil || mode != "delete" {
		return false, nil
	}
	return true, nil
}

// restoreJournal puts the store back in WAL mode after a first load's
// transaction ended, and returns its connection to the pool. A failure
// loses nothing: every connection csi opens sets WAL mode.
func (w *writer) restoreJournal(ctx context.Context) {
	if w.conn == nil {
		return
	}
	if w.journal {
		var mode string
		_ = w.conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
	}
	w.conn.Close()
	w.conn = nil
}
