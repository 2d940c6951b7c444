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

	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

// TestServeWaaS runs the real csi serve --waas over TLS: /status without a
// voucher, /flussi with one and refused without, a csi token refused on
// WaaS, and PDND's key set reloaded on SIGHUP (a key added to the file
// opens the e-service; a broken file keeps the keys in use).
func TestServeWaaS(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
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
	go func() { done <- serveRun(ctx, f, opts); f.Close() }()
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
