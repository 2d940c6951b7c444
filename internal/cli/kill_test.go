package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/csi-mb/csi/internal/synth"
	_ "modernc.org/sqlite"
)

// storeDigest hashes every row of the store's tables, so that two stores
// with the same content give the same digest whatever their file layout.
func storeDigest(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %s %v", ok, err)
	}
	h := sha256.New()
	for _, q := range []string{
		"SELECT * FROM comuni ORDER BY istat", "SELECT * FROM comune_history ORDER BY id",
		"SELECT * FROM audit ORDER BY id", "SELECT * FROM audit_head", "SELECT * FROM imports ORDER BY id",
		"SELECT id, comune, codice_fiscale, dati, row_hash, valid_from, valid_to, end_reason, import_id, line FROM persone ORDER BY id",
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, vals...)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func runCSI(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30"}
	if code := Run(context.Background(), args, io, enEnv(env)); code != 0 {
		t.Fatalf("csi %v: exit %d: %s", args, code, errOut.String())
	}
	return out.String()
}

// TestKilledImportLeavesStoreUnchanged sends SIGKILL to a csi process in the
// middle of a registry import and checks that the store is exactly as before.
// The import is a store's first load, which runs under a rollback journal
// (sqlite.DB.SoleUser): the kill leaves a hot journal, which the next
// opener rolls back.
func TestKilledImportLeavesStoreUnchanged(t *testing.T) {
	db, extract, before, cmd, _ := startImport(t)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the import finished before it was killed (%v); the test proves nothing", err)
	}
	if _, err := os.Stat(db + "-journal"); err != nil {
		t.Fatalf("no rollback journal after the kill (%v): the first load did not leave WAL mode", err)
	}
	if after := storeDigest(t, db); after != before {
		t.Fatal("the store changed after a killed import")
	}
	out := runCSI(t, db, "anagrafe", "import", extract, "--comune", "108033", "-o", "json")
	if !bytes.Contains([]byte(out), []byte(`"inserted": 124840`)) {
		t.Fatalf("import after the kill: %s", out)
	}
}

func writeMonza(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range synth.Comuni() {
		if c.Istat == "108033" {
			if _, err := synth.WriteAnagrafe(f, c, synth.Options{Seed: 1, Scale: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// waitForProgress waits for the first frame of the progress bar.
func waitForProgress(t *testing.T, r io.Reader) {
	t.Helper()
	buf := make([]byte, 256)
	n, err := io.ReadAtLeast(r, buf, 10)
	if err != nil || !bytes.Contains(buf[:n], []byte("rows")) {
		t.Fatalf("no progress from the import: %q %v", buf[:n], err)
	}
}

// TestInterruptedImportRollsBack sends SIGINT (Ctrl-C) mid-import: csi rolls
// back, says so and exits 130, and the store is unchanged.
func TestInterruptedImportRollsBack(t *testing.T) {
	db, _, before, cmd, stderr := startImport(t)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stderr)
	_ = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 || !bytes.Contains(rest, []byte("interrupted; nothing was changed")) {
		t.Fatalf("exit %d, stderr %q", code, rest)
	}
	if after := storeDigest(t, db); after != before {
		t.Fatal("the store changed after an interrupted import")
	}
}

// TestTerminatedImportRollsBack sends SIGTERM (a service manager's stop, a
// kill without -9) mid-import: csi rolls back as for Ctrl-C and exits 143
// (128 + SIGTERM), and the store is unchanged.
func TestTerminatedImportRollsBack(t *testing.T) {
	db, _, before, cmd, stderr := startImport(t)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stderr)
	_ = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 143 || !bytes.Contains(rest, []byte("terminated; nothing was changed")) {
		t.Fatalf("exit %d, stderr %q", code, rest)
	}
	if after := storeDigest(t, db); after != before {
		t.Fatal("the store changed after a terminated import")
	}
}

// startImport starts a csi process importing Monza's 124,840-row extract into
// a new store and returns once the import is under way: the progress bar's
// first frame comes after 100 ms of reading, long before the commit.
func startImport(t *testing.T) (db, extract, digest string, cmd *exec.Cmd, stderr io.Reader) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "csi.db")
	extract = filepath.Join(dir, "monza.csv")
	writeMonza(t, extract)
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "108033", "--date", "2024-01-01")
	digest = storeDigest(t, db)
	cmd = exec.Command(os.Args[0], "anagrafe", "import", extract, "--comune", "108033", "--progress", "bar")
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+db, "CSI_NOW=2024-06-30")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForProgress(t, pipe)
	return db, extract, digest, cmd, pipe
}
