package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

// SiussExportRequest is what `csi siuss export` asks for.
type SiussExportRequest struct {
	// Tipo is PS or SINBA; Mode waas (one record per flow) or upload (one
	// flow per ente with every record).
	Tipo siuss.Tipo
	Mode siuss.Mode
	// Ente (an ISTAT code or a name) or Ambito selects the Comuni; neither
	// selects every Comune of the catalogue.
	Ente, Ambito string
	// From and To (YYYY-MM-DD, inclusive) bound the period.
	From, To string
	// Operatore is the codice fiscale of the operator who sends the flows.
	Operatore string
	// DryRun computes the same result and writes and records nothing.
	DryRun bool
	// Codes is the SIUSS code table (nil for the embedded one).
	Codes *siuss.CodeTable
}

// SiussFlowSink receives the XML of each new flow inside the export's
// transaction: a sink that fails rolls the whole export back.
type SiussFlowSink interface {
	WriteFlow(id string, xml []byte) error
}

// A SiussFlowSink that writes in the background also has Flush, which
// waits until every flow handed to it is written and returns the first
// failure; the export and the cancellation call it before their
// transaction commits. The sink may keep xml until then: they do not
// change it.
type siussFlowFlusher interface {
	Flush() error
}

// flushSink waits for sink's background writes, if it has any.
func flushSink(sink SiussFlowSink) error {
	if f, ok := sink.(siussFlowFlusher); ok {
		return f.Flush()
	}
	return nil
}

// SiussExportResult is what an export wrote and what it refused.
type SiussExportResult struct {
	Tipo   string `json:"tipo"`
	Mode   string `json:"mode"`
	Scope  string `json:"scope"`
	From   string `json:"from"`
	To     string `json:"to"`
	DryRun bool   `json:"dry_run"`
	// Flussi are the flows written (in dry run: that would be written,
	// without an id).
	Flussi []SiussExported `json:"flussi"`
	// Rifiutati are the records refused by the SIUSS checks, PerRegola
	// their count by rule.
	Rifiutati []SiussRefused   `json:"rifiutati"`
	PerRegola []SiussRuleCount `json:"per_regola"`
	Saltati   SiussSkipped     `json:"saltati"`
	Warnings  []siuss.Finding  `json:"avvisi"`
}

// SiussExported is one flow of an export.
type SiussExported struct {
	ID     string `json:"id_flusso"`
	Comune string `json:"comune"`
	Ente   string `json:"ente"`
	TS     int64  `json:"ts_ms"`
	SHA256 string `json:"sha256"`
	// Voci are the records it carries: intervento/anno (PS) or cartella (SINBA).
	Voci []string `json:"voci"`
}

// SiussRefused is a record the checks refused, with the rules it breaks
// ('csi siuss check' gives each finding's field and message).
type SiussRefused struct {
	Comune string   `json:"comune"`
	Record string   `json:"record"`
	Anno   int      `json:"anno,omitempty"`
	Rules  []string `json:"regole"`
}

// SiussRuleCount is how many records one rule refused.
type SiussRuleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// SiussSkipped counts the records not exported because the register
// already has them: accepted by INPS (Modificati of them changed since,
// to be cancelled with annulla and sent again), or pending in a flow INPS
// has not answered yet.
type SiussSkipped struct {
	Accettati  int      `json:"accettati"`
	InAttesa   int      `json:"in_attesa"`
	Modificati []string `json:"modificati"`
}

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// ExportSiuss builds the flows of req from the records, checks them,
// leaves out what the register already carries, and in one transaction
// allocates their ids and timestamps, hands each flow's XML to sink and
// records the flows with an audit entry. A dry run does all but write.
func (s *Services) ExportSiuss(ctx context.Context, req SiussExportRequest, sink SiussFlowSink) (*SiussExportResult, error) {
	return s.exporter(s).export(ctx, req, sink)
}

// siussExporter builds and records flows from a source over the register.
type siussExporter struct {
	src siussSource
	st  store.Store
	now func() time.Time
}

func (s *Services) exporter(src siussSource) *siussExporter {
	return &siussExporter{src: src, st: s.st, now: s.Now}
}

