package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

func TestTokenLifecycle(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	nt, err := services(db).CreateToken(ctx, csi.TokenInput{Name: "desio-ref", Role: csi.RoleReferent, Ambito: "desio", Expires: "2024-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(nt.Secret, "csi_") || len(nt.Secret) != 4+52 || nt.Ambito != "Desio" || nt.Status != csi.TokenActive {
		t.Fatalf("new token = %+v", nt)
	}
	// Only the hash is stored.
	var stored string
	if err := db.SQL().QueryRow("SELECT hash FROM tokens WHERE name = 'desio-ref'").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(nt.Secret))
	if stored != hex.EncodeToString(sum[:]) {
		t.Errorf("stored %q, want the SHA-256 of the secret", stored)
	}
	p, err := services(db).Authenticate(ctx, nt.Secret)
	if err != nil || p.Token != "desio-ref" || p.Role != csi.RoleReferent || p.Ambito != "Desio" || p.Comune != "" {
		t.Fatalf("authenticate = %+v, %v", p, err)
	}
	if _, err := services(db).RevokeToken(ctx, "desio-ref"); err != nil {
		t.Fatal(err)
	}
	_, err = services(db).Authenticate(ctx, nt.Secret)
	if csi.ErrorCode(err) != csi.EUNAUTHORIZED || csi.ErrorMessage(err) != "token desio-ref was revoked on 2024-06-30" {
		t.Errorf("revoked: %v", err)
	}
	if _, err := services(db).RevokeToken(ctx, "desio-ref"); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("second revoke: %v", err)
	}
	if _, err := services(db).RevokeToken(ctx, "nobody"); csi.ErrorCode(err) != csi.ENOTFOUND {
		t.Errorf("revoke unknown: %v", err)
	}
	ts, err := services(db).ListTokens(ctx)
	if err != nil || len(ts) != 1 || ts[0].Status != csi.TokenRevoked || ts[0].RevokedAt == "" {
		t.Fatalf("list = %+v, %v", ts, err)
	}
	es, _ := services(db).ListAudit(ctx, "")
	if len(es) != 2 || es[0].Target != "token desio-ref" || es[1].Summary != "revoked" {
		t.Errorf("audit = %+v", es)
	}
	for _, e := range es {
		if strings.Contains(e.Summary, nt.Secret) || strings.Contains(e.Summary, stored) {
			t.Errorf("audit entry %d carries the secret or its hash", e.ID)
		}
	}
}

func TestTokenExpires(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	nt, err := services(db).CreateToken(ctx, csi.TokenInput{Name: "op", Role: csi.RoleOperator, Comune: "Lissone", Expires: "2024-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := services(db).Authenticate(ctx, nt.Secret)
	if err != nil || p.Comune != "108028" || p.Ambito != "Carate Brianza" {
		t.Fatalf("operator = %+v, %v", p, err)
	}
	db.Now = func() time.Time { return time.Date(2024, 7, 1, 0, 0, 1, 0, time.UTC) }
	_, err = services(db).Authenticate(ctx, nt.Secret)
	if csi.ErrorCode(err) != csi.EUNAUTHORIZED || csi.ErrorMessage(err) != "token op expired on 2024-07-01" {
		t.Errorf("expired: %v", err)
	}
	if ts, _ := services(db).ListTokens(ctx); ts[0].Status != csi.TokenExpired {
		t.Errorf("status = %s", ts[0].Status)
	}
}

func TestTokenRefusals(t *testing.T) {
	db := newStore(t)
	ctx := actorCtx()
	if _, err := services(db).CreateToken(ctx, csi.TokenInput{Name: "c", Role: csi.RoleCoordinator}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   csi.TokenInput
		code string
		msg  string
	}{
		{csi.TokenInput{Name: "c", Role: csi.RoleViewer}, csi.ECONFLICT, "a token named c already exists"},
		{csi.TokenInput{Name: "Bad Name", Role: csi.RoleViewer}, csi.EINVALID, `--name "Bad Name" is not a valid token name`},
		{csi.TokenInput{Name: "x", Role: "admin"}, csi.EINVALID, `--role must be coordinator, referent, operator or viewer, not "admin"`},
		{csi.TokenInput{Name: "x", Role: csi.RoleReferent}, csi.EINVALID, "a referent token needs --ambito"},
		{csi.TokenInput{Name: "x", Role: csi.RoleOperator}, csi.EINVALID, "an operator token needs --comune"},
		{csi.TokenInput{Name: "x", Role: csi.RoleViewer, Ambito: "Desio"}, csi.EINVALID, "--ambito applies to referent tokens only, not viewer"},
		{csi.TokenInput{Name: "x", Role: csi.RoleOperator, Comune: "Atlantide"}, csi.ENOTFOUND, `no Comune matches "Atlantide"`},
		{csi.TokenInput{Name: "x", Role: csi.RoleReferent, Ambito: "Brianza"}, csi.ENOTFOUND, `no Ambito "Brianza"`},
		{csi.TokenInput{Name: "x", Role: csi.RoleViewer, Expires: "2024-06-30"}, csi.EINVALID, "--expires 2024-06-30 is not after today (2024-06-30)"},
		{csi.TokenInput{Name: "x", Role: csi.RoleViewer, Expires: "30/06/2025"}, csi.EINVALID, `--expires: "30/06/2025" is not a date`},
	} {
		_, err := services(db).CreateToken(ctx, tc.in)
		if csi.ErrorCode(err) != tc.code || csi.ErrorMessage(err) != tc.msg {
			t.Errorf("%+v: got %v (%s), want %s %q", tc.in, err, csi.ErrorCode(err), tc.code, tc.msg)
		}
	}
	for _, secret := range []string{"", "hello", "csi_", "csi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		if _, err := services(db).Authenticate(ctx, secret); csi.ErrorCode(err) != csi.EUNAUTHORIZED {
			t.Errorf("secret %q: %v", secret, err)
		}
	}
}

// TestAuditRecordsTheAPICaller checks that an entry made for an API request
// names the token, its role, the remote address and the request id, and
// that the hash chain covers them.
func TestAuditRecordsTheAPICaller(t *testing.T) {
	db := newStore(t)
	ctx := csi.WithPrincipal(actorCtx(), &csi.Principal{Token: "desio-ref", Role: csi.RoleReferent, Ambito: "Desio",
		Remote: "127.0.0.1:50000", RequestID: "req-1"})
	if _, err := services(db).OnboardComune(actorCtx(), csi.OnboardInput{Comune: "Desio", Anagrafe: "manual"}); err != nil {
		t.Fatal(err)
	}
	if err := services(db).RecordAccess(ctx, "comune 108023", "read residents"); err != nil {
		t.Fatal(err)
	}
	es, _ := services(db).ListAudit(ctx, "")
	e := es[1]
	if e.Actor != "token:desio-ref (referent)" || e.Remote != "127.0.0.1:50000" || e.RequestID != "req-1" || es[0].Remote != "" {
		t.Fatalf("entries = %+v", es)
	}
	if v, err := services(db).VerifyAudit(ctx); err != nil || !v.OK || v.Entries != 2 {
		t.Fatalf("verify = %+v, %v", v, err)
	}
	for _, q := range []string{"DROP TRIGGER audit_no_update", "UPDATE audit SET remote = '10.0.0.1:1' WHERE id = 2"} {
		if _, err := db.SQL().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if v, _ := services(db).VerifyAudit(ctx); v.OK || v.Problem != "entry 2 was modified" {
		t.Errorf("after editing the remote address: %+v", v)
	}
}
