package cli

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/csi-mb/csi/internal/csi"

	"github.com/csi-mb/csi/internal/safefile"
)

// The files csi writes (--rejects, demo --out, db backup) must never follow
// a link, never be left half-written or world-readable, and never change
// when the command fails or does nothing.

// registryRejects is a registry extract of Monza with one good row and one
// rejected row (a wrong check character); recordsRejects is an interventi
// file with one good and one rejected row (an empty id).
const (
	registryRejects = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;comune_residenza;indirizzo\n" +
		"BRMGPP50C12F704K;Brambilla;Giuseppe;M;12/03/1950;F704;108033;Via Roma 1\n" +
		"BRMLCU85S30F704A;Brambilla;Luca;M;1985-11-30;F704;108033;Via Po 2\n"
	recordsRejects = "id_intervento,id_cartella,codice_prestazione,carattere,data_inizio,data_fine,importo_mensile,data_erogazione,importo,misura,presa_in_carico\n" +
		"I1,C1,A1.04,P,2020-02-01,2020-12-31,400,,,B2,S\n" +
		",C1,A1.04,O,,,,2020-03-10,12,,N\n"
	unusable = "cognome;nome\nBrambilla;Giuseppe\n" // no codice_fiscale, no id column
)

// importer is a command that writes a --rejects file.
type importer struct {
	name string
	args func(data string) []string
	data string // a file with one rejected row
}

var importers = []importer{
	{"anagrafe import", func(data string) []string {
		return []string{"anagrafe", "import", data, "--comune", "108033", "--as-of", "2024-03-31"}
	}, registryRejects},
	{"records import", func(data string) []string { return []string{"records", "import", "interventi", data} }, recordsRejects},
}

// fileEnv returns a fresh store with Monza onboarded and the environment of
// the commands run on it.
func fileEnv(t *testing.T) (dir string, env map[string]string) {
	t.Helper()
	dir = t.TempDir()
	env = map[string]string{"CSI_DB": filepath.Join(dir, "csi.db"), "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30T10:00:00Z"}
	if _, stderr, code := runDemoCSI(t, env, "init"); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	if _, stderr, code := runDemoCSI(t, env, "comuni", "onboard", "108033", "--date", "2024-01-01"); code != 0 {
		t.Fatalf("onboard: %s", stderr)
	}
	return dir, env
}

func writeFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func wantFile(t *testing.T, path, content string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != content {
		t.Errorf("%s = %q (%d bytes, %v), want %q", path, got[:min(len(got), 40)], len(got), err, content)
	}
}

// noTemps fails if dir holds a temporary file of csi.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), safefile.Prefix) || strings.HasPrefix(e.Name(), "csi-") {
			t.Errorf("temporary file left in %s: %s", dir, e.Name())
		}
	}
}

func TestRejectsFileRefusesLink(t *testing.T) {
	for _, imp := range importers {
		t.Run(imp.name, func(t *testing.T) {
			dir, env := fileEnv(t)
			data, victim, link := filepath.Join(dir, "data.csv"), filepath.Join(dir, "victim"), filepath.Join(dir, "rejects.csv")
			writeFile(t, data, imp.data, 0o600)
			writeFile(t, victim, "precious\n", 0o644)
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			_, stderr, code := runDemoCSI(t, env, append(imp.args(data), "--rejects", link)...)
			if code != ExitUsage || !strings.Contains(stderr, "rejects.csv is a symbolic link") {
				t.Errorf("exit %d, stderr %q; want a refusal naming the link", code, stderr)
			}
			wantFile(t, victim, "precious\n")
			noTemps(t, dir)
		})
	}
}

