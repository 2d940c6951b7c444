package httpapi_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
	"github.com/csi-mb/csi/internal/store"
)

// flussiPage is GET /flussi's answer.
type flussiPage struct {
	Elenco []struct {
		CodiceEnte        string `json:"codice_ente"`
		DenominazioneEnte string `json:"denominazione_ente"`
		IDFlusso          string `json:"id_flusso"`
		Tipo              string `json:"tipo"`
		TSFlusso          string `json:"ts_flusso"`
		Flusso            string `json:"flusso"`
	} `json:"elenco_flussi"`
}

func (fx *waasFixture) flussi(t testing.TB, istat, query string) flussiPage {
	t.Helper()
	r := fx.do(t, "GET", fx.base(istat)+"/flussi?"+query, fx.voucher(istat), nil, true)
	if r.Status != http.StatusOK {
		t.Fatalf("GET /flussi?%s: %d %s", query, r.Status, r.Body)
	}
	var p flussiPage
	if err := json.Unmarshal(r.Body, &p); err != nil || p.Elenco == nil {
		t.Fatalf("GET /flussi?%s: %v: %s", query, err, r.Body)
	}
	return p
}

func tsMillis(t testing.TB, s string) int64 {
	t.Helper()
	ts, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("ts_flusso %q: %v", s, err)
	}
	return ts.UnixMilli()
}

func TestWaaSFlussi(t *testing.T) {
	waasEngines(t, func(t *testing.T, fx *waasFixture) {
		ids := fx.addFlows(t, waasComuneA, 25)
		other := fx.addFlows(t, waasComuneB, 3)
		// The first page: the default limit of 10, oldest first.
		p := fx.flussi(t, waasComuneA, "since=0")
		if len(p.Elenco) != 10 {
			t.Fatalf("since=0: %d flows, want the default 10", len(p.Elenco))
		}
		var got []string
		var since int64
		for i, f := range p.Elenco {
			if f.IDFlusso != ids[i] || f.CodiceEnte != fx.enti[waasComuneA].Belfiore || f.Tipo != "PS_PSA_SINA" ||
				f.DenominazioneEnte != "Comune di Desio" {
				t.Fatalf("flow %d = %+v, want %s of Desio", i, f, ids[i])
			}
			xml, err := base64.StdEncoding.DecodeString(f.Flusso)
			if err != nil || string(xml) != string(fx.flow(t, f.IDFlusso).XML) {
				t.Fatalf("flow %s: base64 %v, XML not the register's", f.IDFlusso, err)
			}
			ts := tsMillis(t, f.TSFlusso)
			if ts != fx.flow(t, f.IDFlusso).TS || ts <= since {
				t.Fatalf("flow %s: ts %d, register %d, previous %d", f.IDFlusso, ts, fx.flow(t, f.IDFlusso).TS, since)
			}
			since = ts
			got = append(got, f.IDFlusso)
			if st := fx.flow(t, f.IDFlusso).Stato; st != store.StatoAcquired {
				t.Fatalf("flow %s returned, state %s, want acquired", f.IDFlusso, st)
			}
		}
		if st := fx.flow(t, ids[10]).Stato; st != store.StatoReady {
			t.Fatalf("flow %s not returned yet, state %s, want ready", ids[10], st)
		}
		// max_entries is limit's synonym; limit=0 returns nothing.
		if p := fx.flussi(t, waasComuneA, fmt.Sprintf("since=%d&limit=0", since)); len(p.Elenco) != 0 {
			t.Fatalf("limit=0 returned %d flows", len(p.Elenco))
		}
		for len(got) < len(ids) {
			p := fx.flussi(t, waasComuneA, fmt.Sprintf("since=%d&max_entries=7", since))
			if len(p.Elenco) == 0 || len(p.Elenco) > 7 {
				t.Fatalf("since=%d max_entries=7: %d flows", since, len(p.Elenco))
			}
			for _, f := range p.Elenco {
				got = append(got, f.IDFlusso)
				since = tsMillis(t, f.TSFlusso)
			}
		}
		if strings.Join(got, ",") != strings.Join(ids, ",") {
			t.Fatalf("collected %v, want %v", got, ids)
		}
		if p := fx.flussi(t, waasComuneA, fmt.Sprintf("since=%d", since)); len(p.Elenco) != 0 {
			t.Fatalf("after the last flow: %d flows, want an empty list", len(p.Elenco))
		}
		// An acquired flow is served again to a poller that starts over
		// (INPS lost its cursor), and the other ente's flows never.
		if p := fx.flussi(t, waasComuneA, "since=0&limit=100"); len(p.Elenco) != len(ids) {
			t.Fatalf("since=0 again: %d flows, want %d", len(p.Elenco), len(ids))
		}
		if p := fx.flussi(t, waasComuneB, "since=0&limit=100"); len(p.Elenco) != len(other) || p.Elenco[0].IDFlusso != other[0] {
			t.Fatalf("Monza's e-service: %+v, want its %d flows", p.Elenco, len(other))
		}
		// The register's audit trail names the PDND client.
		var acquired int
		for _, e := range fx.audit(t) {
			if strings.Contains(e.Summary, "acquired by INPS") {
				acquired++
				if !strings.Contains(e.Actor, pdndtest.ClientID) || e.Command != "waas flussi" {
					t.Fatalf("acquisition audited as %q / %q, want the PDND client and waas flussi", e.Actor, e.Command)
				}
			}
		}
		if acquired < 4 {
			t.Fatalf("%d acquisitions audited, want one per page that acquired flows (4 or more)", acquired)
		}
	})
}

