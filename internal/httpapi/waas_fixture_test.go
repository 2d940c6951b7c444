package httpapi_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/store"
)

// apiComuni is INPS's WaaS contract, unchanged (see testdata/waas/NOTICE).
//
//go:embed testdata/waas/api-comuni.yaml
var apiComuni []byte

// The hosted enti of the WaaS tests: Desio and Monza.
const (
	waasComuneA = "108023"
	waasComuneB = "108033"
)

// waasFixture is a store with two onboarded Comuni, a fake PDND, and a
// real server on 127.0.0.1 whose WaaS e-services accept that PDND's
// vouchers, each ente with its own audience.
type waasFixture struct {
	t      testing.TB
	engine string
	st     store.Store
	svc    *app.Services
	pdnd   *pdndtest.Authority
	jwks   string
	enti   map[string]app.WaaSEnte // ISTAT → ente
	url    string
	srv    *httptest.Server
	// api is the server itself (FlushWaaS).
	api *httpapi.Server
	// token is a valid csi coordinator token: it must not open WaaS.
	token string
	// contract validates every request and response against api-comuni.yaml.
	contract *contract
	// failEsiti, when positive, makes that many POST /esiti fail with 500
	// (after nothing was recorded), as a store failure would.
	failMu    sync.Mutex
	failEsiti int
}

// waasEngines runs fn on a fixture over SQLite and over PostgreSQL.
func waasEngines(t *testing.T, fn func(t *testing.T, fx *waasFixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newWaaSFixture(t, "sqlite", openWaaSSQLite(t), nil)) })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Required(t)
		fn(t, newWaaSFixture(t, "postgres", openWaaSPostgres(t), nil))
	})
}

func openWaaSSQLite(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func openWaaSPostgres(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.NewDatabase(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func setupCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "setup", Command: "test"})
}

// newWaaSFixture onboards the two Comuni and starts the server; allow, when
// given, are the only address ranges that may call WaaS.
func newWaaSFixture(t testing.TB, engine string, st store.Store, allow []*net.IPNet) *waasFixture {
	t.Helper()
	return newWaaSFixtureWrapped(t, engine, st, allow, nil)
}

// newWaaSFixtureWrapped is newWaaSFixture with the server's handler
// wrapped by wrap (when not nil): the load test times the server's side.
func newWaaSFixtureWrapped(t testing.TB, engine string, st store.Store, allow []*net.IPNet, wrap func(http.Handler) http.Handler) *waasFixture {
	t.Helper()
	ctx := setupCtx()
	svc := app.New(st)
	for _, c := range []string{waasComuneA, waasComuneB} {
		if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: csi.AnagrafeAutomatic, Date: "2024-01-15", Contact: "ufficio@comune.example.it"}); err != nil {
			t.Fatal(err)
		}
	}
	enti, err := svc.WaaSEnti(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(enti) != 2 {
		t.Fatalf("WaaSEnti = %v, want the two onboarded Comuni", enti)
	}
	auth, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	fx := &waasFixture{t: t, engine: engine, st: st, svc: svc, pdnd: auth, jwks: filepath.Join(t.TempDir(), "pdnd.jwks"), enti: map[string]app.WaaSEnte{}}
	if err := auth.WriteJWKS(fx.jwks); err != nil {
		t.Fatal(err)
	}
	base, err := pdnd.New(auth.Config(fx.jwks))
	if err != nil {
		t.Fatal(err)
	}
	verifiers := map[string]*pdnd.Verifier{}
	for _, e := range enti {
		fx.enti[e.Istat] = e
		if verifiers[e.Belfiore], err = base.WithAudiences(waasAudience(e.Belfiore)); err != nil {
			t.Fatal(err)
		}
	}
	tok, err := svc.CreateToken(ctx, csi.TokenInput{Name: "coordinatore", Role: csi.RoleCoordinator})
	if err != nil {
		t.Fatal(err)
	}
	fx.token = tok.Secret
	srv, err := httpapi.New(httpapi.Config{Services: svc, Authenticate: httpapi.TokenAuth(svc), Scope: httpapi.ScopeFor(svc),
		SpoolDir: t.TempDir(), Health: st.Ping})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.MountWaaS(httpapi.WaaSConfig{Services: &failingWaaS{WaaSServices: svc, fx: fx}, Enti: enti,
		Verifiers: verifiers, Allow: allow, Health: st.Ping}); err != nil {
		t.Fatal(err)
	}
	fx.api = srv
	var h http.Handler = srv
	if wrap != nil {
		h = wrap(srv)
	}
	fx.srv = httptest.NewServer(h)
	t.Cleanup(fx.srv.Close)
	// The refusals still counted are audited while the store is open (a
	// window's timer would find it closed).
	t.Cleanup(srv.FlushWaaS)
	fx.url = fx.srv.URL
	fx.contract = newContract(t, fx.url, enti)
	return fx
}

