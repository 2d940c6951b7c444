package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/store"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
)

// parityScripts are the scenarios run both locally and against csi serve.
// Together they call every remote-capable command: comuni, ambiti,
// referenti, anagrafe import/status/history/residents/imports, records
// import, validate (and its history), indicators, report and audit; the
// validation, dialect, onboarding, indicator and report scripts of the
// other features run too. Scripts that compare or copy the store file
// itself (cp csi.db, cmp csi.db, --db before.db) are left out: a running
// server keeps the file open in WAL mode, so its bytes are not the store's
// content; so are those of local-only commands (init, db, token).
var parityScripts = []string{"remote_admin.txtar", "remote_registry.txtar", "validate.txtar", "anagrafe_dialects.txtar",
	"onboard_file.txtar", "indicators.txtar", "report.txtar", "remote_revert.txtar", "comuni_add.txtar",
	"remote_monitoring.txtar"}

// TestRemoteParity runs the parity scripts locally and with CSI_REMOTE
// pointing at a csi serve over the script's own store, on each engine:
// SQLite always, PostgreSQL when CSI_TEST_POSTGRES names a server (a fresh
// database per script). It checks that every csi command printed the same
// stdout and stderr and exited with the same code in the four runs: local
// and remote on one engine, and SQLite and PostgreSQL against each other.
// The scripts' own assertions hold in every run.
//
// One difference is expected, and normalised in the remote run's output
// before the script's assertions and the comparison see it: the audit log
// of a remote run names the token ("token:parity (coordinator)"), keeps
// the person the client names in a note after the summary ("[client:
// actor tester; command ...]"), and records the caller's address and
// request id. Between the engines nothing is normalised: the README's
// PostgreSQL section says so.
func TestRemoteParity(t *testing.T) {
	dir := rewriteScripts(t)
	runs := map[string]*transcripts{}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			if engine == "postgres" {
				pgtest.Required(t)
			}
			for _, mode := range []string{"local", "remote"} {
				tr := &transcripts{m: map[string]*strings.Builder{}}
				runs[engine+"/"+mode] = tr
				t.Run(mode, func(t *testing.T) {
					testscript.Run(t, testscript.Params{
						Dir:       dir,
						Condition: scriptCondition(engine),
						Setup:     func(env *testscript.Env) error { return paritySetup(env, engine, mode == "remote", tr) },
						Cmds:      map[string]func(*testscript.TestScript, bool, []string){"parity-csi": tr.csiCmd},
					})
				})
			}
		})
	}
	if t.Failed() {
		return
	}
	pairs := [][2]string{{"sqlite/local", "sqlite/remote"}}
	if runs["postgres/local"] != nil {
		pairs = append(pairs, [2]string{"postgres/local", "postgres/remote"}, [2]string{"sqlite/local", "postgres/local"})
	}
	for _, name := range parityScripts {
		name = strings.TrimSuffix(name, ".txtar")
		for _, p := range pairs {
			// Durations differ from run to run, local or not.
			a, b := durations.ReplaceAllString(runs[p[0]].get(name), "$1"), durations.ReplaceAllString(runs[p[1]].get(name), "$1")
			// PARITY_DUMP=DIR keeps the transcripts, to diff them whole.
			if d := os.Getenv("PARITY_DUMP"); d != "" {
				for i, s := range []string{a, b} {
					if err := os.WriteFile(filepath.Join(d, name+"."+strings.ReplaceAll(p[i], "/", "-")), []byte(s), 0o600); err != nil {
						t.Error(err)
					}
				}
			}
			if a == "" {
				t.Errorf("%s: no csi command ran on %s", name, p[0])
			}
			if a != b {
				t.Errorf("%s: %s output differs from %s:\n%s", name, p[1], p[0], firstDiff(a, b, p[0], p[1]))
			}
		}
	}
}

// rewriteScripts copies the parity scripts with "exec csi" turned into the
// "parity-csi" command below, which runs the same binary and records its
// output. (A bare "csi" would be testscript's own builtin for the program.)
func rewriteScripts(t *testing.T) string {
	dir := t.TempDir()
	re := regexp.MustCompile(`(?m)^(\s*(?:\[[^\]]+\]\s*)*(?:!\s+)?)exec csi\b`)
	for _, name := range parityScripts {
		a, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "script", name))
		if err != nil {
			t.Fatal(err)
		}
		a.Comment = re.ReplaceAll(a.Comment, []byte("${1}parity-csi"))
		if err := os.WriteFile(filepath.Join(dir, name), txtar.Format(a), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// transcripts keeps, per script, every csi command with its output.
type transcripts struct {
	mu sync.Mutex
	m  map[string]*strings.Builder
}

func (tr *transcripts) get(name string) string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if b := tr.m[name]; b != nil {
		return b.String()
	}
	return ""
}

