package siuss

import "encoding/xml"

// Namespace is the XML namespace of both SIUSS schemas.
const Namespace = "http://inps.it/Casellario"

// The XML shapes below follow the XSDs' xs:sequence order for elements and
// name attributes exactly as the XSDs do; the encoders fill them from the
// domain types, so no other code depends on them.

type xmlFlussoPS struct {
	XMLName       xml.Name           `xml:"http://inps.it/Casellario Flusso"`
	Identificazio xmlIdentificazione `xml:"IdentificazioneFlusso"`
	Beneficiari   []xmlBeneficiario  `xml:"Beneficiario"`
}

type xmlFlussoSINBA struct {
	XMLName       xml.Name           `xml:"http://inps.it/Casellario Flusso"`
	Identificazio xmlIdentificazione `xml:"IdentificazioneFlusso"`
	SINBA         []xmlSINBA         `xml:"SINBA"`
}

type xmlIdentificazione struct {
	Nome string  `xml:"Nome,attr"`
	Ente xmlEnte `xml:"Ente"`
}

type xmlEnte struct {
	Codice        string `xml:"Codice,attr"`
	Denominazione string `xml:"Denominazione,attr,omitempty"`
	Indirizzo     string `xml:"Indirizzo,attr"`
	CFOperatore   string `xml:"CFOperatore,attr"`
}

type xmlBeneficiario struct {
	CodiceFiscale string           `xml:"CodiceFiscale,attr"`
	Anagrafica    xmlAnagrafica    `xml:"Anagrafica"`
	Indirizzo     []xmlIndirizzo   `xml:"Indirizzo"`
	Prestazioni   []xmlPrestazione `xml:"PrestazioniSociali"`
}

type xmlAnagrafica struct {
	Cognome                   string `xml:"Cognome,attr"`
	Nome                      string `xml:"Nome,attr"`
	AnnoNascita               string `xml:"AnnoNascita,attr"`
	LuogoNascita              string `xml:"LuogoNascita,attr"`
	Genere                    string `xml:"Genere,attr"`
	CodiceCittadinanza        string `xml:"CodiceCittadinanza,attr"`
	CodiceSecondaCittadinanza string `xml:"CodiceSecondaCittadinanza,attr,omitempty"`
}

type xmlIndirizzo struct {
	CodiceRegione string `xml:"CodiceRegione,attr,omitempty"`
	CodiceComune  string `xml:"CodiceComune,attr,omitempty"`
	CodiceNazione string `xml:"CodiceNazione,attr"`
}

type xmlPrestazione struct {
	TipoOperazione            string   `xml:"TipoOperazione,attr,omitempty"`
	PresenzaProvaMezzi        string   `xml:"PresenzaProvaMezzi,attr"`
	CaratterePrestazione      string   `xml:"CaratterePrestazione,attr,omitempty"`
	NumeroProtocolloDSU       string   `xml:"NumeroProtocolloDSU,attr,omitempty"`
	AnnoProtocolloDSU         string   `xml:"AnnoProtocolloDSU,attr,omitempty"`
	DataDSU                   string   `xml:"DataDSU,attr,omitempty"`
	CodicePrestazione         string   `xml:"CodicePrestazione,attr"`
	DenominazionePrestazione  string   `xml:"DenominazionePrestazione,attr"`
	ProtocolloDomanda         string   `xml:"ProtocolloDomanda,attr"`
	DataEvento                string   `xml:"DataEvento,attr,omitempty"`
	DataInizioPrestazione     string   `xml:"DataInizioPrestazione,attr,omitempty"`
	DataFinePrestazione       string   `xml:"DataFinePrestazione,attr,omitempty"`
	DataErogazionePrestazione string   `xml:"DataErogazionePrestazione,attr,omitempty"`
	ImportoPrestazione        string   `xml:"ImportoPrestazione,attr,omitempty"`
	PeriodoErogazione         string   `xml:"PeriodoErogazione,attr,omitempty"`
	ImportoMensile            string   `xml:"ImportoMensile,attr,omitempty"`
	ImportoQuotaEnte          string   `xml:"ImportoQuotaEnte,attr,omitempty"`
	ImportoQuotaUtente        string   `xml:"ImportoQuotaUtente,attr,omitempty"`
	ImportoQuotaSSN           string   `xml:"ImportoQuotaSSN,attr,omitempty"`
	ImportoQuotaRichiesta     string   `xml:"ImportoQuotaRichiesta,attr,omitempty"`
	ImportoSogliaISEE         string   `xml:"ImportoSogliaISEE,attr,omitempty"`
	OreServizioMensile        string   `xml:"OreServizioMensile,attr,omitempty"`
	PresaCarico               string   `xml:"PresaCarico,attr"`
	AreaUtenza                string   `xml:"AreaUtenza,attr,omitempty"`
	SINA                      *xmlSINA `xml:"SINA"`
}

type xmlSINA struct {
	Mobilita                    string        `xml:"Mobilita,attr"`
	AttivitaVitaQuotidiana      string        `xml:"AttivitaVitaQuotidiana,attr"`
	DisturbiAreaCognitiva       string        `xml:"DisturbiAreaCognitiva,attr,omitempty"`
	DisturbiComportamentali     string        `xml:"DisturbiComportamentali,attr"`
	NecessitaCureSanitarie      string        `xml:"NecessitaCureSanitarie,attr,omitempty"`
	AreaReddituale              string        `xml:"AreaReddituale,attr"`
	AreaSupporto                string        `xml:"AreaSupporto,attr"`
	FonteDerivazioneValutazione string        `xml:"FonteDerivazioneValutazione,attr"`
	StrumentoValutazione        string        `xml:"StrumentoValutazione,attr"`
	FonteDerivazioneInvalidita  string        `xml:"FonteDerivazioneInvalidita,attr,omitempty"`
	Necessita                   *xmlCodici    `xml:"NecessitaInterventiSociali"`
	Invalidita                  *xmlInvCivile `xml:"InvaliditaCivile"`
}

