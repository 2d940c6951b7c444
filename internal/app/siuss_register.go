package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// SiussFlowQuery selects flows of the register for `csi siuss flussi list`.
type SiussFlowQuery struct {
	// Ente is a Comune (ISTAT code or name), Ambito an Ambito; "" for all.
	Ente, Ambito string
	// Tipo is PS or SINBA, Stato a state of the register; "" for all.
	Tipo, Stato string
	// From and To bound the day of the flow id (YYYY-MM-DD, inclusive).
	From, To string
}

// SiussFlowInfo is a flow of the register as listed and shown.
type SiussFlowInfo struct {
	ID             string `json:"id_flusso"`
	Tipo           string `json:"tipo"`
	Mode           string `json:"mode"`
	Operazione     string `json:"operazione"`
	Annulla        string `json:"annulla,omitempty"`
	Ente           string `json:"ente"`
	Comune         string `json:"comune"`
	TS             int64  `json:"ts_ms"`
	TSFlusso       string `json:"ts_flusso"`
	Stato          string `json:"stato"`
	Esito          string `json:"descrizione_esito"`
	IDAcquisizione string `json:"id_acquisizione_siuss"`
	Voci           int    `json:"voci"`
	SHA256         string `json:"sha256"`
	From           string `json:"periodo_da"`
	To             string `json:"periodo_a"`
	CreatedAt      string `json:"creato"`
	AcquiredAt     string `json:"acquisito"`
	EsitoAt        string `json:"esito_ricevuto"`
	Actor          string `json:"operatore_csi"`
}

// SiussFlowDetail is one flow with what it carries and its outcomes.
type SiussFlowDetail struct {
	SiussFlowInfo
	Items []SiussItemInfo `json:"record"`
	// EsitiRicevuti are the outcomes received, oldest first.
	EsitiRicevuti []SiussEsitoInfo `json:"esiti"`
	// XML is the flow as sent (not in JSON: --xml prints it).
	XML []byte `json:"-"`
}

// SiussItemInfo is a record a flow carries.
type SiussItemInfo struct {
	Comune string `json:"comune"`
	Record string `json:"record"`
	Anno   int    `json:"anno,omitempty"`
}

// SiussEsitoInfo is an outcome as received.
type SiussEsitoInfo struct {
	Codice         string `json:"codice_esito"`
	Descrizione    string `json:"descrizione_esito"`
	IDAcquisizione string `json:"id_acquisizione_siuss"`
	TSAcquisizione string `json:"ts_acquisizione"`
	Fonte          string `json:"fonte"`
	Ricevuto       string `json:"ricevuto"`
}

func flowInfo(f store.SiussFlow) SiussFlowInfo {
	return SiussFlowInfo{ID: f.ID, Tipo: f.Tipo, Mode: f.Mode, Operazione: f.Operazione, Annulla: f.Annulla,
		Ente: f.Ente, Comune: f.Comune, TS: f.TS, TSFlusso: TSFlusso(f.TS), Stato: f.Stato, Esito: f.Esito,
		IDAcquisizione: f.IDAcquisizione, Voci: f.Voci, SHA256: f.SHA256, From: f.From, To: f.To,
		CreatedAt: f.CreatedAt, AcquiredAt: f.AcquiredAt, EsitoAt: f.EsitoAt, Actor: f.Actor}
}

// TSFlusso writes a flow's millisecond timestamp as WaaS's ts_flusso: RFC
// 3339 in UTC with milliseconds.
func TSFlusso(ms int64) string { return csi.TSFlusso(ms) }

// ListSiussFlows returns the flows of the register q selects, in
// timestamp order.
func (s *Services) ListSiussFlows(ctx context.Context, q SiussFlowQuery) ([]SiussFlowInfo, error) {
	f, err := s.flowFilter(ctx, q)
	if err != nil {
		return nil, err
	}
	flows, err := s.st.SiussFlows(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]SiussFlowInfo, len(flows))
	for i, fl := range flows {
		out[i] = flowInfo(fl)
	}
	return out, nil
}

