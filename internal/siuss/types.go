package siuss

// Ente is the sending body: a Comune (or the Ambito's capofila) as INPS knows it.
type Ente struct {
	// Codice is the ente's code, its Belfiore code under WaaS (Ente@Codice).
	Codice string
	// Denominazione is the ente's name (Ente@Denominazione, optional, ≤ 100).
	Denominazione string
	// SedeLegale is the Belfiore code of the Comune of the legal seat (Ente@Indirizzo).
	SedeLegale string
	// CFOperatore is the codice fiscale of the operator who sends the flow.
	CFOperatore string
}

// Residenza is where a beneficiary lives, in registry terms.
type Residenza struct {
	// Comune is the 6-digit ISTAT code of the Comune (required in Italy).
	Comune string
	// Regione is the 2-digit ISTAT region code; empty means "derive it from Comune".
	Regione string
	// Nazione is the ISTAT state code of the country (100 = Italia); empty means Italia.
	Nazione string
}

// Beneficiario is the person a benefit goes to, as the registry knows them
// on the benefit's date.
type Beneficiario struct {
	CodiceFiscale string
	Cognome       string
	Nome          string
	// AnnoNascita is the year of birth; 0 = unknown.
	AnnoNascita int
	// LuogoNascita is the Belfiore code of the Comune of birth, or the Z code of the state.
	LuogoNascita string
	// Sesso is "M" or "F" (encoded as Genere 1 or 2).
	Sesso string
	// Cittadinanza is the ISTAT state code of the citizenship (100 = Italia).
	Cittadinanza string
	// SecondaCittadinanza is an optional second ISTAT state code.
	SecondaCittadinanza string
	Residenza           Residenza
}

// Carattere tells a periodic benefit from a one-off one (CaratterePrestazione).
type Carattere int

// The two characters of a prestazione; 0 means not given.
const (
	Periodica   Carattere = 1
	Occasionale Carattere = 2
)

// PresaCarico says whether the servizio sociale professionale has the person
// in charge (PresaCarico); 0 means unknown ("non so"), which SIUSS refuses.
type PresaCarico int

// The two answers SIUSS accepts.
const (
	PresaCaricoSi PresaCarico = 1
	PresaCaricoNo PresaCarico = 2
)

// The values of AreaUtenza; 0 means not given.
const (
	AreaFamigliaMinori = 1 // famiglia e minori
	AreaDisabilita     = 2 // disabilità e non autosufficienza (also the elderly)
	AreaPoverta        = 3 // povertà ed esclusione sociale
)

// The values of TipoOperazione; empty means Inserimento.
const (
	Inserimento   = "I"
	Cancellazione = "C"
)

// DSU is the reference to the person's ISEE declaration: all three fields or none.
type DSU struct {
	Numero string // NumeroProtocolloDSU, ≤ 30 characters
	Anno   int    // AnnoProtocolloDSU; 0 = not given
	Data   string // DataDSU, YYYY-MM-DD
}

// empty reports whether no DSU field is filled.
func (d DSU) empty() bool { return d.Numero == "" && d.Anno == 0 && d.Data == "" }

// complete reports whether every DSU field is filled.
func (d DSU) complete() bool { return d.Numero != "" && d.Anno != 0 && d.Data != "" }

// Prestazione is one benefit of one intervento, with every attribute of the
// XSD's PrestazioniSociali. Dates are YYYY-MM-DD; optional amounts are nil
// when not given.
type Prestazione struct {
	// ID is the intervento's id: it names the record in findings, it is not sent.
	ID string
	// TipoOperazione is Inserimento (default, also when empty) or Cancellazione.
	TipoOperazione string
	// PresenzaProvaMezzi is 1 ISEE, 2 means test without ISEE, 3 ISEE waived, 4 none.
	PresenzaProvaMezzi int
	Carattere          Carattere
	DSU                DSU
	// Codice is the SIUSS prestazione code, e.g. "A1.16".
	Codice string
	// Denominazione overrides the code table's name when not empty.
	Denominazione     string
	ProtocolloDomanda string
	DataEvento        string
	DataInizio        string
	DataFine          string
	DataErogazione    string
	// Importo is the one-off amount (ImportoPrestazione).
	Importo *Decimal
	// PeriodoErogazione is the number of months in the flow's year (1–12); 0 = omitted.
	PeriodoErogazione int
	ImportoMensile    *Decimal
	QuotaEnte         *Decimal
	QuotaUtente       *Decimal
	QuotaSSN          *Decimal
	QuotaRichiesta    *Decimal
	SogliaISEE        *Decimal
	// OreServizioMensile is the monthly hours of service in decimal hours
	// (12.50 = twelve and a half hours). INPS's specification defines the
	// attribute as "HH,MM (HH ore e MM minuti)" in an xs:decimal, so it is
	// sent as hours.minutes: 12.50 hours go out as "12.30".
	OreServizioMensile *Decimal
	PresaCarico        PresaCarico
	// AreaUtenza is 1, 2 or 3 (the Area* constants); 0 = not given.
	AreaUtenza int
	// SINA is the assessment attached when the person is in charge; nil = none.
	SINA *SINA
}

// SINA is a multidimensional assessment of a disabled or non-self-sufficient
// person. Coded fields hold the XSD's values; 0 means not given.
type SINA struct {
	Mobilita                    int
	AttivitaVitaQuotidiana      int
	DisturbiAreaCognitiva       int
	DisturbiComportamentali     int
	NecessitaCureSanitarie      int
	AreaReddituale              int
	AreaSupporto                int
	FonteDerivazioneValutazione int
	StrumentoValutazione        int
	FonteDerivazioneInvalidita  int
	// NecessitaInterventi lists the prestazione codes of the interventions needed.
	NecessitaInterventi []string
	// InvaliditaCivile lists the civil-invalidity certifications (1–8).
	InvaliditaCivile []int
}

// BeneficiarioPS is a beneficiary with the prestazioni one flow carries for them.
type BeneficiarioPS struct {
	Beneficiario
	Prestazioni []Prestazione
}
