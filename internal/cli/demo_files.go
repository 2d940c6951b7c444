package cli

import (
	"io"
	"path/filepath"

	"github.com/csi-mb/csi/internal/safefile"
)

// demoFiles are the files being generated: each is written to a private
// temporary file beside its name, and all replace what is there only once
// every one is complete, so that a failure changes no file in --out and a
// link there is refused, not followed.
type demoFiles struct {
	dir   string
	files []*safefile.File
}

// create starts the file name (slash-separated, relative to the folder).
func (o *demoFiles) create(name string) (io.WriteCloser, error) {
	f, err := safefile.Create(filepath.Join(o.dir, filepath.FromSlash(name)))
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

// abort removes the files not yet in place.
func (o *demoFiles) abort() {
	for _, f := range o.files {
		f.Abort()
	}
}
