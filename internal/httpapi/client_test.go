package httpapi

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

var ctxTester = csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "test"})

func testClient(t *testing.T, db csi.Services) *Client {
	t.Helper()
	hs, _ := testServer(t, db, nil)
	c, err := NewClient(hs.URL, ClientOptions{Token: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClientMatchesStore: the client returns what the store returns, and
// the store's errors come back as the same domain errors.
func TestClientMatchesStore(t *testing.T) {
	db := testStore(t)
	c := testClient(t, db)
	ctx := ctxTester
	if _, err := c.OnboardComune(ctx, csi.OnboardInput{Comune: "Cesano Maderno", Anagrafe: "manual", Date: "2024-02-01"}); err != nil {
		t.Fatal(err)
	}
	want, _ := db.FindComune(ctx, "108019")
	got, err := c.FindComune(ctx, "cesano maderno")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("FindComune: %+v %v, want %+v", got, err, want)
	}
	wl, _ := db.ListComuni(ctx, csi.ComuneFilter{Ambito: "Desio"})
	gl, err := c.ListComuni(ctx, csi.ComuneFilter{Ambito: "Desio"})
	if err != nil || !reflect.DeepEqual(gl, wl) || len(gl) != 7 {
		t.Fatalf("ListComuni: %d %v", len(gl), err)
	}
	for _, call := range []func(csi.Services) error{
		func(s csi.Services) error { _, err := s.FindComune(ctx, "Atlantide"); return err },
		func(s csi.Services) error {
			_, err := s.OnboardComune(ctx, csi.OnboardInput{Comune: "108019", Anagrafe: "manual"})
			return err
		},
		func(s csi.Services) error { _, err := s.EndReferente(ctx, "Desio", "2024-01-01"); return err },
		func(s csi.Services) error { _, err := s.PersonHistory(ctx, "RSSMRA85T10A562S"); return err },
		func(s csi.Services) error {
			return s.Residents(ctx, "Monza", "31/12/2024", func(csi.PersonVersion) error { return nil })
		},
	} {
		local, remote := call(db), call(c)
		var le, re *csi.Error
		if !errors.As(local, &le) || !errors.As(remote, &re) || le.Code != re.Code || le.Message != re.Message || le.Hint != re.Hint {
			t.Errorf("local %#v, remote %#v", local, remote)
		}
	}
	audit, _ := db.ListAudit(ctx, "")
	if len(audit) != 1 || audit[0].Actor != "token:test (coordinator)" || audit[0].Command != "comuni onboard" || audit[0].RequestID == "" ||
		!strings.HasSuffix(audit[0].Summary, " [client: actor tester; command test]") {
		t.Fatalf("the server did not record the token, the route and the client's note: %+v", audit)
	}
}

const extract = `CF;Cognome;Nome;Sesso;Data di nascita;Luogo nascita;Comune residenza
BRMGPP50C12F704K;Brambilla;Giuseppe;M;12/03/1950;F704;108033
BRMLCU85S30F704M;Brambilla;Luca;M;1985-11-30;F704;108033
BRMLCU85S30F704A;Brambilla;Luca;M;1985-11-30;F704;108033
NCLZOE10A45D286L;Nicolò;;F;05/01/2010;D286;108033
`

func memSource(name, s string) csi.Source {
	return csi.Source{Name: name, Size: int64(len(s)), Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(s)), nil }}
}

