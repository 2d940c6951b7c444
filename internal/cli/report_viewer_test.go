package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportAsViewer: a viewer may not read the registry status, so the
// premessa says it is not available instead of failing, and the server
// withholds the small counts of every table whatever the viewer asks.
func TestReportAsViewer(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	cartelle := filepath.Join(dir, "cartelle.csv")
	if err := os.WriteFile(cartelle, []byte(browserCartelle), 0o600); err != nil {
		t.Fatal(err)
	}
	runCSI(t, db, "records", "import", "cartelle", cartelle)
	secret := strings.TrimSpace(runCSI(t, db, "token", "create", "--name", "cruscotto", "--role", "viewer"))
	url := startServe(t, db, "2024-06-30T10:00:00Z")
	env := map[string]string{"CSI_REMOTE": url, "CSI_TOKEN": secret, "CSI_ACTOR": "maria"}
	code, out, errOut := runWith(env, "report", "--period", "2022-2023")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "the registry status of the Comuni is not available to this account") {
		t.Errorf("the premessa does not say the registry is not available:\n%s", out)
	}
	if !strings.Contains(out, "counts below 5 withheld") || !strings.Contains(out, "| <5 |") {
		t.Errorf("the viewer's tables are not suppressed below 5")
	}
}
