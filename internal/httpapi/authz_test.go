package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// probe is one request of the authorization matrix, sent once per role.
type probe struct {
	target string // "all" (no target), "in" or "out" of the referent's and operator's scope
	req    func(fx *fixture) request
	// allow lists the roles that get a 2xx answer; "" is the caller
	// without a token. Every other role gets 403, except as in other.
	allow []string
	// other gives a role's status when it is neither 2xx nor 403: e.g.
	// 404 for a person who lives outside the caller's territory.
	other map[string]int
	// check inspects a 2xx answer: the rows a role sees.
	check func(t *testing.T, role string, r response)
}

var (
	everyone = []string{"", csi.RoleViewer, csi.RoleOperator, csi.RoleReferent, csi.RoleCoordinator}
	all      = []string{csi.RoleViewer, csi.RoleOperator, csi.RoleReferent, csi.RoleCoordinator}
	staff    = []string{csi.RoleOperator, csi.RoleReferent, csi.RoleCoordinator}
	refCoord = []string{csi.RoleReferent, csi.RoleCoordinator}
	coord    = []string{csi.RoleCoordinator}
	seeAll   = []string{csi.RoleViewer, csi.RoleCoordinator}
)

func fixed(rq request) func(*fixture) request { return func(*fixture) request { return rq } }

func patchJSON(path string, v any) request {
	rq := postJSON(path, v)
	rq.method = "PATCH"
	return rq
}