func TestRejectsFilePrecreatedBecomesPrivate(t *testing.T) {
	for _, imp := range importers {
		t.Run(imp.name, func(t *testing.T) {
			dir, env := fileEnv(t)
			data, rejects := filepath.Join(dir, "data.csv"), filepath.Join(dir, "rejects.csv")
			writeFile(t, data, imp.data, 0o600)
			writeFile(t, rejects, "", 0o644)
			if _, stderr, code := runDemoCSI(t, env, append(imp.args(data), "--rejects", rejects)...); code != ExitRejected {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			st, err := os.Stat(rejects)
			if err != nil || st.Mode().Perm() != 0o600 || st.Size() == 0 {
				t.Errorf("rejects file %v (%v), want a non-empty file with mode 0600", st, err)
			}
			noTemps(t, dir)
		})
	}
}

// TestRejectsFileUntouchedByNoop: the same file imported again changes
// nothing, not even the rejects file of the first import.
func TestRejectsFileUntouchedByNoop(t *testing.T) {
	for _, imp := range importers {
		t.Run(imp.name, func(t *testing.T) {
			dir, env := fileEnv(t)
			data, rejects := filepath.Join(dir, "data.csv"), filepath.Join(dir, "rejects.csv")
			writeFile(t, data, imp.data, 0o600)
			if _, stderr, code := runDemoCSI(t, env, imp.args(data)...); code != ExitRejected {
				t.Fatalf("first import: exit %d: %s", code, stderr)
			}
			writeFile(t, rejects, "kept\n", 0o600)
			out, stderr, code := runDemoCSI(t, env, append(imp.args(data), "--rejects", rejects, "-o", "json")...)
			if code != ExitRejected || !strings.Contains(out, `"noop": true`) {
				t.Fatalf("re-import: exit %d, want %d (its rows are still refused): %s%s", code, ExitRejected, out, stderr)
			}
			wantFile(t, rejects, "kept\n")
			noTemps(t, dir)
		})
	}
}

// TestRejectsFileUntouchedByFailure: an import that fails as a whole leaves
// an existing rejects file as it was and no temporary file.
func TestRejectsFileUntouchedByFailure(t *testing.T) {
	for _, imp := range importers {
		t.Run(imp.name, func(t *testing.T) {
			dir, env := fileEnv(t)
			data, rejects := filepath.Join(dir, "data.csv"), filepath.Join(dir, "rejects.csv")
			writeFile(t, data, unusable, 0o600)
			writeFile(t, rejects, "kept\n", 0o600)
			if _, stderr, code := runDemoCSI(t, env, append(imp.args(data), "--rejects", rejects)...); code != ExitError {
				t.Fatalf("exit %d, want %d: %s", code, ExitError, stderr)
			}
			wantFile(t, rejects, "kept\n")
			noTemps(t, dir)
		})
	}
}

// onlyFiles fails if dir holds other files than those named, or a
// temporary file of csi readable by others.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		st, _ := e.Info()
		switch {
		case strings.HasPrefix(e.Name(), safefile.Prefix) && st.Mode().Perm()&0o077 == 0:
		case slices.Contains(names, e.Name()):
		default:
			t.Errorf("%s left in %s (mode %v)", e.Name(), dir, st.Mode())
		}
	}
}

// TestKilledImportLeavesNoRejects kills an import writing --rejects: no
// copy of rejected rows is left in the temporary folder or beside the store,
// the rejects file is not created, and the next import writing there
// removes the private temporary file the killed one left.
func TestKilledImportLeavesNoRejects(t *testing.T) {
	dir := t.TempDir()
	db, extract, tmp, out := filepath.Join(dir, "csi.db"), filepath.Join(dir, "monza.csv"), filepath.Join(dir, "tmp"), filepath.Join(dir, "out")
	for _, d := range []string{tmp, out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	writeMonza(t, extract)
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "108033", "--date", "2024-01-01")
	rejects := filepath.Join(out, "rejects.csv")
	cmd := exec.Command(os.Args[0], "anagrafe", "import", extract, "--comune", "108033", "--progress", "bar", "--rejects", rejects)
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+db, "CSI_NOW=2024-06-30", "TMPDIR="+tmp)
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
	_ = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatal("the import finished before it was killed; the test proves nothing")
	}
	onlyFiles(t, tmp)
	// The store's own files: a first load runs under a rollback journal,
	// which the kill leaves for the next opener to roll back.
	onlyFiles(t, dir, "csi.db", "csi.db-wal", "csi.db-shm", "csi.db-journal", "csi.db.verified", "monza.csv", "tmp", "out")
	onlyFiles(t, out)
	if stale, _ := filepath.Glob(filepath.Join(out, safefile.Prefix+"*")); len(stale) == 0 {
		t.Error("the killed import left no temporary file beside the rejects file: nothing to clean")
	}
	env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30", "TMPDIR": tmp}
	if _, stderr, code := runDemoCSI(t, env, "anagrafe", "import", extract, "--comune", "108033", "--rejects", rejects); code != 0 && code != ExitRejected {
		t.Fatalf("import after the kill: exit %d: %s", code, stderr)
	}
	noTemps(t, out)
	if _, err := os.Stat(rejects); err != nil {
		t.Errorf("the import after the kill wrote no rejects file: %v", err)
	}
}

// TestServerKilledMidImportLeavesNoRejects kills csi serve while it imports
// with rejected rows asked for: nothing is left in its temporary folder nor
// beside its store.
func TestServerKilledMidImportLeavesNoRejects(t *testing.T) {
	sp := startServer(t, "1m")
	src, err := fileSource(sp.extract)
	if err != nil {
		t.Fatal(err)
	}
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	req.Rejects = io.Discard
	signalled := false
	req.Progress = func(_ int64, rows int) {
		if rows > 0 && !signalled {
			signalled = true
			_ = sp.cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "anagrafe import"})
	if _, err := sp.client.ImportAnagrafe(ctx, req, src); !signalled {
		t.Fatalf("the import finished (%v) before the server was killed; the test proves nothing", err)
	}
	_ = sp.cmd.Wait()
	onlyFiles(t, sp.spool)
	onlyFiles(t, filepath.Dir(sp.db), "csi.db", "csi.db-wal", "csi.db-shm", "csi.db.verified", "monza.csv", "tmp")
}

