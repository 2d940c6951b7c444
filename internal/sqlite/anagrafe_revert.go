package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// RevertImport undoes a Comune's latest registry import in one
// transaction: the versions it created are removed, the versions it closed
// are current again, and the import stays in the log as reverted (so that a
// corrected extract, or the same file, can be imported). The revert is audited. Only
// the latest import of its Comune can be reverted: later ones built on it.
func (db *DB) RevertImport(ctx context.Context, req csi.RevertRequest) (*csi.RevertSummary, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapErr(err)
	}
	defer tx.Rollback()
	sum, expected, err := revertTarget(ctx, tx, req)
	if err != nil {
		return nil, err
	}
	if err := undoImport(ctx, tx, sum, expected); err != nil || req.DryRun {
		return sum, err
	}
	if err := db.appendAudit(ctx, tx, "comune "+sum.Comune, fmt.Sprintf("anagrafe revert of import %d (%s as of %s): %d versions removed, %d reopened",
		sum.ImportID, sum.Mode, sum.AsOf, sum.Removed, sum.Reopened)); err != nil {
		return nil, err
	}
	return sum, mapErr(tx.Commit())
}

// revertTarget reads the import to revert, refusing one that is not its
// Comune's latest, and returns how many versions it closed by its counts.
func revertTarget(ctx context.Context, tx *sql.Tx, req csi.RevertRequest) (*csi.RevertSummary, int, error) {
	sum := &csi.RevertSummary{ImportID: req.ImportID, DryRun: req.DryRun}
	var kind string
	var updated, closed int
	err := tx.QueryRowContext(ctx, `SELECT kind, comune, file, mode, as_of, updated, closed FROM imports WHERE id = ?`,
		req.ImportID).Scan(&kind, &sum.Comune, &sum.File, &sum.Mode, &sum.AsOf, &updated, &closed)
	switch {
	case err == sql.ErrNoRows || (err == nil && kind != "anagrafe" && kind != kindReverted):
		return nil, 0, csi.Errorf(csi.ENOTFOUND, "no registry import %d", req.ImportID).
			WithHint("csi anagrafe imports lists the imports with their ids")
	case err != nil:
		return nil, 0, mapErr(err)
	case kind == kindReverted:
		return nil, 0, csi.Errorf(csi.ECONFLICT, "import %d was already reverted", req.ImportID).
			WithHint("csi anagrafe imports --comune %s lists the imports with their ids", sum.Comune)
	}
	var latest int64
	if err := tx.QueryRowContext(ctx, `SELECT max(id) FROM imports WHERE kind = 'anagrafe' AND comune = ?`, sum.Comune).Scan(&latest); err != nil {
		return nil, 0, mapErr(err)
	}
	if latest != req.ImportID {
		c, err := resolveComune(ctx, tx, sum.Comune)
		if err != nil {
			return nil, 0, err
		}
		return nil, 0, csi.Errorf(csi.ECONFLICT, "import %d is not the latest import of %s (%s): import %d is", req.ImportID, c.Nome, c.Istat, latest).
			WithHint("revert the later imports first, newest first: csi anagrafe revert %d", latest)
	}
	return sum, updated + closed, nil
}

// undoImport removes the import's versions and reopens the ones it closed.
// An import made before the store recorded which import closed a version
// cannot be undone exactly, and is refused.
func undoImport(ctx context.Context, tx *sql.Tx, sum *csi.RevertSummary, expected int) error {
	var closedBy int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM persone WHERE closed_by = ?", sum.ImportID).Scan(&closedBy); err != nil {
		return mapErr(err)
	}
	if closedBy != expected {
		return csi.Errorf(csi.ECONFLICT, "import %d closed %d versions, of which the store knows %d: it was made by an older csi and cannot be reverted exactly",
			sum.ImportID, expected, closedBy).WithHint("import a corrected extract dated on or after %s instead", sum.AsOf)
	}
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
