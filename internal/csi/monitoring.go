package csi

import "context"

// The registers of the plan's process indicators: events (meetings,
// courses, working groups), the CSI platform's operator accounts and the
// interoperability channels with other databases.

// Event types (Evento.Tipo), as the plan names its process indicators.
const (
	EventoIncontroIstituzionale = "incontro_istituzionale"   // 1b: politicians, dirigenti, posizioni organizzative
	EventoCorsoAssistenti       = "corso_assistenti_sociali" // 1c: accredited with the Ordine regionale
	EventoCorsoAmministrativi   = "corso_amministrativi"     // 1c
	EventoFormazioneDebiti      = "formazione_debiti"        // 3: the debiti informativi through the CSI
	EventoTavoloLineeGuida      = "tavolo_linee_guida"       // 4: Linee Guida 2.0 working groups
	EventoAltro                 = "altro"
)

// EventoTipi are the event types, in the plan's order.
var EventoTipi = []string{EventoIncontroIstituzionale, EventoCorsoAssistenti, EventoCorsoAmministrativi,
	EventoFormazioneDebiti, EventoTavoloLineeGuida, EventoAltro}

// Participant roles of an event (Evento.PerRuolo keys, CSV columns).
var RuoliPartecipanti = []string{"politici", "dirigenti", "posizioni_organizzative", "assistenti_sociali", "amministrativi", "altri"}

// AllAmbiti is the Ambito value that stands for all of them (a provincial event).
const AllAmbiti = "tutti"

// Evento is one recorded meeting, course or working-group session.
type Evento struct {
	ID     int64  `json:"id"`
	Tipo   string `json:"tipo"`
	Data   string `json:"data"`
	Titolo string `json:"titolo"`
	// Ambiti are the Ambiti involved (canonical names, sorted): those
	// given and those of the Comuni given.
	Ambiti []string `json:"ambiti"`
	// Comuni are the ISTAT codes of the Comuni involved, when named.
	Comuni       []string `json:"comuni"`
	Partecipanti int      `json:"partecipanti"`
	// PerRuolo counts participants by role, when known.
	PerRuolo map[string]int `json:"per_ruolo"`
	// Accreditamento is the Ordine regionale's accreditation id of a
	// course for social workers.
	Accreditamento string `json:"accreditamento"`
	Note           string `json:"note"`
}

// EventoInput is an event as given on the command line or in a CSV row:
// text, checked by the service. Line is the row's line (0 for the command line).
type EventoInput struct {
	Line           int               `json:"line,omitempty"`
	Tipo           string            `json:"tipo"`
	Data           string            `json:"data"`
	Titolo         string            `json:"titolo"`
	Ambiti         []string          `json:"ambiti"`
	Comuni         []string          `json:"comuni"`
	Partecipanti   string            `json:"partecipanti"`
	PerRuolo       map[string]string `json:"per_ruolo"`
	Accreditamento string            `json:"accreditamento"`
	Note           string            `json:"note"`
}

// ImportEventiInput is a file of events: all are recorded or none.
type ImportEventiInput struct {
	File   string        `json:"file"`
	Rows   []EventoInput `json:"rows"`
	DryRun bool          `json:"dry_run"`
}

// ImportEventiResult is what an events import did (or, with DryRun or any
// reject, would do: nothing is written then). A row identical to an event
// already recorded is unchanged, so the same file imported twice is a no-op.
type ImportEventiResult struct {
	File      string      `json:"file"`
	Added     int         `json:"added"`
	Unchanged int         `json:"unchanged"`
	Rejects   []AddReject `json:"rejects"`
	DryRun    bool        `json:"dry_run"`
}

