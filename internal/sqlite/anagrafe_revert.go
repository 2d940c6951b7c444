package sqlite

import (
	"context"
	"database/sql"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// UndoRegistryImport reverts a registry import in one transaction: the
// versions it created are removed, the versions it closed are current
// again, and it stays in the log as reverted.
func (db *DB) UndoRegistryImport(ctx context.Context, id int64, dryRun bool, check func(store.RevertTarget) error,
	audit func(*csi.RevertSummary) string) (*csi.RevertSummary, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapErr(err)
	}
	defer tx.Rollback()
	t, err := revertTarget(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := check(t); err != nil {
		return nil, err
	}
	sum := t.Summary
	sum.DryRun = dryRun
	if err := undoImport(ctx, tx, &sum); err != nil || dryRun {
		return &sum, err
	}
	if err := db.appendAudit(ctx, tx, "comune "+sum.Comune, audit(&sum)); err != nil {
		return nil, err
	}
	return &sum, mapErr(tx.Commit())
}

// revertTarget reads what the store knows of the import to revert.
func revertTarget(ctx context.Context, tx *sql.Tx, id int64) (store.RevertTarget, error) {
	t := store.RevertTarget{Summary: csi.RevertSummary{ImportID: id}}
	var kind string
	var updated, closed int
	s := &t.Summary
	err := tx.QueryRowContext(ctx, `SELECT kind, comune, file, mode, as_of, updated, closed FROM imports WHERE id = ?`,
		id).Scan(&kind, &s.Comune, &s.File, &s.Mode, &s.AsOf, &updated, &closed)
	if err == sql.ErrNoRows || (err == nil && kind != "anagrafe" && kind != kindReverted) {
		return t, nil
	}
	if err != nil {
		return t, mapErr(err)
	}
	t.Found, t.Reverted, t.Expected = true, kind == kindReverted, updated+closed
	if err := tx.QueryRowContext(ctx, `SELECT max(id) FROM imports WHERE kind = 'anagrafe' AND comune = ?`, s.Comune).Scan(&t.Latest); err != nil && !t.Reverted {
		return t, mapErr(err)
	}
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM persone WHERE closed_by = ?", id).Scan(&t.ClosedBy)
	return t, mapErr(err)
}

// undoImport removes the import's versions and reopens the ones it closed.
func undoImport(ctx context.Context, tx *sql.Tx, sum *csi.RevertSummary) error {
	res, err := tx.ExecContext(ctx, "DELETE FROM persone WHERE comune = ? AND import_id = ?", sum.Comune, sum.ImportID)
	if err != nil {
		return mapErr(err)
	}
	removed, _ := res.RowsAffected()
	res, err = tx.ExecContext(ctx, "UPDATE persone SET valid_to = '', end_reason = '', closed_by = 0 WHERE closed_by = ?", sum.ImportID)
	if err != nil {
		return mapErr(err)
	}
	reopened, _ := res.RowsAffected()
	sum.Removed, sum.Reopened = int(removed), int(reopened)
	_, err = tx.ExecContext(ctx, "UPDATE imports SET kind = '"+kindReverted+"' WHERE id = ?", sum.ImportID)
	return mapErr(err)
}

// kindReverted is the kind of a reverted registry import in the import
// log: it keeps its id and its line (ids are never reused), and every
// query of the registry's imports, which asks for kind 'anagrafe', skips it.
const kindReverted = "anagrafe-reverted"
