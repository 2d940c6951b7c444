package store

import "context"

// SiussRegister keeps the register of the debiti informativi: every SIUSS
// flow csi produced, the records it carries, its state and the outcomes
// INPS sent back. Reads see one consistent state each; every change runs in
// one transaction through ChangeSiuss.
type SiussRegister interface {
	// ChangeSiuss runs fn in one write transaction, committed when fn
	// returns nil and rolled back otherwise.
	ChangeSiuss(ctx context.Context, fn func(SiussTx) error) error
	// SiussFlows returns the flows f selects, in timestamp order, without
	// their XML and items.
	SiussFlows(ctx context.Context, f SiussFilter) ([]SiussFlow, error)
	// SiussFlow returns one flow with its XML and items, or nil.
	SiussFlow(ctx context.Context, id string) (*SiussFlow, error)
	// SiussEsiti returns the outcomes received for the flow id ("" for
	// every outcome of a flow the register does not know), in the order
	// they came.
	SiussEsiti(ctx context.Context, id string) ([]SiussEsito, error)
}

// SiussTx is what a change of the register reads and writes inside its
// transaction.
type SiussTx interface {
	// LockRegister makes the transaction the register's only writer of
	// flows until it ends (SQLite has one writer anyway; PostgreSQL locks
	// the clock row), so that what CarriedItems reads stays true until
	// the new flows are written.
	LockRegister(ctx context.Context) error
	// CarriedItems returns, for every record of the Comuni carried by a
	// flow of type tipo, the latest such flow (by timestamp).
	CarriedItems(ctx context.Context, tipo string, comuni []string) (map[SiussItemKey]SiussCarried, error)
	// NextCounters reserves n consecutive daily counters of an ente and
	// type on day (YYYY-MM-DD) and returns the first.
	NextCounters(ctx context.Context, ente, tipo, day string, n int) (int, error)
	// NextTimestamps reserves n consecutive millisecond timestamps, each
	// later than every timestamp given before and the first not before
	// notBefore, and returns the first.
	NextTimestamps(ctx context.Context, notBefore int64, n int) (int64, error)
	// InsertFlows stores new flows (state ready) with their XML and items.
	InsertFlows(ctx context.Context, flows []SiussFlow) error
	// Flow returns one flow with its XML and items, or nil.
	Flow(ctx context.Context, id string) (*SiussFlow, error)
	// FlowsAfter returns the flows of an ente (Belfiore code) that are
	// ready or acquired and whose timestamp is after since, in timestamp
	// order, at most limit of them, with their XML: what INPS polls.
	FlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]SiussFlow, error)
	// MarkAcquired moves the flows among ids that are ready to acquired at
	// at, in one statement, and returns how many it moved (a flow another
	// poll acquired first, or one INPS answered meanwhile, is not moved).
	MarkAcquired(ctx context.Context, ids []string, at string) (int, error)
	// FlowStates returns the state of each flow among ids the register
	// has (a flow it does not have is not in the map).
	FlowStates(ctx context.Context, ids []string) (map[string]string, error)
	// SetOutcomes records INPS's outcomes, os[i] on flow ids[i]; an id
	// appears at most once.
	SetOutcomes(ctx context.Context, ids []string, os []SiussOutcome) error
	// InsertEsiti logs outcomes as received and reports, for each, whether
	// it is new (the same flow, code, description and acquisition id were
	// not logged before, earlier in es included).
	InsertEsiti(ctx context.Context, es []SiussEsito) ([]bool, error)
	// AppendAudit chains an entry for the actor in ctx (csi.NewAuditEntry).
	AppendAudit(ctx context.Context, target, summary string) error
	// AppendAudits chains one entry per item for the actor in ctx, in
	// order, as AppendAudit would one after the other.
	AppendAudits(ctx context.Context, items []AuditItem) error
}

// AuditItem is one entry AppendAudits chains.
type AuditItem struct {
	Target, Summary string
}

// The states of a flow in the register: ready and acquired are pending,
// the other four are INPS's outcomes (codice_esito).
const (
	StatoReady             = "ready"
	StatoAcquired          = "acquired"
	EsitoOK                = "OK"
	EsitoDatiNonTrovati    = "DATI_NON_TROVATI"
	EsitoRichiestaInvalida = "RICHIESTA_INVALIDA"
	EsitoErroreGenerico    = "ERRORE_GENERICO"
)

// SiussFlow is one flow of the register.
type SiussFlow struct {
	// ID is the flow id ({Belfiore}.{PS|SINBA}.{YYYYMMDD}.{NNNNNNN}).
	ID string
	// Tipo is PS or SINBA; Mode waas or upload; Operazione I, or C for a
	// cancellation, which names the flow it cancels in Annulla.
	Tipo, Mode, Operazione, Annulla string
	// Ente is the sending ente's Belfiore code, Comune its ISTAT code.
	Ente, Comune string
	// TS is the flow's unique millisecond timestamp (Unix epoch).
	TS int64
	// Day (YYYY-MM-DD) and Counter are the date and daily counter of the id.
	Day     string
	Counter int
	// SHA256 is the hex digest of XML.
	SHA256 string
	XML    []byte
	// Voci counts the records the flow carries; Items lists them (filled
	// by SiussFlow and Flow only).
	Voci  int
	Items []SiussItem
	// Stato is ready, acquired or one of the four outcomes; Esito is the
	// outcome's description and IDAcquisizione the SIUSS acquisition id.
	Stato, Esito, IDAcquisizione string
	// From and To are the period the export covered.
	From, To string
	// CreatedAt, AcquiredAt and EsitoAt are RFC 3339 times ("" when not yet).
	CreatedAt, AcquiredAt, EsitoAt string
	// Actor is who exported it.
	Actor string
}

// SiussItemKey names a record a flow carries: an intervento's piece of
// one calendar year (PS), or a child's SINBA record by cartella (Anno 0).
type SiussItemKey struct {
	Comune, Record string
	Anno           int
}

// SiussItem is a record a flow carries, with the hash of its content.
type SiussItem struct {
	SiussItemKey
	Hash uint64
}

// SiussCarried is the latest flow that carries a record.
type SiussCarried struct {
	Flow, Operazione, Stato string
	Hash                    uint64
}

// SiussFilter selects flows: by Comuni (ISTAT codes, nil for all), type,
// state and the day of the flow id (From and To inclusive, "" for open).
type SiussFilter struct {
	Comuni      []string
	Tipo, Stato string
	From, To    string
}

// SiussOutcome is an outcome as the register keeps it on the flow.
type SiussOutcome struct {
	Stato, Esito, IDAcquisizione, At string
}

// SiussEsito is an outcome as received: from an esiti file or from WaaS's
// POST /esiti. Noto says the register has the flow.
type SiussEsito struct {
	IDFlusso, Codice, Descrizione, IDAcquisizione, TSAcquisizione string
	// Fonte is where it came from: the file's name, or "waas".
	Fonte      string
	Noto       bool
	ReceivedAt string
}
