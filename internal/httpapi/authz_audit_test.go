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
		{csi.RoleOperator, "maria", historyReq(inComune)(fx), "token:desio-op (operator)",
			"anagrafe history", "anagrafe history", "read 1 registry version(s) of one person [client: actor maria]"},
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

// TestAuditRecordsWhatTheServerKnows: the audit entry of an API call names
// the token and the route served, whatever the client says; what it says
// (the person, the command) is kept apart in a marked client note. Reads
// of the referents' contacts and of the audit log itself are recorded too.
func TestAuditRecordsWhatTheServerKnows(t *testing.T) {
	fx := newFixture(t)
	lied := map[string]string{"X-Csi-Actor": "Giulia Rossi", "X-Csi-Command": "comuni list"}
	for _, c := range []struct {
		role     string
		rq       request
		hdr      map[string]string
		entries  int
		actor    string
		command  string
		target   string
		contains string
	}{
		{csi.RoleReferent, get("/api/v1/anagrafe/residents?comune=" + inComune), lied, 1, "token:desio-ref (referent)",
			"anagrafe residents", "comune " + inComune, "[client: actor Giulia Rossi; command comuni list]"},
		{csi.RoleReferent, get("/api/v1/ambiti"), nil, 1, "token:desio-ref (referent)", "ambiti list", "referenti", "referent"},
		{csi.RoleOperator, get("/api/v1/ambiti/" + inAmbito), nil, 1, "token:desio-op (operator)", "ambiti show", "referenti", "referent"},
		{csi.RoleCoordinator, get("/api/v1/audit"), nil, 1, "token:coord (coordinator)", "audit list", "audit", "audit entr"},
		{csi.RoleCoordinator, get("/api/v1/audit/verify"), nil, 1, "token:coord (coordinator)", "audit verify", "audit", "verified"},
		{csi.RoleViewer, get("/api/v1/ambiti"), nil, 0, "", "", "", ""},
	} {
		n0 := len(fx.audit(t))
		r := fx.doWith(t, c.rq, fx.secrets[c.role], c.hdr)
		if r.status != http.StatusOK {
			t.Fatalf("%s %s: %d %s", c.role, c.rq.path, r.status, truncate(r.body))
		}
		es := fx.audit(t)
		if len(es)-n0 != c.entries {
			t.Errorf("%s %s added %d audit entries, want %d", c.role, c.rq.path, len(es)-n0, c.entries)
			continue
		}
		if c.entries == 0 {
			continue
		}
		e := es[len(es)-1]
		if e.Actor != c.actor || e.Command != c.command || e.Target != c.target || !strings.Contains(e.Summary, c.contains) {
			t.Errorf("%s %s: entry %+v; want actor %q, command %q, target %q, summary with %q",
				c.role, c.rq.path, e, c.actor, c.command, c.target, c.contains)
		}
	}
	if v, err := fx.db.VerifyAudit(context.Background()); err != nil || !v.OK {
		t.Errorf("verify = %+v, %v", v, err)
	}
}

// doWith is do with extra request headers.
func (fx *fixture) doWith(t *testing.T, rq request, secret string, hdr map[string]string) response {
	t.Helper()
	req, err := http.NewRequest(rq.method, fx.url+rq.path, bytes.NewReader(rq.body))
	if err != nil {
		t.Fatal(err)
	}
	if rq.ctype != "" {
		req.Header.Set("Content-Type", rq.ctype)
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return fx.send(t, req)
}
