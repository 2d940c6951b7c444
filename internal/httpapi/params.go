package httpapi

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// codec is the wire form of one parameter struct P in a query string: the
// client encodes with it, the server decodes with it, and the route's
// whitelist of query parameters is its names. Each parameter set is
// defined once, here, so the two ends cannot drift apart.
type codec[P any] struct{ fields []field[P] }

// field is one query parameter of P: how it is written from P (empty means
// absent) and read into it.
type field[P any] struct {
	name string
	get  func(*P) string
	set  func(*P, string) error
}

func newCodec[P any](fs ...[]field[P]) codec[P] {
	var c codec[P]
	for _, f := range fs {
		c.fields = append(c.fields, f...)
	}
	return c
}

// names are the query parameters of P, the route's whitelist.
func (c codec[P]) names() []string {
	out := make([]string, len(c.fields))
	for i, f := range c.fields {
		out[i] = f.name
	}
	return out
}

// encode writes p as query values, leaving out the empty ones.
func (c codec[P]) encode(p P) url.Values {
	q := url.Values{}
	for _, f := range c.fields {
		if v := f.get(&p); v != "" {
			q.Set(f.name, v)
		}
	}
	return q
}

// decode reads p from q; an absent parameter leaves its zero value.
func (c codec[P]) decode(q url.Values) (P, error) {
	var p P
	for _, f := range c.fields {
		if v := q.Get(f.name); v != "" {
			if err := f.set(&p, v); err != nil {
				return p, err
			}
		}
	}
	return p, nil
}

// textParam is a string parameter.
func textParam[P any](name string, at func(*P) *string) []field[P] {
	return []field[P]{{name: name,
		get: func(p *P) string { return *at(p) },
		set: func(p *P, v string) error { *at(p) = v; return nil }}}
}

// flagParam is a true/false parameter, sent only when true.
func flagParam[P any](name string, at func(*P) *bool) []field[P] {
	return []field[P]{{name: name,
		get: func(p *P) string {
			if *at(p) {
				return "true"
			}
			return ""
		},
		set: func(p *P, v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return csi.Errorf(csi.EINVALID, "query parameter %s must be true or false, not %q", name, v).WithHint("e.g. %s=true", name)
			}
			*at(p) = b
			return nil
		}}}
}

// numberParam is a whole-number parameter, sent only when not zero.
func numberParam[P any](name string, at func(*P) *int) []field[P] {
	return []field[P]{{name: name,
		get: func(p *P) string {
			if n := *at(p); n != 0 {
				return strconv.Itoa(n)
			}
			return ""
		},
		set: func(p *P, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return csi.Errorf(csi.EINVALID, "query parameter %s must be a whole number, not %q", name, v).WithHint("e.g. %s=2020", name)
			}
			*at(p) = n
			return nil
		}}}
}

// listParam is a comma-separated parameter.
func listParam[P any](name string, at func(*P) *[]string) []field[P] {
	return []field[P]{{name: name,
		get: func(p *P) string { return strings.Join(*at(p), ",") },
		set: func(p *P, v string) error { *at(p) = strings.Split(v, ","); return nil }}}
}

// objectParam is a parameter sent as a JSON object of strings (an import's --map).
func objectParam[P any](name string, at func(*P) *map[string]string) []field[P] {
	return []field[P]{{name: name,
		get: func(p *P) string {
			if len(*at(p)) == 0 {
				return ""
			}
			b, _ := json.Marshal(*at(p))
			return string(b)
		},
		set: func(p *P, v string) error {
			var m map[string]string
			if err := json.Unmarshal([]byte(v), &m); err != nil {
				return csi.Errorf(csi.EINVALID, "query parameter %s must be a JSON object of strings", name).WithHint(`e.g. map={"codice_fiscale":"CODFIS"}`)
			}
			*at(p) = m
			return nil
		}}}
}

// fileParam is the name of an uploaded file as the client knows it: a
// label in the summary and the import log, never opened or used as a path
// here.
func fileParam[P any](name string, at func(*P) *string) []field[P] {
	f := textParam(name, at)
	f[0].set = func(p *P, v string) error {
		if len(v) > 1024 || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return csi.Errorf(csi.EINVALID, "query parameter %s is not a usable file name", name).WithHint("send the file's name without control characters")
		}
		*at(p) = v
		return nil
	}
	return f
}
