package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

var _ csi.AuditService = (*DB)(nil)

// appendAudit adds an entry for the actor in ctx inside tx.
func (db *DB) appendAudit(ctx context.Context, tx *sql.Tx, target, summary string) error {
	var lastID int64
	var prev string
	err := tx.QueryRowContext(ctx, "SELECT last_id, hash FROM audit_head WHERE one = 1").Scan(&lastID, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	e := csi.NewAuditEntry(ctx, target, summary)
	e.ID, e.At = lastID+1, db.now()
	e.Hash = e.ChainHash(prev)
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit(id, at, actor, command, target, summary, remote, request_id, prev_hash, hash)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, e.ID, e.At, e.Actor, e.Command, e.Target, e.Summary, e.Remote, e.RequestID, prev, e.Hash); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)
		ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash`, e.ID, e.Hash)
	return err
}

// RecordAccess appends an audit entry for a read of personal data through
// the API; the summary names what was read, never a CF or a name.
func (db *DB) RecordAccess(ctx context.Context, target, summary string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return db.appendAudit(ctx, tx, target, summary) })
}

// ListAudit returns the audit entries from the date since (YYYY-MM-DD, "" for all).
func (db *DB) ListAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	if since != "" {
		if _, err := csi.ParseDay("--since", since); err != nil {
			return nil, err
		}
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, actor, command, target, summary, remote, request_id, hash
		FROM audit WHERE at >= ? ORDER BY id`, since)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.AuditEntry{}
	for rows.Next() {
		var e csi.AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Command, &e.Target, &e.Summary, &e.Remote, &e.RequestID, &e.Hash); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// VerifyAudit walks the whole chain and reports the first entry that was
// edited, removed or inserted out of order; then it checks that every
// import, token, referent, validation run and Comune event in the store
// has its entry (see crossCheck).
func (db *DB) VerifyAudit(ctx context.Context) (*csi.AuditVerification, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, actor, command, target, summary, remote, request_id, prev_hash, hash FROM audit ORDER BY id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	v := &csi.AuditVerification{OK: true}
	seen := newAuditSeen()
	prev, want := "", int64(1)
	for rows.Next() {
		var e csi.AuditEntry
		var prevHash string
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Command, &e.Target, &e.Summary, &e.Remote, &e.RequestID, &prevHash, &e.Hash); err != nil {
			return nil, err
		}
		v.Entries++
		seen.add(e)
		if p := chainProblem(e, want, prev, prevHash); p != "" && v.OK {
			v.OK, v.Problem, v.BadID = false, p, e.ID
		}
		prev, want = e.Hash, e.ID+1
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if v.OK {
		db.checkHead(ctx, v, want-1, prev)
	}
	if v.OK {
		p, err := db.crossCheck(ctx, seen)
		if err != nil {
			return nil, err
		}
		v.OK, v.Problem = p == "", p
	}
	return v, nil
}

func chainProblem(e csi.AuditEntry, wantID int64, prev, prevHash string) string {
	switch {
	case e.ID != wantID:
		return fmt.Sprintf("entries %d to %d are missing", wantID, e.ID-1)
	case prevHash != prev:
		return fmt.Sprintf("entry %d does not follow entry %d", e.ID, e.ID-1)
	case e.ChainHash(prev) != e.Hash:
		return fmt.Sprintf("entry %d was modified", e.ID)
	}
	return ""
}

func (db *DB) checkHead(ctx context.Context, v *csi.AuditVerification, lastID int64, lastHash string) {
	var headID int64
	var headHash string
	err := db.db.QueryRowContext(ctx, "SELECT last_id, hash FROM audit_head WHERE one = 1").Scan(&headID, &headHash)
	if errors.Is(err, sql.ErrNoRows) && lastID == 0 {
		return
	}
	if err != nil || headID != lastID || headHash != lastHash {
		v.OK, v.BadID = false, lastID+1
		v.Problem = fmt.Sprintf("the log ends at entry %d but entry %d was recorded", lastID, headID)
	}
}
