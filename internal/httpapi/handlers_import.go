package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"sync"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/safefile"
)

// spool is an uploaded file kept on disk while it is imported: the
// importers read their source twice (fingerprint, then parse) and the body
// of a request can be read only once. It is never held in memory. The file
// is private (0600) and, where the system allows it (not Windows), removed
// from its folder as soon as it is created, so that not even a server
// killed mid-import leaves a copy of the extract behind.
type spool struct {
	fh       *os.File
	size     int64
	unlinked bool
}

// spoolBody copies the request body into a private temporary file. A body
// cut short (the client died) or over the limit is an error, and nothing
// is imported; so is a spool that cannot be written (a full disk says so).
func (s *Server) spoolBody(r *http.Request) (*spool, error) {
	fh, unlinked, err := safefile.Scratch(s.cfg.SpoolDir, "upload")
	if err != nil {
		return nil, spoolWriteError(err)
	}
	sp := &spool{fh: fh, unlinked: unlinked}
	dst := &spoolSink{w: fh}
	if s.spoolWriter != nil {
		dst.w = s.spoolWriter(fh)
	}
	n, err := io.Copy(dst, r.Body)
	if err != nil {
		sp.remove()
		return nil, copyError(r, n, err, dst.err)
	}
	sp.size = n
	return sp, nil
}

// copyError says why spooling stopped: the spool (werr), the limit, the
// request's end, or the client's body cut short.
func copyError(r *http.Request, n int64, err, werr error) error {
	var tooBig *http.MaxBytesError
	switch {
	case werr != nil:
		return spoolWriteError(werr)
	case errors.As(err, &tooBig):
		return err
	case r.Context().Err() != nil:
		return r.Context().Err()
	}
	return csi.Errorf(csi.EINVALID, "the upload was cut short after %d bytes", n).WithHint("send the file again")
}

// spoolSink remembers the error of the spool's side of the copy.
type spoolSink struct {
	w   io.Writer
	err error
}

func (s *spoolSink) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

func (sp *spool) remove() {
	sp.fh.Close()
	if !sp.unlinked {
		os.Remove(sp.fh.Name())
	}
}

// source reads the spooled file from its start, as often as asked.
func (sp *spool) source(name string) csi.Source {
	return csi.Source{Name: name, Size: sp.size, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(io.NewSectionReader(sp.fh, 0, sp.size)), nil
	}}
}

// upload runs one import over a streamed body: take an upload slot,
// spool it, then import it while streaming progress and rejected rows
// back. The caller has authorized the import: nothing of the body is read
// before.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, o *csi.ImportOptions, up uploadWire,
	do func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error)) error {
	name := up.File
	if name == "" {
		name = "upload"
	}
	token := ""
	if p := csi.PrincipalFrom(r.Context()); p != nil {
		token = p.Token
	}
	if err := s.uploads.take(token); err != nil {
		return err
	}
	// The slot is free before the last event goes out, so that a client
	// that sends its next file as soon as it reads the summary finds it free.
	release := sync.OnceFunc(func() { s.uploads.give(token) })
	defer release()
	sp, err := s.spoolBody(r)
	if err != nil {
		return err
	}
	defer sp.remove()
	st := newEventStream(w, w.Header().Get(RequestIDHeader), s.cfg.ProgressEvery)
	defer st.keepAlive(s.cfg.KeepaliveEvery)()
	o.Progress = st.progress
	if up.Rejects {
		o.Rejects = st
	}
	sum, err := do(r.Context(), sp.source(name))
	release()
	return st.finish(r.Context(), sum, err)
}

func (s *Server) importAnagrafe(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := anagrafeImportQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	req := p.Req
	if req.Mode == "" {
		req.Mode = csi.ModeSnapshot
	}
	if req.Comune == "" {
		return csi.Errorf(csi.EINVALID, "query parameter comune is required").WithHint("name the Comune the extract belongs to")
	}
	if err := req.Validate(); err != nil {
		return err
	}
	if err := authorizeImport(r.Context(), svc, "anagrafe", req.Comune); err != nil {
		return err
	}
	return s.upload(w, r, &req.ImportOptions, p.Upload, func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error) {
		return svc.ImportAnagrafe(ctx, req, src)
	})
}

func (s *Server) importRecords(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := recordsImportQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	req := p.Req
	req.Kind = r.PathValue("kind")
	if _, ok := records.Find(req.Kind); !ok {
		return csi.Errorf(csi.EINVALID, "unknown record kind %q", req.Kind).WithHint("use accessi, cartelle or interventi")
	}
	if err := authorizeImport(r.Context(), svc, "records", ""); err != nil {
		return err
	}
	return s.upload(w, r, &req.ImportOptions, p.Upload, func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error) {
		return svc.ImportRecords(ctx, req, src)
	})
}

// importAuthorizer is implemented by the scoped services: it refuses an
// import its caller may not run, before the upload is read.
type importAuthorizer interface {
	authorizeImport(ctx context.Context, kind, comune string) error
}

// authorizeImport asks svc, when it is scoped, whether its caller may
// import kind ("anagrafe" into comune, or "records").
func authorizeImport(ctx context.Context, svc csi.Services, kind, comune string) error {
	if a, ok := svc.(importAuthorizer); ok {
		return a.authorizeImport(ctx, kind, comune)
	}
	return nil
}
