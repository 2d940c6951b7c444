package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"

	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

const tokenCols = `id, name, role, coalesce(ambito, ''), coalesce(comune, ''), created_at, expires, revoked_at, last_used_at`

func scanToken(s pgx.Row) (csi.Token, error) {
	var t csi.Token
	err := s.Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &t.CreatedAt, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	return t, err
}

// LoadTokens returns every token, revoked and expired ones included.
func (db *DB) LoadTokens(ctx context.Context) ([]csi.Token, error) {
	out, err := collect(ctx, db.pool, scanToken, "SELECT "+tokenCols+` FROM tokens ORDER BY name COLLATE "C"`)
	return out, db.mapErr(err)
}

// TokenByHash returns the token whose secret hashes to hash, or nil: any
// server on the database authenticates the tokens any other created.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*store.TokenRow, error) {
	var t store.TokenRow
	err := db.pool.QueryRow(ctx, `SELECT t.id, t.name, t.role, coalesce(t.ambito, ''), coalesce(t.comune, ''),
		coalesce(c.ambito, ''), t.created_at, t.expires, t.revoked_at, t.last_used_at
		FROM tokens t LEFT JOIN comuni c ON c.istat = t.comune WHERE t.hash = $1`, hash).
		Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &t.ComuneAmbito, &t.CreatedAt, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, db.mapErr(err)
	}
	return &t, nil
}

// TouchToken records when a token was last used; of two servers touching
// at once, the later time stays.
func (db *DB) TouchToken(ctx context.Context, id int64, at string) error {
	_, err := db.pool.Exec(ctx, `UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND last_used_at COLLATE "C" < $1`, at, id)
	return db.mapErr(err)
}
