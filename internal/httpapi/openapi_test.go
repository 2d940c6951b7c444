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
