package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

// exportPlan is an export between reading the records and writing the
// flows: the candidates (one per intervento piece or SINBA record), then
// those left after the register and the checks.
type exportPlan struct {
	req   SiussExportRequest
	enc   *siuss.Encoder
	day   time.Time
	enti  map[string]siuss.Ente // by ISTAT code
	order []string              // the Comuni's ISTAT codes
	// cands passed the checks; refused did not (only their key and rules
	// are kept, so that memory follows the records that will be sent).
	cands   []candidate
	refused []refusal
}

// refusal is a record the checks refused.
type refusal struct {
	key   store.SiussItemKey
	rules []string
}

// candidate is one record to send: an intervento's piece of one year
// (PS) or a child's SINBA record.
type candidate struct {
	key   store.SiussItemKey
	hash  uint64
	benef siuss.Beneficiario
	pres  siuss.Prestazione
	sinba siuss.SINBA
	// warnings are the checks' warnings on the record.
	warnings []siuss.Finding
}

// label names a candidate's record in the output: intervento/anno or cartella.
func (c candidate) label() string {
	if c.key.Anno == 0 {
		return c.key.Record
	}
	return c.key.Record + "/" + strconv.Itoa(c.key.Anno)
}

// newPlan reads the sending ente of each Comune and checks it with the
// operator: an ente SIUSS would refuse stops the export before any record.
func (x *siussExporter) newPlan(ctx context.Context, req SiussExportRequest, comuni []csi.Comune) (*exportPlan, error) {
	codes := req.Codes
	if codes == nil {
		var err error
		if codes, err = siuss.BuiltinCodes(); err != nil {
			return nil, err
		}
	}
	p := &exportPlan{req: req, enc: siuss.NewEncoder(codes), day: x.now(), enti: map[string]siuss.Ente{}}
	for _, c := range comuni {
		e, err := x.src.siussEnte(ctx, c.Istat)
		if err != nil {
			return nil, err
		}
		e.CFOperatore = strings.ToUpper(strings.TrimSpace(req.Operatore))
		if err := enteError(c, p.enc.Ente(e)); err != nil {
			return nil, err
		}
		p.enti[c.Istat] = e
		p.order = append(p.order, c.Istat)
	}
	return p, nil
}

// enteError turns the error findings of an ente into one error.
func enteError(c csi.Comune, fs []siuss.Finding) error {
	for _, f := range fs {
		if f.Severity == siuss.SeverityError {
			return csi.Errorf(csi.EINVALID, "the sending ente of %s %s cannot be used: %s (%s)", c.Istat, c.Nome, f.Message, f.Rule).
				WithHint("%s", f.Fix)
		}
	}
	return nil
}

// read collects the candidates of the period from the source.
func (p *exportPlan) read(ctx context.Context, src siussSource) error {
	q := SiussQuery{Comuni: p.order, From: p.req.From, To: p.req.To}
	if p.req.Tipo == siuss.TipoSINBA {
		return src.siussSINBA(ctx, q, func(r SiussSINBA) error {
			p.admit(candidate{key: store.SiussItemKey{Comune: r.Comune, Record: r.Cartella}, hash: r.Hash, sinba: r.Record})
			return nil
		})
	}
	return src.siussInterventi(ctx, q, func(it SiussIntervento) error {
		for _, piece := range exportPieces(it.Prestazione, p.req.From, p.req.To) {
			p.admit(candidate{
				key:  store.SiussItemKey{Comune: it.Comune, Record: it.Prestazione.ID, Anno: pieceYear(piece)},
				hash: it.Hash, benef: it.Beneficiario, pres: piece,
			})
		}
		return nil
	})
}

// exportPieces splits a prestazione per calendar year and keeps the pieces
// inside the period. An ongoing periodic benefit (no end) is sent in full
// years up to the period's year, whose piece stays open. A benefit whose
// dates cannot be split is kept whole, for the checks to refuse.
func exportPieces(p siuss.Prestazione, from, to string) []siuss.Prestazione {
	if p.Carattere == siuss.Periodica && p.DataInizio != "" && p.DataFine == "" {
		return ongoingPieces(p, from, to)
	}
	pieces, err := siuss.SplitPerYear(p)
	if err != nil {
		return []siuss.Prestazione{p}
	}
	var out []siuss.Prestazione
	for _, q := range pieces {
		if inPeriod(q, from, to) {
			out = append(out, q)
		}
	}
	return out
}

