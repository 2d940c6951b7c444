package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
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
// is imported.
func (s *Server) spoolBody(r *http.Request) (*spool, error) {
	fh, err := os.CreateTemp(s.cfg.SpoolDir, "csi-upload-*.csv")
	if err != nil {
		return nil, csi.Errorf(csi.EUNAVAILABLE, "the server cannot store the upload").WithHint("ask the administrator to check the server's temporary folder")
	}
	sp := &spool{fh: fh, unlinked: os.Remove(fh.Name()) == nil}
	n, err := io.Copy(fh, r.Body)
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
	defer st.keepAlive()()
	o.Progress = st.progress
	if rejects {
		o.Rejects = st
	}
	sum, err := do(r.Context(), sp.source(name))
	return st.finish(r.Context(), sum, err)
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
