package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// kindReverted is the kind of a reverted registry import in the import log.
const kindReverted = "anagrafe-reverted"

// UndoRegistryImport reverts a registry import in one transaction, under
// its Comune's lock: the versions it created are removed, the versions it
// closed are current again, and it stays in the log as reverted.
func (db *DB) UndoRegistryImport(ctx context.Context, id int64, dryRun bool, check func(store.RevertTarget) error,
	audit func(*csi.RevertSummary) string) (*csi.RevertSummary, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	t, err := revertTarget(ctx, tx, id)
	if err != nil {
		return nil, db.mapErr(err)
	}
	if err := check(t); err != nil {
		return nil, err
	}
	sum := t.Summary
	sum.DryRun = dryRun
	if err := undoImport(ctx, tx, &sum); err != nil || dryRun {
		return &sum, db.mapErr(err)
	}
	if err := db.appendAudit(ctx, tx, "comune "+sum.Comune, audit(&sum)); err != nil {
		return nil, db.mapErr(err)
	}
	return &sum, db.mapErr(tx.Commit(ctx))
}

// revertTarget reads what the store knows of the import to revert, with
// its Comune locked.
func revertTarget(ctx context.Context, tx pgx.Tx, id int64) (store.RevertTarget, error) {
	t := store.RevertTarget{Summary: csi.RevertSummary{ImportID: id}}
	s := &t.Summary
	var kind string
	var updated, closed int64
	q := `SELECT kind, comune, file, mode, as_of, updated, closed FROM imports WHERE id = $1`
	err := tx.QueryRow(ctx, q, id).Scan(&kind, &s.Comune, &s.File, &s.Mode, &s.AsOf, &updated, &closed)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && kind != "anagrafe" && kind != kindReverted) {
		return t, nil
	}
	if err != nil {
		return t, err
	}
	if err := lockComune(ctx, tx, s.Comune); err != nil {
		return t, err
	}
	// Read again under the lock: an import or revert may have ended meanwhile.
	if err := tx.QueryRow(ctx, q, id).Scan(&kind, &s.Comune, &s.File, &s.Mode, &s.AsOf, &updated, &closed); err != nil {
		return t, err
	}
	t.Found, t.Reverted, t.Expected = true, kind == kindReverted, int(updated+closed)
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM imports WHERE kind = 'anagrafe' AND comune = $1`, s.Comune).Scan(&t.Latest); err != nil {
		return t, err
	}
	err = tx.QueryRow(ctx, "SELECT count(*) FROM persone WHERE closed_by = $1", id).Scan(&t.ClosedBy)
	return t, err
}

// undoImport removes the import's versions and reopens the ones it closed.
func undoImport(ctx context.Context, tx pgx.Tx, sum *csi.RevertSummary) error {
	tag, err := tx.Exec(ctx, "DELETE FROM persone WHERE comune = $1 AND import_id = $2", sum.Comune, sum.ImportID)
	if err != nil {
		return err
	}
	sum.Removed = int(tag.RowsAffected())
	tag, err = tx.Exec(ctx, "UPDATE persone SET valid_to = '', end_reason = '', closed_by = 0 WHERE closed_by = $1", sum.ImportID)
	if err != nil {
		return err
	}
	sum.Reopened = int(tag.RowsAffected())
	_, err = tx.Exec(ctx, "UPDATE imports SET kind = '"+kindReverted+"' WHERE id = $1", sum.ImportID)
	return err
}
