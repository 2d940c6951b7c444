package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/sqlite"
)

const testSecret = "csi_test-coordinator-secret-0123456789"

// testAuth lets testSecret in as a coordinator named "test".
func testAuth(r *http.Request) (*csi.Principal, error) {
	if r.Header.Get("Authorization") != "Bearer "+testSecret {
		return nil, csi.Errorf(csi.EUNAUTHORIZED, "unknown API token").WithHint("check CSI_TOKEN")
	}
	return &csi.Principal{Token: "test", Role: csi.RoleCoordinator}, nil
}

// testStore is a fresh, migrated store in a temporary folder.
func testStore(t testing.TB) LocalStore {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return Local(db)
}

// testServer serves db on 127.0.0.1 (httptest listens on loopback only);
// edit changes the configuration before the server is built.
func testServer(t testing.TB, db csi.Services, edit func(*Config)) (*httptest.Server, *Server) {
	t.Helper()
	cfg := Config{Services: db, Authenticate: testAuth, SpoolDir: t.TempDir()}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return hs, s
}

type rawResponse struct {
	status int
	header http.Header
	body   []byte
}

func (r rawResponse) problem(t *testing.T) Problem {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q, want application/problem+json; body %s", ct, r.body)
	}
	var p Problem
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("not a problem document: %s", r.body)
	}
	return p
}

func rawDo(t *testing.T, method, url, ctype string, body io.Reader, token string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return rawResponse{resp.StatusCode, resp.Header, b}
}

