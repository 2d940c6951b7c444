package csi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// ChainHash chains e to its predecessor's hash prev: every store computes
// an entry's hash with it, so that a log verifies the same on any engine.
// The fields are joined with a separator that cannot occur in them
// unescaped, so that moving text between fields changes the hash. The
// request fields join the hash only when set, so that entries written
// before they existed still verify.
func (e AuditEntry) ChainHash(prev string) string {
	h := sha256.New()
	fields := []string{prev, fmt.Sprint(e.ID), e.At, e.Actor, e.Command, e.Target, e.Summary}
	if e.Remote != "" || e.RequestID != "" {
		fields = append(fields, e.Remote, e.RequestID)
	}
	for _, f := range fields {
		h.Write([]byte(strings.ReplaceAll(f, "\x1f", " ")))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewAuditEntry describes who acts in ctx: the local actor, or for an API
// request the token's name and role, the route served, the remote address
// and the request id; what the client says about itself follows the
// summary as a marked note ("[client: actor maria; command ...]"). The
// store fills the id, the time and the hashes.
func NewAuditEntry(ctx context.Context, target, summary string) AuditEntry {
	a := ActorFrom(ctx)
	e := AuditEntry{Actor: a.Name, Command: a.Command, Target: target, Summary: summary}
	if p := PrincipalFrom(ctx); p != nil {
		e.Actor = fmt.Sprintf("token:%s (%s)", p.Token, p.Role)
		e.Remote, e.RequestID = p.Remote, p.RequestID
		if a.Command == "unknown" {
			e.Command = "api"
		}
		if a.Client != "" {
			e.Summary += " [client: " + a.Client + "]"
		}
	}
	return e
}