// importBoth imports data into a local store and through a server into
// another one, with the same options, and returns both outcomes.
func importBoth(t *testing.T, data string, dryRun bool) (local, remote *csi.ImportSummary, localRej, remoteRej string) {
	t.Helper()
	ldb, rdb := testStore(t), testStore(t)
	c := testClient(t, rdb)
	for _, s := range []csi.Services{ldb, c} {
		if _, err := s.OnboardComune(ctxTester, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic", Date: "2024-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	var lr, rr bytes.Buffer
	req := csi.AnagrafeImport{Comune: "Monza", Mode: csi.ModeSnapshot, AsOf: "2024-03-31", ImportOptions: csi.ImportOptions{DryRun: dryRun}}
	req.Rejects = &lr
	local, err := ldb.ImportAnagrafe(ctxTester, req, memSource("monza.csv", data))
	if err != nil {
		t.Fatal(err)
	}
	req.Rejects = &rr
	remote, err = c.ImportAnagrafe(ctxTester, req, memSource("monza.csv", data))
	if err != nil {
		t.Fatal(err)
	}
	local.DurationMS, remote.DurationMS = 0, 0
	return local, remote, lr.String(), rr.String()
}

// TestClientImportMatchesLocal: summary and rejects file as a local import.
func TestClientImportMatchesLocal(t *testing.T) {
	for _, dry := range []bool{false, true} {
		local, remote, lrej, rrej := importBoth(t, extract, dry)
		if !reflect.DeepEqual(local, remote) || local.Rejected != 2 || local.DryRun != dry {
			t.Fatalf("dry run %v: local %+v\nremote %+v", dry, local, remote)
		}
		if lrej != rrej || strings.Count(lrej, "\n") != 3 {
			t.Fatalf("rejects differ:\n%s\n---\n%s", lrej, rrej)
		}
	}
}

// TestClientStreamsManyRejects: rejects longer than one event arrive whole
// and in order, and more than the summary lists.
func TestClientStreamsManyRejects(t *testing.T) {
	var b strings.Builder
	b.WriteString("CF;Cognome;Nome;Sesso;Data di nascita;Luogo nascita\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "BRMGPP50C12F704%c;Brambilla;Giuseppe %d;M;12/03/1950;F704\n", 'A'+i%10, i)
	}
	local, remote, lrej, rrej := importBoth(t, b.String(), false)
	if !reflect.DeepEqual(local, remote) || lrej != rrej || len(lrej) < 64<<10 || local.Rejected < 2000 {
		t.Fatalf("rejected %d/%d, rejects %d/%d bytes", local.Rejected, remote.Rejected, len(lrej), len(rrej))
	}
}

// TestClientUploadProgress: the progress callback sees the upload advance.
func TestClientUploadProgress(t *testing.T) {
	db := testStore(t)
	c := testClient(t, db)
	if _, err := c.OnboardComune(ctxTester, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}); err != nil {
		t.Fatal(err)
	}
	data := extract + strings.Repeat("BRMGPP50C12F704K;Brambilla;Giuseppe;M;12/03/1950;F704;108033\n", 20000)
	var max int64
	calls := 0
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeDelta, ImportOptions: csi.ImportOptions{Progress: func(n int64, _ int) {
		calls++
		if n > max {
			max = n
		}
	}}}
	if _, err := c.ImportAnagrafe(ctxTester, req, memSource("big.csv", data)); err != nil {
		t.Fatal(err)
	}
	if calls < 2 || max < int64(len(data))/2 || max > int64(len(data)) {
		t.Fatalf("%d progress calls, max %d of %d bytes", calls, max, len(data))
	}
}

// TestClientValidationStreams: findings, run and summary as locally.
func TestClientValidationStreams(t *testing.T) {
	db := testStore(t)
	c := testClient(t, db)
	if _, err := c.OnboardComune(ctxTester, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}); err != nil {
		t.Fatal(err)
	}
	bad := "CF;Cognome;Nome;Sesso;Data di nascita;Luogo nascita\nBRMGPP50C12F704K;Rossi;Anna;F;12/03/1950;F205\n"
	if _, err := c.ImportAnagrafe(ctxTester, csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeDelta}, memSource("bad.csv", bad)); err != nil {
		t.Fatal(err)
	}
	collect := func(s csi.Services) ([]csi.Finding, *csi.ValidationSummary) {
		var fs []csi.Finding
		run, sum, err := s.RunValidation(ctxTester, csi.ValidationRequest{}, func(f csi.Finding) error { fs = append(fs, f); return nil })
		if err != nil || run.Ruleset != csi.BuiltinRuleset {
			t.Fatalf("%+v %v", run, err)
		}
		return fs, sum
	}
	lf, ls := collect(db)
	rf, rs := collect(c)
	if len(lf) == 0 || !reflect.DeepEqual(lf, rf) || !reflect.DeepEqual(ls, rs) {
		t.Fatalf("local %d findings %+v\nremote %d %+v", len(lf), ls, len(rf), rs)
	}
	_, _, err := c.RunValidation(ctxTester, csi.ValidationRequest{Ruleset: "mio.yaml", RulesetData: []byte("rules: [")}, func(csi.Finding) error { return nil })
	if csi.ErrorCode(err) != csi.EBADFILE || !strings.Contains(err.Error(), "mio.yaml") {
		t.Fatalf("bad ruleset: %v", err)
	}
}

