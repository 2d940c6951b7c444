package siuss

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/golden"
)

// TestEncodePSValidates encodes WaaS, upload and cancellation flows and
// validates each against the official XSD.
func TestEncodePSValidates(t *testing.T) {
	enc := NewEncoder(testCodes(t))
	foreign := goodBeneficiario()
	foreign.CodiceFiscale, foreign.LuogoNascita, foreign.Cittadinanza = withCheck("BNNKRM90A41Z330"), "Z330", "436"
	foreign.SecondaCittadinanza = "100"
	foreign.Cognome, foreign.Nome = "D'Àngelo & Benali", "Karima <Sara>" // escaped, counted as characters
	abroad := goodBeneficiario()
	abroad.Residenza = Residenza{Nazione: "235"}
	for _, tc := range []struct {
		name string
		flow PSFlow
		mode Mode
	}{
		{"waas periodic with SINA", WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), goodPeriodica()), ModeWaaS},
		{"waas one-off", WaaSFlow("F704.PS.20240630.0000002", goodEnte(), foreign, goodOccasionale()), ModeWaaS},
		{"waas resident abroad", WaaSFlow("F704.PS.20240630.0000003", goodEnte(), abroad, goodOccasionale()), ModeWaaS},
		{"cancellation", CancellationFlow("F704.PS.20240630.0000004", goodEnte(), goodBeneficiario(), goodPeriodica()), ModeWaaS},
		{"upload", PSFlow{ID: "F704.PS.20240630.0000005", Ente: goodEnte(), Beneficiari: []BeneficiarioPS{
			{Beneficiario: goodBeneficiario(), Prestazioni: []Prestazione{goodPeriodica(), goodOccasionale()}},
			{Beneficiario: foreign, Prestazioni: []Prestazione{goodOccasionale()}},
		}}, ModeUpload},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := enc.EncodePS(tc.flow, tc.mode)
			if err != nil {
				t.Fatal(err)
			}
			mustValidate(t, xsdPS, data)
		})
	}
}

// TestCancellationFlow: a cancellation carries TipoOperazione C and validates.
func TestCancellationFlow(t *testing.T) {
	data, err := NewEncoder(testCodes(t)).EncodePS(CancellationFlow("F704.PS.20240630.0000009", goodEnte(), goodBeneficiario(), goodOccasionale()), ModeWaaS)
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, xsdPS, data)
	if !bytes.Contains(data, []byte(`TipoOperazione="C"`)) || bytes.Contains(data, []byte(`TipoOperazione="I"`)) {
		t.Errorf("the cancellation flow does not carry TipoOperazione C only:\n%s", data)
	}
}

// TestEncodePSGolden compares one WaaS flow with its golden file;
// -update rewrites it.
func TestEncodePSGolden(t *testing.T) {
	data, err := NewEncoder(testCodes(t)).EncodePS(WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), goodPeriodica()), ModeWaaS)
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, xsdPS, data)
	golden.Check(t, "testdata/ps_waas.golden.xml", data)
}

// TestEncodePSRefuses: the encoder produces no XML for a flow INPS would refuse.
func TestEncodePSRefuses(t *testing.T) {
	enc := NewEncoder(testCodes(t))
	two := WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), goodPeriodica())
	two.Beneficiari[0].Prestazioni = append(two.Beneficiari[0].Prestazioni, goodOccasionale())
	partialDSU := goodOccasionale()
	partialDSU.DSU = DSU{Numero: "X1"}
	for _, tc := range []struct {
		name string
		flow PSFlow
		mode Mode
		rule string
	}{
		{"two prestazioni in waas", two, ModeWaaS, "siuss-waas-singolo"},
		{"partial DSU", WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), partialDSU), ModeWaaS, "siuss-dsu-incompleto"},
		{"id of another ente", WaaSFlow("A087.PS.20240630.0000001", goodEnte(), goodBeneficiario(), goodOccasionale()), ModeWaaS, "siuss-flusso-id"},
		{"empty upload", PSFlow{ID: "F704.PS.20240630.0000001", Ente: goodEnte()}, ModeUpload, "siuss-flusso-vuoto"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := enc.EncodePS(tc.flow, tc.mode)
			if err == nil || data != nil {
				t.Fatalf("got %d bytes and error %v, want a refusal", len(data), err)
			}
			if csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(err.Error(), tc.rule) {
				t.Errorf("error %q (%s), want EINVALID naming %s", err, csi.ErrorCode(err), tc.rule)
			}
			if strings.Contains(err.Error(), goodBeneficiario().CodiceFiscale) || strings.Contains(err.Error(), "Soli") {
				t.Errorf("the error carries personal data: %q", err)
			}
		})
	}
	// The two prestazioni are fine in upload mode.
	if _, err := enc.EncodePS(two, ModeUpload); err != nil {
		t.Errorf("upload mode: %v", err)
	}
}

// TestEncodeSINBA: a SINBA flow validates and carries no codice fiscale nor name.
func TestEncodeSINBA(t *testing.T) {
	enc := NewEncoder(testCodes(t))
	abroad := goodSINBA()
	abroad.IDBeneficiario, abroad.NazioneResidenza, abroad.RegioneResidenza = "F704C-2024-18", "243", ""
	flow := SINBAFlow{ID: "F704.SINBA.20240630.0000001", Ente: goodEnte(), Records: []SINBA{goodSINBA(), abroad}}
	data, err := enc.EncodeSINBA(flow)
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, xsdSINBA, data)
	if cfInside.Match(bytes.ReplaceAll(data, []byte(goodEnte().CFOperatore), nil)) {
		t.Errorf("the SINBA flow carries a codice fiscale besides the operator's:\n%s", data)
	}
	for _, absent := range []string{"CodiceFiscale=", "Cognome=", "Anagrafica", goodBeneficiario().Cognome} {
		if bytes.Contains(data, []byte(absent)) {
			t.Errorf("the SINBA flow carries %q", absent)
		}
	}
	// Citizenship and nation are transcoded to ISO (Morocco 504, Ukraine 804).
	for _, present := range []string{`CodiceCittadinanzaPadre="504"`, `CodiceCittadinanzaMadre="380"`, `CodiceNazioneResidenza="804"`} {
		if !bytes.Contains(data, []byte(present)) {
			t.Errorf("the SINBA flow lacks %s", present)
		}
	}
	flow.Records[0].IDBeneficiario = goodBeneficiario().CodiceFiscale
	if _, err := enc.EncodeSINBA(flow); err == nil || !strings.Contains(err.Error(), "siuss-sinba-cf") {
		t.Errorf("a SINBA record keyed by a codice fiscale: error %v, want siuss-sinba-cf", err)
	}
}

// TestSINBACodedAttributes: every coded field lands in the attribute of its name.
func TestSINBACodedAttributes(t *testing.T) {
	s := goodSINBA()
	x := sinbaXML(s)
	data, err := xml.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	var attrs struct {
		Attrs []xml.Attr `xml:",any,attr"`
	}
	if err := xml.Unmarshal(data, &attrs); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range attrs.Attrs {
		got[a.Name.Local] = a.Value
	}
	for _, e := range sinbaEnums(s) {
		if got[e.field] != code(e.v) {
			t.Errorf("%s = %q, want %q", e.field, got[e.field], code(e.v))
		}
	}
}
