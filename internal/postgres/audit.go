package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Audit = (*DB)(nil)

// AppendAudit chains one entry in its own transaction.
func (db *DB) AppendAudit(ctx context.Context, target, summary string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error { return db.appendAudit(ctx, tx, target, summary) })
}

const auditCols = `id, at, actor, command, target, summary, remote, request_id, hash`

func scanAudit(s pgx.Row, more ...any) (csi.AuditEntry, error) {
	var e csi.AuditEntry
	err := s.Scan(append([]any{&e.ID, &e.At, &e.Actor, &e.Command, &e.Target, &e.Summary, &e.Remote, &e.RequestID, &e.Hash}, more...)...)
	return e, err
}

func scanAuditRow(r pgx.Row) (csi.AuditEntry, error) { return scanAudit(r) }

// LoadAudit returns the entries from the date since ("" for all).
func (db *DB) LoadAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	out, err := collect(ctx, db.pool, scanAuditRow, "SELECT "+auditCols+` FROM audit WHERE at COLLATE "C" >= $1 ORDER BY id`, since)
	return out, db.mapErr(err)
}

// AuditEntryByID returns the entry with that id, or nil.
func (db *DB) AuditEntryByID(ctx context.Context, id int64) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "WHERE id = $1", id)
}

// AuditEntryByHash returns the entry with that hash, or nil.
func (db *DB) AuditEntryByHash(ctx context.Context, hash string) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "WHERE hash = $1", hash)
}

// LastAuditEntry returns the entry with the highest id, or nil.
func (db *DB) LastAuditEntry(ctx context.Context) (*csi.AuditEntry, error) {
	return db.oneAudit(ctx, "ORDER BY id DESC LIMIT 1")
}

func (db *DB) oneAudit(ctx context.Context, where string, args ...any) (*csi.AuditEntry, error) {
	e, err := scanAudit(db.pool.QueryRow(ctx, "SELECT "+auditCols+" FROM audit "+where, args...))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, db.mapErr(err)
	}
	return &e, nil
}
