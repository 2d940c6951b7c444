package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var (
	_ csi.TokenService   = (*DB)(nil)
	_ csi.AccessRecorder = (*DB)(nil)
)

var secretEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// lastUsedGranularity is how stale a token's last_used_at may get.
const lastUsedGranularity = time.Minute

var errUnknownTokenSecret = csi.Errorf(csi.EUNAUTHORIZED, "unknown API token").
	WithHint("check --token or CSI_TOKEN; the coordinator creates tokens with 'csi token create'")

// tokenHash is what the store keeps of a secret.
func tokenHash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// newSecret returns csi_ followed by 32 random bytes in lower-case base32.
func newSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return csi.TokenPrefix + strings.ToLower(secretEncoding.EncodeToString(b)), nil
}

const tokenCols = `id, name, role, coalesce(ambito, ''), coalesce(comune, ''), created_at, expires, revoked_at, last_used_at`

func (db *DB) scanToken(s scanner) (csi.Token, error) {
	var t csi.Token
	err := s.Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &t.CreatedAt, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	t.Status = tokenStatus(t, db.today())
	return t, err
}

func tokenStatus(t csi.Token, today string) string {
	switch {
	case t.RevokedAt != "":
		return csi.TokenRevoked
	case t.Expires != "" && today >= t.Expires:
		return csi.TokenExpired
	}
	return csi.TokenActive
}

// CreateToken stores a new token's hash and returns its secret, which is
// not kept anywhere.
func (db *DB) CreateToken(ctx context.Context, in csi.TokenInput) (*csi.NewToken, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.Expires != "" && in.Expires <= db.today() {
		return nil, csi.Errorf(csi.EINVALID, "--expires %s is not after today (%s)", in.Expires, db.today()).
			WithHint("give the first day on which the token stops working, e.g. %s", csi.Day(db.Now().AddDate(1, 0, 0)))
	}
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	out := &csi.NewToken{Secret: secret}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		t, err := resolveTokenScope(ctx, tx, in)
		if err != nil {
			return err
		}
		t.CreatedAt, t.Status = db.now(), csi.TokenActive
		res, err := tx.ExecContext(ctx, `INSERT INTO tokens(name, role, ambito, comune, hash, created_at, expires)
			VALUES (?,?,nullif(?, ''),nullif(?, ''),?,?,?)`, t.Name, t.Role, t.Ambito, t.Comune, tokenHash(secret), t.CreatedAt, t.Expires)
		if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
			return csi.Errorf(csi.ECONFLICT, "a token named %s already exists", t.Name).
				WithHint("choose another --name; 'csi token list' shows the names in use, revoked ones included")
		}
		if err != nil {
			return mapErr(err)
		}
		t.ID, _ = res.LastInsertId()
		out.Token = t
		return db.appendAudit(ctx, tx, "token "+t.Name, tokenSummary(t))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// resolveTokenScope turns the --ambito or --comune given into the stored
// Ambito name or ISTAT code.
func resolveTokenScope(ctx context.Context, q querier, in csi.TokenInput) (csi.Token, error) {
	t := csi.Token{Name: in.Name, Role: in.Role, Expires: in.Expires}
	var err error
	if in.Ambito != "" {
		t.Ambito, err = resolveAmbito(ctx, q, in.Ambito)
	}
	if in.Comune != "" {
		var c csi.Comune
		c, err = resolveComune(ctx, q, in.Comune)
		t.Comune = c.Istat
	}
	return t, err
}

func tokenSummary(t csi.Token) string {
	s := "created, role " + t.Role
	if t.Ambito != "" {
		s += ", ambito " + t.Ambito
	}
	if t.Comune != "" {
		s += ", comune " + t.Comune
	}
	if t.Expires != "" {
		s += ", expires " + t.Expires
	}
	return s
}

// isConstraint reports whether err is the driver's extended error code code.
func isConstraint(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}

