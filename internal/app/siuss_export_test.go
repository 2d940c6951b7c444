package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

// monzaSource has three interventi in Monza: a periodic one over two
// years, a one-off one, and one with half a DSU (refused).
func monzaSource() *fakeSource {
	bad := occasionale("INT-3", "2024-03-01")
	bad.DSU = siuss.DSU{Numero: "INPS-ISEE-2024-1"}
	return &fakeSource{enti: map[string]siuss.Ente{"108033": monza, "108023": desio}, interventi: []SiussIntervento{
		intervento("108033", benef("SLONNI75M48F704", "Soli"), periodica("INT-1", "2023-11-01", "2024-02-29"), 11),
		intervento("108033", benef("BNCLRA80A41F704", "Bianchi"), occasionale("INT-2", "2024-05-10"), 12),
		intervento("108033", benef("VRDPLA70A01F704", "Verdi"), bad, 13),
	}}
}

func psRequest() SiussExportRequest {
	return SiussExportRequest{Tipo: siuss.TipoPS, Ente: "108033", From: "2023-01-01", To: "2024-12-31", Operatore: operatore}
}

func (e *exportTest) export(req SiussExportRequest) (*SiussExportResult, *xsdSink) {
	e.t.Helper()
	sink := newSink(e.t)
	res, err := e.x.export(testCtx(), req, sink)
	if err != nil {
		e.t.Fatal(err)
	}
	return res, sink
}

func ids(res *SiussExportResult) []string {
	var out []string
	for _, f := range res.Flussi {
		out = append(out, f.ID)
	}
	return out
}

// TestSiussExportWaaS: one flow per record and year, valid against the
// XSD, ids from the daily counter, timestamps strictly increasing; the
// refused record is reported by rule; nothing names a person in the audit.
func TestSiussExportWaaS(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		e := newExportTest(t, open(t), monzaSource())
		res, sink := e.export(psRequest())
		want := []string{"F704.PS.20240630.0000001", "F704.PS.20240630.0000002", "F704.PS.20240630.0000003"}
		if got := ids(res); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("flows %v, want %v", got, want)
		}
		if len(sink.flows) != 3 {
			t.Fatalf("the sink got %d flows, want 3", len(sink.flows))
		}
		// INT-1 spans two years: two flows, each within its year.
		if v := res.Flussi[0].Voci; len(v) != 1 || v[0] != "INT-1/2023" {
			t.Errorf("first flow carries %v, want INT-1/2023", v)
		}
		if v := res.Flussi[1].Voci; len(v) != 1 || v[0] != "INT-1/2024" {
			t.Errorf("second flow carries %v, want INT-1/2024", v)
		}
		first := sink.flows[want[0]]
		for _, s := range []string{`DataInizioPrestazione="2023-11-01"`, `DataFinePrestazione="2023-12-31"`, `PeriodoErogazione="2"`} {
			if !bytes.Contains(first, []byte(s)) {
				t.Errorf("the 2023 piece lacks %s", s)
			}
		}
		for i := 1; i < len(res.Flussi); i++ {
			if res.Flussi[i].TS <= res.Flussi[i-1].TS {
				t.Errorf("timestamps not strictly increasing: %d then %d", res.Flussi[i-1].TS, res.Flussi[i].TS)
			}
		}
		if len(res.Rifiutati) != 1 || res.Rifiutati[0].Record != "INT-3" || res.Rifiutati[0].Rules[0] != "siuss-dsu-incompleto" {
			t.Errorf("refused %+v, want INT-3 by siuss-dsu-incompleto", res.Rifiutati)
		}
		if len(res.PerRegola) != 1 || res.PerRegola[0].Count != 1 {
			t.Errorf("by rule %+v", res.PerRegola)
		}
		flows, err := e.svc.ListSiussFlows(context.Background(), SiussFlowQuery{})
		if err != nil || len(flows) != 3 || flows[0].Stato != store.StatoReady {
			t.Fatalf("register: %+v, %v", flows, err)
		}
		assertAuditClean(t, e.svc, "export PS waas 2023-01-01..2024-12-31: 3 flows")
	})
}

// assertAuditClean checks that the audit log has an entry containing want
// and no codice fiscale or surname of the fixtures.
func assertAuditClean(t *testing.T, s *Services, want string) {
	t.Helper()
	entries, err := s.ListAudit(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		text := e.Target + " " + e.Summary
		if strings.Contains(text, want) {
			found = true
		}
		for _, bad := range []string{"SLONNI", "Soli", "Bianchi", "Verdi", "BNCLRA", operatore} {
			if strings.Contains(text, bad) {
				t.Errorf("audit entry %d carries personal data: %q", e.ID, text)
			}
		}
	}
	if !found {
		t.Errorf("no audit entry says %q", want)
	}
}

