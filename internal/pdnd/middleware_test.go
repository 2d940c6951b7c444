package pdnd_test

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

// problemFields are the properties of api-comuni.yaml's Problem schema,
// which has additionalProperties: false.
var problemFields = []string{"detail", "instance", "status", "title", "type"}

func TestMiddleware(t *testing.T) {
	f := newFixture(t)
	valid := f.mint(t)
	expired := f.mint(t, claim("exp", unix(-time.Hour)))
	wrongPurpose := f.mint(t, claim("purposeId", "another-purpose"))
	tests := []struct {
		name      string
		auth      []string // Authorization header values
		status    int
		check     pdnd.Check
		challenge string
	}{
		{name: "valid", auth: []string{"Bearer " + valid}, status: http.StatusOK},
		{name: "scheme in lower case", auth: []string{"bearer " + valid}, status: http.StatusOK},
		{name: "no header", status: 401, check: pdnd.CheckMissing, challenge: `Bearer realm="pdnd"`},
		{name: "another scheme", auth: []string{"Basic aW5wczpzZWNyZXQ="}, status: 401, check: pdnd.CheckMissing, challenge: `Bearer realm="pdnd"`},
		{name: "bearer without token", auth: []string{"Bearer "}, status: 401, check: pdnd.CheckMalformed, challenge: `Bearer realm="pdnd", error="invalid_token"`},
		{name: "two headers", auth: []string{"Bearer " + valid, "Bearer " + valid}, status: 401, check: pdnd.CheckMalformed, challenge: `Bearer realm="pdnd", error="invalid_token"`},
		{name: "expired", auth: []string{"Bearer " + expired}, status: 401, check: pdnd.CheckExpiry, challenge: `Bearer realm="pdnd", error="invalid_token"`},
		{name: "alg none", auth: []string{"Bearer " + f.mint(t, alg(pdndtest.AlgNone))}, status: 401, check: pdnd.CheckAlgorithm, challenge: `Bearer realm="pdnd", error="invalid_token"`},
		{name: "wrong purpose", auth: []string{"Bearer " + wrongPurpose}, status: 403, check: pdnd.CheckPurpose},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var refused *pdnd.Error
			var got pdnd.Claims
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got, _ = pdnd.ClaimsFrom(r.Context())
				io.Copy(io.Discard, r.Body)
				w.WriteHeader(http.StatusOK)
			})
			h := pdnd.Middleware(f.v, next, func(_ *http.Request, e *pdnd.Error) { refused = e })
			body := &watchedBody{Reader: strings.NewReader(`{"elenco_esiti": []}`)}
			req := httptest.NewRequest(http.MethodPost, "/waas/F704/v1/esiti", body)
			for _, a := range tt.auth {
				req.Header.Add("Authorization", a)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == http.StatusOK {
				if refused != nil || got.ClientID != pdndtest.ClientID || !body.read {
					t.Fatalf("refused %v, claims in context %+v, body read %v", refused, got, body.read)
				}
				return
			}
			if refused == nil || refused.Check != tt.check {
				t.Fatalf("onRefuse saw %v, want the %q check", refused, tt.check)
			}
			if body.read {
				t.Fatal("the refused request's body was read")
			}
			if c := rec.Header().Get("WWW-Authenticate"); c != tt.challenge {
				t.Fatalf("WWW-Authenticate %q, want %q", c, tt.challenge)
			}
			assertProblem(t, rec, tt.status, tt.auth)
		})
	}
}

// assertProblem checks the response is a Problem document of api-comuni.yaml
// for status that quotes none of the credentials sent.
func assertProblem(t *testing.T, rec *httptest.ResponseRecorder, status int, sent []string) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q", ct)
	}
	raw := rec.Body.String()
	var doc map[string]any
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("body %q: %v", raw, err)
	}
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		if !slices.Contains(problemFields, k) {
			t.Fatalf("field %q is not in the Problem schema: %s", k, raw)
		}
	}
	typ, _ := doc["type"].(string)
	if u, err := url.Parse(typ); err != nil || !u.IsAbs() {
		t.Fatalf("type %q is not an absolute URI", typ)
	}
	if doc["status"] != float64(status) || doc["title"] != http.StatusText(status) || doc["detail"] == "" {
		t.Fatalf("problem %s, want status %d", raw, status)
	}
	for _, s := range sent {
		_, tok, _ := strings.Cut(s, " ")
		for _, part := range strings.Split(tok, ".") {
			if len(part) > 8 && strings.Contains(raw, part) {
				t.Fatalf("the problem document quotes the credentials: %s", raw)
			}
		}
	}
}

// watchedBody records whether anything read it.
type watchedBody struct {
	io.Reader
	read bool
}

// Read marks the body read.
func (b *watchedBody) Read(p []byte) (int, error) {
	b.read = true
	return b.Reader.Read(p)
}