// EventoFilter selects events: by type, Ambito, Comune and dates (all optional).
type EventoFilter struct {
	Tipo   string `json:"tipo"`
	Ambito string `json:"ambito"`
	Comune string `json:"comune"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// Operatore is one user account of the CSI platform. No name is stored:
// Codice is a pseudonym of the platform's account id (see OperatoreCode).
type Operatore struct {
	Codice        string `json:"codice"`
	Comune        string `json:"comune"`
	Ambito        string `json:"ambito"`
	Ruolo         string `json:"ruolo"`
	UltimoAccesso string `json:"ultimo_accesso"`
}

// OperatoreInput is one row of the platform's accounts export.
type OperatoreInput struct {
	Line          int    `json:"line"`
	ID            string `json:"id"`
	Comune        string `json:"comune"`
	Ruolo         string `json:"ruolo"`
	UltimoAccesso string `json:"ultimo_accesso"`
}

// ImportOperatoriInput is the platform's list of accounts. It replaces the
// current list (of the whole province, or of Ambito when set) as a
// snapshot; the accesses it records are kept for the indicators.
type ImportOperatoriInput struct {
	File   string           `json:"file"`
	Ambito string           `json:"ambito"`
	Rows   []OperatoreInput `json:"rows"`
	DryRun bool             `json:"dry_run"`
}

// ImportOperatoriResult is what an operators import did (or would do).
type ImportOperatoriResult struct {
	File     string      `json:"file"`
	Scope    string      `json:"scope"`
	Before   int         `json:"before"`
	After    int         `json:"after"`
	Accessi  int         `json:"accessi_nuovi"`
	Rejects  []AddReject `json:"rejects"`
	DryRun   bool        `json:"dry_run"`
	Replaced bool        `json:"replaced"`
}

// OperatoreFilter selects operators by Ambito or Comune.
type OperatoreFilter struct {
	Ambito string `json:"ambito"`
	Comune string `json:"comune"`
}

// Channel counterparts (Canale.Controparte).
const (
	ControparteISEE       = "isee_inps"
	ControparteGePI       = "gepi"
	ControparteATS        = "anagrafe_sanitaria_ats"
	ControparteProtocollo = "protocollo_comunale"
	ControparteEntrate    = "agenzia_entrate"
	ControparteANPR       = "anpr"
	ControparteAltro      = "altro"
)

// Controparti are the counterparts, in the plan's order.
var Controparti = []string{ControparteISEE, ControparteGePI, ControparteATS, ControparteProtocollo,
	ControparteEntrate, ControparteANPR, ControparteAltro}

// Channel statuses (CanaleStato.Stato), in the order a channel goes through them.
const (
	CanaleRichiesto   = "richiesto"
	CanaleAutorizzato = "autorizzato"
	CanaleInTest      = "in_test"
	CanaleAttivo      = "attivo"
	CanaleSospeso     = "sospeso"
)

// CanaleStati are the statuses, in order.
var CanaleStati = []string{CanaleRichiesto, CanaleAutorizzato, CanaleInTest, CanaleAttivo, CanaleSospeso}

// Canale is an interoperability channel between the CSI and another
// database: provincial (no Ambito or Comune), of an Ambito, or of a Comune.
type Canale struct {
	ID          int64  `json:"id"`
	Controparte string `json:"controparte"`
	Descrizione string `json:"descrizione"`
	Ambito      string `json:"ambito"`
	Comune      string `json:"comune"`
	// Stato and Dal are the status in effect and its first day: the last
	// entry of Storia.
	Stato  string        `json:"stato"`
	Dal    string        `json:"dal"`
	Note   string        `json:"note"`
	Storia []CanaleStato `json:"storia"`
}

// CanaleStato is one dated status of a channel.
type CanaleStato struct {
	Stato string `json:"stato"`
	Data  string `json:"data"`
	Note  string `json:"note"`
}

// CanaleInput opens a channel: its first status.
type CanaleInput struct {
	Controparte string `json:"controparte"`
	Descrizione string `json:"descrizione"`
	Ambito      string `json:"ambito"`
	Comune      string `json:"comune"`
	Stato       string `json:"stato"`
	Data        string `json:"data"`
	Note        string `json:"note"`
}

// CanaleUpdate records a new status of channel ID on Data, or (Stato
// empty) only changes its notes.
type CanaleUpdate struct {
	ID    int64  `json:"id"`
	Stato string `json:"stato"`
	Data  string `json:"data"`
	Note  string `json:"note"`
}

// CanaleFilter selects channels by Ambito or Comune (provincial ones are
// always in), counterpart and status.
type CanaleFilter struct {
	Ambito      string `json:"ambito"`
	Comune      string `json:"comune"`
	Controparte string `json:"controparte"`
	Stato       string `json:"stato"`
}

// MonitoringService keeps the registers of the plan's process indicators.
type MonitoringService interface {
	AddEvento(ctx context.Context, in EventoInput) (*Evento, error)
	ImportEventi(ctx context.Context, in ImportEventiInput) (*ImportEventiResult, error)
	ListEventi(ctx context.Context, f EventoFilter) ([]Evento, error)
	FindEvento(ctx context.Context, id int64) (*Evento, error)
	RemoveEvento(ctx context.Context, id int64) (*Evento, error)
	ImportOperatori(ctx context.Context, in ImportOperatoriInput) (*ImportOperatoriResult, error)
	ListOperatori(ctx context.Context, f OperatoreFilter) ([]Operatore, error)
	AddCanale(ctx context.Context, in CanaleInput) (*Canale, error)
	UpdateCanale(ctx context.Context, in CanaleUpdate) (*Canale, error)
	ListCanali(ctx context.Context, f CanaleFilter) ([]Canale, error)
}