// matrix has an entry for every route of Server.Routes, keyed by
// "METHOD PATTERN". TestAuthorizationMatrix fails on a route without one.
var matrix = map[string][]probe{
	"GET /healthz":             {{target: "all", req: fixed(get("/healthz")), allow: everyone}},
	"GET /api/v1/openapi.json": {{target: "all", req: fixed(get("/api/v1/openapi.json")), allow: everyone}},

	"GET /api/v1/comuni": {
		{target: "all", req: fixed(get("/api/v1/comuni")), allow: all, check: checkComuniList},
		{target: "in", req: fixed(get("/api/v1/comuni?ambito=" + inAmbito)), allow: all},
		{target: "out", req: fixed(get("/api/v1/comuni?ambito=" + outAmbito)), allow: seeAll},
	},
	"GET /api/v1/comuni/{ref}": {
		{target: "in", req: fixed(get("/api/v1/comuni/" + inComune)), allow: all, check: checkComuneShow},
		{target: "out", req: fixed(get("/api/v1/comuni/" + outComune)), allow: seeAll},
	},
	"POST /api/v1/comuni/{ref}/onboard": {
		{target: "in", req: fixed(postJSON("/api/v1/comuni/"+inFree+"/onboard", map[string]string{"anagrafe": "manual", "date": testNow})), allow: coord},
		{target: "out", req: fixed(postJSON("/api/v1/comuni/"+outFree+"/onboard", map[string]string{"anagrafe": "manual", "date": testNow})), allow: coord},
	},
	"POST /api/v1/comuni": {
		{target: "all", req: fixed(postJSON("/api/v1/comuni", map[string]any{"dry_run": true, "rows": []map[string]any{{"line": 2, "istat": "015146", "ambito": "Milano", "popolazione": "1371498"}}})), allow: coord},
	},
	"POST /api/v1/comuni/onboardings": {
		{target: "all", req: fixed(postJSON("/api/v1/comuni/onboardings", map[string]any{"comuni": []map[string]string{{"comune": "999999", "anagrafe": "manual"}}})), allow: coord},
	},
	"PATCH /api/v1/comuni/{ref}": {
		{target: "in", req: fixed(patchJSON("/api/v1/comuni/"+inComune, map[string]string{"contact": "nuovo@comune.example.it"})), allow: coord},
		{target: "out", req: fixed(patchJSON("/api/v1/comuni/"+outComune, map[string]string{"contact": "nuovo@comune.example.it"})), allow: coord},
	},
	"POST /api/v1/comuni/{ref}/offboard": {
		{target: "in", req: fixed(postJSON("/api/v1/comuni/"+inSpare+"/offboard", map[string]string{"date": testNow})), allow: coord},
		{target: "out", req: fixed(postJSON("/api/v1/comuni/"+outSpare+"/offboard", map[string]string{"date": testNow})), allow: coord},
	},

	"GET /api/v1/ambiti": {{target: "all", req: fixed(get("/api/v1/ambiti")), allow: all, check: checkAmbitiList}},
	"GET /api/v1/ambiti/{ref}": {
		{target: "in", req: fixed(get("/api/v1/ambiti/" + inAmbito)), allow: all, check: checkAmbitoShow},
		{target: "out", req: fixed(get("/api/v1/ambiti/" + outAmbito)), allow: seeAll},
	},

	"GET /api/v1/referenti": {{target: "all", req: fixed(get("/api/v1/referenti?history=true")), allow: staff, check: checkReferenti}},
	"POST /api/v1/referenti": {
		{target: "in", req: fixed(postJSON("/api/v1/referenti", assign(inAmbito))), allow: coord},
		{target: "out", req: fixed(postJSON("/api/v1/referenti", assign(outAmbito))), allow: coord},
	},
	"POST /api/v1/referenti/end": {
		{target: "in", req: fixed(postJSON("/api/v1/referenti/end", map[string]string{"ambito": inAmbito, "date": "2024-12-31"})), allow: coord},
		{target: "out", req: fixed(postJSON("/api/v1/referenti/end", map[string]string{"ambito": outAmbito, "date": "2024-12-31"})), allow: coord},
	},

	"POST /api/v1/anagrafe/imports": {
		{target: "in", req: importReq(inComune), allow: staff, check: checkImported},
		{target: "out", req: importReq(outComune), allow: coord, check: checkImported},
	},
	"GET /api/v1/anagrafe/imports": {
		{target: "all", req: fixed(get("/api/v1/anagrafe/imports")), allow: staff, check: checkRowsKey("comune")},
		{target: "in", req: fixed(get("/api/v1/anagrafe/imports?comune=" + inComune)), allow: staff},
		{target: "out", req: fixed(get("/api/v1/anagrafe/imports?comune=" + outComune)), allow: coord},
	},
	// Coordinator only; dry_run, so that the matrix changes nothing.
	"POST /api/v1/anagrafe/imports/{id}/revert": {
		{target: "in", req: fixed(request{method: "POST", path: "/api/v1/anagrafe/imports/1/revert?dry_run=true"}), allow: coord},
		{target: "out", req: fixed(request{method: "POST", path: "/api/v1/anagrafe/imports/2/revert?dry_run=true"}), allow: coord},
	},
	"GET /api/v1/anagrafe/status": {{target: "all", req: fixed(get("/api/v1/anagrafe/status")), allow: staff, check: checkRowsKey("istat")}},
	"POST /api/v1/anagrafe/history": {
		{target: "in", req: historyReq(inComune), allow: staff},
		// A person registered elsewhere is not found, as an unknown one.
		{target: "out", req: historyReq(outComune), allow: coord, other: map[string]int{csi.RoleReferent: 404, csi.RoleOperator: 404}},
	},
	"GET /api/v1/anagrafe/residents": {
		{target: "in", req: fixed(get("/api/v1/anagrafe/residents?comune=" + inComune + "&at=" + testNow)), allow: staff},
		{target: "in", req: fixed(get("/api/v1/anagrafe/residents?count=true&comune=" + inComune)), allow: staff},
		{target: "out", req: fixed(get("/api/v1/anagrafe/residents?comune=" + outComune + "&at=" + testNow)), allow: coord},
		{target: "out", req: fixed(get("/api/v1/anagrafe/residents?count=true&comune=" + outComune)), allow: coord},
	},

	"POST /api/v1/records/{kind}/imports": {
		{target: "all", req: fixed(postCSV("/api/v1/records/accessi/imports?file=accessi.csv",
			[]byte("id_accesso;data_accesso;comune;sportello\nA-1;2024-02-01;"+inComune+";COMUNE\n"))), allow: coord, check: checkImported},
	},

	"POST /api/v1/validations": {
		{target: "all", req: fixed(request{method: "POST", path: "/api/v1/validations"}), allow: staff, check: checkValidationScope},
		{target: "in", req: fixed(request{method: "POST", path: "/api/v1/validations?ambito=" + inAmbito}), allow: refCoord},
		{target: "in", req: fixed(request{method: "POST", path: "/api/v1/validations?comune=" + inComune}), allow: staff},
		{target: "out", req: fixed(request{method: "POST", path: "/api/v1/validations?ambito=" + outAmbito}), allow: coord},
		{target: "out", req: fixed(request{method: "POST", path: "/api/v1/validations?comune=" + outComune}), allow: coord},
	},
	"GET /api/v1/validations": {{target: "all", req: fixed(get("/api/v1/validations")), allow: staff, check: checkValidationHistory}},

	"GET /api/v1/indicators": {{target: "all", req: fixed(get("/api/v1/indicators")), allow: all}},
	"GET /api/v1/indicators/{name}": {
		{target: "all", req: fixed(get("/api/v1/indicators/popolazione")), allow: all, check: checkIndicatorScope},
		{target: "in", req: fixed(get("/api/v1/indicators/popolazione?ambito=" + inAmbito)), allow: all},
		{target: "in", req: fixed(get("/api/v1/indicators/popolazione?comune=" + inComune)), allow: all},
		{target: "out", req: fixed(get("/api/v1/indicators/popolazione?ambito=" + outAmbito)), allow: seeAll},
		{target: "out", req: fixed(get("/api/v1/indicators/popolazione?comune=" + outComune)), allow: seeAll},
	},

	"GET /api/v1/audit":        {{target: "all", req: fixed(get("/api/v1/audit")), allow: coord}},
	"GET /api/v1/audit/verify": {{target: "all", req: fixed(get("/api/v1/audit/verify")), allow: coord}},
}

