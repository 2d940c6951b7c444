package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
)

// serverProcess is a csi serve started as a separate process over a store
// holding Monza onboarded, with a coordinator token.
type serverProcess struct {
	cmd         *exec.Cmd
	db, extract string
	spool       string
	before      string
	client      *httpapi.Client
	stderr      *bufio.Reader
	url         string
}

var servingLine = regexp.MustCompile(`serving .* on (http://127\.0\.0\.1:\d+)`)

func startServer(t *testing.T, shutdownTimeout string) *serverProcess {
	t.Helper()
	dir := t.TempDir()
	sp := &serverProcess{db: filepath.Join(dir, "csi.db"), extract: filepath.Join(dir, "monza.csv"), spool: filepath.Join(dir, "tmp")}
	if err := os.Mkdir(sp.spool, 0o700); err != nil {
		t.Fatal(err)
	}
	writeMonza(t, sp.extract)
	runCSI(t, sp.db, "init")
	runCSI(t, sp.db, "comuni", "onboard", "108033", "--date", "2024-01-01")
	secret := strings.TrimSpace(runCSI(t, sp.db, "token", "create", "--name", "kill-test", "--role", "coordinator"))
	sp.before = storeDigest(t, sp.db)
	sp.cmd = exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--shutdown-timeout", shutdownTimeout)
	sp.cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+sp.db, "CSI_NOW=2024-06-30", "TMPDIR="+sp.spool)
	pipe, err := sp.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sp.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sp.cmd.Process.Kill(); _ = sp.cmd.Wait() })
	sp.stderr = bufio.NewReader(pipe)
	for sp.url == "" {
		line, err := sp.stderr.ReadString('\n')
		if err != nil {
			t.Fatalf("the server did not start: %v", err)
		}
		if m := servingLine.FindStringSubmatch(line); m != nil {
			sp.url = m[1]
		}
	}
	go func() { _, _ = io.Copy(io.Discard, sp.stderr) }()
	sp.client, err = httpapi.NewClient(sp.url, httpapi.ClientOptions{Token: secret})
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// importUntilUnderWay streams Monza's extract to the server and calls
// signal once the server reports that it is importing rows (its first
// progress event comes with its first rows, inside the transaction); it
// returns the import's outcome.
func (sp *serverProcess) importUntilUnderWay(t *testing.T, signal func()) (sum *csi.ImportSummary, signalled bool, err error) {
	t.Helper()
	src, ferr := fileSource(sp.extract)
	if ferr != nil {
		t.Fatal(ferr)
	}
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	req.Progress = func(_ int64, rows int) {
		if rows > 0 && !signalled {
			signalled = true
			signal()
		}
	}
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "anagrafe import"})
	sum, err = sp.client.ImportAnagrafe(ctx, req, src)
	return sum, signalled, err
}

// TestServerKilledMidImport sends SIGKILL to csi serve in the middle of a
// streamed registry import: the store is exactly as before, no copy of the
// extract is left in the server's temporary folder, and the client says it
// lost the server.
func TestServerKilledMidImport(t *testing.T) {
	sp := startServer(t, "1m")
	_, signalled, err := sp.importUntilUnderWay(t, func() { _ = sp.cmd.Process.Signal(syscall.SIGKILL) })
	if !signalled {
		t.Fatalf("the import finished (%v) before the server was killed; the test proves nothing", err)
	}
	_ = sp.cmd.Wait()
	if ws, ok := sp.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatal("the server was not killed")
	}
	if csi.ErrorCode(err) != csi.EUNREACHABLE || !strings.Contains(err.Error(), "lost the connection to "+sp.url) {
		t.Fatalf("client error: %v", err)
	}
	if after := storeDigest(t, sp.db); after != sp.before {
		t.Fatal("the store changed after the server was killed mid-import")
	}
	if left, _ := os.ReadDir(sp.spool); len(left) != 0 {
		t.Fatalf("the killed server left %d files in its temporary folder", len(left))
	}
}

// TestServerTerminatedMidImport sends SIGTERM during an import: with time
// to finish, the import commits and the server exits 0; with none, it is
// rolled back (the store as before) and the server still exits 0.
func TestServerTerminatedMidImport(t *testing.T) {
	t.Run("finish", func(t *testing.T) {
		sp := startServer(t, "2m")
		sum, signalled, err := sp.importUntilUnderWay(t, func() { _ = sp.cmd.Process.Signal(syscall.SIGTERM) })
		if !signalled || err != nil || sum.Inserted != 124840 {
			t.Fatalf("signalled %v, summary %+v, error %v", signalled, sum, err)
		}
		waitExit(t, sp.cmd, 0)
		if got := runCSI(t, sp.db, "anagrafe", "residents", "--comune", "108033", "--at", "2024-06-30", "--count"); got != "124840\n" {
			t.Fatalf("residents after the import: %q", got)
		}
	})
	t.Run("roll back", func(t *testing.T) {
		sp := startServer(t, "1ms")
		_, signalled, err := sp.importUntilUnderWay(t, func() { _ = sp.cmd.Process.Signal(syscall.SIGTERM) })
		if !signalled || csi.ErrorCode(err) != csi.EUNAVAILABLE || !strings.Contains(err.Error(), "nothing was changed") {
			t.Fatalf("signalled %v, error %v", signalled, err)
		}
		waitExit(t, sp.cmd, 0)
		if after := storeDigest(t, sp.db); after != sp.before {
			t.Fatal("the store changed after an import cancelled by shutdown")
		}
	})
}

func waitExit(t *testing.T, cmd *exec.Cmd, want int) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if code := cmd.ProcessState.ExitCode(); code != want || (err != nil && !errors.As(err, &ee)) {
			t.Fatalf("server exit %d (%v), want %d", code, err, want)
		}
	case <-time.After(90 * time.Second):
		t.Fatal("the server did not stop")
	}
}
