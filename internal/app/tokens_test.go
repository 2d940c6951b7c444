package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

func TestTokenLifecycle(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		ctx := actorCtx()
		nt, err := s.CreateToken(ctx, csi.TokenInput{Name: "desio-ref", Role: csi.RoleReferent, Ambito: "desio", Expires: "2024-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(nt.Secret, "csi_") || len(nt.Secret) != 4+52 || nt.Ambito != "Desio" || nt.Status != csi.TokenActive {
			t.Fatalf("new token = %+v", nt)
		}
		// Only the hash is stored.
		stored, err := e.queryString("SELECT hash FROM tokens WHERE name = 'desio-ref'")
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(nt.Secret))
		if stored != hex.EncodeToString(sum[:]) {
			t.Errorf("stored %q, want the SHA-256 of the secret", stored)
		}
		p, err := s.Authenticate(ctx, nt.Secret)
		if err != nil || p.Token != "desio-ref" || p.Role != csi.RoleReferent || p.Ambito != "Desio" || p.Comune != "" {
			t.Fatalf("authenticate = %+v, %v", p, err)
		}
		if _, err := s.RevokeToken(ctx, "desio-ref"); err != nil {
			t.Fatal(err)
		}
		_, err = s.Authenticate(ctx, nt.Secret)
		if csi.ErrorCode(err) != csi.EUNAUTHORIZED || csi.ErrorMessage(err) != "token desio-ref was revoked on 2024-06-30" {
			t.Errorf("revoked: %v", err)
		}
		if _, err := s.RevokeToken(ctx, "desio-ref"); csi.ErrorCode(err) != csi.ECONFLICT {
			t.Errorf("second revoke: %v", err)
		}
		if _, err := s.RevokeToken(ctx, "nobody"); csi.ErrorCode(err) != csi.ENOTFOUND {
			t.Errorf("revoke unknown: %v", err)
		}
		ts, err := s.ListTokens(ctx)
		if err != nil || len(ts) != 1 || ts[0].Status != csi.TokenRevoked || ts[0].RevokedAt == "" {
			t.Fatalf("list = %+v, %v", ts, err)
		}
		es, _ := s.ListAudit(ctx, "")
		if len(es) != 2 || es[0].Target != "token desio-ref" || es[1].Summary != "revoked" {
			t.Errorf("audit = %+v", es)
		}
		for _, en := range es {
			if strings.Contains(en.Summary, nt.Secret) || strings.Contains(en.Summary, stored) {
				t.Errorf("audit entry %d carries the secret or its hash", en.ID)
			}
		}
	})
}

func TestTokenExpires(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		ctx := actorCtx()
		nt, err := s.CreateToken(ctx, csi.TokenInput{Name: "op", Role: csi.RoleOperator, Comune: "Lissone", Expires: "2024-07-01"})
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Authenticate(ctx, nt.Secret)
		if err != nil || p.Comune != "108028" || p.Ambito != "Carate Brianza" {
			t.Fatalf("operator = %+v, %v", p, err)
		}
		s.Now = func() time.Time { return time.Date(2024, 7, 1, 0, 0, 1, 0, time.UTC) }
		_, err = s.Authenticate(ctx, nt.Secret)
		if csi.ErrorCode(err) != csi.EUNAUTHORIZED || csi.ErrorMessage(err) != "token op expired on 2024-07-01" {
			t.Errorf("expired: %v", err)
		}
		if ts, _ := s.ListTokens(ctx); ts[0].Status != csi.TokenExpired {
			t.Errorf("status = %s", ts[0].Status)
		}
	})
}

func TestTokenRefusals(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		ctx := actorCtx()
		if _, err := s.CreateToken(ctx, csi.TokenInput{Name: "c", Role: csi.RoleCoordinator}); err != nil {
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
			_, err := s.CreateToken(ctx, tc.in)
			if csi.ErrorCode(err) != tc.code || csi.ErrorMessage(err) != tc.msg {
				t.Errorf("%+v: got %v (%s), want %s %q", tc.in, err, csi.ErrorCode(err), tc.code, tc.msg)
			}
		}
		for _, secret := range []string{"", "hello", "csi_", "csi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
			if _, err := s.Authenticate(ctx, secret); csi.ErrorCode(err) != csi.EUNAUTHORIZED {
				t.Errorf("secret %q: %v", secret, err)
			}
		}
	})
}