// TestBackupOnFullDiskLeavesNoFile runs `csi db backup` with a file size
// limit far below the store's size (a full disk, as the copy sees it): it
// fails, and neither the backup nor a temporary file is left.
func TestBackupOnFullDiskLeavesNoFile(t *testing.T) {
	dir, env := fileEnv(t)
	extract, out := filepath.Join(dir, "monza.csv"), filepath.Join(dir, "out")
	writeMonza(t, extract)
	runCSI(t, env["CSI_DB"], "anagrafe", "import", extract, "--comune", "108033")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(out, "backup.db")
	// ulimit -f counts 512- or 1024-byte blocks: 2048 is at most 2 MiB,
	// enough for the store's shared-memory file, not for its copy.
	cmd := exec.Command("sh", "-c", `ulimit -f 2048 && exec "$0" db backup "$1"`, os.Args[0], backup)
	cmd.Env = append(os.Environ(), "CSI_TEST_MAIN=1", "CSI_DB="+env["CSI_DB"], "CSI_NOW=2024-06-30")
	stderr, err := cmd.CombinedOutput()
	if err == nil || cmd.ProcessState.ExitCode() != ExitError || !strings.Contains(string(stderr), "backup") {
		t.Fatalf("backup over the size limit: %v, output %q; want exit %d naming the backup", err, stderr, ExitError)
	}
	onlyFiles(t, out)
	noTemps(t, out)
}

// TestBackupRefusesLink: `csi db backup LINK` writes nothing through it.
func TestBackupRefusesLink(t *testing.T) {
	dir, env := fileEnv(t)
	victim, link := filepath.Join(dir, "victim"), filepath.Join(dir, "backup.db")
	writeFile(t, victim, "", 0o644)
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runDemoCSI(t, env, "db", "backup", link)
	if code != ExitUsage || !strings.Contains(stderr, "backup.db is a symbolic link") {
		t.Errorf("exit %d, stderr %q; want a refusal naming the link", code, stderr)
	}
	wantFile(t, victim, "")
	noTemps(t, dir)
}

// TestDemoOutRefusesLink: a link among the demo's files stops it before it
// writes any file: neither the link's target nor an existing file changes.
func TestDemoOutRefusesLink(t *testing.T) {
	dir := t.TempDir()
	out, victim := filepath.Join(dir, "out"), filepath.Join(dir, "victim")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, victim, "precious\n", 0o644)
	writeFile(t, filepath.Join(out, "cartelle.csv"), "old\n", 0o644)
	if err := os.Symlink(victim, filepath.Join(out, "comuni.csv")); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	_, stderr, code := runDemoCSI(t, env, "demo", "--scale", "0.01", "--out", out)
	if code != ExitUsage || !strings.Contains(stderr, "comuni.csv is a symbolic link") {
		t.Errorf("exit %d, stderr %q; want a refusal naming the link", code, stderr)
	}
	wantFile(t, victim, "precious\n")
	wantFile(t, filepath.Join(out, "cartelle.csv"), "old\n")
	onlyFiles(t, out, "cartelle.csv", "comuni.csv", "anagrafe")
	noTemps(t, out)
	noTemps(t, filepath.Join(out, "anagrafe"))
}

// TestDemoOutReplacesPrecreatedPrivately: a world-readable file where the
// demo writes one is replaced by a private (0600) file.
func TestDemoOutReplacesPrecreatedPrivately(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "cartelle.csv"), "old\n", 0o644)
	env := map[string]string{"CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	if _, stderr, code := runDemoCSI(t, env, "demo", "--scale", "0.01", "--out", out); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	st, err := os.Stat(filepath.Join(out, "cartelle.csv"))
	if err != nil || st.Mode().Perm() != 0o600 || st.Size() < 100 {
		t.Errorf("cartelle.csv: %v %v; want the generated file, mode 0600", st, err)
	}
	noTemps(t, out)
	noTemps(t, filepath.Join(out, "anagrafe"))
}

// TestServerCleansStaleUpload: a spooled upload left by a server killed
// where its name could not be removed at once (Windows) goes at the next
// upload; the uploads in progress are not touched.
func TestServerCleansStaleUpload(t *testing.T) {
	sp := startServer(t, "1m")
	stale := filepath.Join(sp.spool, safefile.Prefix+"upload-123")
	writeFile(t, stale, "codice_fiscale;cognome\n", 0o600)
	data := filepath.Join(t.TempDir(), "data.csv")
	writeFile(t, data, registryRejects, 0o600)
	src, err := fileSource(data)
	if err != nil {
		t.Fatal(err)
	}
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "anagrafe import"})
	if _, err := sp.client.ImportAnagrafe(ctx, req, src); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, sp.spool)
	if _, err := os.Lstat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale upload is still there: %v", err)
	}
}
