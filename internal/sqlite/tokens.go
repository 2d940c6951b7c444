package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"modernc.org/sqlite"
)

const tokenCols = `id, name, role, coalesce(ambito, ''), coalesce(comune, ''), created_at, expires, revoked_at, last_used_at`

func scanToken(s scanner) (csi.Token, error) {
	var t csi.Token
	err := s.Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &t.CreatedAt, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	return t, err
}

// isConstraint reports whether err is the driver's extended error code code.
func isConstraint(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}

// LoadTokens returns every token, revoked and expired ones included.
func (db *DB) LoadTokens(ctx context.Context) ([]csi.Token, error) {
	rows, err := db.db.QueryContext(ctx, "SELECT "+tokenCols+" FROM tokens ORDER BY name")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Token{}
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TokenByHash returns the token whose secret hashes to hash, or nil.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*store.TokenRow, error) {
	var t store.TokenRow
	err := db.db.QueryRowContext(ctx, `SELECT t.id, t.name, t.role, coalesce(t.ambito, ''), coalesce(t.comune, ''),
		coalesce(c.ambito, ''), t.created_at, t.expires, t.revoked_at, t.last_used_at
		FROM tokens t LEFT JOIN comuni c ON c.istat = t.comune WHERE t.hash = ?`, hash).
		Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &t.ComuneAmbito, &t.CreatedAt, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return &t, nil
}

// TouchToken records when a token was last used.
func (db *DB) TouchToken(ctx context.Context, id int64, at string) error {
	_, err := db.db.ExecContext(ctx, "UPDATE tokens SET last_used_at = ? WHERE id = ?", at, id)
	return mapErr(err)
}
