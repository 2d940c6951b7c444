package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/csi-mb/csi/internal/golden"
)

// styledCommands print styled output on a terminal and plain rows when
// piped; TestStyledOutput keeps a golden of each form (gh's _tty and
// _nontty), on the store the demo leaves.
var styledCommands = []struct {
	name string
	args []string
}{
	{"comuni_list", []string{"comuni", "list", "--ambito", "Desio"}},
	{"comuni_show", []string{"comuni", "show", "Desio"}},
	{"anagrafe_status", []string{"anagrafe", "status"}},
	{"indicators_list", []string{"indicators", "list"}},
	{"indicators_show", []string{"indicators", "show", "cartelle-popolazione", "--year", "2020", "--by", "ambito"}},
	{"indicators_fasce", []string{"indicators", "show", "comuni-fasce", "--year", "2020"}},
	{"validate", []string{"validate", "--ambito", "Desio", "--fail-on", "none"}},
	// The same in Italian: the findings' messages, fixes and summary.
	{"validate_it", []string{"--lang", "it", "validate", "--ambito", "Desio", "--fail-on", "none"}},
	{"rules_show_it", []string{"--lang", "it", "rules", "show", "persona-cf-sesso"}},
}

// runStyled runs one command line in-process with stdout a terminal or a
// pipe, and returns stdout; a non-zero exit fails the test (from any
// goroutine: it does not stop it).
func runStyled(t *testing.T, env map[string]string, tty bool, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	io.SetStdoutTTY(tty)
	if code := Run(context.Background(), args, io, enEnv(env)); code != 0 {
		t.Errorf("csi %s (tty %v): exit %d: %s", strings.Join(args, " "), tty, code, errOut.String())
	}
	return out.Bytes()
}

func styledGolden(name string, tty bool) string {
	form := "nontty"
	if tty {
		form = "tty"
	}
	return filepath.Join("testdata", "styled", fmt.Sprintf("%s_%s.golden", name, form))
}

// TestStyledOutput compares the terminal and the piped output of the
// demo and of every styled command with their goldens (-update rewrites
// them). The demo runs twice at once, on a terminal (keeping its store
// for the other commands) and piped.
func TestStyledOutput(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	db := filepath.Join(dir, "demo.db")
	demo := map[bool][]byte{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, tty := range []bool{true, false} {
		args := []string{"demo", "--scale", "0.01"}
		if tty {
			args = append(args, "--db", db)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := runStyled(t, env, tty, args...)
			mu.Lock()
			demo[tty] = out
			mu.Unlock()
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for tty, out := range demo {
		golden.Check(t, styledGolden("demo", tty), out)
	}
	env["CSI_DB"] = db
	for _, c := range styledCommands {
		for _, tty := range []bool{false, true} {
			golden.Check(t, styledGolden(c.name, tty), runStyled(t, env, tty, c.args...))
		}
	}
	checkWidths(t, env)
}