// ListTokens returns every token, revoked and expired ones included.
func (db *DB) ListTokens(ctx context.Context) ([]csi.Token, error) {
	rows, err := db.db.QueryContext(ctx, "SELECT "+tokenCols+" FROM tokens ORDER BY name")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Token{}
	for rows.Next() {
		t, err := db.scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken makes a token unusable from now on; it stays listed.
func (db *DB) RevokeToken(ctx context.Context, name string) (*csi.Token, error) {
	var out csi.Token
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		t, err := db.scanToken(tx.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM tokens WHERE name = ?", name))
		if errors.Is(err, sql.ErrNoRows) {
			return csi.Errorf(csi.ENOTFOUND, "no token named %q", name).WithHint("run 'csi token list' to see the names")
		}
		if err != nil {
			return err
		}
		if t.RevokedAt != "" {
			return csi.Errorf(csi.ECONFLICT, "token %s was already revoked at %s", t.Name, t.RevokedAt).
				WithHint("nothing to do; create a new token with 'csi token create' if one is needed")
		}
		t.RevokedAt, t.Status = db.now(), csi.TokenRevoked
		if _, err := tx.ExecContext(ctx, "UPDATE tokens SET revoked_at = ? WHERE id = ?", t.RevokedAt, t.ID); err != nil {
			return mapErr(err)
		}
		out = t
		return db.appendAudit(ctx, tx, "token "+t.Name, "revoked")
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Authenticate finds the token whose hash matches secret and returns its
// caller. The messages name the token, never the secret.
func (db *DB) Authenticate(ctx context.Context, secret string) (*csi.Principal, error) {
	if !csi.LooksLikeToken(secret) {
		return nil, csi.Errorf(csi.EUNAUTHORIZED, "malformed API token").
			WithHint("a token starts with %q; copy it as 'csi token create' printed it", csi.TokenPrefix)
	}
	var t csi.Token
	var comuneAmbito string
	err := db.db.QueryRowContext(ctx, `SELECT t.id, t.name, t.role, coalesce(t.ambito, ''), coalesce(t.comune, ''),
		coalesce(c.ambito, ''), t.expires, t.revoked_at, t.last_used_at
		FROM tokens t LEFT JOIN comuni c ON c.istat = t.comune WHERE t.hash = ?`, tokenHash(secret)).
		Scan(&t.ID, &t.Name, &t.Role, &t.Ambito, &t.Comune, &comuneAmbito, &t.Expires, &t.RevokedAt, &t.LastUsedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errUnknownTokenSecret
	}
	if err != nil {
		return nil, mapErr(err)
	}
	if err := usable(t, db.today()); err != nil {
		return nil, err
	}
	db.touch(ctx, secret, t)
	p := &csi.Principal{Token: t.Name, Role: t.Role, Ambito: t.Ambito, Comune: t.Comune}
	if t.Role == csi.RoleOperator {
		// An operator's Ambito is the current one of its Comune, which the
		// coordinator may move.
		p.Ambito = comuneAmbito
	}
	return p, nil
}

func usable(t csi.Token, today string) error {
	switch tokenStatus(t, today) {
	case csi.TokenRevoked:
		return csi.Errorf(csi.EUNAUTHORIZED, "token %s was revoked on %s", t.Name, t.RevokedAt[:10]).
			WithHint("ask the coordinator for a new token")
	case csi.TokenExpired:
		return csi.Errorf(csi.EUNAUTHORIZED, "token %s expired on %s", t.Name, t.Expires).
			WithHint("ask the coordinator for a new token")
	}
	return nil
}

// touching holds the hashes of the tokens whose last use is being written,
// so that a burst of requests with one token starts one write, not many.
var touching sync.Map

// touch records when a token was last used, at most once a minute so that
// busy clients do not turn every read into a write. It writes in the
// background: a long import holding the write lock must not delay the
// request, and a failure only delays the record.
func (db *DB) touch(ctx context.Context, secret string, t csi.Token) {
	now := db.Now().UTC()
	if last, err := time.Parse(time.RFC3339, t.LastUsedAt); err == nil && now.Sub(last) < lastUsedGranularity {
		return
	}
	key := tokenHash(secret)
	if _, busy := touching.LoadOrStore(key, true); busy {
		return
	}
	go func() {
		defer touching.Delete(key)
		_, _ = db.db.ExecContext(context.WithoutCancel(ctx), "UPDATE tokens SET last_used_at = ? WHERE id = ?", now.Format(time.RFC3339), t.ID)
	}()
}
