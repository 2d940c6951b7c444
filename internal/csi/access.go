package csi

import "context"

// Roles of an API token (spec §10).
const (
	RoleCoordinator = "coordinator" // everything
	RoleReferent    = "referent"    // the records of one Ambito
	RoleOperator    = "operator"    // the records of one Comune
	RoleViewer      = "viewer"      // aggregate indicators only, no personal data
)

// Principal is who calls a service through the API: the token's name, its
// role and the Ambito or Comune it is confined to.
type Principal struct {
	Token  string `json:"token"`
	Role   string `json:"role"`
	Ambito string `json:"ambito,omitempty"`
	Comune string `json:"comune,omitempty"` // ISTAT code
	// Remote and RequestID describe the request, for the audit log.
	Remote    string `json:"-"`
	RequestID string `json:"-"`
}

type principalKey struct{}

// WithPrincipal returns a context that carries the API caller.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the API caller, or nil for a local command (which
// has full access to its own store file).
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
