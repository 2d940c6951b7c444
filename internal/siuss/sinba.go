package siuss

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"

	"github.com/csi-mb/csi/internal/csi"
)

// SINBA is the record of one child taken in charge, keyed by a pseudonym:
// it never carries the codice fiscale or a name. Coded fields hold the XSD's
// values (0 = not given); dates are "MM/YYYY"; state codes are ISTAT codes
// (100 = Italia), transcoded to ISO 3166-1 when encoded.
type SINBA struct {
	// IDBeneficiario is the pseudonym (1–20 characters), see PseudonimoSINBA.
	IDBeneficiario string
	// Cartella is the cartella's id: it names the record in findings, it is not sent.
	Cartella string

	MinoreStranieroNoAcc int
	CondizioneMinore     int
	LuogoVita            int
	ScuolaFrequentata    int
	CondizioneLavoro     int
	Disabilita           int
	TipoDisabilita       int
	InvCivCertificazioni int

	CittadinanzaPadre     string
	CittadinanzaMadre     string
	RegioneResidenzaPadre string
	RegioneResidenzaMadre string
	TitoloStudioPadre     int
	TitoloStudioMadre     int
	OccupazionePadre      int
	OccupazioneMadre      int

	DataPrimaSegnalazione           string
	FonteSegnalazione               int
	ValutazioneMinore               int
	ValutazioneFamigliaMinore       int
	SegnalazioneAutoritaGiudiziaria int
	DataSegnalazione                string
	ProvvedimentoGiudiziario        int
	DataProvvedimentoGiudiziario    string
	AutoritaProvvedimento           int
	PotestaTutela                   int
	TipoProvvedimentoGiudiziario    int

	FormaInterventoAffido            int
	TipoInterventoAffido             int
	DurataAffido                     int
	CarattereAffido                  int
	EsitoAffido                      int
	CarattereInserimentoResidenziale int
	FormaInserimentoResidenziale     int
	TipoInserimentoResidenziale      int
	EsitoInserimentoStruttura        int
	MotivazioneChiusuraCarico        int
	SituazioneChiusuraCarico         int
	CollaborazioniInterventi         int

	// NumeroComponentiISEE is the size of the ISEE household (≤ 9); 0 = not given.
	NumeroComponentiISEE   int
	FasciaEtaBeneficiario  int
	FasciaISEEBeneficiario int
	AnnoNascita            int
	// RegioneResidenza is the 2-digit region code (required when the nation is Italy).
	RegioneResidenza string
	// NazioneResidenza is the ISTAT state code of the country of residence; empty = Italia.
	NazioneResidenza string

	// Prestazioni lists the SIUSS codes of the interventions (at least one).
	Prestazioni []string
	// Famiglia lists the household members (1 madre … 6 altri conviventi), at least one.
	Famiglia []int
}

// cfInside finds a codice fiscale shape anywhere in a string.
var cfInside = regexp.MustCompile(`(?i)[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]`)

// PseudonimoSINBA derives the stable pseudonymous IDBeneficiario of a child
// from the Belfiore code of the Comune and the cartella's id: the two joined
// when they fit in 20 characters, else the Belfiore code and a SHA-256 digest
// of the pair. It is never derived from the codice fiscale, and a cartella id
// that contains one is refused.
func PseudonimoSINBA(belfiore, cartella string) (string, error) {
	if !belfioreRe.MatchString(belfiore) {
		return "", csi.Errorf(csi.EINVALID, "SINBA pseudonym: %q is not a Belfiore code", belfiore).
			WithHint("give the Comune's 4-character Belfiore code, e.g. F704")
	}
	if cartella == "" {
		return "", csi.Errorf(csi.EINVALID, "SINBA pseudonym: the cartella id is empty").
			WithHint("every SINBA record needs the id of its cartella")
	}
	if cfInside.MatchString(cartella) {
		return "", csi.Errorf(csi.EINVALID, "SINBA pseudonym: the cartella id contains a codice fiscale").
			WithHint("use cartella ids that do not embed the person's codice fiscale")
	}
	if id := belfiore + cartella; len(id) <= 20 {
		return id, nil
	}
	sum := sha256.Sum256([]byte(belfiore + "/" + cartella))
	return belfiore + hex.EncodeToString(sum[:])[:16], nil
}
