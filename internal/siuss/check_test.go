package siuss

import (
	"strings"
	"testing"
)

type psCase struct {
	rule string
	base func() Prestazione
	bad  func(f *PSFlow, b *Beneficiario, p *Prestazione)
}

var psCases = []psCase{
	{"siuss-ente-codice", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.Ente.Codice = "MONZA" }},
	{"siuss-ente-denominazione", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.Ente.Denominazione = strings.Repeat("x", 101) }},
	{"siuss-ente-sede", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.Ente.SedeLegale = "F70" }},
	{"siuss-operatore-cf", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.Ente.CFOperatore = "RSSMRA80A01F704A" }},
	{"siuss-flusso-id", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.ID = "F704.PS.INPS.20240630.000001" }},
	{"siuss-flusso-vuoto", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) { f.Beneficiari = nil }},
	{"siuss-waas-singolo", goodPeriodica, func(f *PSFlow, _ *Beneficiario, _ *Prestazione) {
		f.Beneficiari = append(f.Beneficiari, f.Beneficiari[0])
	}},
	{"siuss-anagrafe-mancante", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) {
		b.Cognome, b.Nome, b.AnnoNascita, b.LuogoNascita = "", "", 0, ""
	}},
	{"siuss-beneficiario-cf", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.CodiceFiscale = "SLONNI75M4UFTLQP" }},
	{"siuss-anagrafica-nome", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Cognome = strings.Repeat("A", 37) }},
	{"siuss-anno-nascita", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.AnnoNascita = 75 }},
	{"siuss-luogo-nascita", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.LuogoNascita = "Monza" }},
	{"siuss-genere", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Sesso = "X" }},
	{"siuss-cittadinanza-iso", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Cittadinanza = "999" }},
	{"siuss-residenza-nazione", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Residenza.Nazione = "272" }},
	{"siuss-residenza-comune", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Residenza.Comune = "8033" }},
	{"siuss-residenza-regione", goodPeriodica, func(_ *PSFlow, b *Beneficiario, _ *Prestazione) { b.Residenza.Regione = "21" }},
	{"siuss-tipo-operazione", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.TipoOperazione = "X" }},
	{"siuss-prova-mezzi", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.PresenzaProvaMezzi = 0 }},
	{"siuss-carattere", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Carattere = 0 }},
	{"siuss-codice-sconosciuto", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Codice = "A9.99" }},
	{"siuss-denominazione", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Denominazione = "Breve" }},
	{"siuss-denominazione-provvisoria", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Codice = "A2.17" }},
	{"siuss-protocollo-domanda", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.ProtocolloDomanda = "" }},
	{"siuss-dsu-incompleto", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DSU.Data = "" }},
	{"siuss-dsu-formato", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DSU.Numero = strings.Repeat("1", 31) }},
	{"siuss-data-formato", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DataEvento = "20/01/2024" }},
	{"siuss-periodica-inizio", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DataInizio = "" }},
	{"siuss-periodica-importo", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.ImportoMensile = dec("0") }},
	{"siuss-periodica-anno", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DataFine = "2025-01-31" }},
	{"siuss-periodo-erogazione", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.PeriodoErogazione = 12 }},
	{"siuss-occasionale-data", goodOccasionale, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.DataErogazione = "" }},
	{"siuss-occasionale-importo", goodOccasionale, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Importo = nil }},
	{"siuss-quote-somma", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.QuotaUtente = dec("50") }},
	{"siuss-quote-segno", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) {
		p.QuotaEnte, p.QuotaUtente = dec("330.50"), dec("-10")
	}},
	{"siuss-ore-servizio", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.OreServizioMensile = dec("-1") }},
	{"siuss-presa-carico", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.PresaCarico = 0 }},
	{"siuss-area-utenza", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.AreaUtenza = 0 }},
	{"siuss-area-codice", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.AreaUtenza = AreaFamigliaMinori }},
	{"siuss-pic-a2", goodOccasionale, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Codice = "A2.16" }},
	{"siuss-data-evento", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.Codice, p.DataEvento = "A1.05.01", "" }},
	{"siuss-sina-mancante", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.SINA = nil }},
	{"siuss-sina-campo", goodPeriodica, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.SINA.Mobilita = 0 }},
	{"siuss-sina-senza-pic", goodOccasionale, func(_ *PSFlow, _ *Beneficiario, p *Prestazione) { p.SINA = goodSINA() }},
}

