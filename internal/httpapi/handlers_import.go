package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
)

// ImportTimeout is how long an import request may take, upload included;
// the server's ordinary read and write timeouts are lifted for it.
var ImportTimeout = 2 * time.Hour

// spool is an uploaded file kept on disk while it is imported: the
// importers read their source twice (fingerprint, then parse) and the body
// of a request can be read only once. It is never held in memory.
type spool struct {
	path string
	size int64
}

// spoolBody copies the request body into a private temporary file. A body
// cut short (the client died) or over the limit is an error, and nothing
// is imported.
func (s *Server) spoolBody(r *http.Request) (*spool, error) {
	fh, err := os.CreateTemp(s.cfg.SpoolDir, "csi-upload-*.csv")
	if err != nil {
		return nil, csi.Errorf(csi.EUNAVAILABLE, "the server cannot store the upload").WithHint("ask the administrator to check the server's temporary folder")
	}
	sp := &spool{path: fh.Name()}
	n, err := io.Copy(fh, r.Body)
	cerr := fh.Close()
	if err == nil {
		err = cerr
	}
	if err != nil {
		sp.remove()
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		if r.Context().Err() != nil {
			return nil, r.Context().Err()
		}
		return nil, csi.Errorf(csi.EINVALID, "the upload was cut short after %d bytes", n).WithHint("send the file again")
	}
	sp.size = n
	return sp, nil
}

func (sp *spool) remove() { os.Remove(sp.path) }

func (sp *spool) source(name string) csi.Source {
	return csi.Source{Name: name, Size: sp.size, Open: func() (io.ReadCloser, error) { return os.Open(sp.path) }}
}

// importOptions reads the options every importer shares.
func importOptions(r *http.Request) (csi.ImportOptions, bool, error) {
	q := r.URL.Query()
	o := csi.ImportOptions{Encoding: q.Get("encoding"), Delimiter: q.Get("delimiter")}
	var err error
	if o.DryRun, err = boolParam(r, "dry_run"); err != nil {
		return o, false, err
	}
	if o.Map, err = mapParam(r); err != nil {
		return o, false, err
	}
	rejects, err := boolParam(r, "rejects")
	return o, rejects, err
}

// upload runs one import over a streamed body: spool it, then import it
// while streaming progress and rejected rows back.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, o *csi.ImportOptions, rejects bool,
	do func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error)) error {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(ImportTimeout))
	_ = rc.SetWriteDeadline(time.Now().Add(ImportTimeout))
	name, err := fileParam(r)
	if err != nil {
		return err
	}
	sp, err := s.spoolBody(r)
	if err != nil {
		return err
	}
	defer sp.remove()
	st := newEventStream(w, w.Header().Get(RequestIDHeader))
	o.Progress = st.progress
	if rejects {
		o.Rejects = st
	}
	sum, err := do(r.Context(), sp.source(name))
	return st.finish(sum, err)
}

func (s *Server) importAnagrafe(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	o, rejects, err := importOptions(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	req := csi.AnagrafeImport{Comune: q.Get("comune"), Mode: q.Get("mode"), AsOf: q.Get("as_of"), ImportOptions: o}
	if req.Mode == "" {
		req.Mode = csi.ModeSnapshot
	}
	if req.AllowMassExit, err = boolParam(r, "allow_mass_exit"); err != nil {
		return err
	}
	if req.Comune == "" {
		return csi.Errorf(csi.EINVALID, "query parameter comune is required").WithHint("name the Comune the extract belongs to")
	}
	if err := req.Validate(); err != nil {
		return err
	}
	return s.upload(w, r, &req.ImportOptions, rejects, func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error) {
		return svc.ImportAnagrafe(ctx, req, src)
	})
}

func (s *Server) importRecords(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	o, rejects, err := importOptions(r)
	if err != nil {
		return err
	}
	req := csi.RecordImport{Kind: r.PathValue("kind"), ImportOptions: o}
	if _, ok := records.Find(req.Kind); !ok {
		return csi.Errorf(csi.EINVALID, "unknown record kind %q", req.Kind).WithHint("use accessi, cartelle or interventi")
	}
	return s.upload(w, r, &req.ImportOptions, rejects, func(ctx context.Context, src csi.Source) (*csi.ImportSummary, error) {
		return svc.ImportRecords(ctx, req, src)
	})
}