type xmlCodici struct {
	Codici []string `xml:"CodicePrestazione"`
}

type xmlInvCivile struct {
	InvCiv []string `xml:"InvCiv"`
}

type xmlFamiglia struct {
	Composizione []string `xml:"ComposizioneFamiglia"`
}

type xmlSINBA struct {
	IDBeneficiario                   string      `xml:"IDBeneficiario,attr"`
	MinoreStranieroNoAcc             string      `xml:"MinoreStranieroNoAcc,attr"`
	CondizioneMinore                 string      `xml:"CondizioneMinore,attr"`
	LuogoVita                        string      `xml:"LuogoVita,attr"`
	ScuolaFrequentata                string      `xml:"ScuolaFrequentata,attr"`
	CondizioneLavoro                 string      `xml:"CondizioneLavoro,attr"`
	Disabilita                       string      `xml:"Disabilita,attr"`
	TipoDisabilita                   string      `xml:"TipoDisabilita,attr,omitempty"`
	InvCivCertificazioni             string      `xml:"InvCivCertificazioni,attr,omitempty"`
	CodiceCittadinanzaPadre          string      `xml:"CodiceCittadinanzaPadre,attr,omitempty"`
	CodiceCittadinanzaMadre          string      `xml:"CodiceCittadinanzaMadre,attr,omitempty"`
	CodiceRegioneResidenzaPadre      string      `xml:"CodiceRegioneResidenzaPadre,attr,omitempty"`
	CodiceRegioneResidenzaMadre      string      `xml:"CodiceRegioneResidenzaMadre,attr,omitempty"`
	TitoloStudioPadre                string      `xml:"TitoloStudioPadre,attr,omitempty"`
	TitoloStudioMadre                string      `xml:"TitoloStudioMadre,attr,omitempty"`
	OccupazionePadre                 string      `xml:"OccupazionePadre,attr,omitempty"`
	OccupazioneMadre                 string      `xml:"OccupazioneMadre,attr,omitempty"`
	DataPrimaSegnalazione            string      `xml:"DataPrimaSegnalazione,attr"`
	FonteSegnalazione                string      `xml:"FonteSegnalazione,attr"`
	ValutazioneMinore                string      `xml:"ValutazioneMinore,attr"`
	ValutazioneFamigliaMinore        string      `xml:"ValutazioneFamigliaMinore,attr"`
	SegnalazioneAutoritaGiudiziaria  string      `xml:"SegnalazioneAutoritaGiudiziaria,attr"`
	DataSegnalazione                 string      `xml:"DataSegnalazione,attr,omitempty"`
	ProvvedimentoGiudiziario         string      `xml:"ProvvedimentoGiudiziario,attr"`
	DataProvvedimentoGiudiziario     string      `xml:"DataProvvedimentoGiudiziario,attr,omitempty"`
	AutoritaProvvedimento            string      `xml:"AutoritaProvvedimento,attr,omitempty"`
	PotestaTutela                    string      `xml:"PotestaTutela,attr,omitempty"`
	TipoProvvedimentoGiudiziario     string      `xml:"TipoProvvedimentoGiudiziario,attr,omitempty"`
	FormaInterventoAffido            string      `xml:"FormaInterventoAffido,attr,omitempty"`
	TipoInterventoAffido             string      `xml:"TipoInterventoAffido,attr,omitempty"`
	DurataAffido                     string      `xml:"DurataAffido,attr,omitempty"`
	CarattereAffido                  string      `xml:"CarattereAffido,attr,omitempty"`
	EsitoAffido                      string      `xml:"EsitoAffido,attr,omitempty"`
	CarattereInserimentoResidenziale string      `xml:"CarattereInserimentoResidenziale,attr,omitempty"`
	FormaInserimentoResidenziale     string      `xml:"FormaInserimentoResidenziale,attr,omitempty"`
	TipoInserimentoResidenziale      string      `xml:"TipoInserimentoResidenziale,attr,omitempty"`
	EsitoInserimentoStruttura        string      `xml:"EsitoInserimentoStruttura,attr,omitempty"`
	MotivazioneChiusuraCarico        string      `xml:"MotivazioneChiusuraCarico,attr,omitempty"`
	SituazioneChiusuraCarico         string      `xml:"SituazioneChiusuraCarico,attr,omitempty"`
	CollaborazioniInterventi         string      `xml:"CollaborazioniInterventi,attr,omitempty"`
	NumeroComponentiISEE             string      `xml:"NumeroComponentiISEE,attr,omitempty"`
	FasciaEtaBeneficiario            string      `xml:"FasciaEtaBeneficiario,attr"`
	FasciaISEEBeneficiario           string      `xml:"FasciaISEEBeneficiario,attr,omitempty"`
	AnnoNascita                      string      `xml:"AnnoNascita,attr"`
	CodiceRegioneResidenza           string      `xml:"CodiceRegioneResidenza,attr,omitempty"`
	CodiceNazioneResidenza           string      `xml:"CodiceNazioneResidenza,attr"`
	Prestazioni                      xmlCodici   `xml:"Prestazioni"`
	Famiglia                         xmlFamiglia `xml:"Famiglia"`
}