// TestBadInput sends what a confused or hostile client might, and checks
// the status, the code and that the message says what is wrong.
func TestBadInput(t *testing.T) {
	db := testStore(t)
	hs, _ := testServer(t, db, func(c *Config) { c.MaxBodyBytes = 1024; c.MaxUploadBytes = 4096 })
	big := strings.Repeat("x", 2000)
	cases := []struct {
		name, method, path, ctype, body string
		status                          int
		code, detail                    string
	}{
		{"malformed JSON", "POST", "/api/v1/referenti", "application/json", `{"ambito": "Desio",`, 400, "invalid", "the request body is empty or cut short"},
		{"JSON syntax", "POST", "/api/v1/referenti", "application/json", `{"ambito" "Desio"}`, 400, "invalid", "not valid JSON (at byte"},
		{"unknown field", "POST", "/api/v1/referenti", "application/json", `{"ambito": "Desio", "nome": "A", "email": "a@b.it", "ruolo": "capo"}`, 400, "invalid", `unknown field "ruolo"`},
		{"wrong field type", "POST", "/api/v1/referenti", "application/json", `{"ambito": 7}`, 400, "invalid", `field "ambito" must be a string`},
		{"two JSON values", "POST", "/api/v1/referenti/end", "application/json", `{"ambito": "Desio"} {}`, 400, "invalid", "more than one JSON value"},
		{"no body", "POST", "/api/v1/referenti", "", "", 400, "invalid", "needs a JSON body"},
		{"wrong content type", "POST", "/api/v1/referenti", "text/plain", `{"ambito": "Desio"}`, 415, "invalid", `content type "text/plain" is not accepted`},
		{"JSON as an import", "POST", "/api/v1/anagrafe/imports?comune=108033", "application/json", `{}`, 415, "invalid", "not accepted"},
		{"oversized JSON", "POST", "/api/v1/referenti", "application/json", `{"nome": "` + big + `"}`, 413, "invalid", "larger than the limit of 1024 bytes"},
		{"oversized upload", "POST", "/api/v1/anagrafe/imports?comune=108033", "text/csv", strings.Repeat("a;b\n", 2000), 413, "invalid", "larger than the limit of 4096 bytes"},
		{"unknown query parameter", "GET", "/api/v1/comuni?ambit=Desio", "", "", 400, "invalid", `unknown query parameter "ambit"`},
		{"repeated query parameter", "GET", "/api/v1/comuni?status=active&status=left", "", "", 400, "invalid", `"status" given 2 times`},
		{"bad boolean", "GET", "/api/v1/referenti?history=maybe", "", "", 400, "invalid", "history must be true or false"},
		{"traversal in a name", "GET", "/api/v1/comuni/..%2F..%2Fetc%2Fpasswd", "", "", 400, "invalid", "invalid ref in the path"},
		{"backslash in a name", "GET", "/api/v1/ambiti/..%5Cwindows", "", "", 400, "invalid", "invalid ref in the path"},
		{"control character in a name", "GET", "/api/v1/comuni/Monza%00", "", "", 400, "invalid", "invalid ref in the path"},
		{"traversal in a record kind", "POST", "/api/v1/records/..%2Fcartelle/imports", "text/csv", "a\n", 400, "invalid", "invalid kind in the path"},
		{"unknown record kind", "POST", "/api/v1/records/persone/imports", "text/csv", "a\n", 400, "invalid", `unknown record kind "persone"`},
		{"control character in a file name", "POST", "/api/v1/records/cartelle/imports?file=a%0Ab.csv", "text/csv", "a\n", 400, "invalid", "not a usable file name"},
		{"bad map", "POST", "/api/v1/records/cartelle/imports?map=nonjson", "text/csv", "a\n", 400, "invalid", "map must be a JSON object"},
		{"import without comune", "POST", "/api/v1/anagrafe/imports", "text/csv", "a\n", 400, "invalid", "comune is required"},
		{"bad import mode", "POST", "/api/v1/anagrafe/imports?comune=108033&mode=full", "text/csv", "a\n", 400, "invalid", `--mode must be snapshot or delta, not "full"`},
		{"bad indicator year", "GET", "/api/v1/indicators/comuni-fasce?year=MMXX", "", "", 400, "invalid", "year must be a whole number"},
		{"method not allowed", "DELETE", "/api/v1/comuni", "", "", 405, "invalid", "DELETE is not allowed"},
		{"no such route", "GET", "/api/v1/persone", "", "", 404, "not_found", "no such API route"},
		{"not found", "GET", "/api/v1/comuni/Atlantide", "", "", 404, "not_found", `no Comune matches "Atlantide"`},
		{"domain error", "POST", "/api/v1/comuni/108033/onboard", "application/json", `{"anagrafe": "sometimes"}`, 400, "invalid", "--anagrafe must be automatic or manual"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			r := rawDo(t, c.method, hs.URL+c.path, c.ctype, body, testSecret)
			p := r.problem(t)
			if r.status != c.status || p.Status != c.status || p.Code != c.code || !strings.Contains(p.Detail, c.detail) {
				t.Fatalf("got %d %+v, want %d %s %q", r.status, p, c.status, c.code, c.detail)
			}
			if p.Hint == "" || p.RequestID == "" || p.RequestID != r.header.Get(RequestIDHeader) {
				t.Fatalf("problem without hint or request id: %+v, header %q", p, r.header.Get(RequestIDHeader))
			}
			if c.status == 405 && r.header.Get("Allow") == "" {
				t.Fatal("405 without Allow")
			}
		})
	}
	// Nothing of the refused requests reached the store.
	if es, err := db.ListAudit(context.Background(), ""); err != nil || len(es) != 0 {
		t.Fatalf("audit after refused requests: %v %v", es, err)
	}
}

// TestAuthentication: no token, a wrong one, and a public route.
func TestAuthentication(t *testing.T) {
	hs, _ := testServer(t, testStore(t), nil)
	for _, token := range []string{"", "csi_wrong-secret-0123456789abcdef"} {
		r := rawDo(t, "GET", hs.URL+"/api/v1/comuni", "", nil, token)
		if p := r.problem(t); r.status != 401 || p.Code != csi.EUNAUTHORIZED || r.header.Get("WWW-Authenticate") == "" {
			t.Fatalf("token %q: %d %+v", token, r.status, p)
		}
	}
	if r := rawDo(t, "GET", hs.URL+"/healthz", "", nil, ""); r.status != 200 || !bytes.Contains(r.body, []byte(`"ok"`)) {
		t.Fatalf("healthz: %d %s", r.status, r.body)
	}
	if r := rawDo(t, "GET", hs.URL+"/api/v1/ambiti", "", nil, testSecret); r.status != 200 || r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("ambiti: %d, Cache-Control %q", r.status, r.header.Get("Cache-Control"))
	}
}

// leaky fails every registry status call with an error whose text holds
// personal data, as a bug in the store might.
type leaky struct{ csi.Services }

