package safefile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// temps lists the temporary files left in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), Prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s = %q, %v; want %q", path, got, err, want)
	}
}

// create starts a file at path and writes content into it.
func create(t *testing.T, path, content string) *File {
	t.Helper()
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCommitReplacesOnlyOnSuccess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	write(t, path, "old", 0o644)
	f := create(t, path, "new")
	wantContent(t, path, "old") // untouched while the command runs
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	wantContent(t, path, "new")
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if left := temps(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	f.Abort() // after Commit: nothing happens
	wantContent(t, path, "new")
}

func TestAbortLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	kept, absent := filepath.Join(dir, "kept.csv"), filepath.Join(dir, "absent.csv")
	write(t, kept, "old", 0o644)
	for _, path := range []string{kept, absent} {
		f := create(t, path, "new")
		f.Abort()
		f.Abort()
	}
	wantContent(t, kept, "old")
	if _, err := os.Lstat(absent); !os.IsNotExist(err) {
		t.Errorf("an aborted new file exists: %v", err)
	}
	if left := temps(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestRefusesLinksAndNonRegularTargets(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	write(t, victim, "precious", 0o644)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.csv")
	if err := os.Symlink(filepath.Join(dir, "nothing"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{link, dangling, dir} {
		f, err := Create(path)
		if csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(err.Error(), path) || csi.ErrorHint(err) == "" {
			t.Errorf("Create(%s) = %v, want EINVALID naming the path, with a hint", path, err)
		}
		if f != nil {
			f.Abort()
		}
	}
	wantContent(t, victim, "precious")
	if _, err := os.Lstat(filepath.Join(dir, "nothing")); !os.IsNotExist(err) {
		t.Error("a dangling link's target was created")
	}
	if left := temps(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestCommitRefusesTargetTurnedLink: a link planted while the command runs
// is not followed, nor replaced.
func TestCommitRefusesTargetTurnedLink(t *testing.T) {
	dir := t.TempDir()
	victim, path := filepath.Join(dir, "victim"), filepath.Join(dir, "out.csv")
	write(t, victim, "precious", 0o644)
	f := create(t, path, "new")
	if err := os.Symlink(victim, path); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); csi.ErrorCode(err) != csi.EINVALID {
		t.Errorf("Commit over a new link = %v, want EINVALID", err)
	}
	wantContent(t, victim, "precious")
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if left := temps(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCommitNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	f := create(t, path, "first")
	if err := f.CommitNew(); err != nil {
		t.Fatal(err)
	}
	g := create(t, path, "second")
	if err := g.CommitNew(); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("CommitNew over an existing file = %v, want ECONFLICT", err)
	}
	wantContent(t, path, "first")
	if left := temps(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestCleanStaleKeepsFilesInUse: a temporary file nobody holds (its writer
// was killed) goes; one a live writer holds stays and commits.
func TestCleanStaleKeepsFilesInUse(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, Prefix+"rejects.csv-123")
	write(t, stale, "line,column,reason,raw\n", 0o600)
	other := filepath.Join(dir, "other.csv")
	write(t, other, "not ours", 0o600)
	live := create(t, filepath.Join(dir, "live.csv"), "live")
	staleJournal := stale + "-journal"
	write(t, staleJournal, "j", 0o600)
	liveJournal := live.TempName() + "-journal" // SQLite's, beside a backup being written
	write(t, liveJournal, "j", 0o600)
	CleanStale(dir)
	if _, err := os.Lstat(staleJournal); !os.IsNotExist(err) {
		t.Errorf("the journal of a stale file was kept: %v", err)
	}
	wantContent(t, liveJournal, "j")
	if _, err := os.Lstat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	wantContent(t, other, "not ours")
	if err := live.Commit(); err != nil {
		t.Fatalf("a live file was cleaned: %v", err)
	}
	wantContent(t, filepath.Join(dir, "live.csv"), "live")
}

func TestScratchLeavesNoName(t *testing.T) {
	dir := t.TempDir()
	fh, unlinked, err := Scratch(dir, "rejects")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, err := fh.WriteString("data"); err != nil {
		t.Fatal(err)
	}
	left := temps(t, dir)
	if runtime.GOOS != "windows" && (!unlinked || len(left) != 0) {
		t.Errorf("scratch file still named: unlinked=%v, %v", unlinked, left)
	}
	if st, _ := fh.Stat(); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}
