package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyFileIsNotAStore: an existing empty file as --db is refused by
// every command but init, with the init hint, and is not written to; init
// makes a store of it with mode 0600.
func TestEmptyFileIsNotAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e2.db")
	if err := os.WriteFile(db, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate"}, {"db", "migrate"}, {"db", "status"}, {"ambiti", "list"}} {
		code, out, stderr := csiIn(db, args...)
		if code != ExitError || out != "" || stderr != "error: "+db+" is not a csi store\n"+
			"hint: the file is empty: make it a store with 'csi init --db "+db+"', or check --db and CSI_DB\n" {
			t.Errorf("csi %v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
		if st, err := os.Stat(db); err != nil || st.Size() != 0 {
			t.Fatalf("csi %v wrote to the empty file: %v %v", args, st.Size(), err)
		}
		assertNoSidecars(t, db)
	}
	if code, _, stderr := csiIn(db, "init"); code != 0 {
		t.Fatalf("init: exit %d %s", code, stderr)
	}
	assertOwnerOnly(t, db)
	if code, out, _ := csiIn(db, "ambiti", "list"); code != 0 || !strings.Contains(out, "Vimercate") {
		t.Fatalf("after init: exit %d %q", code, out)
	}
}

// TestNotSQLiteRefused: a file that is not SQLite, or a SQLite database
// without csi's tables, is "not a csi store" for every command, init too
// (it does not take over another program's file), and is left as it was.
func TestNotSQLiteRefused(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(text, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate"}, {"db", "migrate"}, {"init"}} {
		code, _, stderr := csiIn(text, args...)
		if code != ExitError || !strings.HasPrefix(stderr, "error: "+text+" is not a csi store\nhint: ") {
			t.Errorf("csi %v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if data, _ := os.ReadFile(text); string(data) != "hello\n" {
		t.Fatalf("the file was changed: %q", data)
	}
	assertNoSidecars(t, text)
}

// TestStoreIsOwnerOnly: whatever the mode of the file before, a store
// that init or db migrate creates or upgrades is 0600 (demo --db: see
// TestDemoScaled).
func TestStoreIsOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	assertOwnerOnly(t, db)
	for _, args := range [][]string{{"db", "migrate"}, {"init"}} {
		for _, p := range []string{db, db + "-wal", db + "-shm"} {
			if _, err := os.Stat(p); err == nil {
				if err := os.Chmod(p, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		if code, _, stderr := csiIn(db, args...); code != 0 {
			t.Fatalf("csi %v: exit %d %s", args, code, stderr)
		}
		assertOwnerOnly(t, db)
	}
}

// TestDirectoryAsStore: --db naming a folder says so, for every command.
func TestDirectoryAsStore(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"validate"}, {"init"}, {"db", "migrate"}} {
		code, _, stderr := csiIn(dir, args...)
		if code != ExitError || stderr != "error: the store path "+dir+" is a directory\n"+
			"hint: give --db (or CSI_DB) the path of a store file, e.g. "+filepath.Join(dir, "csi.db")+"\n" {
			t.Errorf("csi %v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func assertOwnerOnly(t *testing.T, db string) {
	t.Helper()
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		st, err := os.Stat(p)
		if p == db && err != nil {
			t.Fatal(err)
		}
		if err == nil && st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), st.Mode().Perm())
		}
	}
}

func assertNoSidecars(t *testing.T, db string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(db + ext); err == nil {
			t.Errorf("%s%s was created", filepath.Base(db), ext)
		}
	}
}

// TestMapUnknownColumnIsUsage: a --map key that names no column (a typo
// of the canonical name) is a usage error, exit 2, whose message lists
// the valid names.
func TestMapUnknownColumnIsUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "aicurzio", "--anagrafe", "automatic", "--date", "2019-12-01")
	file := filepath.Join("..", "..", "examples", "anagrafe-aicurzio-2020-01-01.csv")
	code, _, stderr := csiIn(db, "anagrafe", "import", file, "--comune", "aicurzio", "--as-of", "2020-01-01",
		"--map", "codice_fiscal=CF")
	if code != ExitUsage || !strings.Contains(stderr, `--map: "codice_fiscal" is not a column of anagrafe files (valid: codice_fiscale, `) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// TestDryRunStillWritesRejects pins the documented behaviour: --dry-run
// writes nothing to the store, but --rejects FILE receives the rejected
// rows, a preview of what to fix.
func TestDryRunStillWritesRejects(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "aicurzio", "--anagrafe", "automatic", "--date", "2019-12-01")
	file, rejects := filepath.Join(dir, "a.csv"), filepath.Join(dir, "rejects.csv")
	data := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\n" +
		"BRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;F704\n" +
		"NOTACF;Rossi;Anna;F;1960-01-01;F704\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := csiIn(db, "anagrafe", "import", file, "--comune", "aicurzio", "--as-of", "2020-01-01",
		"--dry-run", "--rejects", rejects)
	if code != ExitRejected {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	got, err := os.ReadFile(rejects)
	if err != nil || !strings.Contains(string(got), "\n3,codice_fiscale,") {
		t.Fatalf("rejects file: %q, %v", got, err)
	}
	if _, out, _ := csiIn(db, "anagrafe", "imports", "-o", "json"); strings.Contains(out, "a.csv") {
		t.Errorf("the dry run recorded an import: %s", out)
	}
}