// TestClientUnreachable: a closed port is EUNREACHABLE with the reason.
func TestClientUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c, err := NewClient("http://"+addr, ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListAmbiti(ctxTester)
	want := "cannot reach http://" + addr + ": connection refused"
	if csi.ErrorCode(err) != csi.EUNREACHABLE || err.Error() != want || csi.ErrorHint(err) == "" {
		t.Fatalf("got %v (%s), want %q", err, csi.ErrorCode(err), want)
	}
	for _, bad := range []string{"ftp://x", "csi.example.it", "https://user:pw@x"} {
		if _, err := NewClient(bad, ClientOptions{}); csi.ErrorCode(err) != csi.EINVALID {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// TestClientTLS: a server with a private certificate is trusted with
// CAFile, and refused with a clear reason without it.
func TestClientTLS(t *testing.T) {
	s, err := New(Config{Services: testStore(t), Authenticate: testAuth})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(s)
	hs.Config.ErrorLog = log.New(io.Discard, "", 0)
	hs.StartTLS()
	defer hs.Close()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: hs.Certificate().Raw})
	if err := os.WriteFile(ca, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	c, _ := NewClient(hs.URL, ClientOptions{Token: testSecret, CAFile: ca})
	if as, err := c.ListAmbiti(ctxTester); err != nil || len(as) != 5 {
		t.Fatalf("with the CA: %d %v", len(as), err)
	}
	c, _ = NewClient(hs.URL, ClientOptions{Token: testSecret})
	_, err = c.ListAmbiti(ctxTester)
	if csi.ErrorCode(err) != csi.EUNREACHABLE || !strings.Contains(err.Error(), "unknown authority") {
		t.Fatalf("without the CA: %v", err)
	}
	c, _ = NewClient(strings.Replace(hs.URL, "https", "http", 1), ClientOptions{Token: testSecret})
	if _, err = c.ListAmbiti(ctxTester); csi.ErrorCode(err) != csi.EUNREACHABLE || !strings.Contains(err.Error(), "speaks HTTPS") {
		t.Fatalf("plain HTTP to a TLS server: %v", err)
	}
}

// TestClientRefusesPlainHTTPOffLoopback: the token would cross the network
// in clear, so a plain http:// server is accepted only on loopback, or
// when the caller says the network is trusted (Insecure).
func TestClientRefusesPlainHTTPOffLoopback(t *testing.T) {
	for _, tc := range []struct {
		url      string
		insecure bool
		ok       bool
	}{
		{"http://csi.comune.monza.it:8787", false, false},
		{"http://10.0.0.5:8787", false, false},
		{"HTTP://csi.example.it", false, false},
		{"http://127.0.0.1:8787", false, true},
		{"http://localhost:8787", false, true},
		{"http://[::1]:8787", false, true},
		{"https://csi.comune.monza.it:8787", false, true},
		{"http://csi.comune.monza.it:8787", true, true},
		{"http://10.0.0.5:8787", true, true},
	} {
		_, err := NewClient(tc.url, ClientOptions{Token: testSecret, Insecure: tc.insecure})
		if tc.ok && err != nil {
			t.Errorf("%s (insecure %v): %v", tc.url, tc.insecure, err)
		}
		if !tc.ok && (csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(csi.ErrorMessage(err), "plain HTTP")) {
			t.Errorf("%s: got %v, want a refusal of plain HTTP", tc.url, err)
		}
	}
}
