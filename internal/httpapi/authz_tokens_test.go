package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// TestBadTokens checks that every unusable credential gets 401 and a
// message that says why, naming the token but never echoing the secret.
func TestBadTokens(t *testing.T) {
	fx := newFixture(t)
	unknown := "csi_" + strings.Repeat("a", 52)
	for _, tc := range []struct {
		name, header, detail string
	}{
		{"none", "", "no API token"},
		{"basic", "Basic dXNlcjpwYXNz", "the Authorization header is not a bearer token"},
		{"malformed", "Bearer hello", "malformed API token"},
		{"unknown", "Bearer " + unknown, "unknown API token"},
		{"revoked", "Bearer " + fx.secrets["gone"], "token gone was revoked on 2024-06-30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fx.raw(t, "/api/v1/comuni", tc.header)
			p := r.problem()
			if r.status != http.StatusUnauthorized || p.Code != csi.EUNAUTHORIZED || p.Detail != tc.detail || p.Hint == "" {
				t.Errorf("status %d, problem %+v; want 401 %q with a hint", r.status, p, tc.detail)
			}
			if secret := strings.TrimPrefix(tc.header, "Bearer "); strings.Contains(string(r.body), secret) && tc.header != "" {
				t.Errorf("the answer echoes the secret: %s", r.body)
			}
		})
	}
	// The same token works before its expiry day and not from it on.
	if r := fx.raw(t, "/api/v1/comuni", "Bearer "+fx.secrets["old"]); r.status != http.StatusOK {
		t.Fatalf("a token before its expiry: %d %s", r.status, r.body)
	}
	fx.db.setClock(func() time.Time { return time.Date(2024, 7, 1, 8, 0, 0, 0, time.UTC) })
	r := fx.raw(t, "/api/v1/comuni", "Bearer "+fx.secrets["old"])
	if p := r.problem(); r.status != http.StatusUnauthorized || p.Detail != "token old expired on 2024-07-01" {
		t.Errorf("expired: status %d, problem %+v", r.status, p)
	}
	// Public routes need no token.
	if r := fx.raw(t, "/healthz", ""); r.status != http.StatusOK {
		t.Errorf("healthz: %d", r.status)
	}
}

// TestTokenLastUsed checks that a token's use is recorded (in the background).
func TestTokenLastUsed(t *testing.T) {
	fx := newFixture(t)
	if r := fx.raw(t, "/api/v1/ambiti", "Bearer "+fx.secrets[csi.RoleViewer]); r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		ts, err := fx.db.ListTokens(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range ts {
			if tk.Name == "cruscotto" && tk.LastUsedAt == "2024-06-30T10:00:00Z" {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("last_used_at not recorded: %+v", ts)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// raw sends a GET with the given Authorization header ("" for none).
func (fx *fixture) raw(t *testing.T, path, authorization string) response {
	t.Helper()
	req, err := http.NewRequest("GET", fx.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return fx.send(t, req)
}