// csiCmd runs csi as "exec csi" does (a separate process) and appends the
// command line, stdout, stderr and exit code to the script's transcript.
func (tr *transcripts) csiCmd(ts *testscript.TestScript, neg bool, args []string) {
	err := ts.Exec("csi", args...)
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("csi: %v", err)
	}
	stdout, stderr := ts.ReadFile("stdout"), ts.ReadFile("stderr")
	if ts.Getenv("CSI_REMOTE") != "" {
		stdout, stderr = normaliseRemote(stdout), normaliseRemote(stderr)
	}
	// What the script's own assertions see from here on.
	_, _ = io.WriteString(ts.Stdout(), stdout)
	_, _ = io.WriteString(ts.Stderr(), stderr)
	name := ts.Getenv("PARITY_SCRIPT")
	tr.mu.Lock()
	b := tr.m[name]
	if b == nil {
		b = &strings.Builder{}
		tr.m[name] = b
	}
	fmt.Fprintf(b, "$ csi %s\n%s[stderr]\n%s[exit %d]\n", strings.Join(args, " "), stdout, stderr, code)
	tr.mu.Unlock()
	if neg && code == 0 {
		ts.Fatalf("unexpected success")
	}
	if !neg && code != 0 {
		ts.Fatalf("csi exited %d", code)
	}
}

// paritySetup prepares a script's store on the engine, as 'csi init'
// would (so neither run says it created one): a file in the script's
// folder, or a fresh PostgreSQL database dropped when the script ends. In
// remote mode it serves the store on 127.0.0.1 with a coordinator token in
// CSI_TOKEN.
func paritySetup(env *testscript.Env, engine string, remote bool, tr *transcripts) error {
	name := strings.TrimPrefix(filepath.Base(env.WorkDir), "script-")
	env.Setenv("PARITY_SCRIPT", name)
	dsn, err := scriptStore(env, engine)
	if err != nil {
		return err
	}
	env.Setenv("CSI_DB", dsn)
	env.Setenv("CSI_ACTOR", "tester")
	env.Setenv("CSI_NOW", "2024-06-30T10:00:00Z")
	env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
	env.Setenv("NO_COLOR", "1")
	if err := initTestStore(dsn); err != nil {
		return err
	}
	if !remote {
		return nil
	}
	ctx := context.Background()
	now, _ := parseNow("2024-06-30T10:00:00Z")
	st, err := openEngine(ctx, dsn, false, false, func() time.Time { return now })
	if err != nil {
		return err
	}
	url, token, stop, err := serveForTest(st, func() time.Time { return now })
	if err != nil {
		st.Close()
		return err
	}
	env.Defer(func() { stop(); st.Close() })
	env.Setenv("CSI_REMOTE", url)
	env.Setenv("CSI_TOKEN", token)
	return nil
}

// parityToken is the bearer secret of the test servers' coordinator.
const parityToken = "csi_parity-test-coordinator-secret"

// serveForTest serves db on 127.0.0.1 and returns the URL and the token of
// a coordinator. Authentication and scope are stand-ins: a store token
// would add an audit entry that a local run does not have, and the
// per-role scope adds audit entries for reads; both are tested on their
// own (token and authorization tests). Here the point is that the
// transport changes nothing.
func serveForTest(st store.Store, now func() time.Time) (url, token string, stop func(), err error) {
	auth := func(r *http.Request) (*csi.Principal, error) {
		if r.Header.Get("Authorization") != "Bearer "+parityToken {
			return nil, csi.Errorf(csi.EUNAUTHORIZED, "unknown API token").WithHint("check CSI_TOKEN")
		}
		return &csi.Principal{Token: "parity", Role: csi.RoleCoordinator}, nil
	}
	api, err := httpapi.New(httpapi.Config{Services: servicesOver(st, now), Authenticate: auth, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return "", "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", "", nil, err
	}
	srv := &http.Server{Handler: api, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return "http://" + ln.Addr().String(), parityToken, stop, nil
}

var (
	durations = regexp.MustCompile(`("duration_ms": )\d+`)
	// A remote audit entry names the token and keeps what the client
	// says (the actor) in a note after the summary.
	viaToken   = regexp.MustCompile(`token:[a-z0-9._-]+ \([a-z]+\)(.*) \[client: actor ([^;\]]*)(; command [^\]]*)?\]`)
	remoteAddr = regexp.MustCompile(`"(remote|request_id)": "[^"]*"`)
)

// normaliseRemote undoes the one documented difference of remote output.
func normaliseRemote(s string) string {
	s = viaToken.ReplaceAllString(s, "$2$1")
	return remoteAddr.ReplaceAllString(s, `"$1": ""`)
}

func firstDiff(a, b, aName, bName string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			from := max(0, i-8)
			return fmt.Sprintf("line %d:\ncontext:\n%s\n%s: %q\n%s: %q", i+1, strings.Join(al[from:i], "\n"), aName, x, bName, y)
		}
	}
	return ""
}
