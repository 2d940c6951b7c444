package cli

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/waastest"
)

// TestServeWaaS runs the real csi serve --waas over TLS: /status without a
// voucher, /flussi with one and refused without, a csi token refused on
// WaaS, and PDND's key set reloaded on SIGHUP (a key added to the file
// opens the e-service; a broken file keeps the keys in use).
func TestServeWaaS(t *testing.T) { waasEngines(t, testServeWaaS) }

// waasEngines runs fn on a new store of each engine: a SQLite file, and a
// PostgreSQL database (CSI_REQUIRE_POSTGRES=1 makes a missing server fail
// rather than skip).
func waasEngines(t *testing.T, fn func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "csi.db")) })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Required(t)
		fn(t, pgtest.NewDatabase(t))
	})
}

func testServeWaaS(t *testing.T, db string) {
	dir := t.TempDir()
	cert, key := writeCert(t, dir)
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "108023")
	secret := strings.TrimSpace(runCSI(t, db, "token", "create", "--name", "waas-test", "--role", "coordinator"))
	auth, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	jwks := filepath.Join(dir, "pdnd.jwks")
	if err := auth.WriteJWKS(jwks); err != nil {
		t.Fatal(err)
	}
	const aud = "https://waas.example.it/desio"
	auth.Audience = aud

	var serveErr bytes.Buffer
	lw := &lockedWriter{w: &serveErr}
	logged := func() string { lw.mu.Lock(); defer lw.mu.Unlock(); return serveErr.String() }
	f := NewFactory(&IOStreams{Out: &bytes.Buffer{}, ErrOut: lw}, enEnv(nil))
	f.DBPath = db
	ready := make(chan string, 1)
	opts := &ServeOptions{Addr: "127.0.0.1:0", TLSCert: cert, TLSKey: key, ShutdownTimeout: time.Second,
		ReadTimeout: time.Minute, WriteTimeout: time.Minute, Ready: func(a string) { ready <- a },
		WaaS: WaaSOptions{Enabled: true, Enti: []string{"108023"}, Base: "/waas/{Belfiore}/v1", JWKS: jwks,
			Audiences: []string{"108023=" + aud}, Issuer: pdndtest.Issuer, Purposes: []string{pdndtest.PurposeID}}}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { err := serveRun(ctx, f, opts); f.Close(); done <- err }() // closed before done: the store's files are settled when the test ends
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v %s", err, logged())
	}
	pem, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	base := "https://" + addr + "/waas/D286/v1"
	get := func(path, bearer string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if st, body := get("/status", ""); st != http.StatusOK || !strings.Contains(body, `"status":200`) {
		t.Fatalf("/status: %d %s", st, body)
	}
	if st, body := get("/flussi?since=0", auth.MustMint()); st != http.StatusOK || !json.Valid([]byte(body)) || !strings.Contains(body, `"elenco_flussi":[]`) {
		t.Fatalf("/flussi with a voucher: %d %s", st, body)
	}
	for name, bearer := range map[string]string{"no voucher": "", "a csi token": secret} {
		if st, body := get("/flussi?since=0", bearer); st != http.StatusUnauthorized {
			t.Fatalf("/flussi with %s: %d %s", name, st, body)
		}
	}
	// Key rotation: PDND adds a key; the file is rewritten, then SIGHUP.
	newKey, newPriv, err := pdndtest.NewKey("pdnd-test-key-2")
	if err != nil {
		t.Fatal(err)
	}
	rotated := auth.MustMint(func(v *pdndtest.Voucher) { v.KeyID, v.Key = "pdnd-test-key-2", newPriv })
	if st, _ := get("/flussi?since=0", rotated); st != http.StatusUnauthorized {
		t.Fatalf("a voucher of a key not yet in the file: %d, want 401", st)
	}
	if err := auth.WriteJWKS(jwks, auth.PublicKey(), newKey); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { st, _ := get("/flussi?since=0", rotated); return st == http.StatusOK })
	// A broken file keeps the keys in use.
	if err := os.WriteFile(jwks, []byte("{not a key set"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(logged(), "PDND key set not reloaded") })
	if st, body := get("/flussi?since=0", rotated); st != http.StatusOK {
		t.Fatalf("after a broken key set file: %d %s, want the old keys kept", st, body)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if strings.Contains(logged(), rotated[:20]) {
		t.Fatalf("the server's log holds a voucher")
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServeWaaSReexport exports real interventi (those of
// testdata/script/siuss_export.txtar), lets the fake INPS collect them
// from csi serve --waas and refuse one, exports again and checks that the
// poller collects the new flow of the refused record, once, and that the
// register shows both flows with their outcomes.
func TestServeWaaSReexport(t *testing.T) { waasEngines(t, testServeWaaSReexport) }

func testServeWaaSReexport(t *testing.T, db string) {
	dir := t.TempDir()
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "script", "siuss_export.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z", "CSI_OPERATORE": "RSSMRA80A01F704F"}
	csiRun := func(okCodes []int, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		code := Run(context.Background(), args, &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}, enEnv(env))
		for _, ok := range okCodes {
			if code == ok {
				return out.String()
			}
		}
		t.Fatalf("csi %v: exit %d: %s", args, code, errOut.String())
		return ""
	}
	in := func(name string) string { return filepath.Join(dir, name) }
	csiRun([]int{0}, "init")
	csiRun([]int{0}, "comuni", "onboard", "108033", "--anagrafe", "automatic", "--date", "2019-01-01")
	csiRun([]int{0}, "anagrafe", "import", in("anagrafe.csv"), "--comune", "108033", "--as-of", "2019-01-01")
	csiRun([]int{0}, "records", "import", "cartelle", in("cartelle.csv"))
	csiRun([]int{0}, "records", "import", "interventi", in("interventi.csv"))
	export := func() {
		csiRun([]int{0, 4}, "siuss", "export", "--tipo", "ps", "--ente", "108033", "--from", "2023-01-01", "--to", "2024-12-31", "--out", in("flussi"))
	}
	export()

	auth, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	jwks := in("pdnd.jwks")
	if err := auth.WriteJWKS(jwks); err != nil {
		t.Fatal(err)
	}
	var serveErr bytes.Buffer
	f := NewFactory(&IOStreams{Out: &bytes.Buffer{}, ErrOut: &lockedWriter{w: &serveErr}}, enEnv(env))
	f.DBPath = db
	ready := make(chan string, 1)
	opts := &ServeOptions{Addr: "127.0.0.1:0", ShutdownTimeout: time.Second, ReadTimeout: time.Minute, WriteTimeout: time.Minute,
		Ready: func(a string) { ready <- a },
		WaaS: WaaSOptions{Enabled: true, Base: "/waas/{Belfiore}/v1", JWKS: jwks, Audiences: []string{pdndtest.Audience},
			Issuer: pdndtest.Issuer, Purposes: []string{pdndtest.PurposeID}}}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { err := serveRun(ctx, f, opts); f.Close(); done <- err }() // closed before done: the store's files are settled when the test ends
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	const refused = "F704.PS.20240630.0000002"
	p := &waastest.Poller{Base: "http://" + addr + "/waas/F704/v1", Voucher: func() string { return auth.MustMint() },
		Refuse: func(id string) bool { return id == refused }, Limit: func(int) int { return 10 }}
	if n, err := p.Poll(ctx); err != nil || n != 3 {
		t.Fatalf("first poll: %d flows, %v; want the 3 exported", n, err)
	}
	export()
	if n, err := p.Poll(ctx); err != nil || n != 1 {
		t.Fatalf("second poll: %d flows, %v; want the new flow of the refused record", n, err)
	}
	flows := p.Flows()
	reexported := flows[len(flows)-1]
	if reexported.IDFlusso == refused || !bytes.Contains(reexported.XML, []byte(`DataInizioPrestazione="2024-01-01"`)) {
		t.Fatalf("the new flow %s does not carry the refused record (I1/2024)", reexported.IDFlusso)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID    string `json:"id_flusso"`
		Stato string `json:"stato"`
	}
	if err := json.Unmarshal([]byte(csiRun([]int{0}, "siuss", "flussi", "list", "-o", "json")), &list); err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, fl := range list {
		states[fl.ID] = fl.Stato
	}
	if states[refused] != "RICHIESTA_INVALIDA" || states[reexported.IDFlusso] != "OK" || len(states) != 4 {
		t.Fatalf("register: %v, want %s refused and %s accepted among 4 flows", states, refused, reexported.IDFlusso)
	}
}
