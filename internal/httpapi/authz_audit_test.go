package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestAuditOfAPICalls checks that mutations and reads of personal data
// through the API are in the audit log with the token's name and role, the
// remote address and the request id; that no entry carries a codice
// fiscale or a name; and that the hash chain still verifies.
func TestAuditOfAPICalls(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	before, _ := fx.db.ListAudit(ctx, "")
	type call struct {
		role, actor   string
		rq            request
		actorWant     string
		command       string
		target        string
		summaryPrefix string
	}
	calls := []call{
		{csi.RoleReferent, "", get("/api/v1/anagrafe/residents?comune=" + inComune), "token:desio-ref (referent)",
			"anagrafe residents", "comune " + inComune, "read "},
		{csi.RoleOperator, "maria", historyReq(inComune)(fx), "maria via token:desio-op (operator)",
			"anagrafe history", "anagrafe history", "read 1 registry version(s) of one person"},
		{csi.RoleReferent, "", get("/api/v1/referenti"), "token:desio-ref (referent)", "referenti list", "referenti", "read 1 referent(s)"},
		{csi.RoleCoordinator, "", patchJSON("/api/v1/comuni/"+inComune, map[string]string{"contact": "nuovo@comune.example.it"}),
			"token:coord (coordinator)", "comuni update", "comune " + inComune, ""},
		{csi.RoleReferent, "", request{method: "POST", path: "/api/v1/validations"}, "token:desio-ref (referent)",
			"validate", "ambito Desio", "validation "},
		{csi.RoleOperator, "", importReq(inComune)(fx), "token:desio-op (operator)", "anagrafe import", "", ""},
	}
	for _, c := range calls {
		n0 := len(fx.audit(t))
		r := fx.doAs(t, c.rq, fx.secrets[c.role], c.actor)
		if r.status != http.StatusOK {
			t.Fatalf("%s %s: %d %s", c.rq.method, c.rq.path, r.status, truncate(r.body))
		}
		es := fx.audit(t)
		if c.rq.path == importReq(inComune)(fx).path {
			// The same extract again is a no-op: nothing changes, nothing is logged.
			if len(es) != n0 {
				t.Errorf("a no-op import added %d audit entries", len(es)-n0)
			}
			continue
		}
		if len(es) != n0+1 {
			t.Fatalf("%s %s added %d audit entries, want 1", c.rq.method, c.rq.path, len(es)-n0)
		}
		e := es[len(es)-1]
		if e.Actor != c.actorWant || e.Command != c.command || e.Target != c.target || !strings.HasPrefix(e.Summary, c.summaryPrefix) ||
			!strings.HasPrefix(e.Remote, "127.0.0.1:") || e.RequestID == "" || e.RequestID != r.header.Get("X-Request-Id") {
			t.Errorf("%s %s: entry %+v; want actor %q, command %q, target %q, summary %q..., remote 127.0.0.1, request id %s",
				c.rq.method, c.rq.path, e, c.actorWant, c.command, c.target, c.summaryPrefix, r.header.Get("X-Request-Id"))
		}
	}
	// Refused and aggregate requests add nothing.
	n0 := len(fx.audit(t))
	for _, rq := range []request{get("/api/v1/anagrafe/residents?comune=" + outComune), get("/api/v1/indicators/popolazione"), get("/api/v1/comuni")} {
		fx.do(t, rq, fx.secrets[csi.RoleReferent])
	}
	if n := len(fx.audit(t)); n != n0 {
		t.Errorf("refused or aggregate reads added %d audit entries", n-n0)
	}
	all := fx.audit(t)
	raw, _ := json.Marshal(all)
	for _, cf := range fx.cfs {
		if bytes.Contains(raw, []byte(cf)) {
			t.Errorf("the audit log carries a codice fiscale")
		}
	}
	if bytes.Contains(raw, []byte("Anna Verdi")) || bytes.Contains(raw, []byte("csi_")) {
		t.Errorf("the audit log carries a name or a token secret")
	}
	v, err := fx.db.VerifyAudit(ctx)
	if err != nil || !v.OK || v.Entries != int64(len(all)) || len(all) <= len(before) {
		t.Errorf("verify = %+v, %v (%d entries)", v, err, len(all))
	}
}

func (fx *fixture) audit(t *testing.T) []csi.AuditEntry {
	t.Helper()
	es, err := fx.db.ListAudit(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// doAs is do with the X-Csi-Actor header the client sends.
func (fx *fixture) doAs(t *testing.T, rq request, secret, actor string) response {
	t.Helper()
	if actor == "" {
		return fx.do(t, rq, secret)
	}
	req, err := http.NewRequest(rq.method, fx.url+rq.path, bytes.NewReader(rq.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", rq.ctype)
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("X-Csi-Actor", actor)
	return fx.send(t, req)
}
