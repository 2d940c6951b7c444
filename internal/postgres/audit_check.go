package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// ScanAudit reads the chain, the head and what the log must account for
// in one repeatable-read snapshot: what other servers commit meanwhile is
// in none of them, so a verification during writes does not see a head
// ahead of the chain or an import without its entry.
func (db *DB) ScanAudit(ctx context.Context, fn func(e csi.AuditEntry, prevHash string) error) (*store.AuditSnapshot, error) {
	var snap *store.AuditSnapshot
	err := db.readOnly(ctx, func(tx pgx.Tx) error {
		if err := scanChain(ctx, tx, fn); err != nil {
			return err
		}
		var err error
		snap, err = auditSubjects(ctx, tx)
		return err
	})
	return snap, err
}

func scanChain(ctx context.Context, tx pgx.Tx, fn func(csi.AuditEntry, string) error) error {
	rows, err := tx.Query(ctx, "SELECT "+auditCols+", prev_hash FROM audit ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var prev string
		e, err := scanAudit(rows, &prev)
		if err != nil {
			return err
		}
		if err := fn(e, prev); err != nil {
			return err
		}
	}
	return rows.Err()
}

func scanID(r pgx.Row) (int64, error) {
	var id int64
	err := r.Scan(&id)
	return id, err
}

// auditSubjects reads the head row and the rows the log must name.
func auditSubjects(ctx context.Context, tx pgx.Tx) (*store.AuditSnapshot, error) {
	s := &store.AuditSnapshot{ComuneEvents: map[string]int{}}
	err := tx.QueryRow(ctx, "SELECT last_id, hash FROM audit_head WHERE one = 1").Scan(&s.HeadID, &s.HeadHash)
	s.HasHead = err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return nil, err
	}
	for _, l := range []struct {
		query string
		ids   *[]int64
	}{
		{"SELECT id FROM imports ORDER BY id", &s.Imports},
		{"SELECT id FROM referenti ORDER BY id", &s.Referents},
		{"SELECT id FROM validation_runs ORDER BY id", &s.Validations},
	} {
		if *l.ids, err = collect(ctx, tx, scanID, l.query); err != nil {
			return nil, err
		}
	}
	s.Tokens, err = collect(ctx, tx, func(r pgx.Row) (csi.Token, error) {
		var t csi.Token
		err := r.Scan(&t.ID, &t.Name, &t.RevokedAt)
		return t, err
	}, "SELECT id, name, revoked_at FROM tokens ORDER BY id")
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, "SELECT istat, count(*) FROM comune_history GROUP BY istat")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var istat string
		var n int
		if err := rows.Scan(&istat, &n); err != nil {
			return nil, err
		}
		s.ComuneEvents[istat] = n
	}
	return s, rows.Err()
}