// waasAudience is the audience of an ente's e-service in the tests.
func waasAudience(belfiore string) string { return "https://waas.example.it/" + belfiore }

// failingWaaS makes POST /esiti fail while fx.failEsiti is positive.
type failingWaaS struct {
	httpapi.WaaSServices
	fx *waasFixture
}

func (f *failingWaaS) RecordWaaSEsiti(ctx context.Context, belfiore string, in []app.SiussEsitoInput) (*app.SiussEsitiResult, error) {
	f.fx.failMu.Lock()
	fail := f.fx.failEsiti > 0
	if fail {
		f.fx.failEsiti--
	}
	f.fx.failMu.Unlock()
	if fail {
		return nil, fmt.Errorf("injected store failure")
	}
	return f.WaaSServices.RecordWaaSEsiti(ctx, belfiore, in)
}

// voucher mints a valid voucher for the ente's e-service, edited by edits.
func (fx *waasFixture) voucher(istat string, edits ...func(*pdndtest.Voucher)) string {
	aud := waasAudience(fx.enti[istat].Belfiore)
	all := append([]func(*pdndtest.Voucher){func(v *pdndtest.Voucher) { v.Claims["aud"] = aud }}, edits...)
	return fx.pdnd.MustMint(all...)
}

// base is the base URL of an ente's e-service.
func (fx *waasFixture) base(istat string) string {
	return fx.url + "/waas/" + fx.enti[istat].Belfiore + "/v1"
}

