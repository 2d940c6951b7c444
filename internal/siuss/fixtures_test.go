package siuss

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// withCheck completes the first 15 characters of a codice fiscale.
func withCheck(first15 string) string { return first15 + string(codicefiscale.CheckChar(first15)) }

func dec(s string) *Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func testCodes(t *testing.T) *CodeTable {
	t.Helper()
	codes, err := BuiltinCodes()
	if err != nil {
		t.Fatal(err)
	}
	return codes
}

func goodEnte() Ente {
	return Ente{Codice: "F704", Denominazione: "Comune di Monza", SedeLegale: "F704", CFOperatore: withCheck("RSSMRA80A01F704")}
}

func goodBeneficiario() Beneficiario {
	return Beneficiario{
		CodiceFiscale: "SLONNI75M48F704N", Cognome: "Soli", Nome: "Nina", AnnoNascita: 1975,
		LuogoNascita: "F704", Sesso: "F", Cittadinanza: "100",
		Residenza: Residenza{Comune: "108033"},
	}
}

func goodSINA() *SINA {
	return &SINA{
		Mobilita: 2, AttivitaVitaQuotidiana: 2, DisturbiAreaCognitiva: 1, DisturbiComportamentali: 1,
		NecessitaCureSanitarie: 2, AreaReddituale: 2, AreaSupporto: 2, FonteDerivazioneValutazione: 1,
		StrumentoValutazione: 1, FonteDerivazioneInvalidita: 1,
		NecessitaInterventi: []string{"A2.07", "A2.08"}, InvaliditaCivile: []int{2, 6},
	}
}

// goodPeriodica is a SAD service for a person in charge, with SINA, DSU and quote.
func goodPeriodica() Prestazione {
	return Prestazione{
		ID: "INT-1", PresenzaProvaMezzi: 1, Carattere: Periodica,
		DSU:    DSU{Numero: "INPS-ISEE-2024-00012345A-00", Anno: 2024, Data: "2024-01-15"},
		Codice: "A2.07", ProtocolloDomanda: "2024/118", DataEvento: "2024-01-20",
		DataInizio: "2024-02-01", DataFine: "2024-11-30", PeriodoErogazione: 10,
		ImportoMensile: dec("320.50"), QuotaEnte: dec("280.50"), QuotaUtente: dec("40"), QuotaSSN: nil,
		QuotaRichiesta: dec("400"), SogliaISEE: dec("20000"), OreServizioMensile: dec("12.5"),
		PresaCarico: PresaCaricoSi, AreaUtenza: AreaDisabilita, SINA: goodSINA(),
	}
}

// goodOccasionale is a one-off contribution to a person not in charge.
func goodOccasionale() Prestazione {
	return Prestazione{
		ID: "INT-2", PresenzaProvaMezzi: 4, Carattere: Occasionale, Codice: "A1.04",
		ProtocolloDomanda: "2024/377", DataErogazione: "2024-05-10", Importo: dec("450.00"),
		PresaCarico: PresaCaricoNo,
	}
}

func goodSINBA() SINBA {
	return SINBA{
		IDBeneficiario: "F704C-2024-17", Cartella: "C-2024-17",
		MinoreStranieroNoAcc: 2, CondizioneMinore: 1, LuogoVita: 1, ScuolaFrequentata: 3,
		CondizioneLavoro: 1, Disabilita: 2, CittadinanzaPadre: "436", CittadinanzaMadre: "100",
		RegioneResidenzaMadre: "03", DataPrimaSegnalazione: "03/2023", FonteSegnalazione: 13,
		ValutazioneMinore: 2, ValutazioneFamigliaMinore: 4, SegnalazioneAutoritaGiudiziaria: 2,
		ProvvedimentoGiudiziario: 2, NumeroComponentiISEE: 4, FasciaEtaBeneficiario: 3,
		FasciaISEEBeneficiario: 2, AnnoNascita: 2014, RegioneResidenza: "03",
		Prestazioni: []string{"A2.02", "A2.11"}, Famiglia: []int{1, 2, 3},
	}
}

const (
	xsdPS    = "testdata/PS_PSA_SINA201812.xsd"
	xsdSINBA = "testdata/SINBA.xsd"
)

// xmllint validates data against an official XSD and returns xmllint's
// complaint, "" when the flow is valid. A machine without xmllint fails the
// test: the XSD check is never skipped.
func xmllint(t *testing.T, xsd string, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: install libxml2-utils (apt-get install libxml2-utils); every SIUSS flow must be validated against the XSD")
	}
	path := filepath.Join(t.TempDir(), "flow.xml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--schema", xsd, path).CombinedOutput()
	if err != nil {
		return strings.TrimSpace(string(out))
	}
	return ""
}

// mustValidate fails the test unless data validates against xsd.
func mustValidate(t *testing.T, xsd string, data []byte) {
	t.Helper()
	if msg := xmllint(t, xsd, data); msg != "" {
		t.Fatalf("the flow does not validate against %s:\n%s\n%s", xsd, msg, data)
	}
}