var sinbaCases = []struct {
	rule string
	bad  func(s *SINBA)
}{
	{"siuss-sinba-id", func(s *SINBA) { s.IDBeneficiario = strings.Repeat("F", 21) }},
	{"siuss-sinba-cf", func(s *SINBA) { s.IDBeneficiario = "SLONNI75M48F704N" }},
	{"siuss-sinba-campo", func(s *SINBA) { s.LuogoVita = 9 }},
	{"siuss-sinba-data", func(s *SINBA) { s.DataPrimaSegnalazione = "2023-03" }},
	{"siuss-sinba-prestazioni", func(s *SINBA) { s.Prestazioni = nil }},
	{"siuss-sinba-famiglia", func(s *SINBA) { s.Famiglia = []int{7} }},
	{"siuss-anno-nascita", func(s *SINBA) { s.AnnoNascita = 0 }},
	{"siuss-residenza-regione", func(s *SINBA) { s.RegioneResidenza = "" }},
	{"siuss-residenza-nazione", func(s *SINBA) { s.NazioneResidenza = "999" }},
	{"siuss-cittadinanza-iso", func(s *SINBA) { s.CittadinanzaPadre = "272" }},
	{"siuss-codice-sconosciuto", func(s *SINBA) { s.Prestazioni = []string{"X1.001"} }},
	{"siuss-flusso-vuoto", nil},
}

func psFlow(p Prestazione) PSFlow {
	return WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), p)
}

func rulesOf(fs []Finding) map[string]bool {
	m := map[string]bool{}
	for _, f := range fs {
		m[f.Rule] = true
	}
	return m
}

// TestChecksPassGoodRecords: the good records of the tests raise no finding at all.
func TestChecksPassGoodRecords(t *testing.T) {
	c := NewChecker(testCodes(t))
	for _, p := range []Prestazione{goodPeriodica(), goodOccasionale()} {
		if fs := c.CheckPSFlow(psFlow(p), ModeWaaS); len(fs) != 0 {
			t.Errorf("%s: %+v", p.ID, fs)
		}
	}
	flow := SINBAFlow{ID: "F704.SINBA.20240630.0000001", Ente: goodEnte(), Records: []SINBA{goodSINBA()}}
	if fs := c.CheckSINBAFlow(flow); len(fs) != 0 {
		t.Errorf("SINBA: %+v", fs)
	}
}

// TestChecksFire: each rule fires on a record broken in the way it guards.
func TestChecksFire(t *testing.T) {
	c := NewChecker(testCodes(t))
	for _, tc := range psCases {
		t.Run(tc.rule, func(t *testing.T) {
			f := psFlow(tc.base())
			tc.bad(&f, &f.Beneficiari[0].Beneficiario, &f.Beneficiari[0].Prestazioni[0])
			fs := c.CheckPSFlow(f, ModeWaaS)
			if !rulesOf(fs)[tc.rule] {
				t.Fatalf("%s did not fire: %+v", tc.rule, fs)
			}
			assertFindings(t, fs)
		})
	}
	for _, tc := range sinbaCases {
		t.Run("sinba/"+tc.rule, func(t *testing.T) {
			flow := SINBAFlow{ID: "F704.SINBA.20240630.0000001", Ente: goodEnte(), Records: []SINBA{goodSINBA()}}
			if tc.bad == nil {
				flow.Records = nil
			} else {
				tc.bad(&flow.Records[0])
			}
			fs := c.CheckSINBAFlow(flow)
			if !rulesOf(fs)[tc.rule] {
				t.Fatalf("%s did not fire: %+v", tc.rule, fs)
			}
			assertFindings(t, fs)
		})
	}
}