func TestWaaSFlussiBadQuery(t *testing.T) {
	fx := newWaaSFixture(t, "sqlite", openWaaSSQLite(t), nil)
	fx.addFlows(t, waasComuneA, 2)
	for _, q := range []string{"", "since=-1", "since=abc", "since=0&limit=101", "since=0&limit=-1", "since=0&limit=x",
		"since=0&limit=5&max_entries=5", "since=1&since=2"} {
		r := fx.do(t, "GET", fx.base(waasComuneA)+"/flussi?"+q, fx.voucher(waasComuneA), nil, false)
		if r.Status != http.StatusBadRequest {
			t.Errorf("GET /flussi?%s: %d, want 400: %s", q, r.Status, r.Body)
		}
	}
	if st := fx.flow(t, fx.addFlows(t, waasComuneA, 1)[0]).Stato; st != store.StatoReady {
		t.Fatalf("a refused query acquired flows")
	}
}

func TestWaaSEsiti(t *testing.T) {
	waasEngines(t, func(t *testing.T, fx *waasFixture) {
		ids := fx.addFlows(t, waasComuneA, 3)
		monza := fx.addFlows(t, waasComuneB, 1)
		fx.flussi(t, waasComuneA, "since=0")
		ts := "2024-07-01T10:00:00.000Z"
		body := map[string]any{"elenco_esiti": []map[string]any{
			{"id_flusso": ids[0], "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "OK", "id_acquisizione_siuss": "22738"},
			{"id_flusso": ids[1], "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "RICHIESTA_INVALIDA",
				"descrizione_esito": "In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale"},
			// codice_siuss is the specification's name for id_acquisizione_siuss.
			{"id_flusso": ids[2], "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "OK", "codice_siuss": "22739"},
			{"id_flusso": fx.enti[waasComuneA].Belfiore + ".PS.20200101.0000099", "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "OK"},
			// Monza's flow, posted to Desio's e-service: not applied.
			{"id_flusso": monza[0], "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "ERRORE_GENERICO"},
		}}
		for round := 0; round < 2; round++ {
			r := fx.do(t, "POST", fx.base(waasComuneA)+"/esiti", fx.voucher(waasComuneA), body, true)
			if r.Status != http.StatusNoContent || len(r.Body) != 0 {
				t.Fatalf("round %d: POST /esiti: %d %s, want 204", round, r.Status, r.Body)
			}
		}
		want := map[string][2]string{ids[0]: {store.EsitoOK, "22738"}, ids[1]: {store.EsitoRichiestaInvalida, ""}, ids[2]: {store.EsitoOK, "22739"}}
		for id, w := range want {
			f := fx.flow(t, id)
			if f.Stato != w[0] || f.IDAcquisizione != w[1] {
				t.Fatalf("flow %s: %s %q, want %s %q", id, f.Stato, f.IDAcquisizione, w[0], w[1])
			}
			esiti, err := fx.st.SiussEsiti(context.Background(), id)
			if err != nil || len(esiti) != 1 || esiti[0].Fonte != "waas" {
				t.Fatalf("flow %s: outcomes %+v %v, want one from waas (idempotent)", id, esiti, err)
			}
		}
		if f := fx.flow(t, monza[0]); f.Stato != store.StatoReady {
			t.Fatalf("Monza's flow changed by Desio's e-service: %s", f.Stato)
		}
		unknown, err := fx.st.SiussEsiti(context.Background(), "")
		if err != nil || len(unknown) != 2 {
			t.Fatalf("outcomes of unknown flows: %+v %v, want 2 (the missing flow and Monza's)", unknown, err)
		}
		// A bad outcome refuses the whole request, naming the entry and field.
		bad := map[string]any{"elenco_esiti": []map[string]any{
			{"id_flusso": ids[0], "tipo": "PS_PSA_SINA", "ts_flusso": ts, "ts_acquisizione": ts, "codice_esito": "FORSE"}}}
		r := fx.do(t, "POST", fx.base(waasComuneA)+"/esiti", fx.voucher(waasComuneA), bad, false)
		if r.Status != http.StatusBadRequest || !strings.Contains(string(r.Body), "entry 1: field codice_esito") {
			t.Fatalf("bad codice_esito: %d %s", r.Status, r.Body)
		}
		r = fx.do(t, "POST", fx.base(waasComuneA)+"/esiti", fx.voucher(waasComuneA), []byte("{not json"), false)
		if r.Status != http.StatusBadRequest {
			t.Fatalf("not JSON: %d %s", r.Status, r.Body)
		}
	})
}

// TestWaaSVoucher sends every kind of bad voucher: only the valid one
// passes, and every refusal is audited without the token: at once when it
// is the first of its reason (endpoint, check, status) from this address,
// and counted in one entry when the window ends (here: the server stops)
// when the same reason came before.
func TestWaaSVoucher(t *testing.T) {
	waasEngines(t, func(t *testing.T, fx *waasFixture) {
		fx.addFlows(t, waasComuneA, 1)
		a := fx.enti[waasComuneA]
		other, _, err := pdndtest.NewKey("other-key")
		if err != nil {
			t.Fatal(err)
		}
		_ = other
		_, stranger, err := pdndtest.NewKey(pdndtest.DefaultKeyID)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		cases := []struct {
			name   string
			token  string
			status int
		}{
			{"valid", fx.voucher(waasComuneA), http.StatusOK},
			{"expired", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) {
				v.Claims["iat"], v.Claims["nbf"], v.Claims["exp"] = now.Add(-time.Hour).Unix(), now.Add(-time.Hour).Unix(), now.Add(-10*time.Minute).Unix()
			}), http.StatusUnauthorized},
			{"not yet valid", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) {
				v.Claims["nbf"], v.Claims["exp"] = now.Add(10*time.Minute).Unix(), now.Add(time.Hour).Unix()
			}), http.StatusUnauthorized},
			{"wrong audience", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Claims["aud"] = waasAudience(fx.enti[waasComuneB].Belfiore) }), http.StatusUnauthorized},
			{"wrong issuer", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Claims["iss"] = "evil.example.com" }), http.StatusUnauthorized},
			{"unknown kid", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.KeyID = "other-key" }), http.StatusUnauthorized},
			{"alg none", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Alg = pdndtest.AlgNone }), http.StatusUnauthorized},
			{"HS256", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Alg = pdndtest.AlgHS256PublicKey }), http.StatusUnauthorized},
			{"wrong purpose", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Claims["purposeId"] = "not-our-purpose" }), http.StatusForbidden},
			{"tampered signature", pdndtest.TamperSignature(fx.voucher(waasComuneA)), http.StatusUnauthorized},
			{"another key, same kid", fx.voucher(waasComuneA, func(v *pdndtest.Voucher) { v.Key = stranger }), http.StatusUnauthorized},
			{"a csi token", fx.token, http.StatusUnauthorized},
			{"missing header", "", http.StatusUnauthorized},
		}
		repeated := 0
		for _, c := range cases {
			for _, ep := range []struct{ method, path string }{{"GET", "/flussi?since=0&limit=0"}, {"POST", "/esiti"}} {
				var body any
				if ep.method == "POST" {
					body = map[string]any{"elenco_esiti": []any{}}
				}
				before := len(fx.audit(t))
				r := fx.do(t, ep.method, fx.base(waasComuneA)+ep.path, c.token, body, c.token != "")
				want := c.status
				if want == http.StatusOK && ep.method == "POST" {
					want = http.StatusNoContent
				}
				if r.Status != want {
					t.Errorf("%s %s with %s: %d, want %d: %s", ep.method, ep.path, c.name, r.Status, want, r.Body)
					continue
				}
				if want < 400 {
					continue
				}
				entries := fx.audit(t)
				if len(entries) == before {
					repeated++ // the same check failed before: counted, audited later
					continue
				}
				if len(entries) != before+1 {
					t.Errorf("%s with %s: %d audit entries added, want 1", ep.path, c.name, len(entries)-before)
					continue
				}
				e := entries[len(entries)-1]
				if e.Target != "waas ente "+a.Belfiore || !strings.Contains(e.Summary, fmt.Sprintf("refused %d", want)) {
					t.Errorf("refusal audited as %q %q", e.Target, e.Summary)
				}
				if c.token != "" && (strings.Contains(e.Summary, c.token[:20]) || strings.Contains(string(r.Body), c.token[:20])) {
					t.Errorf("%s: the token is in the audit entry or the answer", c.name)
				}
			}
		}
		if repeated == 0 || repeated > 4 {
			t.Errorf("%d refusals repeated a reason: want a few (HS256 and another key fail the signature check as others do)", repeated)
		}
		before := len(fx.audit(t))
		fx.api.FlushWaaS()
		more := 0
		for _, e := range fx.audit(t)[before:] {
			if n, ok := refusalMore(e.Summary); ok && e.Target == "waas ente "+a.Belfiore && e.Actor == "waas caller 127.0.0.1" {
				more += n
			} else {
				t.Errorf("after the flush: %q %q %q, want a count of refusals", e.Actor, e.Target, e.Summary)
			}
		}
		if more != repeated {
			t.Errorf("the flushed entries count %d refusals, want %d", more, repeated)
		}
		// /status needs no voucher; a voucher opens no csi route.
		if r := fx.do(t, "GET", fx.base(waasComuneA)+"/status", "", nil, true); r.Status != http.StatusOK {
			t.Fatalf("/status: %d %s", r.Status, r.Body)
		}
		req, _ := http.NewRequest("GET", fx.url+"/api/v1/comuni", nil)
		req.Header.Set("Authorization", "Bearer "+fx.voucher(waasComuneA))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a voucher on /api/v1/comuni: %d, want 401", resp.StatusCode)
		}
		if st := fx.flow(t, fx.addFlows(t, waasComuneA, 1)[0]).Stato; st != store.StatoReady {
			t.Fatalf("a refused caller acquired a flow")
		}
	})
}

