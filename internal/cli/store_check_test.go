package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// csiIn runs csi in-process on the store db and returns the exit code,
// stdout and stderr.
func csiIn(db string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z"}
	code := Run(context.Background(), args, io, enEnv(env))
	return code, out.String(), errOut.String()
}

// TestMissingStoreNotCreated: a mistyped store path fails every command but
// init with exit 1, the path and the hint, and creates no file or folder.
func TestMissingStoreNotCreated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo", "csi-typo.db")
	for _, args := range [][]string{
		{"validate", "--fail-on", "error", "-o", "junit"},
		{"indicators", "show", "cartelle-popolazione", "--year", "2020"},
		{"comuni", "onboard", "Desio"},
		{"audit", "list", "--verify"},
		{"db", "check"},
		{"db", "backup", filepath.Join(dir, "b.db")},
	} {
		code, out, stderr := csiIn(db, args...)
		if code != ExitError || out != "" || !strings.Contains(stderr, "error: no store at "+db+"\n") ||
			!strings.Contains(stderr, "hint: create it with 'csi init --db "+db+"'") {
			t.Errorf("csi %v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("csi %v left %d entries in the folder", args, len(left))
		}
	}
	if code, _, stderr := csiIn(db, "init"); code != 0 {
		t.Fatalf("init: exit %d %s", code, stderr)
	}
	if code, out, _ := csiIn(db, "ambiti", "list"); code != 0 || !strings.Contains(out, "Vimercate") {
		t.Fatalf("after init: exit %d %q", code, out)
	}
}

// loadedStore returns a store with Aicurzio's registry (2,105 residents).
func loadedStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "aicurzio", "--anagrafe", "automatic", "--date", "2019-12-01")
	runCSI(t, db, "anagrafe", "import", filepath.Join("..", "..", "examples", "anagrafe-aicurzio-2020-01-01.csv"),
		"--comune", "aicurzio", "--as-of", "2020-01-01")
	return db
}

// flipResidentsPage inverts 200 bytes of a table b-tree leaf page that holds
// a resident's row (not the file header, not an index page).
func flipResidentsPage(t *testing.T, db, cf string) {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		t.Fatal("the WAL was not checkpointed: the file's pages are not the store's")
	}
	size := int(binary.BigEndian.Uint16(data[16:18]))
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte(cf))
		if i < 0 {
			t.Fatalf("no table leaf page holds %s", cf)
		}
		at += i + 1
		page := (at - 1) / size * size
		if page == 0 || data[page] != 0x0d {
			continue
		}
		for j := page + 8; j < page+208; j++ {
			data[j] ^= 0xff
		}
		if err := os.WriteFile(db, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
}

// TestDBCheckFindsFlippedBytes damages a page of residents and checks that
// `db check` fails with exit 1, that a write (quick_check first) and a
// backup are refused, and that a sound store passes.
func TestDBCheckFindsFlippedBytes(t *testing.T) {
	db := loadedStore(t)
	code, out, stderr := csiIn(db, "db", "check")
	if code != 0 || !strings.Contains(out, "integrity ok; audit log intact: 2 entries verified") {
		t.Fatalf("sound store: exit %d %q %q", code, out, stderr)
	}
	flipResidentsPage(t, db, "DMTGRL87E04Z129U")
	code, _, stderr = csiIn(db, "db", "check")
	if code != ExitError || !strings.Contains(stderr, "error: the store "+db+" is damaged") || !strings.Contains(stderr, "hint: stop writing to it") {
		t.Fatalf("damaged store: exit %d %q", code, stderr)
	}
	code, out, _ = csiIn(db, "db", "check", "-o", "json")
	var res dbCheck
	if err := json.Unmarshal([]byte(out), &res); code != ExitError || err != nil || res.OK || len(res.Integrity) == 0 {
		t.Fatalf("json: exit %d %v %+v", code, err, res)
	}
	code, _, stderr = csiIn(db, "comuni", "onboard", "Desio")
	if code != ExitError || !strings.Contains(stderr, "is damaged") {
		t.Fatalf("a write on the damaged store: exit %d %q", code, stderr)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, _, stderr = csiIn(db, "db", "backup", backup); code != ExitError || !strings.Contains(stderr, "is damaged") {
		t.Fatalf("backup of the damaged store: exit %d %q", code, stderr)
	}
	if _, err := os.Stat(backup); err == nil {
		t.Fatal("a damaged store was backed up")
	}
}

// TestNewerSchemaRefusedByCommands bumps the recorded schema version as a
// newer csi would: every command refuses it with both versions.
func TestNewerSchemaRefusedByCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqldb.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')"); err != nil {
		t.Fatal(err)
	}
	sqldb.Close()
	for _, args := range [][]string{{"ambiti", "list"}, {"init"}, {"db", "migrate"}, {"db", "status"}, {"comuni", "onboard", "Desio"}} {
		code, _, stderr := csiIn(db, args...)
		if code != ExitError || !strings.Contains(stderr, "has schema version 99, newer than this csi knows (") ||
			!strings.Contains(stderr, "hint: upgrade csi") {
			t.Errorf("csi %v: exit %d %q", args, code, stderr)
		}
	}
}

// TestAuditWipeDetectedByVerify empties the log (triggers dropped, as with
// the file in hand): --verify fails because the import has no entry.
func TestAuditWipeDetectedByVerify(t *testing.T) {
	db := loadedStore(t)
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TRIGGER audit_no_delete", "DELETE FROM audit", "DELETE FROM audit_head"} {
		if _, err := sqldb.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	sqldb.Close()
	for _, args := range [][]string{{"audit", "list", "--verify"}, {"audit", "verify"}, {"db", "check"}} {
		code, _, stderr := csiIn(db, args...)
		if code != ExitError || !strings.Contains(stderr, "error: audit log tampered: ") || !strings.Contains(stderr, "has no audit entry") {
			t.Errorf("csi %v: exit %d %q", args, code, stderr)
		}
	}
}