func ongoingPieces(p siuss.Prestazione, from, to string) []siuss.Prestazione {
	start, err := time.Parse(csi.DateLayout, p.DataInizio)
	if err != nil || p.DataInizio > to {
		return []siuss.Prestazione{p}
	}
	last, _ := strconv.Atoi(to[:4])
	var out []siuss.Prestazione
	if start.Year() < last {
		closed := p
		closed.DataFine = fmt.Sprintf("%04d-12-31", last-1)
		pieces, _ := siuss.SplitPerYear(closed)
		out = append(out, pieces...)
		open := p
		open.DataInizio = fmt.Sprintf("%04d-01-01", last)
		out = append(out, open)
	} else {
		out = append(out, p)
	}
	var kept []siuss.Prestazione
	for _, q := range out {
		if inPeriod(q, from, to) {
			kept = append(kept, q)
		}
	}
	return kept
}

// inPeriod says whether a piece belongs to the period: a periodic one when
// its months overlap it, a one-off one when it was delivered in it; a
// piece without the date that decides is kept, for the checks to refuse.
func inPeriod(q siuss.Prestazione, from, to string) bool {
	switch {
	case q.Carattere == siuss.Occasionale && q.DataErogazione != "":
		return q.DataErogazione >= from && q.DataErogazione <= to
	case q.Carattere == siuss.Periodica && q.DataInizio != "":
		return q.DataInizio <= to && (q.DataFine == "" || q.DataFine >= from)
	}
	return true
}

// pieceYear is the calendar year a piece belongs to (0 when its date is
// missing or malformed).
func pieceYear(q siuss.Prestazione) int {
	d := q.DataInizio
	if q.Carattere == siuss.Occasionale {
		d = q.DataErogazione
	}
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return 0
	}
	return y
}

// admit runs the SIUSS checks on a candidate and keeps it when they find
// no error; otherwise it keeps the refusal.
func (p *exportPlan) admit(c candidate) {
	var rules []string
	for _, f := range p.checkOne(c) {
		if f.Severity == siuss.SeverityError {
			rules = appendUnique(rules, f.Rule)
		} else {
			c.warnings = append(c.warnings, f)
		}
	}
	if rules == nil {
		p.cands = append(p.cands, c)
		return
	}
	sort.Strings(rules)
	p.refused = append(p.refused, refusal{key: c.key, rules: rules})
}

// filter leaves out the records the register already carries: accepted by
// INPS (and not cancelled since), or in a flow INPS has not answered. A
// record whose last flow was refused, or whose acceptance was cancelled,
// is sent again; one of those the checks refused is reported.
func (p *exportPlan) filter(carried map[store.SiussItemKey]store.SiussCarried, res *SiussExportResult) {
	kept := p.cands[:0]
	for _, c := range p.cands {
		if !skipCarried(carried, c.key, c.hash, c.label(), res) {
			kept = append(kept, c)
			res.Warnings = append(res.Warnings, c.warnings...)
		}
	}
	p.cands = kept
	for _, r := range p.refused {
		if !skipCarried(carried, r.key, 0, "", res) {
			res.Rifiutati = append(res.Rifiutati, SiussRefused{Comune: r.key.Comune, Record: r.key.Record, Anno: r.key.Anno, Rules: r.rules})
		}
	}
	p.refused = nil
}

// skipCarried says whether the register's last flow of a record keeps it
// from being sent, and counts why. A refused record (label "") that INPS
// holds is not reported as changed: its hash is not known here.
func skipCarried(carried map[store.SiussItemKey]store.SiussCarried, key store.SiussItemKey, hash uint64, label string, res *SiussExportResult) bool {
	prev, ok := carried[key]
	switch {
	case !ok:
		return false
	case pending(prev.Stato):
		res.Saltati.InAttesa++
		return true
	case (prev.Operazione == siuss.Inserimento) == (prev.Stato == store.EsitoOK):
		// An accepted insertion, or a cancellation INPS refused: INPS
		// holds the record.
		res.Saltati.Accettati++
		if label != "" && prev.Hash != hash {
			res.Saltati.Modificati = append(res.Saltati.Modificati, key.Comune+" "+label)
		}
		return true
	}
	return false
}

func pending(stato string) bool { return stato == store.StatoReady || stato == store.StatoAcquired }

// checkOne checks a candidate's record: its beneficiary and prestazione,
// or its SINBA record. The ente was checked once (newPlan) and a flow of
// one record has the shape of both modes; the flow id is csi's own.
func (p *exportPlan) checkOne(c candidate) []siuss.Finding {
	if p.req.Tipo == siuss.TipoSINBA {
		return p.enc.SINBA(c.sinba)
	}
	return append(p.enc.Beneficiario(c.pres.ID, c.benef), p.enc.Prestazione(c.pres)...)
}

func appendUnique(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// countRules counts the refused records by rule, in rule order.
func countRules(refused []SiussRefused) []SiussRuleCount {
	n := map[string]int{}
	for _, r := range refused {
		for _, rule := range r.Rules {
			n[rule]++
		}
	}
	out := make([]SiussRuleCount, 0, len(n))
	for rule, c := range n {
		out = append(out, SiussRuleCount{Rule: rule, Count: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rule < out[j].Rule })
	return out
}
