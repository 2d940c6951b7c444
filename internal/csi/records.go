package csi

import "context"

// Accesso is a contact at the segretariato sociale or a foreigners' desk
// (guideline phase A).
type Accesso struct {
	ID            string `json:"id_accesso"`
	Data          string `json:"data_accesso"`
	Comune        string `json:"comune"`
	Sportello     string `json:"sportello"`
	CodiceFiscale string `json:"codice_fiscale"`
	Area          string `json:"area"`
	Esito         string `json:"esito"`
	Operatore     string `json:"operatore"`
}

// Cartella is a person taken in charge by a Comune's social service
// (phases B–E summarised).
type Cartella struct {
	ID             string `json:"id_cartella"`
	CodiceFiscale  string `json:"codice_fiscale"`
	Comune         string `json:"comune"`
	DataApertura   string `json:"data_apertura"`
	DataChiusura   string `json:"data_chiusura"`
	MotivoChiusura string `json:"motivo_chiusura"`
	Area           string `json:"area"`
	CaseManager    string `json:"case_manager"`
}

// Intervento is a benefit or service delivered within a cartella (phase D).
// Amounts are in euro cents; HasImporto* say whether the field was filled.
type Intervento struct {
	ID                string `json:"id_intervento"`
	IDCartella        string `json:"id_cartella"`
	CodicePrestazione string `json:"codice_prestazione"`
	Carattere         string `json:"carattere"`
	DataInizio        string `json:"data_inizio"`
	DataFine          string `json:"data_fine"`
	ImportoMensile    int64  `json:"importo_mensile"`
	HasMensile        bool   `json:"-"`
	DataErogazione    string `json:"data_erogazione"`
	Importo           int64  `json:"importo"`
	HasImporto        bool   `json:"-"`
	Misura            string `json:"misura"`
	PresaInCarico     string `json:"presa_in_carico"`
	Comune            string `json:"comune"` // the cartella's Comune; "" when no cartella has the id
}

// Record kinds, as named in import summaries and findings.
const (
	KindPersona    = "persona"
	KindAccesso    = "accesso"
	KindCartella   = "cartella"
	KindIntervento = "intervento"
)

// RecordImport is a social-record import request.
type RecordImport struct {
	Kind string // accessi, cartelle or interventi
	ImportOptions
}

// RecordService imports the social records.
type RecordService interface {
	ImportRecords(ctx context.Context, req RecordImport, src Source) (*ImportSummary, error)
}
