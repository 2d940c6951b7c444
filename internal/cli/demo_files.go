package cli

import (
	"io"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/csi-mb/csi/internal/safefile"
)

// demoFiles are the files being generated. In a folder the user named
// (--out) each is written to a private temporary file beside its name, and
// all replace what is there only once every one is complete, so that a
// failure changes no file in --out and a link there is refused, not
// followed. In the demo's own temporary folder, which nobody else sees
// and which is removed at the end, they are written in place: no
// temporary names, and no flush to disk of some 150 MB that is deleted a
// minute later.
type demoFiles struct {
	dir     string
	scratch bool         // dir is the demo's private temporary folder
	stop    *atomic.Bool // set when the demo failed: no more files
	files   []*safefile.File
}

// create starts the file name (slash-separated, relative to the folder).
func (o *demoFiles) create(name string) (io.WriteCloser, error) {
	if o.stop != nil && o.stop.Load() {
		return nil, errStopped
	}
	path := filepath.Join(o.dir, filepath.FromSlash(name))
	if o.scratch {
		// The generator writes each file in one piece: no buffer needed.
		return os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	}
	f, err := safefile.Create(path)
	if err != nil {
		return nil, err
	}
	o.files = append(o.files, f)
	return pendingFile{f}, nil
}

// pendingFile is a generated file whose Close leaves it to commit.
type pendingFile struct{ *safefile.File }

// Close does nothing: the file is put in place by commit, or removed.
func (pendingFile) Close() error { return nil }

// commit puts every file in place.
func (o *demoFiles) commit() error {
	for _, f := range o.files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// abort removes the files not yet in place (those of the temporary folder
// go with it).
func (o *demoFiles) abort() {
	for _, f := range o.files {
		f.Abort()
	}
}
