package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTokensEndToEnd creates tokens with `csi token`, serves the store with
// a real `csi serve` process on 127.0.0.1 and calls it with `csi --remote`:
// roles are enforced, refusals and bad tokens exit 5 with a clear message,
// and the audit log names the token.
func TestTokensEndToEnd(t *testing.T) {
	dir := t.TempDir()
	local := map[string]string{"CSI_DB": filepath.Join(dir, "csi.db"), "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z"}
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errOut := runWith(local, args...)
		if code != 0 {
			t.Fatalf("csi %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		return strings.TrimSpace(out)
	}
	mustRun("init")
	mustRun("comuni", "onboard", "Desio", "--anagrafe", "automatic", "--date", "2024-01-15")
	mustRun("comuni", "onboard", "Monza", "--anagrafe", "automatic", "--date", "2024-01-15")
	secrets := map[string]string{}
	for _, tk := range [][]string{
		{"coord", "coordinator"}, {"desio-ref", "referent", "--ambito", "Desio"}, {"cruscotto", "viewer"},
		{"gone", "coordinator"}, {"old", "coordinator", "--expires", "2024-07-01"},
	} {
		secrets[tk[0]] = mustRun(append([]string{"token", "create", "--name", tk[0], "--role", tk[1]}, tk[2:]...)...)
	}
	mustRun("token", "revoke", "gone")
	// The server's clock is a day later: "old" has expired.
	url := startServe(t, local["CSI_DB"], "2024-07-01T08:00:00Z")

	for _, c := range []struct {
		name, token string
		args        []string
		code        int
		stdout      string // a regexp every stdout line must match, "" for none
		stderr      string
	}{
		{"coordinator reads Monza", "coord", []string{"comuni", "show", "Monza", "-o", "json"}, 0, "", ""},
		{"referent lists its Ambito", "desio-ref", []string{"comuni", "list"}, 0, `\tDesio\t`, ""},
		{"referent refused Monza", "desio-ref", []string{"comuni", "show", "Monza"}, 5, "",
			"error: token desio-ref (referent of Ambito Desio): Comune Monza (108033) is outside its scope\nhint: ask the coordinator, or use a token whose role and scope cover it\n"},
		{"referent may not onboard", "desio-ref", []string{"comuni", "onboard", "Lissone", "--anagrafe", "manual"}, 5, "",
			"error: token desio-ref (referent of Ambito Desio): onboarding a Comune is reserved to the coordinator\n"},
		{"viewer may not read the audit log", "cruscotto", []string{"audit", "list"}, 5, "",
			"error: token cruscotto (viewer): reading the audit log is reserved to the coordinator\n"},
		{"revoked token", "gone", []string{"ambiti", "list"}, 5, "", "error: token gone was revoked on 2024-06-30\nhint: ask the coordinator for a new token\n"},
		{"expired token", "old", []string{"ambiti", "list"}, 5, "", "error: token old expired on 2024-07-01\nhint: ask the coordinator for a new token\n"},
		{"coordinator changes a Comune", "coord", []string{"comuni", "update", "Desio", "--contact", "servizi.sociali@comune.desio.mb.it"}, 0, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{"CSI_REMOTE": url, "CSI_TOKEN": secrets[c.token], "CSI_ACTOR": "maria"}
			code, out, errOut := runWith(env, c.args...)
			if code != c.code || !strings.HasPrefix(errOut, c.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errOut, c.code, c.stderr)
			}
			if c.stdout != "" {
				re := regexp.MustCompile(c.stdout)
				for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
					if !re.MatchString(line) {
						t.Errorf("line %q does not match %s", line, c.stdout)
					}
				}
			}
			if strings.Contains(errOut, secrets[c.token]) {
				t.Errorf("the message echoes the secret")
			}
		})
	}
	audit := mustRun("audit", "list", "-o", "json")
	for _, want := range []string{`"actor": "token:coord (coordinator)"`, `"command": "comuni update"`, `[client: actor maria; command comuni update]`, `"remote": "127.0.0.1:`} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit log lacks %s:\n%s", want, audit)
		}
	}
	if strings.Contains(audit, "csi_") {
		t.Errorf("the audit log carries a token secret")
	}
	if v := mustRun("audit", "list", "--verify"); !strings.HasPrefix(v, "audit log intact") {
		t.Errorf("verify: %s", v)
	}
}

// runWith runs csi in-process with exactly env.
func runWith(env map[string]string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	streams := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	code := Run(context.Background(), args, streams, enEnv(env))
	return code, out.String(), errOut.String()
}

var serveURL = regexp.MustCompile(`serving .* on (http://127\.0\.0\.1:\d+)`)

// startServe starts `csi serve` on 127.0.0.1:0 as a separate process over
// the store at db, with the clock at now, and returns its URL.
func startServe(t *testing.T, db, now string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+db, "CSI_NOW="+now, "CSI_REMOTE=", "CSI_TOKEN=")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	r := bufio.NewReader(pipe)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("csi serve did not start: %v", err)
		}
		if m := serveURL.FindStringSubmatch(line); m != nil {
			go func() { _, _ = io.Copy(io.Discard, r) }()
			return m[1]
		}
	}
}