func (leaky) AnagrafeStatus(context.Context) ([]csi.AnagrafeStatus, error) {
	return nil, errors.New("scan RSSMRA85T10A562S Mario Rossi: database disk image is malformed")
}

func (leaky) ListAmbiti(context.Context) ([]csi.Ambito, error) { panic("RSSMRA85T10A562S") }

// TestInternalErrorsSayNothing: an unexpected error or a panic becomes a
// bare "internal error" with a request id; the detail goes nowhere near
// the response.
func TestInternalErrorsSayNothing(t *testing.T) {
	var logged bytes.Buffer
	hs, _ := testServer(t, leaky{testStore(t)}, func(c *Config) { c.Logger = newTestLogger(&logged) })
	for _, path := range []string{"/api/v1/anagrafe/status", "/api/v1/ambiti"} {
		r := rawDo(t, "GET", hs.URL+path, "", nil, testSecret)
		p := r.problem(t)
		if r.status != 500 || p.Code != csi.EINTERNAL || p.Detail != "internal error" || !strings.Contains(p.Hint, p.RequestID) {
			t.Fatalf("%s: %d %+v", path, r.status, p)
		}
		for _, secret := range []string{"RSSMRA85T10A562S", "Rossi", "malformed"} {
			if bytes.Contains(r.body, []byte(secret)) || strings.Contains(logged.String(), secret) {
				t.Fatalf("%s: %q leaked: body %s, log %s", path, secret, r.body, logged.String())
			}
		}
	}
}

// TestCallerInContext: the services see the caller, with the remote
// address and the request id the response carries, the route served as
// the command, and what the client says kept as its note.
func TestCallerInContext(t *testing.T) {
	var seen *csi.Principal
	var actor csi.Actor
	hs, _ := testServer(t, testStore(t), func(c *Config) {
		c.Scope = func(p *csi.Principal, s csi.Services) csi.Services { return spy{s, &seen, &actor} }
	})
	req, _ := http.NewRequest("GET", hs.URL+"/api/v1/ambiti", nil)
	req.Header.Set("Authorization", "Bearer "+testSecret)
	req.Header.Set(ActorHeader, " maria\t")
	req.Header.Set(CommandHeader, "comuni list")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	id := resp.Header.Get(RequestIDHeader)
	if seen == nil || seen.Token != "test" || seen.RequestID != id || len(id) != 16 || !strings.HasPrefix(seen.Remote, "127.0.0.1:") {
		t.Fatalf("principal %+v, request id %q", seen, id)
	}
	if actor != (csi.Actor{Name: "maria", Command: "ambiti list", Client: "actor maria; command comuni list"}) {
		t.Fatalf("actor %+v", actor)
	}
}

type spy struct {
	csi.Services
	p *(*csi.Principal)
	a *csi.Actor
}

func (s spy) ListAmbiti(ctx context.Context) ([]csi.Ambito, error) {
	*s.p, *s.a = csi.PrincipalFrom(ctx), csi.ActorFrom(ctx)
	return s.Services.ListAmbiti(ctx)
}

// TestClientDiesMidUpload: a body cut short imports nothing and leaves no
// spooled file behind.
func TestClientDiesMidUpload(t *testing.T) {
	db := testStore(t)
	spool := t.TempDir()
	ctx := context.Background()
	if _, err := db.OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}); err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{}, 1)
	hs, _ := testServer(t, db, func(c *Config) {
		c.SpoolDir = spool
		c.Logger = newTestLogger(&notify{ch: served})
	})
	conn, err := net.Dial("tcp", hs.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	part := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\nBRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;F704\n"
	fmt.Fprintf(conn, "POST /api/v1/anagrafe/imports?comune=108033 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n%s", testSecret, part)
	time.Sleep(100 * time.Millisecond)
	conn.Close()
	select {
	case <-served:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not finish the request")
	}
	if rs, err := db.ListImports(ctx, ""); err != nil || len(rs) != 0 {
		t.Fatalf("imports after a cut upload: %v %v", rs, err)
	}
	if left, _ := os.ReadDir(spool); len(left) != 0 {
		t.Fatalf("%d spooled files left", len(left))
	}
}

// notify signals when the request log line is written.
type notify struct{ ch chan struct{} }

func (n *notify) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("msg=request")) {
		select {
		case n.ch <- struct{}{}:
		default:
		}
	}
	return len(p), nil
}