// TestSiussRegisterRoundTrip: pending records are not exported twice; an
// accepted one is not sent again, a refused one goes in a new flow;
// outcomes are idempotent and unknown flows are recorded as such; annulla
// gives a valid C flow, after whose acceptance the record is sent again.
func TestSiussRegisterRoundTrip(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		ctx := testCtx()
		e := newExportTest(t, open(t), monzaSource())
		first, _ := e.export(psRequest())
		again, _ := e.export(psRequest())
		if len(again.Flussi) != 0 || again.Saltati.InAttesa != 3 {
			t.Fatalf("second export: %d flows, %d pending; want 0 and 3", len(again.Flussi), again.Saltati.InAttesa)
		}
		esiti := []SiussEsitoInput{
			{IDFlusso: first.Flussi[0].ID, Codice: "OK", IDAcquisizione: "SIUSS-1"},
			{IDFlusso: first.Flussi[1].ID, Codice: "RICHIESTA_INVALIDA", Descrizione: "struttura non conforme"},
			{IDFlusso: "F704.PS.20240101.0000099", Codice: "OK"},
		}
		r, err := e.svc.RecordSiussEsiti(ctx, "esiti.csv", esiti)
		if err != nil {
			t.Fatal(err)
		}
		if r.Registrati != 2 || len(r.Sconosciuti) != 1 || r.Invariati != 0 {
			t.Errorf("esiti: %+v", r)
		}
		if r, _ = e.svc.RecordSiussEsiti(ctx, "esiti.csv", esiti); r.Invariati != 3 || r.Registrati != 0 {
			t.Errorf("the same esiti again: %+v, want 3 unchanged", r)
		}
		if unknown, _ := e.svc.st.SiussEsiti(ctx, ""); len(unknown) != 1 || unknown[0].Noto {
			t.Errorf("unknown esiti: %+v", unknown)
		}
		re, _ := e.export(psRequest())
		if got := ids(re); len(got) != 1 || got[0] != "F704.PS.20240630.0000004" || re.Flussi[0].Voci[0] != "INT-1/2024" {
			t.Errorf("after the outcomes: flows %v carrying %+v, want INT-1/2024 in counter 4", got, re.Flussi)
		}
		if re.Saltati.Accettati != 1 || re.Saltati.InAttesa != 1 {
			t.Errorf("skipped %+v, want 1 accepted and 1 pending", re.Saltati)
		}
		testAnnulla(t, e, first.Flussi[0].ID, first.Flussi[1].ID)
	})
}

func testAnnulla(t *testing.T, e *exportTest, accepted, refused string) {
	ctx := testCtx()
	if _, err := e.svc.AnnullaSiussFlow(ctx, refused, operatore, nil); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("annulla of a refused flow: %v, want a conflict", err)
	}
	sink := newSink(t)
	c, err := e.svc.AnnullaSiussFlow(ctx, accepted, operatore, sink)
	if err != nil {
		t.Fatal(err)
	}
	data := sink.flows[c.ID]
	if !bytes.Contains(data, []byte(`TipoOperazione="C"`)) || bytes.Contains(data, []byte(`TipoOperazione="I"`)) {
		t.Errorf("the cancellation is not a C flow:\n%s", data)
	}
	if !bytes.Contains(data, []byte(`Nome="`+c.ID+`"`)) {
		t.Errorf("the cancellation does not carry its own id %s", c.ID)
	}
	if _, err := e.svc.AnnullaSiussFlow(ctx, accepted, operatore, nil); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Errorf("a second annulla: %v, want a conflict", err)
	}
	// Pending cancellation: the record is not exported; accepted: it is.
	if res, _ := e.export(psRequest()); len(res.Flussi) != 0 {
		t.Errorf("with the cancellation pending, the export wrote %v", ids(res))
	}
	if _, err := e.svc.RecordSiussEsiti(ctx, "waas", []SiussEsitoInput{{IDFlusso: c.ID, Codice: "OK"}}); err != nil {
		t.Fatal(err)
	}
	res, _ := e.export(psRequest())
	if len(res.Flussi) != 1 || res.Flussi[0].Voci[0] != "INT-1/2023" {
		t.Errorf("after the cancellation was accepted: %+v, want INT-1/2023 again", res.Flussi)
	}
	d, err := e.svc.ShowSiussFlow(context.Background(), c.ID)
	if err != nil || d.Operazione != "C" || d.Annulla != accepted || len(d.EsitiRicevuti) != 1 {
		t.Errorf("show of the cancellation: %+v, %v", d, err)
	}
	assertAuditClean(t, e.svc, "cancelled by flow "+c.ID)
}

