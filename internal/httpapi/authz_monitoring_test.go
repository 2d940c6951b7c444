package httpapi_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// The authorization matrix of the process registers' routes. The changes
// that succeed make the rows the later probes read and remove: event 1
// (the referent's, Desio), 2 (the coordinator's, Desio), 3 (Monza); the
// same three channels.
func init() {
	for k, v := range monitoringMatrix {
		matrix[k] = v
	}
}

// numbered returns a request whose body differs at each call (n is the
// call's number), so that two roles allowed the same change both make it.
func numbered(build func(n int) request) func(*fixture) request {
	n := 0
	return func(*fixture) request {
		n++
		return build(n)
	}
}

func deleteReq(path string) request { return request{method: "DELETE", path: path} }

func eventBody(ambito string, n int) map[string]any {
	return map[string]any{"tipo": "altro", "data": "2024-01-10", "ambiti": []string{ambito}, "partecipanti": "3", "titolo": fmt.Sprintf("probe %d", n)}
}

var monitoringMatrix = map[string][]probe{
	"POST /api/v1/eventi": {
		{target: "in", req: numbered(func(n int) request { return postJSON("/api/v1/eventi", eventBody(inAmbito, n)) }), allow: refCoord},
		{target: "out", req: numbered(func(n int) request { return postJSON("/api/v1/eventi", eventBody(outAmbito, n)) }), allow: coord},
	},
	"POST /api/v1/eventi/imports": {
		{target: "in", req: fixed(postJSON("/api/v1/eventi/imports", map[string]any{"dry_run": true, "rows": []map[string]any{
			{"line": 2, "tipo": "altro", "data": "2024-01-11", "comuni": []string{inComune}}}})), allow: refCoord},
		{target: "out", req: fixed(postJSON("/api/v1/eventi/imports", map[string]any{"dry_run": true, "rows": []map[string]any{
			{"line": 2, "tipo": "altro", "data": "2024-01-11", "comuni": []string{outComune}}}})), allow: coord},
	},
	"GET /api/v1/eventi": {
		{target: "all", req: fixed(get("/api/v1/eventi")), allow: staff, check: checkEventi},
		{target: "in", req: fixed(get("/api/v1/eventi?ambito=" + inAmbito)), allow: staff, check: checkEventi},
		{target: "out", req: fixed(get("/api/v1/eventi?ambito=" + outAmbito)), allow: coord},
	},
	"GET /api/v1/eventi/{id}": {
		{target: "in", req: fixed(get("/api/v1/eventi/1")), allow: staff},
		{target: "out", req: fixed(get("/api/v1/eventi/3")), allow: coord},
	},
	"DELETE /api/v1/eventi/{id}": {
		// The referent (4th caller) removes event 1, the coordinator (5th) event 2.
		{target: "in", req: numbered(func(n int) request { return deleteReq(fmt.Sprintf("/api/v1/eventi/%d", max(1, n-3))) }), allow: refCoord},
		{target: "out", req: fixed(deleteReq("/api/v1/eventi/3")), allow: coord},
	},
	"GET /api/v1/operatori": {
		{target: "all", req: fixed(get("/api/v1/operatori")), allow: staff},
		{target: "in", req: fixed(get("/api/v1/operatori?comune=" + inComune)), allow: staff},
		{target: "out", req: fixed(get("/api/v1/operatori?comune=" + outComune)), allow: coord},
	},
	"POST /api/v1/operatori/imports": {
		{target: "in", req: fixed(postJSON("/api/v1/operatori/imports", map[string]any{"dry_run": true, "file": "u.csv", "rows": []map[string]any{
			{"line": 2, "id": "u1", "comune": inComune, "ruolo": "amministrativo"}}})), allow: refCoord},
		{target: "out", req: fixed(postJSON("/api/v1/operatori/imports", map[string]any{"dry_run": true, "file": "u.csv", "ambito": outAmbito, "rows": []map[string]any{
			{"line": 2, "id": "u1", "comune": outComune, "ruolo": "amministrativo"}}})), allow: coord},
	},
	"POST /api/v1/canali": {
		{target: "in", req: numbered(func(n int) request {
			return postJSON("/api/v1/canali", map[string]any{"controparte": "altro", "ambito": inAmbito, "descrizione": fmt.Sprintf("probe %d", n)})
		}), allow: refCoord},
		{target: "out", req: numbered(func(n int) request {
			return postJSON("/api/v1/canali", map[string]any{"controparte": "altro", "ambito": outAmbito, "descrizione": fmt.Sprintf("probe %d", n)})
		}), allow: coord},
	},
	"PATCH /api/v1/canali/{id}": {
		{target: "in", req: fixed(patchJSON("/api/v1/canali/1", map[string]string{"note": "probe"})), allow: refCoord},
		{target: "out", req: fixed(patchJSON("/api/v1/canali/3", map[string]string{"note": "probe"})), allow: coord},
	},
	"GET /api/v1/canali": {
		{target: "all", req: fixed(get("/api/v1/canali")), allow: staff, check: checkCanali},
		{target: "in", req: fixed(get("/api/v1/canali?ambito=" + inAmbito)), allow: staff, check: checkCanali},
		{target: "out", req: fixed(get("/api/v1/canali?ambito=" + outAmbito)), allow: coord},
	},
}

// checkEventi: a referent or an operator sees only events of Desio.
func checkEventi(t *testing.T, role string, r response) {
	for _, e := range decode[[]csi.Evento](t, r) {
		if role != csi.RoleCoordinator && !slices.Contains(e.Ambiti, inAmbito) {
			t.Errorf("%s sees event %d of %v", role, e.ID, e.Ambiti)
		}
	}
}

// checkCanali: a referent or an operator sees only channels of Desio or the province.
func checkCanali(t *testing.T, role string, r response) {
	cs := decode[[]csi.Canale](t, r)
	if len(cs) == 0 {
		t.Errorf("%s sees no channel", role)
	}
	for _, c := range cs {
		if role != csi.RoleCoordinator && c.Ambito != "" && c.Ambito != inAmbito {
			t.Errorf("%s sees channel %d of %s", role, c.ID, c.Ambito)
		}
	}
}