func assign(ambito string) map[string]any {
	return map[string]any{"ambito": ambito, "nome": "Luca Neri", "email": "luca.neri@example.it", "from": "2024-03-01", "replace": true}
}

func importReq(istat string) func(*fixture) request {
	return func(fx *fixture) request {
		return postCSV("/api/v1/anagrafe/imports?comune="+istat+"&mode=snapshot&as_of="+extractDate+"&file=anagrafe.csv", fx.extracts[istat])
	}
}

func historyReq(istat string) func(*fixture) request {
	return func(fx *fixture) request {
		return postJSON("/api/v1/anagrafe/history", map[string]string{"codice_fiscale": fx.cfs[istat]})
	}
}

// TestAuthorizationMatrix walks every route × every role × in- and
// out-of-scope targets through a real server on 127.0.0.1 and checks who
// is allowed, who is refused, and which rows the allowed ones get.
func TestAuthorizationMatrix(t *testing.T) {
	fx := newFixture(t)
	seen := map[string]bool{}
	for _, rt := range fx.srv.Routes() {
		key := rt.Method + " " + rt.Pattern
		seen[key] = true
		probes, ok := matrix[key]
		if !ok {
			t.Errorf("route %s (%s) has no entry in the authorization matrix of authz_test.go: add one", key, rt.Name)
			continue
		}
		targets := map[string]bool{}
		for _, pr := range probes {
			targets[pr.target] = true
			for _, role := range roles {
				t.Run(fmt.Sprintf("%s/%s/%s", key, pr.target, roleName(role)), func(t *testing.T) {
					fx.probe(t, rt.Access, pr, role)
				})
			}
		}
		if targets["in"] != targets["out"] {
			t.Errorf("route %s probes an in-scope target without an out-of-scope one, or the reverse", key)
		}
	}
	for key := range matrix {
		if !seen[key] {
			t.Errorf("the matrix has an entry for %s, which is not a route", key)
		}
	}
}

func roleName(role string) string {
	if role == "" {
		return "no-token"
	}
	return role
}

