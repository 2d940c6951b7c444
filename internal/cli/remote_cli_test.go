package cli

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/sqlite"
)

// runEnv runs csi in-process with env and returns the exit code and output.
func runEnv(env map[string]string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	code := Run(context.Background(), args, io, enEnv(env))
	return code, out.String(), errOut.String()
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestRemoteExitCodes: an unreachable server is exit 6, a refused token
// exit 5, and the messages say what to do.
func TestRemoteExitCodes(t *testing.T) {
	dir := t.TempDir()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	url, token, stop, err := serveForTest(db, db.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	down := "http://" + closedPort(t)
	env := map[string]string{"CSI_DB": filepath.Join(dir, "local.db"), "CSI_ACTOR": "tester"}
	cases := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr string
	}{
		{"unreachable", map[string]string{"CSI_REMOTE": down}, []string{"comuni", "list"}, 6,
			"error: cannot reach " + down + ": connection refused\nhint: check --remote (or CSI_REMOTE), the network, and that 'csi serve' runs there\n"},
		{"unreachable by flag", nil, []string{"--remote", down, "anagrafe", "status"}, 6, "error: cannot reach " + down + ": connection refused\n"},
		{"no token", map[string]string{"CSI_REMOTE": url}, []string{"ambiti", "list"}, 5, "error: unknown API token\nhint: check CSI_TOKEN\n"},
		{"wrong token", map[string]string{"CSI_REMOTE": url, "CSI_TOKEN": "csi_nope"}, []string{"audit", "list"}, 5, "error: unknown API token\n"},
		{"bad URL", map[string]string{"CSI_REMOTE": "csi.example.it"}, []string{"ambiti", "list"}, 2, `error: --remote "csi.example.it" is not a server URL`},
		{"both --db and --remote", nil, []string{"--db", "x.db", "--remote", url, "ambiti", "list"}, 2, "error: give --db or --remote, not both\n"},
		{"local-only command", map[string]string{"CSI_REMOTE": url, "CSI_TOKEN": token}, []string{"db", "status"}, 2, "error: this command works on a local store only, not with --remote\n"},
		{"token is local-only", nil, []string{"--remote", url, "token", "list"}, 2, "error: this command works on a local store only"},
		{"remote works", map[string]string{"CSI_REMOTE": url, "CSI_TOKEN": token}, []string{"ambiti", "show", "Nessuno"}, 1, "error: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := map[string]string{}
			for k, v := range env {
				e[k] = v
			}
			for k, v := range c.env {
				e[k] = v
			}
			code, _, stderr := runEnv(e, c.args...)
			if code != c.code || !strings.HasPrefix(stderr, c.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, stderr, c.code, c.stderr)
			}
		})
	}
	// An explicit --db beats CSI_REMOTE: the local store is used.
	e := map[string]string{"CSI_REMOTE": down, "CSI_ACTOR": "tester"}
	if code, _, stderr := runEnv(e, "--db", filepath.Join(dir, "explicit.db"), "init"); code != 0 {
		t.Fatalf("init --db with CSI_REMOTE: exit %d %s", code, stderr)
	}
	if code, out, stderr := runEnv(e, "--db", filepath.Join(dir, "explicit.db"), "ambiti", "list"); code != 0 || !strings.Contains(out, "Vimercate") {
		t.Fatalf("--db with CSI_REMOTE: exit %d %s %s", code, out, stderr)
	}
}

// TestServeFlags: plain HTTP only on loopback unless --insecure, TLS files
// in pairs; parsed apart from serving (runF).
func TestServeFlags(t *testing.T) {
	cases := []struct {
		args []string
		ok   bool
		msg  string
	}{
		{[]string{}, true, ""},
		{[]string{"--addr", "[::1]:0"}, true, ""},
		{[]string{"--addr", "localhost:8787"}, true, ""},
		{[]string{"--addr", "0.0.0.0:8787"}, false, "refusing to serve plain HTTP on 0.0.0.0:8787, which is not a loopback address"},
		{[]string{"--addr", "192.168.1.10:8787"}, false, "not a loopback address"},
		{[]string{"--addr", "0.0.0.0:8787", "--insecure"}, true, ""},
		{[]string{"--addr", "0.0.0.0:8787", "--tls-cert", "c.pem", "--tls-key", "k.pem"}, true, ""},
		{[]string{"--tls-cert", "c.pem"}, false, "give both --tls-cert and --tls-key"},
		{[]string{"--addr", "8787"}, false, `--addr "8787" is not HOST:PORT`},
	}
	for _, c := range cases {
		f := NewFactory(&IOStreams{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(nil))
		got, err := parseFlags(f, NewCmdServe, c.args)
		if c.ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.msg)) {
			t.Errorf("%v: %v", c.args, err)
		}
		if c.ok && got == nil {
			t.Errorf("%v: runF not called", c.args)
		}
		if err != nil && exitCode(err) != ExitUsage {
			t.Errorf("%v: exit %d", c.args, exitCode(err))
		}
	}
}

// brokenStatus fails as a bug in the store would.
type brokenStatus struct{ csi.Services }

func (brokenStatus) AnagrafeStatus(context.Context) ([]csi.AnagrafeStatus, error) {
	return nil, errors.New("unexpected failure reading a row")
}

// TestRemoteInternalError: the user sees "internal error" and the request
// id to report, not the server's detail nor the local CSI_DEBUG hint.
func TestRemoteInternalError(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	api, err := httpapi.New(httpapi.Config{Services: brokenStatus{servicesOver(db, db.Now)}, Authenticate: func(*http.Request) (*csi.Principal, error) {
		return &csi.Principal{Token: "t", Role: csi.RoleCoordinator}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(api)
	defer hs.Close()
	code, _, stderr := runEnv(map[string]string{"CSI_REMOTE": hs.URL}, "anagrafe", "status")
	if code != ExitError || !regexp.MustCompile(`^error: internal error\nhint: report request id [0-9a-f]{16} to the server's administrator`).MatchString(stderr) ||
		strings.Contains(stderr, "reading a row") {
		t.Fatalf("exit %d: %q", code, stderr)
	}
}
