package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Audit = (*DB)(nil)

// appendAudit adds an entry for the actor in ctx inside tx. SQLite has one
// writer at a time, so the head read here cannot be raced.
func (db *DB) appendAudit(ctx context.Context, tx *sql.Tx, target, summary string) error {
	return db.appendAudits(ctx, tx, []store.AuditItem{{Target: target, Summary: summary}})
}

// auditInsert is the statement of appendAudits.
const auditInsert = `INSERT INTO audit(id, at, actor, command, target, summary, remote, request_id, prev_hash, hash)
	VALUES (?,?,?,?,?,?,?,?,?,?)`

// appendAudits adds one entry per item for the actor in ctx inside tx: the
// chain's head read and written once, the entries inserted by one
// prepared statement.
func (db *DB) appendAudits(ctx context.Context, tx *sql.Tx, items []store.AuditItem) error {
	if len(items) == 0 {
		return nil
	}
	var lastID int64
	var prev string
	err := tx.QueryRowContext(ctx, "SELECT last_id, hash FROM audit_head WHERE one = 1").Scan(&lastID, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	ins, err := db.txStmt(ctx, tx, auditInsert)
	if err != nil {
		return err
	}
	at := db.now()
	for _, it := range items {
		e := csi.NewAuditEntry(ctx, it.Target, it.Summary)
		lastID++
		e.ID, e.At = lastID, at
		e.Hash = e.ChainHash(prev)
		if _, err := ins.ExecContext(ctx, e.ID, e.At, e.Actor, e.Command, e.Target, e.Summary, e.Remote, e.RequestID, prev, e.Hash); err != nil {
			return err
		}
		prev = e.Hash
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)
		ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash`, lastID, prev)
	return err
}

// AppendAudit chains one entry in its own transaction.
func (db *DB) AppendAudit(ctx context.Context, target, summary string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return db.appendAudit(ctx, tx, target, summary) })
}

const auditCols = `id, at, actor, command, target, summary, remote, request_id, hash`

func scanAudit(s scanner, more ...any) (csi.AuditEntry, error) {
	var e csi.AuditEntry
	err := s.Scan(append([]any{&e.ID, &e.At, &e.Actor, &e.Command, &e.Target, &e.Summary, &e.Remote, &e.RequestID, &e.Hash}, more...)...)
	return e, err
}

// LoadAudit returns the entries from the date since ("" for all).
func (db *DB) LoadAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	rows, err := db.db.QueryContext(ctx, "SELECT "+auditCols+" FROM audit WHERE at >= ? ORDER BY id", since)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.AuditEntry{}
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditEntryByID returns the entry with that id, or nil.
func (db *DB) AuditEntryByID(ctx context.Context, id int64) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "WHERE id = ?", id)
}

// AuditEntryByHash returns the entry with that hash, or nil.
func (db *DB) AuditEntryByHash(ctx context.Context, hash string) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "WHERE hash = ?", hash)
}

// LastAuditEntry returns the entry with the highest id, or nil.
func (db *DB) LastAuditEntry(ctx context.Context) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "ORDER BY id DESC LIMIT 1")
}

func (db *DB) oneAudit(ctx context.Context, where string, args ...any) (*csi.AuditEntry, error) {
	e, err := scanAudit(db.db.QueryRowContext(ctx, "SELECT "+auditCols+" FROM audit "+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return &e, nil
}