func (fx *fixture) probe(t *testing.T, access string, pr probe, role string) {
	rq := pr.req(fx)
	r := fx.do(t, rq, fx.secrets[role])
	want := http.StatusForbidden
	switch {
	case slices.Contains(pr.allow, role):
		want = http.StatusOK
	case pr.other[role] != 0:
		want = pr.other[role]
	case role == "":
		want = http.StatusUnauthorized
	}
	if r.status != want {
		t.Fatalf("%s %s as %s: status %d, want %d: %s", rq.method, rq.path, roleName(role), r.status, want, truncate(r.body))
	}
	if access == "public" && role == "" && want != http.StatusOK {
		t.Fatalf("a public route refused a caller without a token")
	}
	if want == http.StatusOK {
		if e := r.streamed(); strings.HasPrefix(r.header.Get("Content-Type"), "application/x-ndjson") && e.Error != nil {
			t.Fatalf("%s %s as %s: the stream ended with an error: %+v", rq.method, rq.path, roleName(role), e.Error)
		}
		if pr.check != nil {
			pr.check(t, role, r)
		}
		return
	}
	p := r.problem()
	if want == http.StatusForbidden && (p.Code != csi.EFORBIDDEN || !strings.Contains(p.Detail, "token ")) {
		t.Errorf("refusal problem = %+v, want code forbidden naming the token", p)
	}
	if want == http.StatusUnauthorized && (p.Code != csi.EUNAUTHORIZED || p.Detail != "no API token") {
		t.Errorf("no-token problem = %+v", p)
	}
}

func truncate(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

func decode[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %s: %v", truncate(r.body), err)
	}
	return v
}

type row = map[string]any

// inTerritory says whether a role sees the Comune istat of Ambito ambito.
func inTerritory(role, istat, ambito string) bool {
	switch role {
	case csi.RoleReferent:
		return ambito == inAmbito
	case csi.RoleOperator:
		return istat == inComune
	}
	return true
}

func checkComuniList(t *testing.T, role string, r response) {
	rows := decode[[]row](t, r)
	wantAll := role == csi.RoleCoordinator || role == csi.RoleViewer
	if wantAll != (len(rows) == 55) {
		t.Errorf("%s sees %d Comuni", role, len(rows))
	}
	contacts := 0
	for _, c := range rows {
		if !inTerritory(role, c["istat"].(string), c["ambito"].(string)) {
			t.Errorf("%s sees Comune %v of Ambito %v", role, c["istat"], c["ambito"])
		}
		if c["contact"] != "" {
			contacts++
		}
	}
	if (role == csi.RoleViewer) != (contacts == 0) {
		t.Errorf("%s sees %d contacts", role, contacts)
	}
}

func checkComuneShow(t *testing.T, role string, r response) {
	c := decode[row](t, r)
	h, _ := c["history"].([]any)
	if role == csi.RoleViewer && (c["contact"] != "" || len(h) != 0) {
		t.Errorf("a viewer sees contact %v and %d history events", c["contact"], len(h))
	}
	if role != csi.RoleViewer && len(h) == 0 {
		t.Errorf("%s sees no history", role)
	}
}

func checkAmbitiList(t *testing.T, role string, r response) {
	rows := decode[[]row](t, r)
	for _, a := range rows {
		if (role == csi.RoleReferent || role == csi.RoleOperator) && a["nome"] != inAmbito {
			t.Errorf("%s sees Ambito %v", role, a["nome"])
		}
		if role == csi.RoleViewer && (a["referente"] != "" || a["referente_email"] != "") {
			t.Errorf("a viewer sees the referent of %v", a["nome"])
		}
	}
	if n := map[string]int{csi.RoleViewer: 5, csi.RoleCoordinator: 5}[role]; n != 0 && len(rows) != n || n == 0 && len(rows) != 1 {
		t.Errorf("%s sees %d Ambiti", role, len(rows))
	}
}

func checkAmbitoShow(t *testing.T, role string, r response) {
	a := decode[row](t, r)
	cs, _ := a["comuni_list"].([]any)
	for _, c := range cs {
		c := c.(row)
		if !inTerritory(role, c["istat"].(string), c["ambito"].(string)) {
			t.Errorf("%s sees Comune %v in the Ambito", role, c["istat"])
		}
		if role == csi.RoleViewer && c["contact"] != "" {
			t.Errorf("a viewer sees the contact of %v", c["istat"])
		}
	}
	if role == csi.RoleViewer && a["referente"] != "" {
		t.Errorf("a viewer sees the referent")
	}
	if role == csi.RoleOperator && len(cs) != 1 || role == csi.RoleReferent && len(cs) != 7 {
		t.Errorf("%s sees %d Comuni of the Ambito", role, len(cs))
	}
}