// TestWaaSAllow refuses a caller outside --waas-allow, even with a voucher,
// and /status too.
func TestWaaSAllow(t *testing.T) {
	_, n, _ := net.ParseCIDR("192.0.2.0/24")
	fx := newWaaSFixture(t, "sqlite", openWaaSSQLite(t), []*net.IPNet{n})
	id := fx.addFlows(t, waasComuneA, 1)[0]
	for _, path := range []string{"/flussi?since=0", "/status"} {
		r := fx.do(t, "GET", fx.base(waasComuneA)+path, fx.voucher(waasComuneA), nil, true)
		if r.Status != http.StatusForbidden {
			t.Fatalf("%s from 127.0.0.1 outside 192.0.2.0/24: %d, want 403", path, r.Status)
		}
	}
	if st := fx.flow(t, id).Stato; st != store.StatoReady {
		t.Fatalf("a refused address acquired a flow")
	}
}

// refusalMore reads the count of an audit entry standing for several
// refused calls ("...: 12 more refused from this address within 1m0s ...").
func refusalMore(summary string) (int, bool) {
	_, rest, ok := strings.Cut(summary, ": ")
	for ok {
		var n int
		if _, err := fmt.Sscanf(rest, "%d more refused", &n); err == nil {
			return n, true
		}
		_, rest, ok = strings.Cut(rest, ": ")
	}
	return 0, false
}

