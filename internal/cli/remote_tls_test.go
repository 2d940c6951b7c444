package cli

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCert writes a self-signed certificate for 127.0.0.1 and its key.
func writeCert(t *testing.T, dir string) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "csi test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(k)
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, key
}

// TestServeTLS runs csi serve with a certificate, reaches it from csi
// --remote https://... trusting the certificate through CSI_CA_FILE, and
// stops it by cancelling its context, as SIGTERM does.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	cert, key := writeCert(t, dir)
	runCSI(t, db, "init")
	secret := strings.TrimSpace(runCSI(t, db, "token", "create", "--name", "tls-test", "--role", "coordinator"))

	var serveErr bytes.Buffer
	f := NewFactory(&IOStreams{Out: &bytes.Buffer{}, ErrOut: &serveErr}, enEnv(nil))
	f.DBPath = db
	ready := make(chan string, 1)
	opts := &ServeOptions{Addr: "127.0.0.1:0", TLSCert: cert, TLSKey: key, ShutdownTimeout: time.Second,
		ReadTimeout: time.Minute, WriteTimeout: time.Minute, Ready: func(a string) { ready <- a }}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { err := serveRun(ctx, f, opts); f.Close(); done <- err }() // closed before done: the store's files are settled when the test ends
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v %s", err, serveErr.String())
	}
	env := map[string]string{"CSI_REMOTE": "https://" + addr, "CSI_TOKEN": secret, "CSI_CA_FILE": cert, "CSI_ACTOR": "tester"}
	if code, out, stderr := runEnv(env, "ambiti", "list"); code != 0 || !strings.Contains(out, "Vimercate") {
		t.Fatalf("over TLS: exit %d %s %s", code, out, stderr)
	}
	delete(env, "CSI_CA_FILE")
	if code, _, stderr := runEnv(env, "ambiti", "list"); code != ExitUnreachable || !strings.Contains(stderr, "unknown authority") {
		t.Fatalf("without the CA: exit %d %s", code, stderr)
	}
	env["CSI_REMOTE"] = "http://" + addr
	if code, _, stderr := runEnv(env, "ambiti", "list"); code != ExitUnreachable || !strings.Contains(stderr, "use an https:// URL") {
		t.Fatalf("plain HTTP to TLS: exit %d %s", code, stderr)
	}
	stop()
	if err := <-done; err != nil || !strings.Contains(serveErr.String(), "csi: stopped") {
		t.Fatalf("shutdown: %v %s", err, serveErr.String())
	}
}

// TestServeBadCertificate: unusable TLS files are a clear error before
// anything listens.
func TestServeBadCertificate(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pem")
	os.WriteFile(bad, []byte("not a certificate"), 0o600)
	code, _, stderr := runEnv(map[string]string{"CSI_DB": filepath.Join(dir, "csi.db")}, "serve", "--tls-cert", bad, "--tls-key", bad)
	if code != ExitError || !strings.HasPrefix(stderr, "error: cannot load the TLS certificate and key") || !strings.Contains(stderr, "hint: ") {
		t.Fatalf("exit %d %s", code, stderr)
	}
}
