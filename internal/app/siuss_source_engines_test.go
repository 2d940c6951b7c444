package app_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
)

// siussServices onboards Monza, loads its registry on 2019-06-01 and the
// SIUSS fixture's cartelle, interventi, SINA assessments and SINBA
// records through the records import.
func siussServices(t *testing.T, e engine) *app.Services {
	t.Helper()
	ctx := actorCtx()
	svc := e.services()
	if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic", Date: "2019-01-01"}); err != nil {
		t.Fatal(err)
	}
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2019-06-01"}
	if _, err := svc.ImportAnagrafe(ctx, req, fileSource(t, "testdata/siuss-anagrafe-monza.csv")); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"cartelle", "interventi", "valutazioni-sina", "sinba"} {
		sum, err := svc.ImportRecords(ctx, csi.RecordImport{Kind: k}, fileSource(t, "testdata/siuss-"+k+".csv"))
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if sum.Rejected != 0 || sum.Inserted != sum.Rows {
			t.Fatalf("%s: %d rows, %d inserted, rejects %+v", k, sum.Rows, sum.Inserted, sum.Rejects)
		}
	}
	return svc
}

type siussRead struct {
	Interventi []app.SiussIntervento
	SINBA      []app.SiussSINBA
}

func readSiuss(t *testing.T, svc *app.Services, q app.SiussQuery) siussRead {
	t.Helper()
	var r siussRead
	ctx := context.Background()
	if err := svc.SiussInterventiForTest(ctx, q, func(x app.SiussIntervento) error { r.Interventi = append(r.Interventi, x); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := svc.SiussSINBAForTest(ctx, q, func(x app.SiussSINBA) error { r.SINBA = append(r.SINBA, x); return nil }); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSiussSourceEngines reads the fixture on both engines: the same
// interventi in (Comune, id) order with their beneficiary on the benefit's
// date and the assessment valid then, the same SINBA record under its
// pseudonym, and the same ente.
func TestSiussSourceEngines(t *testing.T) {
	var got []string
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		svc := siussServices(t, newEngine(t))
		r := readSiuss(t, svc, app.SiussQuery{Comuni: []string{"108033"}, From: "2020-01-01", To: "2020-12-31"})
		checkSiussRead(t, r)
		if none := readSiuss(t, svc, app.SiussQuery{Comuni: []string{"108002"}, From: "2020-01-01", To: "2020-12-31"}); len(none.Interventi)+len(none.SINBA) != 0 {
			t.Errorf("another Comune's scope read %+v", none)
		}
		// 2018, every Comune: only I6, before the registry's first load
		// (2019-06-01), so without registry data.
		if all := readSiuss(t, svc, app.SiussQuery{From: "2018-01-01", To: "2018-12-31"}); !reflect.DeepEqual(ids(all.Interventi), []string{"I6"}) ||
			all.Interventi[0].InRegistry || len(all.SINBA) != 0 {
			t.Errorf("2018: %+v", all)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
		ente, err := app.SiussEnteForTest(svc, "108033")
		if err != nil || ente != (siuss.Ente{Codice: "F704", Denominazione: "Comune di Monza", SedeLegale: "F704"}) {
			t.Errorf("ente of Monza: %+v, %v", ente, err)
		}
		if _, err := app.SiussEnteForTest(svc, "999999"); csi.ErrorCode(err) != csi.ENOTFOUND {
			t.Errorf("ente of an unknown Comune: %v, want ENOTFOUND", err)
		}
	})
	if len(got) == 2 && got[0] != got[1] {
		t.Errorf("the engines differ:\nsqlite   %s\npostgres %s", got[0], got[1])
	}
}

func ids(xs []app.SiussIntervento) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Prestazione.ID)
	}
	return out
}

