package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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

	// DetailFormat and DetailArgs are what built Detail: its English
	// format (the key of its translation in csi's catalog) and the
	// arguments (strings, numbers, booleans, or a nested {"format",
	// "args"} message), so that a client can show the message in its
	// user's language; HintFormat and HintArgs the same for Hint. They are
	// additive: Detail and Hint stay the English text, and a client that
	// cannot rebuild exactly them from the format shows them as they are.
	DetailFormat string            `json:"detail_format,omitempty"`
	DetailArgs   []json.RawMessage `json:"detail_args,omitempty"`
	HintFormat   string            `json:"hint_format,omitempty"`
	HintArgs     []json.RawMessage `json:"hint_args,omitempty"`
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
	var de *csi.Error
	if code != csi.EINTERNAL && errors.As(err, &de) {
		p.DetailFormat, p.DetailArgs = wireMessage(de.Format, de.Args)
		p.HintFormat, p.HintArgs = wireMessage(de.HintFormat, de.HintArgs)
	}
	if code == csi.EINTERNAL {
		h := csi.Errorf(code, "report request id %s to the server's administrator: the server's log has it", id)
		p.Hint = h.Message
		p.HintFormat, p.HintArgs = wireMessage(h.Format, h.Args)
	}
	return p
}

// wireMessage encodes a message's format and arguments for a problem
// document; a message that has no format, or an argument that JSON cannot
// carry, sends none (the client shows the English text).
func wireMessage(format string, args []any) (string, []json.RawMessage) {
	if format == "" {
		return "", nil
	}
	out := make([]json.RawMessage, 0, len(args))
	for _, a := range args {
		b, err := json.Marshal(wireArg(a))
		if err != nil {
			return "", nil
		}
		out = append(out, b)
	}
	return format, out
}

// wireMessageArg is a nested localizable message among a message's args.
type wireMessageArg struct {
	Format string            `json:"format"`
	Args   []json.RawMessage `json:"args"`
}

// wireArg is an argument as JSON carries it: numbers and booleans as they
// are, a domain error as a nested message, anything else as the text fmt
// would print for %v (an argument printed another way then fails the
// client's check and the message stays English).
func wireArg(a any) any {
	switch v := a.(type) {
	case *csi.Error:
		if f, args := wireMessage(v.Format, v.Args); f != "" {
			return wireMessageArg{Format: f, Args: args}
		}
		return v.Message
	case string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return v
	}
	return fmt.Sprint(a)
}

// readMessage rebuilds a message's args from a problem document and checks
// that they give back exactly the English text sent beside them; ok is
// false when they do not (the client then shows that text as it is).
func readMessage(format string, raw []json.RawMessage, english string) (args []any, ok bool) {
	if format == "" {
		return nil, false
	}
	args, ok = readArgs(raw)
	if !ok || fmt.Sprintf(format, args...) != english {
		return nil, false
	}
	return args, true
}

func readArgs(raw []json.RawMessage) ([]any, bool) {
	args := make([]any, 0, len(raw))
	for _, r := range raw {
		r = bytes.TrimSpace(r)
		if len(r) == 0 {
			return nil, false
		}
		var a any
		switch r[0] {
		case '"':
			var s string
			if json.Unmarshal(r, &s) != nil {
				return nil, false
			}
			a = s
		case 't', 'f':
			var b bool
			if json.Unmarshal(r, &b) != nil {
				return nil, false
			}
			a = b
		case '{':
			var m wireMessageArg
			if json.Unmarshal(r, &m) != nil || m.Format == "" {
				return nil, false
			}
			nested, ok := readArgs(m.Args)
			if !ok {
				return nil, false
			}
			a = &csi.Error{Code: csi.EINVALID, Message: fmt.Sprintf(m.Format, nested...), Format: m.Format, Args: nested}
		default:
			var n json.Number
			if json.Unmarshal(r, &n) != nil {
				return nil, false
			}
			if i, err := n.Int64(); err == nil {
				a = i
			} else if f, err := n.Float64(); err == nil {
				a = f
			} else {
				return nil, false
			}
		}
		args = append(args, a)
	}
	return args, true
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
	if args, ok := readMessage(p.DetailFormat, p.DetailArgs, e.Message); ok {
		e.Format, e.Args = p.DetailFormat, args
	}
	if args, ok := readMessage(p.HintFormat, p.HintArgs, e.Hint); ok {
		e.HintFormat, e.HintArgs = p.HintFormat, args
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