// assertFindings checks that findings name a field and a fix and carry no personal data.
func assertFindings(t *testing.T, fs []Finding) {
	t.Helper()
	b := goodBeneficiario()
	for _, f := range fs {
		if f.Field == "" || f.Fix == "" || f.ID == "" || f.Message == "" {
			t.Errorf("finding without id, field, message or fix: %+v", f)
		}
		for _, secret := range []string{b.CodiceFiscale, b.Cognome, b.Nome, goodEnte().CFOperatore} {
			if strings.Contains(f.Message, secret) || strings.Contains(f.ID, secret) {
				t.Errorf("finding carries personal data: %+v", f)
			}
		}
	}
}

// TestEveryRuleHasACase: a rule added to the catalogue needs a failing case above.
func TestEveryRuleHasACase(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range psCases {
		covered[tc.rule] = true
	}
	for _, tc := range sinbaCases {
		covered[tc.rule] = true
	}
	for _, r := range Rules() {
		if !covered[r.ID] {
			t.Errorf("rule %s has no case in TestChecksFire", r.ID)
		}
		if !strings.HasPrefix(r.ID, "siuss-") || r.Fix == "" || r.Title == "" {
			t.Errorf("rule %+v: want a siuss- id, a title and a fix", r)
		}
	}
}

// TestDSUAllOrNone: the three DSU fields go together.
func TestDSUAllOrNone(t *testing.T) {
	c := NewChecker(testCodes(t))
	full := DSU{Numero: "INPS-ISEE-2024-1", Anno: 2024, Data: "2024-01-15"}
	for _, tc := range []struct {
		dsu  DSU
		fire bool
	}{
		{DSU{}, false},
		{full, false},
		{DSU{Numero: full.Numero}, true},
		{DSU{Anno: full.Anno}, true},
		{DSU{Data: full.Data}, true},
		{DSU{Numero: full.Numero, Anno: full.Anno}, true},
		{DSU{Anno: full.Anno, Data: full.Data}, true},
	} {
		p := goodOccasionale()
		p.DSU = tc.dsu
		if got := rulesOf(c.Prestazione(p))["siuss-dsu-incompleto"]; got != tc.fire {
			t.Errorf("%+v: siuss-dsu-incompleto %v, want %v", tc.dsu, got, tc.fire)
		}
	}
}

// TestQuoteSum: the given quote add up to the monthly amount of a periodic
// benefit and to the amount of a one-off one.
func TestQuoteSum(t *testing.T) {
	c := NewChecker(testCodes(t))
	for _, tc := range []struct {
		name              string
		base              func() Prestazione
		ente, utente, ssn *Decimal
		fire              bool
	}{
		{"periodic, ente+utente = monthly", goodPeriodica, dec("300.50"), dec("20"), nil, false},
		{"periodic, three quote = monthly", goodPeriodica, dec("200"), dec("20.50"), dec("100"), false},
		{"periodic, ente alone = monthly", goodPeriodica, dec("320.50"), nil, nil, false},
		{"periodic, sum short by a cent", goodPeriodica, dec("300.49"), dec("20"), nil, true},
		{"periodic, sum equals a yearly total", goodPeriodica, dec("3205"), nil, nil, true},
		{"one-off, ente+utente = amount", goodOccasionale, dec("400"), dec("50"), nil, false},
		{"one-off, utente alone short", goodOccasionale, nil, dec("50"), nil, true},
		{"no quote", goodOccasionale, nil, nil, nil, false},
	} {
		p := tc.base()
		p.QuotaEnte, p.QuotaUtente, p.QuotaSSN = tc.ente, tc.utente, tc.ssn
		if got := rulesOf(c.Prestazione(p))["siuss-quote-somma"]; got != tc.fire {
			t.Errorf("%s: siuss-quote-somma %v, want %v", tc.name, got, tc.fire)
		}
	}
}
