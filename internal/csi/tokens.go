package csi

import (
	"context"
	"regexp"
	"strings"
)

// TokenPrefix starts every API token secret, so that a leaked one is easy to
// recognise (and to search for in code and logs).
const TokenPrefix = "csi_"

// Token is an API credential as listed: never its secret, never its hash.
type Token struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Role       string `json:"role"`
	Ambito     string `json:"ambito"`
	Comune     string `json:"comune"`
	CreatedAt  string `json:"created_at"`
	Expires    string `json:"expires"`
	RevokedAt  string `json:"revoked_at"`
	LastUsedAt string `json:"last_used_at"`
	Status     string `json:"status"` // active, expired or revoked
}

// Token statuses.
const (
	TokenActive  = "active"
	TokenExpired = "expired"
	TokenRevoked = "revoked"
)

// NewToken is a token just created: the only time its secret is known.
type NewToken struct {
	Token
	Secret string `json:"secret"`
}

// TokenInput describes a token to create. Expires is the first day on
// which the token no longer works ("" for never).
type TokenInput struct {
	Name    string
	Role    string
	Ambito  string
	Comune  string
	Expires string
}

// TokenService manages the API tokens and checks a presented secret.
type TokenService interface {
	CreateToken(ctx context.Context, in TokenInput) (*NewToken, error)
	ListTokens(ctx context.Context) ([]Token, error)
	RevokeToken(ctx context.Context, name string) (*Token, error)
	// Authenticate returns the caller a secret stands for; an unknown,
	// expired or revoked secret is EUNAUTHORIZED.
	Authenticate(ctx context.Context, secret string) (*Principal, error)
}

// AccessRecorder appends an audit entry for a read of personal data.
type AccessRecorder interface {
	RecordAccess(ctx context.Context, target, summary string) error
}

var tokenNameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// ValidateRole checks a --role value.
func ValidateRole(role string) error {
	switch role {
	case RoleCoordinator, RoleReferent, RoleOperator, RoleViewer:
		return nil
	}
	return Errorf(EINVALID, "--role must be coordinator, referent, operator or viewer, not %q", role).
		WithHint("referent = one Ambito, operator = one Comune, viewer = aggregate indicators only")
}

// Validate checks the flags of a new token: the name, the role and the
// scope the role needs (an Ambito for a referent, a Comune for an operator).
func (in TokenInput) Validate() error {
	if !tokenNameRe.MatchString(in.Name) {
		return Errorf(EINVALID, "--name %q is not a valid token name", in.Name).
			WithHint("use 1-64 lower-case letters, digits, '.', '_' or '-', e.g. desio-referente")
	}
	if err := ValidateRole(in.Role); err != nil {
		return err
	}
	if err := in.validateScope(); err != nil {
		return err
	}
	if in.Expires != "" {
		if _, err := ParseDay("--expires", in.Expires); err != nil {
			return err
		}
	}
	return nil
}

func (in TokenInput) validateScope() error {
	switch {
	case in.Role == RoleReferent && in.Ambito == "":
		return Errorf(EINVALID, "a referent token needs --ambito").WithHint("e.g. --role referent --ambito Desio")
	case in.Role == RoleOperator && in.Comune == "":
		return Errorf(EINVALID, "an operator token needs --comune").WithHint("e.g. --role operator --comune Lissone")
	case in.Role != RoleReferent && in.Ambito != "":
		return Errorf(EINVALID, "--ambito applies to referent tokens only, not %s", in.Role).
			WithHint("drop --ambito, or use --role referent")
	case in.Role != RoleOperator && in.Comune != "":
		return Errorf(EINVALID, "--comune applies to operator tokens only, not %s", in.Role).
			WithHint("drop --comune, or use --role operator")
	}
	return nil
}

// LooksLikeToken reports whether s has the shape of a token secret, so that
// a mistyped value gets a clear message without a store lookup.
func LooksLikeToken(s string) bool {
	return strings.HasPrefix(s, TokenPrefix) && len(s) > len(TokenPrefix)+16
}