// flowFilter checks a query and resolves its geography.
func (s *Services) flowFilter(ctx context.Context, q SiussFlowQuery) (store.SiussFilter, error) {
	f := store.SiussFilter{Tipo: strings.ToUpper(q.Tipo), Stato: q.Stato, From: q.From, To: q.To}
	if f.Tipo != "" && f.Tipo != "PS" && f.Tipo != "SINBA" {
		return f, csi.Errorf(csi.EINVALID, "--tipo must be ps or sinba, not %q", q.Tipo).WithHint("leave it out for both")
	}
	if f.Stato != "" && !knownStato(f.Stato) {
		return f, csi.Errorf(csi.EINVALID, "--stato %q is not a state of the register", q.Stato).
			WithHint("use one of %s", strings.Join(stati, ", "))
	}
	for _, d := range [][2]string{{"--from", q.From}, {"--to", q.To}} {
		if d[1] != "" {
			if _, err := csi.ParseDay(d[0], d[1]); err != nil {
				return f, err
			}
		}
	}
	if q.Ente != "" && q.Ambito != "" {
		return f, csi.Errorf(csi.EINVALID, "give --ente or --ambito, not both").WithHint("leave both out for every Comune")
	}
	if q.Ente == "" && q.Ambito == "" {
		return f, nil
	}
	comuni, _, err := s.exporter(s).scope(ctx, q.Ente, q.Ambito)
	if err != nil {
		return f, err
	}
	f.Comuni = istats(comuni)
	return f, nil
}

// stati are the states of the register, in their order.
var stati = []string{store.StatoReady, store.StatoAcquired, store.EsitoOK, store.EsitoDatiNonTrovati,
	store.EsitoRichiestaInvalida, store.EsitoErroreGenerico}

func knownStato(s string) bool {
	for _, v := range stati {
		if v == s {
			return true
		}
	}
	return false
}

func knownEsito(s string) bool { return knownStato(s) && !pending(s) }

// ShowSiussFlow returns one flow with its records, outcomes and XML.
func (s *Services) ShowSiussFlow(ctx context.Context, id string) (*SiussFlowDetail, error) {
	f, err := s.st.SiussFlow(ctx, id)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, noFlow(id)
	}
	d := &SiussFlowDetail{SiussFlowInfo: flowInfo(*f), Items: []SiussItemInfo{}, EsitiRicevuti: []SiussEsitoInfo{}, XML: f.XML}
	for _, it := range f.Items {
		d.Items = append(d.Items, SiussItemInfo{Comune: it.Comune, Record: it.Record, Anno: it.Anno})
	}
	esiti, err := s.st.SiussEsiti(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, e := range esiti {
		d.EsitiRicevuti = append(d.EsitiRicevuti, SiussEsitoInfo{Codice: e.Codice, Descrizione: e.Descrizione,
			IDAcquisizione: e.IDAcquisizione, TSAcquisizione: e.TSAcquisizione, Fonte: e.Fonte, Ricevuto: e.ReceivedAt})
	}
	return d, nil
}

func noFlow(id string) error {
	return csi.Errorf(csi.ENOTFOUND, "the register has no flow %s", id).
		WithHint("list the flows with 'csi siuss flussi list'")
}

// AcquireSiussFlows returns the flows of an ente (Belfiore code) that INPS
// has not answered, after the timestamp since, at most limit, and marks
// the ready ones acquired, in one transaction: what WaaS's GET /flussi
// serves.
func (s *Services) AcquireSiussFlows(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	var out []store.SiussFlow
	err := s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		flows, err := tx.FlowsAfter(ctx, ente, since, limit)
		if err != nil {
			return err
		}
		var ids []string
		for _, f := range flows {
			if f.Stato == store.StatoReady {
				ids = append(ids, f.ID)
			}
		}
		out = flows
		if len(ids) == 0 {
			return nil
		}
		n, err := tx.MarkAcquired(ctx, ids, s.Now().UTC().Format(time.RFC3339))
		if err != nil || n == 0 {
			return err
		}
		return tx.AppendAudit(ctx, "siuss ente "+ente, fmt.Sprintf("%d flows acquired by INPS", n))
	})
	return out, err
}
