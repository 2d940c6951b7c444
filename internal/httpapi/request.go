package httpapi

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// checkQuery refuses a query parameter the route does not know, so that a
// mistyped option is an error rather than silently ignored.
func checkQuery(r *http.Request, allowed []string) error {
	q, err := parseQuery(r)
	if err != nil {
		return err
	}
	for k, vs := range q {
		if !slices.Contains(allowed, k) {
			return csi.Errorf(csi.EINVALID, "unknown query parameter %q", k).WithHint("see /api/v1/openapi.json for this route's parameters")
		}
		if len(vs) > 1 {
			return csi.Errorf(csi.EINVALID, "query parameter %q given %d times", k, len(vs)).WithHint("give each parameter once")
		}
	}
	return nil
}

func parseQuery(r *http.Request) (map[string][]string, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, csi.Errorf(csi.EINVALID, "the query string is malformed").WithHint("escape the values with URL encoding")
	}
	return q, nil
}

// checkPathValues refuses a path segment value that could be read as a
// path: names are looked up, never used as files, but a slash, a dot-dot
// or a control character in one is a sign of a confused or hostile client.
func checkPathValues(r *http.Request, pattern string) error {
	for _, seg := range strings.Split(pattern, "/") {
		if !strings.HasPrefix(seg, "{") {
			continue
		}
		name := strings.Trim(seg, "{}")
		if err := checkName(name, r.PathValue(name)); err != nil {
			return err
		}
	}
	return nil
}

func checkName(what, v string) error {
	bad := v == "" || v == "." || v == ".." || len(v) > 200 || strings.ContainsAny(v, "/\\") ||
		strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f })
	if bad {
		return csi.Errorf(csi.EINVALID, "invalid %s in the path", what).
			WithHint("give a name or code without slashes, dots-only or control characters")
	}
	return nil
}

// checkContentType refuses a body of the wrong type; a route without a body
// refuses any body.
func checkContentType(r *http.Request, body string) error {
	ct := r.Header.Get("Content-Type")
	hasBody := r.ContentLength > 0 || (r.ContentLength < 0 && r.Body != nil && r.Body != http.NoBody)
	if ct == "" && !hasBody {
		if body == bodyJSON {
			return csi.Errorf(csi.EINVALID, "the request needs a JSON body").WithHint("send Content-Type: application/json")
		}
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil && ct != "" {
		return unsupported(ct, body)
	}
	ok := false
	switch body {
	case bodyJSON:
		ok = mt == "application/json"
	case bodyCSV:
		ok = mt == "text/csv" || mt == "text/plain" || mt == "application/octet-stream"
	case bodyYAML:
		ok = mt == "application/yaml" || mt == "application/x-yaml" || mt == "text/yaml" || mt == "application/octet-stream"
	}
	if !ok {
		return unsupported(ct, body)
	}
	return nil
}

// errUnsupported marks a wrong content type (415).
type errUnsupported struct{ err *csi.Error }

func (e errUnsupported) Error() string { return e.err.Error() }
func (e errUnsupported) Unwrap() error { return e.err }

func unsupported(ct, body string) error {
	want := map[string]string{bodyJSON: "application/json", bodyCSV: "text/csv", bodyYAML: "application/yaml", bodyNone: "no body"}[body]
	return errUnsupported{csi.Errorf(csi.EINVALID, "content type %q is not accepted here", ct).WithHint("send %s", want)}
}

// decodeJSON reads a JSON body into v, refusing unknown fields, trailing
// data and malformed input with a message that says where.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return csi.Errorf(csi.EINVALID, "the request body holds more than one JSON value").WithHint("send one JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var tooBig *http.MaxBytesError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return err
	case errors.As(err, &syn):
		return csi.Errorf(csi.EINVALID, "the request body is not valid JSON (at byte %d)", syn.Offset).WithHint("send one JSON object")
	case errors.As(err, &typ):
		return csi.Errorf(csi.EINVALID, "field %q must be a %s", typ.Field, typ.Type).WithHint("see /api/v1/openapi.json")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return csi.Errorf(csi.EINVALID, "the request body is empty or cut short").WithHint("send one JSON object")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return csi.Errorf(csi.EINVALID, "unknown field %s in the request body", strings.TrimPrefix(err.Error(), "json: unknown field ")).
			WithHint("see /api/v1/openapi.json for the fields")
	}
	return csi.Errorf(csi.EINVALID, "the request body cannot be read as JSON").WithHint("send one JSON object")
}

// writeJSON writes v as the response. A list is written element by element,
// so that a long one (the residents of Monza) is not encoded whole in memory
// a second time.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.IsNil() {
		return json.NewEncoder(w).Encode(v)
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteByte('[')
	for i := 0; i < rv.Len(); i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		b, err := json.Marshal(rv.Index(i).Interface())
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// jsonArray writes a JSON array element by element as a service emits
// them, so that a long list (the residents of Monza) is never held whole.
// The status line goes with the first element: an error before it is
// still a problem document; after it, the array is cut short and the
// client sees a broken answer, never a complete-looking partial one.
type jsonArray struct {
	w       http.ResponseWriter
	bw      *bufio.Writer
	started bool
}

func (a *jsonArray) start() {
	a.w.Header().Set("Content-Type", "application/json")
	a.w.WriteHeader(http.StatusOK)
	a.bw = bufio.NewWriterSize(a.w, 32<<10)
	a.bw.WriteByte('[')
	a.started = true
}

func (a *jsonArray) add(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if !a.started {
		a.start()
	} else {
		a.bw.WriteByte(',')
	}
	_, err = a.bw.Write(b)
	return err
}

// close ends the array, or returns err for the caller to answer.
func (a *jsonArray) close(err error) error {
	if err != nil {
		return err
	}
	if !a.started {
		a.start()
	}
	a.bw.WriteString("]\n")
	return a.bw.Flush()
}
