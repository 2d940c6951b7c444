package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// newTemp creates a private temporary file (0600) in dir, named Prefix+name-*, and
// locks it. A cleaner of another process may remove the file between its
// creation and the lock: then it is created again.
func newTemp(dir, name string) (*os.File, error) {
	for range 5 {
		fh, err := os.CreateTemp(dir, Prefix+name+"-*")
		if err != nil {
			return nil, err
		}
		if lock(fh) == nil && stillNamed(fh) {
			return fh, nil
		}
		fh.Close()
	}
	return nil, errors.New("temporary files keep disappearing")
}

// stillNamed reports whether fh's name still refers to fh.
func stillNamed(fh *os.File) bool {
	a, err := fh.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(fh.Name())
	return err == nil && os.SameFile(a, b)
}

// Scratch creates a private working file in dir (named with Prefix and
// purpose) and, where the system allows it (not Windows), removes its name
// at once, so that not even a killed process leaves the data behind. It
// reports whether the name is gone; if not, the caller removes the file
// when done with it, and CleanStale does after a kill.
func Scratch(dir, purpose string) (fh *os.File, unlinked bool, err error) {
	CleanStale(dir)
	if fh, err = newTemp(dir, purpose); err != nil {
		return nil, false, err
	}
	return fh, os.Remove(fh.Name()) == nil, nil
}

// CleanStale removes from dir the temporary files of this package that no
// live process holds: those of a command killed before it could commit or
// abort. It never removes a file in use (locked) nor SQLite's journal of
// one, and it ignores what it cannot read or remove.
func CleanStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var kept []string // in name order: a file comes before its journal
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, Prefix) || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, name)
		if sidecarOf(name, kept) || !removeIfStale(path) {
			kept = append(kept, name)
		}
	}
}

// sidecarOf reports whether name is the journal (or other "-suffix" file)
// of a temporary file in use: SQLite keeps one beside a backup being
// written, without the lock, and it goes with its file.
func sidecarOf(name string, inUse []string) bool {
	for _, f := range inUse {
		if strings.HasPrefix(name, f+"-") {
			return true
		}
	}
	return false
}