// TestSiussExportDryRun: a dry run reports the flows and writes, records
// and allocates nothing.
func TestSiussExportDryRun(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		e := newExportTest(t, open(t), monzaSource())
		req := psRequest()
		req.DryRun = true
		res, sink := e.export(req)
		if len(res.Flussi) != 3 || res.Flussi[0].ID != "" || len(sink.flows) != 0 || !res.DryRun {
			t.Fatalf("dry run: %+v, sink %d", res, len(sink.flows))
		}
		flows, _ := e.svc.ListSiussFlows(context.Background(), SiussFlowQuery{})
		if len(flows) != 0 {
			t.Errorf("the dry run recorded %d flows", len(flows))
		}
		real, _ := e.export(psRequest())
		if real.Flussi[0].ID != "F704.PS.20240630.0000001" {
			t.Errorf("after a dry run the first flow is %s, want counter 1", real.Flussi[0].ID)
		}
	})
}

// TestSiussExportUpload: one flow per Comune, a beneficiary listed once
// with all their prestazioni; an Ambito covers its Comuni.
func TestSiussExportUpload(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		src := monzaSource()
		b := benef("SLONNI75M48F704", "Soli")
		src.interventi = append(src.interventi,
			intervento("108033", b, occasionale("INT-4", "2024-06-01"), 14),
			intervento("108023", benef("NRELCU60A01D286", "Neri"), occasionale("INT-1", "2024-02-02"), 21))
		e := newExportTest(t, open(t), src)
		req := psRequest()
		req.Ente, req.Ambito, req.Mode = "", "Monza", siuss.ModeUpload
		res, sink := e.export(req)
		// Desio is not in the Ambito of Monza.
		if got := ids(res); len(got) != 1 || got[0] != "F704.PS.20240630.0000001" || len(res.Flussi[0].Voci) != 4 {
			t.Fatalf("upload to the Ambito of Monza: %+v", res.Flussi)
		}
		data := sink.flows[res.Flussi[0].ID]
		if n := bytes.Count(data, []byte("<Beneficiario ")); n != 2 {
			t.Errorf("the upload flow lists %d beneficiaries, want 2 (Soli once with 3 prestazioni)", n)
		}
		req.Ambito = "Desio"
		res, _ = e.export(req)
		if got := ids(res); len(got) != 1 || got[0] != "D286.PS.20240630.0000001" {
			t.Errorf("upload to the Ambito of Desio: %v", got)
		}
	})
}

// TestSiussExportSINBA: SINBA flows validate against their XSD and carry
// the pseudonym only.
func TestSiussExportSINBA(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		src := monzaSource()
		rec := siuss.SINBA{IDBeneficiario: "F704C-2024-17", Cartella: "C-2024-17",
			MinoreStranieroNoAcc: 2, CondizioneMinore: 1, LuogoVita: 1, ScuolaFrequentata: 3,
			CondizioneLavoro: 1, Disabilita: 2, DataPrimaSegnalazione: "03/2023", FonteSegnalazione: 13,
			ValutazioneMinore: 2, ValutazioneFamigliaMinore: 4, SegnalazioneAutoritaGiudiziaria: 2,
			ProvvedimentoGiudiziario: 2, FasciaEtaBeneficiario: 3, AnnoNascita: 2014, RegioneResidenza: "03",
			Prestazioni: []string{"A2.02"}, Famiglia: []int{1, 2}}
		src.sinba = []SiussSINBA{{Comune: "108033", Cartella: "C-2024-17", Record: rec, Hash: 5}}
		e := newExportTest(t, open(t), src)
		req := psRequest()
		req.Tipo = siuss.TipoSINBA
		res, sink := e.export(req)
		if got := ids(res); len(got) != 1 || got[0] != "F704.SINBA.20240630.0000001" {
			t.Fatalf("SINBA flows %v", got)
		}
		if data := sink.flows[got(res)]; bytes.Contains(data, []byte("CodiceFiscale")) {
			t.Errorf("the SINBA flow carries a codice fiscale:\n%s", data)
		}
		if _, err := e.svc.AnnullaSiussFlow(testCtx(), res.Flussi[0].ID, operatore, nil); csi.ErrorCode(err) != csi.EINVALID {
			t.Errorf("annulla of a SINBA flow: %v, want invalid", err)
		}
	})
}

func got(res *SiussExportResult) string { return res.Flussi[0].ID }

