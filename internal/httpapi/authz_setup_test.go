package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/synth"
)

// The territory of the test: the referent's Ambito is Desio, the
// operator's Comune is Desio; Monza is outside both.
const (
	inComune    = "108023" // Desio, Ambito Desio
	outComune   = "108033" // Monza, Ambito Monza
	inAmbito    = "Desio"
	outAmbito   = "Monza"
	inSpare     = "108035" // Nova Milanese (Desio), onboarded: offboarded by the matrix
	outSpare    = "108012" // Brugherio (Monza), onboarded: offboarded by the matrix
	inFree      = "108019" // Cesano Maderno (Desio), not onboarded: onboarded by the matrix
	outFree     = "108049" // Villasanta (Monza), not onboarded
	testNow     = "2024-06-30"
	extractDate = "2024-06-01"
)

// Roles probed, the coordinator last so that a change it is allowed to
// make does not happen before the others are refused it.
var roles = []string{"", csi.RoleViewer, csi.RoleOperator, csi.RoleReferent, csi.RoleCoordinator}

// fixture is a store with two Ambiti's Comuni loaded, a token per role
// and a real server on 127.0.0.1.
type fixture struct {
	db       *sqlite.DB
	srv      *httpapi.Server
	url      string
	secrets  map[string]string // role (or "expired", "revoked") → secret
	extracts map[string][]byte // ISTAT → registry extract
	cfs      map[string]string // ISTAT → the CF of one resident
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "setup", Command: "test"})
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC) }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fx := &fixture{db: db, secrets: map[string]string{}, extracts: map[string][]byte{}, cfs: map[string]string{}}
	for _, c := range []string{inComune, outComune, inSpare, outSpare} {
		if _, err := db.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: csi.AnagrafeAutomatic, Date: "2024-01-15", Contact: "ufficio@comune.example.it"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []string{inComune, outComune} {
		fx.importExtract(t, ctx, c, 0.002)
	}
	for _, a := range []string{inAmbito, outAmbito} {
		if _, err := db.AssignReferente(ctx, csi.AssignInput{Ambito: a, Nome: "Anna Verdi", Email: "anna.verdi@example.it", From: "2024-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	fx.createTokens(t, ctx)
	fx.srv, err = httpapi.New(httpapi.Config{Services: httpapi.Local(db), Authenticate: httpapi.TokenAuth(db), Scope: httpapi.ScopeFor(db),
		SpoolDir: t.TempDir(), Health: func(ctx context.Context) error { return db.SQL().PingContext(ctx) }})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(fx.srv) // listens on 127.0.0.1
	t.Cleanup(hs.Close)
	fx.url = hs.URL
	return fx
}

func (fx *fixture) importExtract(t testing.TB, ctx context.Context, istat string, scale float64) {
	t.Helper()
	var c synth.Comune
	for _, m := range synth.Comuni() {
		if m.Istat == istat {
			c = m
		}
	}
	var buf bytes.Buffer
	if _, err := synth.WriteAnagrafe(&buf, c, synth.Options{Seed: 1, Scale: scale}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	fx.extracts[istat] = data
	second := strings.SplitN(string(data), "\n", 3)[1]
	fx.cfs[istat], _, _ = strings.Cut(second, ";")
	src := csi.Source{Name: "anagrafe-" + istat + ".csv", Size: int64(len(data)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
	sum, err := httpapi.Local(fx.db).ImportAnagrafe(ctx, csi.AnagrafeImport{Comune: istat, Mode: csi.ModeSnapshot, AsOf: extractDate}, src)
	if err != nil || sum.Rejected != 0 {
		t.Fatalf("import %s: %+v %v", istat, sum, err)
	}
}

func (fx *fixture) createTokens(t testing.TB, ctx context.Context) {
	t.Helper()
	for _, in := range []csi.TokenInput{
		{Name: "coord", Role: csi.RoleCoordinator},
		{Name: "desio-ref", Role: csi.RoleReferent, Ambito: inAmbito},
		{Name: "desio-op", Role: csi.RoleOperator, Comune: inComune},
		{Name: "cruscotto", Role: csi.RoleViewer},
		{Name: "old", Role: csi.RoleCoordinator, Expires: "2024-07-01"},
		{Name: "gone", Role: csi.RoleCoordinator},
	} {
		nt, err := fx.db.CreateToken(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		key := in.Role
		if in.Name == "old" || in.Name == "gone" {
			key = in.Name
		}
		fx.secrets[key] = nt.Secret
	}
	if _, err := fx.db.RevokeToken(ctx, "gone"); err != nil {
		t.Fatal(err)
	}
}

// request is one HTTP call of a probe.
type request struct {
	method, path string
	body         []byte
	ctype        string
}

func get(path string) request { return request{method: "GET", path: path} }

func postJSON(path string, v any) request {
	b, _ := json.Marshal(v)
	return request{method: "POST", path: path, body: b, ctype: "application/json"}
}

func postCSV(path string, b []byte) request {
	return request{method: "POST", path: path, body: b, ctype: "text/csv"}
}

// response is what came back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends rq with the secret as bearer token ("" for none).
func (fx *fixture) do(t testing.TB, rq request, secret string) response {
	t.Helper()
	var body io.Reader
	if rq.body != nil {
		body = bytes.NewReader(rq.body)
	}
	req, err := http.NewRequest(rq.method, fx.url+rq.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if rq.ctype != "" {
		req.Header.Set("Content-Type", rq.ctype)
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	return fx.send(t, req)
}

// send sends req to the server and reads the whole answer.
func (fx *fixture) send(t testing.TB, req *http.Request) response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// problem decodes a problem document.
func (r response) problem() httpapi.Problem {
	var p httpapi.Problem
	_ = json.Unmarshal(r.body, &p)
	return p
}

// streamed returns the last event of an NDJSON response, or the error
// event if there is one.
func (r response) streamed() httpapi.Event {
	var last httpapi.Event
	for _, line := range bytes.Split(bytes.TrimSpace(r.body), []byte("\n")) {
		var e httpapi.Event
		if json.Unmarshal(line, &e) == nil {
			last = e
			if e.Error != nil {
				return e
			}
		}
	}
	return last
}