func checkReferenti(t *testing.T, role string, r response) {
	rows := decode[[]row](t, r)
	ambiti := map[any]bool{}
	for _, x := range rows {
		ambiti[x["ambito"]] = true
	}
	if role != csi.RoleCoordinator && (len(ambiti) != 1 || !ambiti[inAmbito]) {
		t.Errorf("%s sees the referents of %v", role, ambiti)
	}
	if role == csi.RoleCoordinator && !ambiti[outAmbito] {
		t.Errorf("the coordinator does not see the referent of %s", outAmbito)
	}
}

// checkRowsKey checks rows whose key holds an ISTAT code.
func checkRowsKey(key string) func(*testing.T, string, response) {
	return func(t *testing.T, role string, r response) {
		rows := decode[[]row](t, r)
		out := 0
		for _, x := range rows {
			istat, _ := x[key].(string)
			amb := map[string]string{inComune: inAmbito, inSpare: inAmbito, inFree: inAmbito}[istat]
			if !inTerritory(role, istat, amb) || role == csi.RoleCoordinator && !inTerritory(csi.RoleReferent, istat, amb) {
				out++
			}
		}
		if role != csi.RoleCoordinator && out > 0 || role == csi.RoleCoordinator && out == 0 {
			t.Errorf("%s sees %d rows outside the referent's territory (of %d)", role, out, len(rows))
		}
		if len(rows) == 0 {
			t.Errorf("%s sees no rows", role)
		}
	}
}

func checkImported(t *testing.T, role string, r response) {
	e := r.streamed()
	var sum csi.ImportSummary
	if e.Result == nil || json.Unmarshal(e.Result, &sum) != nil || sum.Rows == 0 {
		t.Errorf("%s: the import stream has no summary: %s", role, truncate(r.body))
	}
}

func checkValidationScope(t *testing.T, role string, r response) {
	var res struct {
		Run csi.ValidationRun `json:"run"`
	}
	e := r.streamed()
	if e.Result == nil || json.Unmarshal(e.Result, &res) != nil {
		t.Fatalf("no validation result: %s", truncate(r.body))
	}
	want := map[string]string{csi.RoleCoordinator: "provincia", csi.RoleReferent: "ambito Desio", csi.RoleOperator: "comune 108023 Desio"}[role]
	if res.Run.Scope != want {
		t.Errorf("%s validated scope %q, want %q", role, res.Run.Scope, want)
	}
	for _, line := range strings.Split(string(r.body), "\n") {
		var ev struct {
			Finding *csi.Finding `json:"finding"`
		}
		if json.Unmarshal([]byte(line), &ev) == nil && ev.Finding != nil && ev.Finding.Comune != "" &&
			!inTerritory(role, ev.Finding.Comune, map[string]string{inComune: inAmbito}[ev.Finding.Comune]) {
			t.Errorf("%s got a finding of Comune %s", role, ev.Finding.Comune)
		}
	}
}

func checkValidationHistory(t *testing.T, role string, r response) {
	for _, run := range decode[[]csi.ValidationRun](t, r) {
		ok := run.Scope == "ambito Desio" && role == csi.RoleReferent || strings.HasPrefix(run.Scope, "comune "+inComune) ||
			role == csi.RoleCoordinator
		if !ok {
			t.Errorf("%s sees validation run %d of scope %q", role, run.ID, run.Scope)
		}
	}
}

func checkIndicatorScope(t *testing.T, role string, r response) {
	res := decode[csi.IndicatorResult](t, r)
	p := res.Params
	switch role {
	case csi.RoleViewer:
		if p.SuppressBelow != 5 || p.Ambito != "" || p.Comune != "" {
			t.Errorf("viewer params = %+v, want suppression below 5 over the province", p)
		}
	case csi.RoleReferent:
		if p.Ambito != inAmbito || p.Comune != "" {
			t.Errorf("referent params = %+v", p)
		}
	case csi.RoleOperator:
		if p.Comune != inComune {
			t.Errorf("operator params = %+v", p)
		}
	case csi.RoleCoordinator:
		if p.SuppressBelow != 0 || p.Ambito != "" || p.Comune != "" {
			t.Errorf("coordinator params = %+v", p)
		}
	}
}
