package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/jackc/pgx/v5"
)

// pgDigest hashes every row of the tables an import writes, so that two
// states of a PostgreSQL store can be compared.
func pgDigest(t *testing.T, url string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	h := sha256.New()
	for _, q := range []string{
		"SELECT * FROM comuni ORDER BY istat", "SELECT * FROM comune_history ORDER BY id",
		"SELECT * FROM audit ORDER BY id", "SELECT * FROM audit_head", "SELECT * FROM imports ORDER BY id",
		"SELECT id, comune, codice_fiscale, dati, row_hash, valid_from, valid_to, end_reason, import_id, line, closed_by FROM persone ORDER BY id",
	} {
		rows, err := conn.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, vals...)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestKilledImportLeavesPostgresUnchanged sends SIGKILL to a csi process in
// the middle of a registry import into PostgreSQL and checks that the
// store is exactly as before, and takes the same file afterwards.
func TestKilledImportLeavesPostgresUnchanged(t *testing.T) {
	url := pgtest.NewDatabase(t)
	runCSI(t, url, "init")
	runCSI(t, url, "comuni", "onboard", "108033", "--date", "2024-01-01", "--anagrafe", "automatic")
	extract := filepath.Join(t.TempDir(), "monza.csv")
	writeMonza(t, extract)
	before := pgDigest(t, url)
	cmd := exec.Command(os.Args[0], "anagrafe", "import", extract, "--comune", "108033", "--progress", "bar")
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+url, "CSI_NOW=2024-06-30")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForProgress(t, pipe)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the import finished before it was killed (%v); the test proves nothing", err)
	}
	if after := pgDigest(t, url); after != before {
		t.Fatal("the store changed after a killed import")
	}
	out := runCSI(t, url, "anagrafe", "import", extract, "--comune", "108033", "-o", "json")
	if !bytes.Contains([]byte(out), []byte(`"inserted": 124840`)) {
		t.Fatalf("import after the kill: %s", out)
	}
}