func checkSiussRead(t *testing.T, r siussRead) {
	t.Helper()
	if want := []string{"I1", "I2", "I3", "I4", "I5", "I7", "I8"}; !reflect.DeepEqual(ids(r.Interventi), want) {
		t.Fatalf("interventi %v, want %v (I6 is of 2018)", ids(r.Interventi), want)
	}
	byID := map[string]app.SiussIntervento{}
	for _, x := range r.Interventi {
		byID[x.Prestazione.ID] = x
		if x.Comune != "108033" || x.Hash == 0 {
			t.Errorf("%s: Comune %q, hash %d", x.Prestazione.ID, x.Comune, x.Hash)
		}
	}
	i1 := byID["I1"]
	d := func(v siuss.Decimal) *siuss.Decimal { return &v }
	wantB := siuss.Beneficiario{CodiceFiscale: "BRMGPP50C12F704K", Cognome: "Brambilla", Nome: "Giuseppe", AnnoNascita: 1950,
		LuogoNascita: "F704", Sesso: "M", Cittadinanza: "100", Residenza: siuss.Residenza{Comune: "108033", Nazione: "100"}}
	if !i1.InRegistry || i1.Cartella != "C-0001" || !reflect.DeepEqual(i1.Beneficiario, wantB) {
		t.Errorf("I1 beneficiary %+v (in registry %v)", i1.Beneficiario, i1.InRegistry)
	}
	p := i1.Prestazione
	if p.Carattere != siuss.Periodica || p.PresaCarico != siuss.PresaCaricoSi || p.AreaUtenza != siuss.AreaDisabilita ||
		p.PresenzaProvaMezzi != 1 || p.DSU != (siuss.DSU{Numero: "INPS-ISEE-2020-1", Anno: 2020, Data: "2020-01-15"}) ||
		!reflect.DeepEqual(p.ImportoMensile, d(30000)) || !reflect.DeepEqual(p.QuotaEnte, d(25000)) ||
		!reflect.DeepEqual(p.QuotaUtente, d(5000)) || p.QuotaSSN != nil || !reflect.DeepEqual(p.OreServizioMensile, d(1250)) ||
		p.ProtocolloDomanda != "P-2020-1" || p.DataInizio != "2020-03-01" || p.DataFine != "2021-06-30" {
		t.Errorf("I1 prestazione %+v", p)
	}
	wantSINA := &siuss.SINA{Mobilita: 2, AttivitaVitaQuotidiana: 2, DisturbiAreaCognitiva: 1, DisturbiComportamentali: 1,
		NecessitaCureSanitarie: 2, AreaReddituale: 2, AreaSupporto: 2, FonteDerivazioneValutazione: 1, StrumentoValutazione: 1,
		FonteDerivazioneInvalidita: 1, NecessitaInterventi: []string{"A2.07", "A2.08"}, InvaliditaCivile: []int{2, 6}}
	if !reflect.DeepEqual(p.SINA, wantSINA) {
		t.Errorf("I1 SINA %+v, want the assessment of 2020-01-15 %+v", p.SINA, wantSINA)
	}
	if i2 := byID["I2"].Prestazione; i2.AreaUtenza != siuss.AreaFamigliaMinori || i2.PresaCarico != siuss.PresaCaricoNo ||
		i2.DataErogazione != "2020-05-10" || !reflect.DeepEqual(i2.Importo, d(15000)) || i2.SINA != nil {
		t.Errorf("I2 %+v: the cartella's area FAM gives AreaUtenza 1", i2)
	}
	if i7 := byID["I7"].Prestazione; i7.SINA != nil {
		t.Errorf("I7 (not in charge) SINA %+v, want none", i7.SINA)
	}
	if i3 := byID["I3"]; i3.Beneficiario.Cittadinanza != "272" || i3.Prestazione.DSU.Anno != 0 {
		t.Errorf("I3 %+v", i3)
	}
	if i4 := byID["I4"].Prestazione; i4.AreaUtenza != siuss.AreaDisabilita || i4.SINA != nil {
		t.Errorf("I4 %+v", i4)
	}
	if i5 := byID["I5"]; i5.InRegistry || i5.Beneficiario != (siuss.Beneficiario{CodiceFiscale: "SNZPLA70E05F704H"}) {
		t.Errorf("I5 (no registry data) %+v, in registry %v", i5.Beneficiario, i5.InRegistry)
	}
	if len(r.SINBA) != 1 {
		t.Fatalf("SINBA %+v", r.SINBA)
	}
	s := r.SINBA[0]
	if s.Cartella != "C-0002" || s.Record.IDBeneficiario != "F704C-0002" || s.Record.AnnoNascita != 2010 ||
		s.Record.DataPrimaSegnalazione != "08/2019" || s.Record.FonteSegnalazione != 13 || s.Record.MinoreStranieroNoAcc != 2 ||
		!reflect.DeepEqual(s.Record.Prestazioni, []string{"A1.07", "A1.09"}) || !reflect.DeepEqual(s.Record.Famiglia, []int{1, 3}) ||
		s.Record.RegioneResidenza != "03" || s.Record.NazioneResidenza != "100" {
		t.Errorf("SINBA %+v", s)
	}
}
