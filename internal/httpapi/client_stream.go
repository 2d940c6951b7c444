package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/url"

	"sync/atomic"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// ImportAnagrafe implements csi.AnagrafeService: the file is streamed in
// the request body, never read whole into memory.
func (c *Client) ImportAnagrafe(ctx context.Context, req csi.AnagrafeImport, src csi.Source) (*csi.ImportSummary, error) {
	q := anagrafeImportQuery.encode(anagrafeImportWire{Req: req, Upload: uploadOf(req.ImportOptions, src)})
	return c.upload(ctx, "/api/v1/anagrafe/imports", q, src, req.ImportOptions)
}

// ImportRecords implements csi.RecordService.
func (c *Client) ImportRecords(ctx context.Context, req csi.RecordImport, src csi.Source) (*csi.ImportSummary, error) {
	q := recordsImportQuery.encode(recordsImportWire{Req: req, Upload: uploadOf(req.ImportOptions, src)})
	return c.upload(ctx, "/api/v1/records/"+seg(req.Kind)+"/imports", q, src, req.ImportOptions)
}

// uploadOf is what an import sends besides its request: the file's name,
// and whether it wants the rejected rows back.
func uploadOf(o csi.ImportOptions, src csi.Source) uploadWire {
	return uploadWire{File: src.Name, Rejects: o.Rejects != nil}
}

// upload streams src to path and reads back the server's events: progress,
// rejected rows (written to o.Rejects as they come) and the summary.
func (c *Client) upload(ctx context.Context, path string, q url.Values, src csi.Source, o csi.ImportOptions) (*csi.ImportSummary, error) {
	rc, err := src.Open()
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	body := &countingReader{r: rc, size: src.Size, progress: o.Progress}
	resp, cancel, err := c.do(ctx, request{method: "POST", path: path, query: q, body: body, size: src.Size, ctype: "text/csv", stream: true})
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer resp.Body.Close()
	var sum csi.ImportSummary
	err = c.readEvents(ctx, resp.Body, cancel, func(e Event) error {
		switch {
		case e.Progress != nil && o.Progress != nil:
			o.Progress(e.Progress.Bytes, e.Progress.Rows)
		case e.Rejects != "" && o.Rejects != nil:
			_, err := io.WriteString(o.Rejects, e.Rejects)
			return err
		case e.Result != nil:
			return json.Unmarshal(e.Result, &sum)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &sum, nil
}

// DefaultStreamIdle is how long a stream may stay silent: the server sends
// a keepalive every 15 seconds, so silence means it is gone.
const DefaultStreamIdle = 2 * time.Minute

// readEvents reads a stream of events until its result or error. A stream
// that ends without either was cut: the server's work was rolled back.
// cancel aborts the request when the stream stays silent for c.streamIdle.
func (c *Client) readEvents(ctx context.Context, r io.Reader, cancel context.CancelFunc, fn func(Event) error) error {
	limit := c.streamIdle
	var idle atomic.Bool
	watchdog := time.AfterFunc(limit, func() { idle.Store(true); cancel() })
	defer watchdog.Stop()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		// Only the server's silence counts, not the time fn takes.
		watchdog.Stop()
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return csi.Errorf(csi.EINTERNAL, "unreadable answer from the server")
		}
		if e.Error != nil {
			return e.Error.Err()
		}
		if err := fn(e); err != nil {
			return err
		}
		if e.Result != nil {
			return nil
		}
		watchdog.Reset(limit)
	}
	if idle.Load() {
		return csi.Errorf(csi.EUNREACHABLE, "%s sent nothing for %s", c.base, limit).
			WithHint("the server may be overloaded or gone; run the command again (an unfinished import was rolled back)")
	}
	err := sc.Err()
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return c.readError(ctx, err)
}

// countingReader reports the bytes sent, for the upload's progress bar.
type countingReader struct {
	r        io.Reader
	n, size  int64
	progress func(int64, int)
	calls    atomic.Int64
}

func (cr *countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.n += int64(n)
	if cr.progress != nil && cr.calls.Add(1)%16 == 0 {
		cr.progress(cr.n, 0)
	}
	return n, err
}

// RunValidation implements csi.ValidationService: a ruleset file travels in
// the body, and the findings come back one by one.
func (c *Client) RunValidation(ctx context.Context, req csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	rq := request{method: "POST", path: "/api/v1/validations", query: validationQuery.encode(req), stream: true}
	if req.RulesetData != nil {
		rq.body, rq.size, rq.ctype = bytesReader(req.RulesetData), int64(len(req.RulesetData)), "application/yaml"
	}
	resp, cancel, err := c.do(ctx, rq)
	if err != nil {
		return nil, nil, err
	}
	defer cancel()
	defer resp.Body.Close()
	var res ValidationResult
	err = c.readEvents(ctx, resp.Body, cancel, func(e Event) error {
		switch {
		case e.Finding != nil:
			var f csi.Finding
			if err := json.Unmarshal(e.Finding, &f); err != nil {
				return err
			}
			return emit(f)
		case e.Result != nil:
			return json.Unmarshal(e.Result, &res)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return res.Run, res.Summary, nil
}
