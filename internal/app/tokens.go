package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var (
	_ csi.TokenService   = (*Services)(nil)
	_ csi.AccessRecorder = (*Services)(nil)
)

var secretEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// lastUsedGranularity is how stale a token's last_used_at may get.
const lastUsedGranularity = time.Minute

var errUnknownTokenSecret = csi.Errorf(csi.EUNAUTHORIZED, "unknown API token").
	WithHint("check --token or CSI_TOKEN; the coordinator creates tokens with 'csi token create'")

// tokenHash is what a store keeps of a secret.
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
func (s *Services) CreateToken(ctx context.Context, in csi.TokenInput) (*csi.NewToken, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.Expires != "" && in.Expires <= s.today() {
		return nil, csi.Errorf(csi.EINVALID, "--expires %s is not after today (%s)", in.Expires, s.today()).
			WithHint("give the first day on which the token stops working, e.g. %s", csi.Day(s.Now().AddDate(1, 0, 0)))
	}
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	out := &csi.NewToken{Secret: secret}
	err = s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		t, err := resolveTokenScope(ctx, tx, in)
		if err != nil {
			return err
		}
		t.CreatedAt, t.Status = s.stamp(), csi.TokenActive
		t.ID, err = tx.InsertToken(ctx, t, tokenHash(secret))
		if errors.Is(err, store.ErrDuplicate) {
			return csi.Errorf(csi.ECONFLICT, "a token named %s already exists", t.Name).
				WithHint("choose another --name; 'csi token list' shows the names in use, revoked ones included")
		}
		if err != nil {
			return err
		}
		out.Token = t
		return tx.AppendAudit(ctx, "token "+t.Name, tokenSummary(t))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// resolveTokenScope turns the --ambito or --comune given into the stored
// Ambito name or ISTAT code.
func resolveTokenScope(ctx context.Context, tx store.ComuniTx, in csi.TokenInput) (csi.Token, error) {
	t := csi.Token{Name: in.Name, Role: in.Role, Expires: in.Expires}
	if in.Ambito == "" && in.Comune == "" {
		return t, nil
	}
	st, err := tx.State(ctx)
	if err != nil {
		return t, err
	}
	if in.Ambito != "" {
		t.Ambito, err = csi.ResolveAmbito(st.Ambiti, in.Ambito)
	}
	if in.Comune != "" {
		var c csi.Comune
		c, err = csi.ResolveComune(st.Comuni, in.Comune)
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

// ListTokens returns every token, revoked and expired ones included.
func (s *Services) ListTokens(ctx context.Context) ([]csi.Token, error) {
	ts, err := s.st.LoadTokens(ctx)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		ts[i].Status = tokenStatus(ts[i], s.today())
	}
	return ts, nil
}

// RevokeToken makes a token unusable from now on; it stays listed.
func (s *Services) RevokeToken(ctx context.Context, name string) (*csi.Token, error) {
	var out csi.Token
	err := s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		t, err := tx.TokenByName(ctx, name)
		if err != nil {
			return err
		}
		if t == nil {
			return csi.Errorf(csi.ENOTFOUND, "no token named %q", name).WithHint("run 'csi token list' to see the names")
		}
		if t.RevokedAt != "" {
			return csi.Errorf(csi.ECONFLICT, "token %s was already revoked at %s", t.Name, t.RevokedAt).
				WithHint("nothing to do; create a new token with 'csi token create' if one is needed")
		}
		t.RevokedAt, t.Status = s.stamp(), csi.TokenRevoked
		if err := tx.SetTokenRevoked(ctx, t.ID, t.RevokedAt); err != nil {
			return err
		}
		out = *t
		return tx.AppendAudit(ctx, "token "+t.Name, "revoked")
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Authenticate finds the token whose hash matches secret and returns its
// caller. The messages name the token, never the secret.
func (s *Services) Authenticate(ctx context.Context, secret string) (*csi.Principal, error) {
	if !csi.LooksLikeToken(secret) {
		return nil, csi.Errorf(csi.EUNAUTHORIZED, "malformed API token").
			WithHint("a token starts with %q; copy it as 'csi token create' printed it", csi.TokenPrefix)
	}
	t, err := s.st.TokenByHash(ctx, tokenHash(secret))
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, errUnknownTokenSecret
	}
	if err := usable(t.Token, s.today()); err != nil {
		return nil, err
	}
	s.touch(ctx, t.Token)
	p := &csi.Principal{Token: t.Name, Role: t.Role, Ambito: t.Ambito, Comune: t.Comune}
	if t.Role == csi.RoleOperator {
		// An operator's Ambito is the current one of its Comune, which the
		// coordinator may move.
		p.Ambito = t.ComuneAmbito
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

// touching holds the ids of the tokens whose last use is being written,
// so that a burst of requests with one token starts one write, not many.
var touching sync.Map

// touch records when a token was last used, at most once a minute so that
// busy clients do not turn every read into a write. It writes in the
// background: a long import holding the write lock must not delay the
// request, and a failure only delays the record.
func (s *Services) touch(ctx context.Context, t csi.Token) {
	now := s.Now().UTC()
	if last, err := time.Parse(time.RFC3339, t.LastUsedAt); err == nil && now.Sub(last) < lastUsedGranularity {
		return
	}
	key := touchKey{s.st, t.ID}
	if _, busy := touching.LoadOrStore(key, true); busy {
		return
	}
	go func() {
		defer touching.Delete(key)
		_ = s.st.TouchToken(context.WithoutCancel(ctx), t.ID, now.Format(time.RFC3339))
	}()
}

// touchKey names a token of one store.
type touchKey struct {
	st store.Store
	id int64
}

// RecordAccess appends an audit entry for a read of personal data through
// the API; the summary names what was read, never a CF or a name.
func (s *Services) RecordAccess(ctx context.Context, target, summary string) error {
	return s.st.AppendAudit(ctx, target, summary)
}