// TestSiussExportChangedAfterAcceptance: a record changed since INPS
// accepted it is not sent again but reported, to be cancelled first.
func TestSiussExportChangedAfterAcceptance(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		src := monzaSource()
		e := newExportTest(t, open(t), src)
		res, _ := e.export(psRequest())
		in := []SiussEsitoInput{}
		for _, f := range res.Flussi {
			in = append(in, SiussEsitoInput{IDFlusso: f.ID, Codice: "OK"})
		}
		if _, err := e.svc.RecordSiussEsiti(testCtx(), "esiti.json", in); err != nil {
			t.Fatal(err)
		}
		src.mu.Lock()
		src.interventi[1].Hash = 99
		src.mu.Unlock()
		res, _ = e.export(psRequest())
		if len(res.Flussi) != 0 || res.Saltati.Accettati != 3 || len(res.Saltati.Modificati) != 1 ||
			res.Saltati.Modificati[0] != "108033 INT-2/2024" {
			t.Errorf("after a change: %d flows, skipped %+v", len(res.Flussi), res.Saltati)
		}
	})
}

// TestSiussExportRequestErrors: bad flags are refused before anything is read.
func TestSiussExportRequestErrors(t *testing.T) {
	e := newExportTest(t, openSiussSQLite(t), monzaSource())
	for _, tc := range []struct {
		name string
		edit func(*SiussExportRequest)
		want string
	}{
		{"tipo", func(r *SiussExportRequest) { r.Tipo = "xx" }, "--tipo"},
		{"mode", func(r *SiussExportRequest) { r.Mode = "fax" }, "--mode"},
		{"both scopes", func(r *SiussExportRequest) { r.Ambito = "Monza" }, "--ente or --ambito"},
		{"dates", func(r *SiussExportRequest) { r.From, r.To = "2024-12-31", "2024-01-01" }, "before --from"},
		{"no operator", func(r *SiussExportRequest) { r.Operatore = "" }, "operator"},
		{"bad operator", func(r *SiussExportRequest) { r.Operatore = "RSSMRA80A01F704X" }, "siuss-operatore-cf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := psRequest()
			tc.edit(&req)
			_, err := e.x.export(testCtx(), req, newSink(t))
			if csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want invalid naming %q", err, tc.want)
			}
			if strings.Contains(err.Error(), req.Operatore) && req.Operatore != "" {
				t.Errorf("the error shows the operator's codice fiscale: %v", err)
			}
		})
	}
}

// TestDebitiInformativiIndicator: the indicator counts the register's
// flows by type, operation and state, per Ambito with the province total.
func TestDebitiInformativiIndicator(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		e := newExportTest(t, open(t), monzaSource())
		res, _ := e.export(psRequest())
		if _, err := e.svc.RecordSiussEsiti(testCtx(), "esiti.csv", []SiussEsitoInput{
			{IDFlusso: res.Flussi[0].ID, Codice: "OK"}, {IDFlusso: res.Flussi[1].ID, Codice: "DATI_NON_TROVATI"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.AnnullaSiussFlow(testCtx(), res.Flussi[0].ID, operatore, nil); err != nil {
			t.Fatal(err)
		}
		ind, err := e.svc.ComputeIndicator(context.Background(), "debiti-informativi",
			csi.IndicatorParams{Period: []string{"2024"}, By: csi.ByAmbito})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range ind.Rows {
			got = append(got, fmt.Sprintf("%v %v %v %v %v %v", r.Get("ambito"), r.Get("tipo"), r.Get("operazione"), r.Get("stato"), r.Get("flussi"), r.Get("record")))
		}
		want := []string{
			"Monza PS C ready 1 1", "Monza PS I DATI_NON_TROVATI 1 1", "Monza PS I OK 1 1", "Monza PS I ready 1 1",
			"Totale PS C ready 1 1", "Totale PS I DATI_NON_TROVATI 1 1", "Totale PS I OK 1 1", "Totale PS I ready 1 1",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		none, err := e.svc.ComputeIndicator(context.Background(), "debiti-informativi", csi.IndicatorParams{Period: []string{"2023"}})
		if err != nil || len(none.Rows) != 0 {
			t.Errorf("2023: %+v, %v; want no rows", none, err)
		}
	})
}

// flushFailSink takes the flows but fails to write them in the background:
// its Flush reports the failure.
type flushFailSink struct{ *xsdSink }

func (flushFailSink) Flush() error { return errors.New("disk full") }

// TestSiussExportFlushFailureRollsBack: a sink that writes in the
// background is flushed before the export commits, so its failure rolls
// the export back: the next export takes the same counters again.
func TestSiussExportFlushFailureRollsBack(t *testing.T) {
	siussEngines(t, func(t *testing.T, open func(*testing.T) siussStore) {
		e := newExportTest(t, open(t), monzaSource())
		if _, err := e.x.export(testCtx(), psRequest(), flushFailSink{newSink(t)}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("export with a failing flush: %v", err)
		}
		res, _ := e.export(psRequest())
		if got := ids(res); len(got) == 0 || got[0] != "F704.PS.20240630.0000001" {
			t.Fatalf("after the failed export, flows %v: its counters were not rolled back", got)
		}
	})
}
