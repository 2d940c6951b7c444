package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// ScanAudit reads the chain, the head and what the log must account for
// in one read transaction (a WAL snapshot): a write committed meanwhile is
// in none of them. The transaction is deferred, not the store's immediate
// one, so that it does not wait for (or block) a writer.
func (db *DB) ScanAudit(ctx context.Context, fn func(e csi.AuditEntry, prevHash string) error) (*store.AuditSnapshot, error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return nil, mapErr(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK") //nolint:errcheck // a read: nothing to keep
	if err := scanChain(ctx, conn, fn); err != nil {
		return nil, err
	}
	return auditSubjects(ctx, conn)
}

func scanChain(ctx context.Context, q querier, fn func(csi.AuditEntry, string) error) error {
	rows, err := q.QueryContext(ctx, "SELECT "+auditCols+", prev_hash FROM audit ORDER BY id")
	if err != nil {
		return mapErr(err)
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

// auditSubjects reads the head row and the rows the log must name.
func auditSubjects(ctx context.Context, q querier) (*store.AuditSnapshot, error) {
	s := &store.AuditSnapshot{ComuneEvents: map[string]int{}}
	err := q.QueryRowContext(ctx, "SELECT last_id, hash FROM audit_head WHERE one = 1").Scan(&s.HeadID, &s.HeadHash)
	s.HasHead = err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, mapErr(err)
	}
	for _, l := range []struct {
		query string
		ids   *[]int64
	}{
		{"SELECT id FROM imports ORDER BY id", &s.Imports},
		{"SELECT id FROM referenti ORDER BY id", &s.Referents},
		{"SELECT id FROM validation_runs ORDER BY id", &s.Validations},
	} {
		if *l.ids, err = queryIDs(ctx, q, l.query); err != nil {
			return nil, err
		}
	}
	if s.Tokens, err = tokenSubjects(ctx, q); err != nil {
		return nil, err
	}
	return s, comuneEventCounts(ctx, q, s.ComuneEvents)
}

func queryIDs(ctx context.Context, q querier, query string) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func tokenSubjects(ctx context.Context, q querier) ([]csi.Token, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, name, revoked_at FROM tokens ORDER BY id")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []csi.Token
	for rows.Next() {
		var t csi.Token
		if err := rows.Scan(&t.ID, &t.Name, &t.RevokedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func comuneEventCounts(ctx context.Context, q querier, into map[string]int) error {
	rows, err := q.QueryContext(ctx, "SELECT istat, count(*) FROM comune_history GROUP BY istat ORDER BY istat")
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var istat string
		var n int
		if err := rows.Scan(&istat, &n); err != nil {
			return err
		}
		into[istat] = n
	}
	return rows.Err()
}
