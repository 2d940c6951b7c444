package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// appendAudit adds an entry for the actor in ctx inside tx. The head row
// is locked (FOR UPDATE) until tx ends, so that the entries of concurrent
// transactions, from one csi serve or several, chain one after the other.
func (db *DB) appendAudit(ctx context.Context, tx pgx.Tx, target, summary string) error {
	return db.appendAuditAfter(ctx, tx, nil, target, summary)
}

// appendAuditAfter is appendAudit with the statements of pre (if not nil)
// sent first, in the round trip that locks the head: a registry import
// records itself there, before it takes the lock.
func (db *DB) appendAuditAfter(ctx context.Context, tx pgx.Tx, pre *pgx.Batch, target, summary string) error {
	lastID, prev, err := lockAuditHead(ctx, tx, pre)
	if err != nil {
		return err
	}
	e := csi.NewAuditEntry(ctx, target, summary)
	e.ID, e.At = lastID+1, db.Now().UTC().Format(time.RFC3339)
	e.Hash = e.ChainHash(prev)
	// The entry and the new head in one round trip: the head stays locked
	// until tx ends, so the shorter the time after the lock, the less
	// concurrent writers wait.
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO audit(id, at, actor, command, target, summary, remote, request_id, prev_hash, hash)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, e.ID, e.At, e.Actor, e.Command, e.Target, e.Summary, e.Remote, e.RequestID, prev, e.Hash)
	b.Queue(`INSERT INTO audit_head(one, last_id, hash) VALUES (1, $1, $2)
		ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash`, e.ID, e.Hash)
	return tx.SendBatch(ctx, b).Close()
}

// appendAudits adds one entry per item for the actor in ctx inside tx: the
// head row locked and read once, the entries and the new head sent in one
// batch (one round trip).
func (db *DB) appendAudits(ctx context.Context, tx pgx.Tx, items []store.AuditItem) error {
	if len(items) == 0 {
		return nil
	}
	lastID, prev, err := lockAuditHead(ctx, tx, nil)
	if err != nil {
		return err
	}
	at := db.Now().UTC().Format(time.RFC3339)
	b := &pgx.Batch{}
	for _, it := range items {
		e := csi.NewAuditEntry(ctx, it.Target, it.Summary)
		lastID++
		e.ID, e.At = lastID, at
		e.Hash = e.ChainHash(prev)
		b.Queue(`INSERT INTO audit(id, at, actor, command, target, summary, remote, request_id, prev_hash, hash)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, e.ID, e.At, e.Actor, e.Command, e.Target, e.Summary, e.Remote, e.RequestID, prev, e.Hash)
		prev = e.Hash
	}
	b.Queue(`INSERT INTO audit_head(one, last_id, hash) VALUES (1, $1, $2)
		ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash`, lastID, prev)
	return tx.SendBatch(ctx, b).Close()
}

// lockAuditHead runs the statements of pre (if not nil), then locks the
// audit head and reads it, in one round trip.
func lockAuditHead(ctx context.Context, tx pgx.Tx, pre *pgx.Batch) (int64, string, error) {
	b := pre
	if b == nil {
		b = &pgx.Batch{}
	}
	n := b.Len()
	b.Queue("SELECT last_id, hash FROM audit_head WHERE one = 1 FOR UPDATE")
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for range n {
		if _, err := br.Exec(); err != nil {
			return 0, "", err
		}
	}
	var lastID int64
	var prev string
	if err := br.QueryRow().Scan(&lastID, &prev); err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, "", err
	}
	return lastID, prev, br.Close()
}