// TestWaaSRefusalFlood sends 300 calls with a bad voucher to a real server:
// the audit log gets one entry at once and, when the server stops, one
// that counts the 299 others; not 300 entries.
func TestWaaSRefusalFlood(t *testing.T) {
	fx := newWaaSFixture(t, "sqlite", openWaaSSQLite(t), nil)
	bad := pdndtest.TamperSignature(fx.voucher(waasComuneA))
	before := len(fx.audit(t))
	const n = 300
	for range n {
		req, _ := http.NewRequest("GET", fx.base(waasComuneA)+"/flussi?since=0", nil)
		req.Header.Set("Authorization", "Bearer "+bad)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a tampered voucher: %d, want 401", resp.StatusCode)
		}
	}
	if got := len(fx.audit(t)) - before; got != 1 {
		t.Fatalf("%d audit entries during a flood of %d refusals, want 1", got, n)
	}
	fx.api.FlushWaaS()
	entries := fx.audit(t)[before:]
	if len(entries) != 2 {
		t.Fatalf("%d audit entries after the flush, want 2", len(entries))
	}
	more, ok := refusalMore(entries[1].Summary)
	if !ok || more != n-1 || !strings.Contains(entries[1].Summary, "waas flussi refused 401") {
		t.Fatalf("the second entry %q, want the count of the %d others", entries[1].Summary, n-1)
	}
	if strings.Contains(entries[1].Summary, bad[:20]) {
		t.Fatalf("the voucher is in the audit entry")
	}
}

