package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// namedFiles lists the files of dir other than those given.
func namedFiles(t *testing.T, dir string, except ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		keep := true
		for _, x := range except {
			keep = keep && name != x
		}
		if keep {
			out = append(out, name)
		}
	}
	return out
}

// probeWriter lists, when first written to, the files named in its folders:
// the rejected rows are then spooled, and must not be in any of them.
type probeWriter struct {
	t     *testing.T
	dirs  []string
	found []string
	seen  bool
}

func (p *probeWriter) Write(b []byte) (int, error) {
	if !p.seen {
		p.seen = true
		for _, d := range p.dirs {
			p.found = append(p.found, namedFiles(p.t, d, "csi.db", "csi.db-wal", "csi.db-shm")...)
		}
	}
	return len(b), nil
}

// TestRejectSpoolHasNoName: while an import holds its rejected rows, no
// file holding them can be found in the temporary folder or beside the
// store, so that a killed import leaves none behind.
func TestRejectSpoolHasNoName(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	db, ctx := onboarded(t, "108033")
	probe := &probeWriter{t: t, dirs: []string{tmp, filepath.Dir(db.Path())}}
	data := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;comune_residenza\n" +
		"BRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;F704;108033\n" +
		"BRMLCU85S30F704A;Brambilla;Luca;M;1985-11-30;F704;108033\n"
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	req.Rejects = probe
	sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("a.csv", []byte(data)))
	if err != nil || sum.Rejected != 1 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	if !probe.seen || len(probe.found) != 0 {
		t.Errorf("rejected rows written: %v; files found while spooling them: %v", probe.seen, probe.found)
	}
}

// TestBackupFailureLeavesNoFile: a backup that fails (here cancelled; a
// full disk alike) leaves neither the target nor a temporary file.
func TestBackupFailureLeavesNoFile(t *testing.T) {
	db := newStore(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(actorCtx())
	cancel()
	if err := db.Backup(ctx, filepath.Join(dir, "backup.db")); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if left := namedFiles(t, dir); len(left) != 0 {
		t.Errorf("a failed backup left %v", left)
	}
}

// TestBackupRefusesLink: a link where the backup goes is refused, and the
// file it points to is not touched.
func TestBackupRefusesLink(t *testing.T) {
	db := newStore(t)
	dir := t.TempDir()
	victim, link := filepath.Join(dir, "victim"), filepath.Join(dir, "backup.db")
	if err := os.WriteFile(victim, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	err := db.Backup(actorCtx(), link)
	if csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("backup to a link: %v, want EINVALID naming the link", err)
	}
	if st, err := os.Stat(victim); err != nil || st.Size() != 0 {
		t.Errorf("the link's target changed: %v %v", st, err)
	}
	if left := namedFiles(t, dir, "victim", "backup.db"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
