package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes reads the document a live server publishes and
// checks it both ways: every route of the table is in it, and every
// operation in it is one the server answers (not its "no such route" or
// "method not allowed"), with the parameters the route accepts.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	hs, s := testServer(t, testStore(t), nil)
	r := rawDo(t, "GET", hs.URL+"/api/v1/openapi.json", "", nil, "")
	if r.status != 200 || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("openapi.json: %d %s", r.status, r.header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Access      string `json:"x-csi-access"`
			Parameters  []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]struct {
				Headers map[string]json.RawMessage `json:"headers"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(r.body, &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}
	var inDoc, inTable []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			inDoc = append(inDoc, strings.ToUpper(method)+" "+path)
			probeOperation(t, hs.URL, strings.ToUpper(method), path)
			if op.Access == "" || op.OperationID == "" {
				t.Errorf("%s %s: no access class or operation id", method, path)
			}
		}
	}
	for _, rt := range s.Routes() {
		inTable = append(inTable, rt.Method+" "+rt.Pattern)
		op, ok := doc.Paths[rt.Pattern][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("route %s %s is not in the document", rt.Method, rt.Pattern)
			continue
		}
		var query []string
		for _, p := range op.Parameters {
			if p.In == "query" {
				query = append(query, p.Name)
			}
		}
		if strings.Join(query, ",") != strings.Join(rt.Query, ",") {
			t.Errorf("%s %s: document parameters %v, route %v", rt.Method, rt.Pattern, query, rt.Query)
		}
		var got []string
		for status, resp := range op.Responses {
			var hs []string
			for h := range resp.Headers {
				hs = append(hs, h)
			}
			sort.Strings(hs)
			got = append(got, status+" "+strings.Join(hs, ","))
		}
		sort.Strings(got)
		if want := wantResponses(rt); strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s %s: document responses\n%v\nwant\n%v", rt.Method, rt.Pattern, got, want)
		}
		if rt.Access != AccessPublic {
			probeUnauthenticated(t, hs.URL, rt)
		}
	}
	sort.Strings(inDoc)
	sort.Strings(inTable)
	if strings.Join(inDoc, "\n") != strings.Join(inTable, "\n") || len(inDoc) < 20 {
		t.Errorf("document operations:\n%v\nroutes:\n%v", inDoc, inTable)
	}
}

var pathParam = regexp.MustCompile(`\{[a-z]+\}`)

// probeOperation calls an operation with made-up values: any answer but
// the router's own refusals proves the server has it.
func probeOperation(t *testing.T, base, method, path string) {
	t.Helper()
	req, _ := http.NewRequest(method, base+pathParam.ReplaceAllString(path, "x"), nil)
	req.Header.Set("Authorization", "Bearer "+testSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusMethodNotAllowed || strings.Contains(string(b), "no such API route") {
		t.Errorf("%s %s is in the document but the server does not route it: %d %s", method, path, resp.StatusCode, b)
	}
}

// wantResponses is what the document must list for rt, with each
// response's headers: every route answers 200 and problem documents; one
// that needs a token 401 (closing the connection) and 403; one with a body
// 413 and 415; an upload 429, 503 and 507 with Retry-After.
func wantResponses(rt Route) []string {
	out := []string{"200 ", "default "}
	if rt.Access != AccessPublic {
		out = append(out, "401 Connection,WWW-Authenticate", "403 ")
	}
	if rt.Body != bodyNone {
		out = append(out, "413 ", "415 ")
	}
	if rt.Body == bodyCSV {
		out = append(out, "429 Retry-After", "503 Retry-After", "507 Retry-After")
	}
	sort.Strings(out)
	return out
}

// probeUnauthenticated calls rt without a token (with a well-formed body
// for a route that needs one): the server answers 401 with the headers the
// document lists, and closes the connection.
func probeUnauthenticated(t *testing.T, base string, rt Route) {
	t.Helper()
	var body io.Reader
	if rt.Body != bodyNone {
		body = strings.NewReader("{}")
	}
	req, _ := http.NewRequest(rt.Method, base+pathParam.ReplaceAllString(rt.Pattern, "x"), body)
	if rt.Body != bodyNone {
		req.Header.Set("Content-Type", map[string]string{bodyJSON: "application/json", bodyCSV: "text/csv", bodyYAML: "application/yaml"}[rt.Body])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || !resp.Close || resp.Header.Get("WWW-Authenticate") != `Bearer realm="csi"` {
		t.Errorf("%s %s without a token: %d, connection closed %v, WWW-Authenticate %q; want 401, closed, the bearer realm",
			rt.Method, rt.Pattern, resp.StatusCode, resp.Close, resp.Header.Get("WWW-Authenticate"))
	}
}