// TestWaaSEsitiBatch checks that outcomes recorded in one batch apply as
// one after the other: two outcomes of one flow in the same request (the
// second finds the state the first set), the same outcome twice in it
// (once logged), and the audit chain, one entry per outcome recorded,
// still verifying; and that a page is acquired once, by the first poll.
func TestWaaSEsitiBatch(t *testing.T) {
	waasEngines(t, func(t *testing.T, fx *waasFixture) {
		ids := fx.addFlows(t, waasComuneA, 2)
		ctx := csi.WithActor(context.Background(), csi.Actor{Name: "pdnd client test", Command: "waas esiti"})
		a := fx.enti[waasComuneA].Belfiore
		for round := 0; round < 2; round++ {
			flows, err := fx.svc.AcquireWaaSFlows(ctx, a, 0, 10)
			if err != nil || len(flows) != 2 {
				t.Fatalf("round %d: %d flows, %v", round, len(flows), err)
			}
		}
		acquired := 0
		for _, e := range fx.audit(t) {
			if strings.HasSuffix(e.Summary, "flows acquired by INPS") {
				acquired++
				if e.Summary != "2 flows acquired by INPS" {
					t.Errorf("acquisition audited as %q", e.Summary)
				}
			}
		}
		if acquired != 1 {
			t.Fatalf("%d acquisition entries for one page polled twice, want 1", acquired)
		}
		before := len(fx.audit(t))
		res, err := fx.svc.RecordWaaSEsiti(ctx, a, []csi.SiussEsitoInput{
			{IDFlusso: ids[0], Codice: store.EsitoErroreGenerico, Descrizione: "timeout"},
			{IDFlusso: ids[0], Codice: store.EsitoOK, IDAcquisizione: "1"},
			{IDFlusso: ids[1], Codice: store.EsitoOK, IDAcquisizione: "2"},
			{IDFlusso: ids[1], Codice: store.EsitoOK, IDAcquisizione: "2"},
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Registrati != 3 || res.Invariati != 1 || res.PerEsito[store.EsitoOK] != 2 || res.PerEsito[store.EsitoErroreGenerico] != 1 {
			t.Fatalf("result %+v, want 3 recorded (2 OK, 1 ERRORE_GENERICO) and 1 unchanged", res)
		}
		for i, id := range ids {
			if f := fx.flow(t, id); f.Stato != store.EsitoOK || f.IDAcquisizione != fmt.Sprint(i+1) {
				t.Fatalf("flow %s: %s %q, want OK %d", id, f.Stato, f.IDAcquisizione, i+1)
			}
		}
		entries := fx.audit(t)[before:]
		want := []string{"esito ERRORE_GENERICO (was acquired) from waas", "esito OK (was ERRORE_GENERICO) from waas, acquisizione 1",
			"esito OK (was acquired) from waas, acquisizione 2"}
		if len(entries) != len(want) {
			t.Fatalf("%d audit entries, want %d", len(entries), len(want))
		}
		for i, e := range entries {
			if e.Summary != want[i] || e.Actor != "pdnd client test" {
				t.Errorf("entry %d: %q by %q, want %q", i, e.Summary, e.Actor, want[i])
			}
		}
		if res, err := fx.svc.VerifyAudit(context.Background()); err != nil || !res.OK {
			t.Fatalf("the audit chain after a batch: %+v %v", res, err)
		}
	})
}