// addFlows puts n PS flows of the Comune in the register, as an export
// would (state ready, consecutive millisecond timestamps: many share a
// second), and returns their ids in time order.
func (fx *waasFixture) addFlows(t testing.TB, istat string, n int) []string {
	t.Helper()
	ids, err := fx.addFlowsErr(istat, n)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// addFlowsErr is addFlows for another goroutine than the test's.
func (fx *waasFixture) addFlowsErr(istat string, n int) ([]string, error) {
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "siuss export"})
	e := fx.enti[istat]
	now := time.Now().UTC()
	day := now.Format("2006-01-02")
	var ids []string
	err := fx.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		if err := tx.LockRegister(ctx); err != nil {
			return err
		}
		ts, err := tx.NextTimestamps(ctx, now.UnixMilli(), n)
		if err != nil {
			return err
		}
		c, err := tx.NextCounters(ctx, e.Belfiore, "PS", day, n)
		if err != nil {
			return err
		}
		flows := make([]store.SiussFlow, n)
		ids = make([]string, n)
		for i := range flows {
			id := fmt.Sprintf("%s.PS.%s.%07d", e.Belfiore, strings.ReplaceAll(day, "-", ""), c+i)
			xml := []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><Flusso><IdentificazioneFlusso Nome="%s"/></Flusso>`, id))
			sum := sha256.Sum256(xml)
			ids[i] = id
			flows[i] = store.SiussFlow{ID: id, Tipo: "PS", Mode: "waas", Operazione: "I", Ente: e.Belfiore, Comune: istat,
				TS: ts + int64(i), Day: day, Counter: c + i, SHA256: hex.EncodeToString(sum[:]), XML: xml, Voci: 1,
				Items: []store.SiussItem{{SiussItemKey: store.SiussItemKey{Comune: istat, Record: "INT-" + id, Anno: 2024}, Hash: uint64(i + 1)}},
				From:  "2024-01-01", To: "2024-12-31", CreatedAt: now.Format(time.RFC3339), Actor: "tester"}
		}
		return tx.InsertFlows(ctx, flows)
	})
	return ids, err
}

// flow returns a flow of the register.
func (fx *waasFixture) flow(t testing.TB, id string) *store.SiussFlow {
	t.Helper()
	f, err := fx.st.SiussFlow(context.Background(), id)
	if err != nil || f == nil {
		t.Fatalf("flow %s: %v, %v", id, f, err)
	}
	return f
}

// audit returns the audit log.
func (fx *waasFixture) audit(t testing.TB) []csi.AuditEntry {
	t.Helper()
	entries, err := fx.svc.ListAudit(context.Background(), "2000-01-01")
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// waasResponse is a response read whole.
type waasResponse struct {
	Status int
	Header http.Header
	Body   []byte
}

// do sends a request; conform says it is meant to be a valid request of
// the contract (it is then validated, and must pass). Every response is
// validated against the contract.
func (fx *waasFixture) do(t testing.TB, method, url, bearer string, body any, conform bool) waasResponse {
	t.Helper()
	var rd io.Reader
	var raw []byte
	if body != nil {
		switch b := body.(type) {
		case []byte:
			raw = b
		default:
			var err error
			if raw, err = json.Marshal(b); err != nil {
				t.Fatal(err)
			}
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	return fx.contract.roundTrip(t, req, raw, conform)
}

// contract checks requests and responses against api-comuni.yaml.
type contract struct {
	router routers.Router
	client *http.Client
	mu     sync.Mutex
	// checked counts the responses validated, by operation.
	checked map[string]int
	// violations are those the Transport found.
	violations []error
}

func newContract(t testing.TB, url string, enti []app.WaaSEnte) *contract {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(apiComuni)
	if err != nil {
		t.Fatalf("api-comuni.yaml: %v", err)
	}
	doc.Servers = nil
	for _, e := range enti {
		doc.Servers = append(doc.Servers, &openapi3.Server{URL: url + "/waas/" + e.Belfiore + "/v1"})
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &contract{router: router, client: &http.Client{Timeout: 30 * time.Second}, checked: map[string]int{}}
}

// roundTrip sends req (whose body is raw), validates it when conform, and
// validates the response against the contract.
func (c *contract) roundTrip(t testing.TB, req *http.Request, raw []byte, conform bool) waasResponse {
	t.Helper()
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s is not an operation of api-comuni.yaml: %v", req.Method, req.URL.Path, err)
	}
	// The validator writes the defaults into the request it checks (limit
	// 10): it checks a copy, so that the server gets what the test sent.
	check := req.Clone(context.Background())
	if raw != nil {
		check.Body = io.NopCloser(bytes.NewReader(raw))
	}
	in := &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: bearerPresent, MultiError: true}}
	if conform {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Fatalf("the request %s %s breaks api-comuni.yaml: %v", req.Method, req.URL.Path, err)
		}
	}
	resp, err := c.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{MultiError: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Fatalf("the response %d to %s %s breaks api-comuni.yaml: %v\n%s", resp.StatusCode, req.Method, req.URL.Path, err, body)
	}
	if resp.StatusCode >= 400 || resp.StatusCode == http.StatusOK && route.Operation.OperationID == "healthCheck" {
		// Every error (declared or not) is a Problem of the contract.
		checkProblem(t, resp, body)
	}
	c.mu.Lock()
	c.checked[route.Operation.OperationID]++
	c.mu.Unlock()
	return waasResponse{Status: resp.StatusCode, Header: resp.Header, Body: body}
}

// bearerPresent is the contract's PDND scheme: a bearer token is sent (the
// server, not the contract, verifies it).
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if !strings.HasPrefix(in.RequestValidationInput.Request.Header.Get("Authorization"), "Bearer ") {
		return fmt.Errorf("no bearer token")
	}
	return nil
}

// checkProblem checks an error body against the contract's Problem schema
// (also for statuses the contract does not declare on the operation).
func checkProblem(t testing.TB, resp *http.Response, body []byte) {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("status %d with Content-Type %q, want application/problem+json", resp.StatusCode, ct)
	}
	var p map[string]any
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("status %d: the problem document is not JSON: %v", resp.StatusCode, err)
	}
	for k := range p {
		switch k {
		case "type", "title", "status", "detail", "instance":
		default:
			t.Fatalf("status %d: the problem document has %q, which api-comuni.yaml's Problem does not allow: %s", resp.StatusCode, k, body)
		}
	}
	if st, _ := p["status"].(float64); int(st) != resp.StatusCode {
		t.Fatalf("problem status %v, response status %d", p["status"], resp.StatusCode)
	}
}

// Transport returns a RoundTripper that validates every request and
// response against the contract, for a client the test does not drive
// itself (the fake INPS poller); the violations are in Violations.
func (c *contract) Transport() http.RoundTripper { return &contractTransport{c: c} }

type contractTransport struct{ c *contract }

func (ct *contractTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var raw []byte
	if req.Body != nil {
		var err error
		if raw, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(raw))
	}
	route, params, err := ct.c.router.FindRoute(req)
	if err != nil {
		ct.c.violation(fmt.Errorf("%s %s is not an operation of api-comuni.yaml: %v", req.Method, req.URL.Path, err))
		return http.DefaultTransport.RoundTrip(req)
	}
	check := req.Clone(context.Background())
	check.Body = io.NopCloser(bytes.NewReader(raw))
	in := &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: bearerPresent, MultiError: true}}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		ct.c.violation(fmt.Errorf("the request %s %s breaks api-comuni.yaml: %v", req.Method, req.URL.Path, err))
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{MultiError: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		ct.c.violation(fmt.Errorf("the response %d to %s %s breaks api-comuni.yaml: %v", resp.StatusCode, req.Method, req.URL.Path, err))
	}
	ct.c.mu.Lock()
	ct.c.checked[route.Operation.OperationID]++
	ct.c.mu.Unlock()
	return resp, nil
}

func (c *contract) violation(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.violations = append(c.violations, err)
}
