package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

// insertBatch is how many flows travel to the store in one call.
const insertBatch = 500

// flowPlan is a flow to write: its Comune and the records it carries.
type flowPlan struct {
	comune string
	cands  []candidate
}

// flows groups the candidates into flows: one per record in WaaS mode,
// one per Comune in upload mode.
func (p *exportPlan) flows() []flowPlan {
	var out []flowPlan
	if p.req.Mode == siuss.ModeWaaS {
		for _, c := range p.cands {
			out = append(out, flowPlan{comune: c.key.Comune, cands: []candidate{c}})
		}
		return out
	}
	by := map[string][]candidate{}
	for _, c := range p.cands {
		by[c.key.Comune] = append(by[c.key.Comune], c)
	}
	for _, istat := range p.order {
		if len(by[istat]) > 0 {
			out = append(out, flowPlan{comune: istat, cands: by[istat]})
		}
	}
	return out
}

// preview lists the flows a dry run would write, without ids.
func (p *exportPlan) preview() []SiussExported {
	out := []SiussExported{}
	for _, f := range p.flows() {
		out = append(out, SiussExported{Comune: f.comune, Ente: p.enti[f.comune].Codice, Voci: labels(f.cands)})
	}
	return out
}

func labels(cs []candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.label()
	}
	return out
}

// encode builds the XML of a flow under its id; a beneficiary with many
// prestazioni in an upload flow is listed once.
func (p *exportPlan) encode(f flowPlan, id string) ([]byte, error) {
	e := p.enti[f.comune]
	if p.req.Tipo == siuss.TipoSINBA {
		recs := make([]siuss.SINBA, len(f.cands))
		for i, c := range f.cands {
			recs[i] = c.sinba
		}
		return p.enc.EncodeSINBA(siuss.SINBAFlow{ID: id, Ente: e, Records: recs})
	}
	flow := siuss.PSFlow{ID: id, Ente: e}
	at := map[string]int{}
	for _, c := range f.cands {
		i, ok := at[c.benef.CodiceFiscale]
		if !ok {
			i = len(flow.Beneficiari)
			at[c.benef.CodiceFiscale] = i
			flow.Beneficiari = append(flow.Beneficiari, siuss.BeneficiarioPS{Beneficiario: c.benef})
		}
		flow.Beneficiari[i].Prestazioni = append(flow.Beneficiari[i].Prestazioni, c.pres)
	}
	return p.enc.EncodePS(flow, p.req.Mode)
}

// write allocates the flows' counters and timestamps, encodes each flow,
// hands it to sink, records it, and appends one audit entry.
func (x *siussExporter) write(ctx context.Context, tx store.SiussTx, p *exportPlan, sink SiussFlowSink, res *SiussExportResult) error {
	flows := p.flows()
	if len(flows) == 0 {
		return nil
	}
	next, err := x.counters(ctx, tx, p, flows)
	if err != nil {
		return err
	}
	now := x.now()
	ts, err := tx.NextTimestamps(ctx, now.UnixMilli(), len(flows))
	if err != nil {
		return err
	}
	w := &flowWriter{tx: tx, sink: sink, base: store.SiussFlow{Tipo: string(p.req.Tipo), Mode: string(p.req.Mode),
		Operazione: siuss.Inserimento, Day: csi.Day(p.day), From: p.req.From, To: p.req.To,
		CreatedAt: now.UTC().Format(time.RFC3339), Actor: csi.ActorFrom(ctx).Name}}
	for i, f := range flows {
		e := p.enti[f.comune]
		id, err := siuss.FlowID(e.Codice, p.req.Tipo, p.day, next[f.comune])
		if err != nil {
			return err
		}
		next[f.comune]++
		data, err := p.encode(f, id)
		if err != nil {
			return err
		}
		out, err := w.add(ctx, id, f.comune, e.Codice, ts+int64(i), data, f.cands)
		if err != nil {
			return err
		}
		res.Flussi = append(res.Flussi, out)
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	if err := flushSink(sink); err != nil {
		return err
	}
	return tx.AppendAudit(ctx, "siuss "+res.Scope, exportSummary(res))
}

// counters reserves each Comune's daily counters and returns the first.
func (x *siussExporter) counters(ctx context.Context, tx store.SiussTx, p *exportPlan, flows []flowPlan) (map[string]int, error) {
	n := map[string]int{}
	for _, f := range flows {
		n[f.comune]++
	}
	first := map[string]int{}
	for _, istat := range p.order {
		if n[istat] == 0 {
			continue
		}
		c, err := tx.NextCounters(ctx, p.enti[istat].Codice, string(p.req.Tipo), csi.Day(p.day), n[istat])
		if err != nil {
			return nil, err
		}
		if c+n[istat]-1 > siuss.MaxCounter {
			return nil, csi.Errorf(csi.ECONFLICT, "the ente %s has no daily counter left for %d more %s flows today", p.enti[istat].Codice, n[istat], p.req.Tipo).
				WithHint("a day holds at most %d flows per ente and type: export the rest tomorrow, or use --mode upload", siuss.MaxCounter)
		}
		first[istat] = c
	}
	return first, nil
}

// flowWriter hands flows to the sink and records them in batches.
type flowWriter struct {
	tx    store.SiussTx
	sink  SiussFlowSink
	base  store.SiussFlow
	batch []store.SiussFlow
}

func (w *flowWriter) add(ctx context.Context, id, comune, ente string, ts int64, data []byte, cands []candidate) (SiussExported, error) {
	sum := sha256.Sum256(data)
	f := w.base
	f.ID, f.Comune, f.Ente, f.TS, f.XML, f.SHA256 = id, comune, ente, ts, data, hex.EncodeToString(sum[:])
	f.Counter = counterOf(id)
	for _, c := range cands {
		f.Items = append(f.Items, store.SiussItem{SiussItemKey: c.key, Hash: c.hash})
	}
	if w.sink != nil {
		if err := w.sink.WriteFlow(id, data); err != nil {
			return SiussExported{}, err
		}
	}
	w.batch = append(w.batch, f)
	if len(w.batch) >= insertBatch {
		if err := w.flush(ctx); err != nil {
			return SiussExported{}, err
		}
	}
	return SiussExported{ID: id, Comune: comune, Ente: ente, TS: ts, SHA256: f.SHA256, Voci: labels(cands)}, nil
}

func (w *flowWriter) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	err := w.tx.InsertFlows(ctx, w.batch)
	w.batch = w.batch[:0]
	return err
}

func counterOf(id string) int {
	parts, err := siuss.ParseFlowID(id)
	if err != nil {
		return 0
	}
	return parts.Counter
}

// exportSummary is the audit text of an export: counts and flow ids, never
// a person's data.
func exportSummary(res *SiussExportResult) string {
	s := fmt.Sprintf("export %s %s %s..%s: %d flows", res.Tipo, res.Mode, res.From, res.To, len(res.Flussi))
	if n := len(res.Flussi); n > 0 {
		s += fmt.Sprintf(" %s..%s", res.Flussi[0].ID, res.Flussi[n-1].ID)
	}
	return s + fmt.Sprintf(", %d records refused", len(res.Rifiutati))
}
