package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// ProblemType is the prefix of a problem document's type; the domain error
// code follows it.
const ProblemType = "urn:csi:problem:"

// Problem is an RFC 9457 problem document with the domain error code. Its
// detail and hint are the domain error's safe message and hint: never an
// internal detail, a codice fiscale or a name.
type Problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Code      string `json:"code"`
	Hint      string `json:"hint,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// codeStatus is the HTTP status of each domain error code; the client maps
// statuses back through it.
var codeStatus = map[string]int{
	csi.EINVALID:      http.StatusBadRequest,
	csi.ENOTFOUND:     http.StatusNotFound,
	csi.ECONFLICT:     http.StatusConflict,
	csi.EBADFILE:      http.StatusUnprocessableEntity,
	csi.EUNAUTHORIZED: http.StatusUnauthorized,
	csi.EFORBIDDEN:    http.StatusForbidden,
	csi.EUNAVAILABLE:  http.StatusServiceUnavailable,
}

// statusOf maps a domain error code to an HTTP status.
func statusOf(code string) int {
	if st, ok := codeStatus[code]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// problemOf builds the document for err; an error that is not a domain
// error becomes "internal error" and nothing else.
func problemOf(status int, id string, err error) Problem {
	code := csi.ErrorCode(err)
	if status == 0 {
		status = statusOf(code)
	}
	var unsup errUnsupported
	if errors.As(err, &unsup) {
		status = http.StatusUnsupportedMediaType
	}
	var se *statusError
	if errors.As(err, &se) {
		status = se.status
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		status, code = http.StatusRequestEntityTooLarge, csi.EINVALID
		err = csi.Errorf(code, "the request body is larger than the limit of %d bytes", tooBig.Limit).
			WithHint("split the file, or ask the server's administrator to raise the limit")
	}
	p := Problem{Type: ProblemType + code, Title: http.StatusText(status), Status: status, Code: code,
		Detail: csi.ErrorMessage(err), Hint: csi.ErrorHint(err), RequestID: id}
	if code == csi.EINTERNAL {
		p.Hint = "report request id " + id + " to the server's administrator: the server's log has it"
	}
	return p
}

func writeProblem(w http.ResponseWriter, r *http.Request, id string, err error) {
	writeProblemStatus(w, r, id, 0, err)
}

func writeProblemStatus(w http.ResponseWriter, r *http.Request, id string, status int, err error) {
	p := problemOf(status, id, err)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if ra := retryAfter(err); ra != "" {
		w.Header().Set("Retry-After", ra)
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="csi"`)
	}
	// A refused request that announced a body the handler may not have
	// read is answered at once: without Connection: close, net/http would
	// first wait for that body (to drain it). A caller without a valid
	// token keeps no connection open at all: with the read deadline past,
	// net/http does not wait for its body before closing either.
	// (A body past net/http's 256 KiB drain limit is not waited for, and
	// closing early would reset the connection before the client reads
	// the answer.)
	small := r.ContentLength > 0 && r.ContentLength < 256<<10
	if p.Status == http.StatusUnauthorized || small {
		w.Header().Set("Connection", "close")
	}
	if p.Status == http.StatusUnauthorized && small {
		_ = http.NewResponseController(w).SetReadDeadline(time.Now())
	}
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// Err returns the domain error a problem document stands for.
func (p *Problem) Err() error {
	code := p.Code
	if code == "" {
		code = codeOfStatus(p.Status)
	}
	e := &csi.Error{Code: code, Message: p.Detail, Hint: p.Hint}
	if e.Message == "" {
		e.Message = p.Title
	}
	return e
}

// codeOfStatus guesses the domain code of a response that carried no
// problem document (e.g. from a proxy in front of the server): the inverse
// of codeStatus, plus the statuses the server's HTTP layer or a proxy sends.
func codeOfStatus(status int) string {
	switch status {
	case http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusMethodNotAllowed:
		return csi.EINVALID
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return csi.EUNAVAILABLE
	}
	for code, st := range codeStatus {
		if st == status {
			return code
		}
	}
	return csi.EINTERNAL
}
