package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/synth"
)

// TestTwoServeOneDatabase runs two `csi serve` processes over one
// PostgreSQL database, as behind a load balancer (issue 11 §4): a token
// created with `csi token create` while both run works on each of them at
// once, and revoked, on neither; writes go through both at the same time
// (a registry import through each, Comune changes through each) and each
// server then answers every read byte for byte as the other, with the
// writes of both; the audit log has every entry of both, its chain intact
// (verified through each server and locally).
func TestTwoServeOneDatabase(t *testing.T) {
	db := pgtest.NewDatabase(t)
	local := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z"}
	run := func(env map[string]string, args ...string) string {
		t.Helper()
		code, out, errOut := runWith(env, args...)
		if code != 0 {
			t.Fatalf("csi %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		return out
	}
	run(local, "init")
	for _, c := range []string{"Monza", "Desio", "Lissone", "Seregno"} {
		run(local, "comuni", "onboard", c, "--anagrafe", "automatic", "--date", "2024-01-15")
	}
	dir := t.TempDir()
	extracts := map[string]string{}
	for _, istat := range []string{"108033", "108023"} { // Monza, Desio
		extracts[istat] = filepath.Join(dir, istat+".csv")
		writeExtract(t, extracts[istat], istat, 0.05)
	}
	coord := strings.TrimSpace(run(local, "token", "create", "--name", "coord", "--role", "coordinator"))
	servers := []string{startServe(t, db, "2024-06-30T10:00:00Z"), startServe(t, db, "2024-06-30T10:00:00Z")}
	via := func(i int, token string) map[string]string {
		return map[string]string{"CSI_REMOTE": servers[i], "CSI_TOKEN": token, "CSI_ACTOR": fmt.Sprintf("maria%d", i)}
	}

	// A token neither server has seen works on both.
	op := strings.TrimSpace(run(local, "token", "create", "--name", "op-monza", "--role", "operator", "--comune", "Monza"))
	for i := range servers {
		if out := run(via(i, op), "comuni", "show", "Monza", "-o", "json"); !strings.Contains(out, `"istat": "108033"`) {
			t.Errorf("server %d: the operator's token read %s", i, out)
		}
		if code, _, errOut := runWith(via(i, op), "comuni", "show", "Desio"); code != 5 || !strings.Contains(errOut, "token op-monza (operator of Comune 108033): Comune Desio (108023) is outside its scope") {
			t.Errorf("server %d: the operator read Desio: exit %d %s", i, code, errOut)
		}
	}

	// Both servers write at once: a registry import through each (separate
	// client processes), and Comune changes through each.
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i, istat := range []string{"108033", "108023"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- csiProcess(via(i, coord), "anagrafe", "import", extracts[istat], "--comune", istat, "--as-of", "2024-06-01", "--progress", "none")
		}()
	}
	for i, c := range []string{"Lissone", "Seregno"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 5 {
				err := csiProcess(via(i, coord), "comuni", "update", c, "--contact", fmt.Sprintf("servizi%d@comune.example.it", k))
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	// Each server answers as the other, with the writes of both.
	reads := [][]string{
		{"comuni", "list", "-o", "json"},
		{"comuni", "show", "Seregno", "-o", "json"},
		{"anagrafe", "status", "-o", "json"},
		{"anagrafe", "imports", "-o", "json"},
		{"anagrafe", "residents", "--comune", "Desio", "--count", "-o", "json"},
		{"indicators", "show", "comuni-fasce", "-o", "json"},
	}
	for _, args := range reads {
		a, b := run(via(0, coord), args...), run(via(1, coord), args...)
		if a != b {
			t.Errorf("csi %s: the servers differ:\n%s", strings.Join(args, " "), firstDiff(a, b, "server 0", "server 1"))
		}
	}
	// Reading the audit log is itself audited: through server 1 it has
	// one entry more than through server 0, the read through server 0.
	var a, b []csi.AuditEntry
	for i, into := range []*[]csi.AuditEntry{&a, &b} {
		if err := json.Unmarshal([]byte(run(via(i, coord), "audit", "list", "-o", "json")), into); err != nil {
			t.Fatal(err)
		}
	}
	if len(b) != len(a)+1 || !reflect.DeepEqual(a, b[:len(a)]) || b[len(a)].Command != "audit list" ||
		!strings.HasSuffix(b[len(a)].Summary, "[client: actor maria0; command audit list]") {
		t.Errorf("audit list: %d entries through server 0, %d through server 1, want the same and the read through server 0:\n%+v", len(a), len(b), b[len(b)-1])
	}
	status := run(via(1, coord), "anagrafe", "status", "-o", "json")
	for istat, path := range extracts {
		want := fmt.Sprintf(`"residents": %d`, countLines(t, path)-1)
		if !strings.Contains(status, want) {
			t.Errorf("status through server 1 lacks %s of %s:\n%s", want, istat, status)
		}
	}
	for _, c := range []string{"Lissone", "Seregno"} {
		if out := run(via(0, coord), "comuni", "show", c, "-o", "json"); !strings.Contains(out, "servizi4@comune.example.it") {
			t.Errorf("%s through server 0: not its last contact:\n%s", c, out)
		}
	}

	// One chain with the entries of both servers: 4 onboardings, 2 tokens,
	// 2 imports, 10 updates, the personal reads; verified through each.
	audit := run(local, "audit", "list", "-o", "json")
	for _, want := range []string{`"command": "anagrafe import"`, `[client: actor maria0; command comuni update]`, `[client: actor maria1; command comuni update]`} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit log lacks %s", want)
		}
	}
	if n := strings.Count(audit, `"command": "comuni update"`); n != 10 {
		t.Errorf("%d comuni update entries, want 10", n)
	}
	for _, env := range []map[string]string{via(0, coord), via(1, coord), local} {
		if out := run(env, "audit", "verify"); !strings.HasPrefix(out, "audit log intact: ") {
			t.Errorf("verify through %s: %s", env["CSI_REMOTE"], out)
		}
	}

	// Revoked locally, the token stops working on both servers at once.
	run(local, "token", "revoke", "op-monza")
	for i := range servers {
		if code, _, errOut := runWith(via(i, op), "comuni", "show", "Monza"); code != 5 || !strings.Contains(errOut, "token op-monza was revoked") {
			t.Errorf("server %d after the revocation: exit %d %s", i, code, errOut)
		}
	}
}

// writeExtract writes the synthetic registry extract of one Comune at scale.
func writeExtract(t *testing.T, path, istat string, scale float64) {
	t.Helper()
	var b bytes.Buffer
	for _, c := range synth.Comuni() {
		if c.Istat == istat {
			if _, err := synth.WriteAnagrafe(&b, c, synth.Options{Seed: 1, Scale: scale}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if b.Len() == 0 {
		t.Fatalf("no synthetic Comune %s", istat)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(data, []byte("\n"))
}

// csiProcess runs csi as a separate process (this test binary) with env.
func csiProcess(env map[string]string, args ...string) error {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB=")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("csi %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}