func (x *siussExporter) export(ctx context.Context, req SiussExportRequest, sink SiussFlowSink) (*SiussExportResult, error) {
	if err := checkExportRequest(&req); err != nil {
		return nil, err
	}
	comuni, scope, err := x.scope(ctx, req.Ente, req.Ambito)
	if err != nil {
		return nil, err
	}
	p, err := x.newPlan(ctx, req, comuni)
	if err != nil {
		return nil, err
	}
	res := &SiussExportResult{Tipo: string(req.Tipo), Mode: string(req.Mode), Scope: scope, From: req.From, To: req.To,
		DryRun: req.DryRun, Flussi: []SiussExported{}, Rifiutati: []SiussRefused{}, PerRegola: []SiussRuleCount{},
		Saltati: SiussSkipped{Modificati: []string{}}, Warnings: []siuss.Finding{}}
	if err := p.read(ctx, x.src); err != nil {
		return nil, err
	}
	err = x.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		if err := tx.LockRegister(ctx); err != nil {
			return err
		}
		carried, err := tx.CarriedItems(ctx, string(req.Tipo), istats(comuni))
		if err != nil {
			return err
		}
		p.filter(carried, res)
		if req.DryRun {
			res.Flussi = p.preview()
			return errDryRun
		}
		return x.write(ctx, tx, p, sink, res)
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return nil, err
	}
	res.PerRegola = countRules(res.Rifiutati)
	return res, nil
}

// checkExportRequest validates the flags and fills the defaults.
func checkExportRequest(req *SiussExportRequest) error {
	req.Tipo = siuss.Tipo(strings.ToUpper(string(req.Tipo)))
	if req.Tipo != siuss.TipoPS && req.Tipo != siuss.TipoSINBA {
		return csi.Errorf(csi.EINVALID, "--tipo must be ps or sinba, not %q", strings.ToLower(string(req.Tipo))).
			WithHint("ps exports the benefits (PS-PSA-SINA), sinba the children taken in charge")
	}
	if req.Mode == "" {
		req.Mode = siuss.ModeWaaS
	}
	if req.Mode != siuss.ModeWaaS && req.Mode != siuss.ModeUpload {
		return csi.Errorf(csi.EINVALID, "--mode must be waas or upload, not %q", req.Mode).
			WithHint("waas makes one flow per record, for INPS to collect; upload one file per ente, for the web upload")
	}
	if req.Ente != "" && req.Ambito != "" {
		return csi.Errorf(csi.EINVALID, "give --ente or --ambito, not both").
			WithHint("e.g. --ente 108033 for Monza, or --ambito Desio for its Comuni; neither for every Comune")
	}
	from, err := csi.ParseDay("--from", req.From)
	if err != nil {
		return err
	}
	to, err := csi.ParseDay("--to", req.To)
	if err != nil {
		return err
	}
	if to.Before(from) {
		return csi.Errorf(csi.EINVALID, "--to %s is before --from %s", req.To, req.From).
			WithHint("give the first and the last day of the period, e.g. --from 2024-01-01 --to 2024-12-31")
	}
	if req.Operatore == "" {
		return csi.Errorf(csi.EINVALID, "the operator's codice fiscale is missing").
			WithHint("give --operatore CF or set CSI_OPERATORE: SIUSS needs who sends the flows")
	}
	return nil
}

// scope resolves --ente or --ambito to the Comuni, in ISTAT order, and
// names the scope.
func (x *siussExporter) scope(ctx context.Context, ente, ambito string) ([]csi.Comune, string, error) {
	state, err := x.st.LoadComuni(ctx)
	if err != nil {
		return nil, "", err
	}
	if ente != "" {
		c, err := findComune(state.Comuni, ente)
		if err != nil {
			return nil, "", err
		}
		return []csi.Comune{c}, "comune " + c.Istat + " " + c.Nome, nil
	}
	a, scope := "", "provincia"
	if ambito != "" {
		if a, err = csi.ResolveAmbito(sortedAmbiti(state.Ambiti), ambito); err != nil {
			return nil, "", err
		}
		scope = "ambito " + a
	}
	var out []csi.Comune
	for _, c := range state.Comuni {
		if a == "" || c.Ambito == a {
			out = append(out, c)
		}
	}
	sortByIstat(out)
	return out, scope, nil
}

func istats(cs []csi.Comune) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Istat
	}
	return out
}

func sortedAmbiti(names []string) []string { return slices.Sorted(slices.Values(names)) }

func sortByIstat(cs []csi.Comune) {
	slices.SortFunc(cs, func(a, b csi.Comune) int { return strings.Compare(a.Istat, b.Istat) })
}
