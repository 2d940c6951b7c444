// Package safefile writes the files csi produces (rejects, backups, the
// demo's files) so that no reader ever sees a partial one and no existing
// file is harmed: the content goes to a private temporary file beside the
// target, which replaces the target only when the command succeeds.
//
// A target that is a symbolic link or not a regular file is refused, so a
// link planted where a report is expected cannot make csi overwrite the
// file it points to. Temporary files are named with Prefix, are readable by
// their owner only (0600), and are locked while in use where the system
// allows it; CleanStale removes the ones a killed process left behind.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/csi-mb/csi/internal/csi"
)

// Prefix starts the name of every temporary file this package creates.
const Prefix = ".csi-tmp-"

// File is an output being written: its bytes go to a temporary file in the
// target's folder until Commit puts it in place or Abort removes it.
type File struct {
	fh     *os.File
	target string
	done   bool
}

// Create starts writing the file at path, after refusing a target that is a
// symbolic link or not a regular file and removing the stale temporary
// files of killed processes in its folder. The target is not touched.
func Create(path string) (*File, error) {
	if err := CheckTarget(path); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	CleanStale(dir)
	fh, err := newTemp(dir, filepath.Base(path))
	if err != nil {
		return nil, cannotWrite(path, err)
	}
	return &File{fh: fh, target: path}, nil
}

// CheckTarget returns a domain error when path exists and is a symbolic
// link or not a regular file; a missing target is fine.
func CheckTarget(path string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return cannotWrite(path, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return csi.Errorf(csi.EINVALID, "%s is a symbolic link: csi does not write through links", path).
			WithHint("name the file itself, or remove the link")
	case !st.Mode().IsRegular():
		return csi.Errorf(csi.EINVALID, "%s is not a regular file", path).
			WithHint("name a file, not a folder, a device or a pipe")
	}
	return nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.fh.Write(p) }

// Name returns the target's path.
func (f *File) Name() string { return f.target }

// TempName returns the path of the temporary file, for writers that open
// it by name (SQLite's VACUUM INTO).
func (f *File) TempName() string { return f.fh.Name() }

// Commit flushes the file to disk and renames it over the target, which is
// replaced if it exists. It refuses a target that became a link or a
// non-regular file meanwhile. On any failure the temporary file is removed
// and the target is left as it was.
func (f *File) Commit() error { return f.commit(os.Rename) }

// CommitNew is Commit for outputs that never replace an existing file
// (backups): it fails with ECONFLICT when the target exists.
func (f *File) CommitNew() error { return f.commit(linkNew) }

func (f *File) commit(place func(tmp, target string) error) error {
	if f.done {
		return fmt.Errorf("safefile: %s already committed or aborted", f.target)
	}
	defer f.Abort()
	if err := f.fh.Sync(); err != nil {
		return cannotWrite(f.target, err)
	}
	if err := CheckTarget(f.target); err != nil {
		return err
	}
	if !renameWhileOpen {
		if err := f.fh.Close(); err != nil {
			return cannotWrite(f.target, err)
		}
	}
	if err := place(f.fh.Name(), f.target); err != nil {
		return err
	}
	f.done = true
	f.fh.Close()
	syncDir(filepath.Dir(f.target))
	return nil
}

// Abort removes the temporary file, leaving the target as it was. It does
// nothing after Commit and may be called more than once (defer it).
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.fh.Close()
	os.Remove(f.fh.Name())
}

// linkNew puts tmp at target only if target does not exist: a hard link
// fails atomically when it does. Where links are not supported (some
// network and FAT file systems) it checks, then renames.
func linkNew(tmp, target string) error {
	err := os.Link(tmp, target)
	if errors.Is(err, fs.ErrExist) {
		return exists(target)
	}
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if _, serr := os.Lstat(target); serr == nil {
		return exists(target)
	}
	if err := os.Rename(tmp, target); err != nil {
		return cannotWrite(target, err)
	}
	return nil
}

func exists(path string) error {
	return csi.Errorf(csi.ECONFLICT, "%s already exists", path).WithHint("choose a new file name")
}

// cannotWrite names the file and the system's reason, never its content.
func cannotWrite(path string, err error) error {
	reason := err.Error()
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		reason = pe.Err.Error()
	case errors.As(err, &le):
		reason = le.Err.Error()
	}
	return csi.Errorf(csi.EBADFILE, "cannot write %s: %s", path, reason).
		WithHint("choose a writable folder with free space")
}
