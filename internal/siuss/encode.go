package siuss

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Mode is the channel a PS flow is built for.
type Mode string

// The two channels: WaaS carries one beneficiary and one prestazione per
// flow; the web upload carries many.
const (
	ModeWaaS   Mode = "waas"
	ModeUpload Mode = "upload"
)

// PSFlow is a PS-PSA-SINA flow: its id, the sending ente and the beneficiaries.
type PSFlow struct {
	ID          string
	Ente        Ente
	Beneficiari []BeneficiarioPS
}

// SINBAFlow is a SINBA flow: its id, the sending ente and the children's records.
type SINBAFlow struct {
	ID      string
	Ente    Ente
	Records []SINBA
}

// WaaSFlow is the flow of one prestazione of one beneficiary, the shape the
// WaaS channel requires.
func WaaSFlow(id string, e Ente, b Beneficiario, p Prestazione) PSFlow {
	return PSFlow{ID: id, Ente: e, Beneficiari: []BeneficiarioPS{{Beneficiario: b, Prestazioni: []Prestazione{p}}}}
}

// CancellationFlow is the WaaS flow that cancels a prestazione INPS accepted
// earlier: the same record with TipoOperazione C, in a flow with a new id.
func CancellationFlow(id string, e Ente, b Beneficiario, p Prestazione) PSFlow {
	p.TipoOperazione = Cancellazione
	return WaaSFlow(id, e, b, p)
}

// CheckPSFlow runs every check on a PS flow built for mode: the flow id and
// shape, the ente, and each beneficiary and prestazione.
func (c *Checker) CheckPSFlow(f PSFlow, mode Mode) []Finding {
	fs := c.flowID(f.ID, f.Ente.Codice, TipoPS)
	fs = append(fs, c.Ente(f.Ente)...)
	n := 0
	for _, b := range f.Beneficiari {
		n += len(b.Prestazioni)
		if len(b.Prestazioni) == 0 {
			fs = append(fs, newFinding("siuss-flusso-vuoto", KindFlusso, f.ID, "PrestazioniSociali", T("a beneficiary of the flow has no prestazione")))
		}
		for _, p := range b.Prestazioni {
			fs = append(fs, c.Beneficiario(p.ID, b.Beneficiario)...)
			fs = append(fs, c.Prestazione(p)...)
		}
	}
	switch {
	case len(f.Beneficiari) == 0:
		fs = append(fs, newFinding("siuss-flusso-vuoto", KindFlusso, f.ID, "Beneficiario", T("the flow has no beneficiary")))
	case mode == ModeWaaS && (len(f.Beneficiari) != 1 || n != 1):
		fs = append(fs, newFinding("siuss-waas-singolo", KindFlusso, f.ID, "Beneficiario",
			T("the flow carries %d beneficiaries and %d prestazioni", len(f.Beneficiari), n)))
	}
	return fs
}

// CheckSINBAFlow runs every check on a SINBA flow.
func (c *Checker) CheckSINBAFlow(f SINBAFlow) []Finding {
	fs := c.flowID(f.ID, f.Ente.Codice, TipoSINBA)
	fs = append(fs, c.Ente(f.Ente)...)
	if len(f.Records) == 0 {
		fs = append(fs, newFinding("siuss-flusso-vuoto", KindFlusso, f.ID, "SINBA", T("the flow has no SINBA record")))
	}
	for _, s := range f.Records {
		fs = append(fs, c.SINBA(s)...)
	}
	return fs
}

func (c *Checker) flowID(id, ente string, tipo Tipo) []Finding {
	parts, err := ParseFlowID(id)
	if err == nil && parts.Tipo == tipo && parts.Ente == ente && len(id) <= MaxFlowIDLen {
		return nil
	}
	return []Finding{newFinding("siuss-flusso-id", KindFlusso, id, "Nome",
		T("the flow id is not %s.%s.YYYYMMDD.NNNNNNN", ente, tipo))}
}

func newFinding(rule, kind, id, field, msg string) Finding {
	fs := &findings{kind: kind, id: id}
	fs.add(rule, field, msg)
	return fs.list[0]
}

// Encoder builds the XML of flows that pass the checks.
type Encoder struct {
	*Checker
}

// NewEncoder returns an encoder that names prestazioni from codes.
func NewEncoder(codes *CodeTable) *Encoder { return &Encoder{NewChecker(codes)} }

// EncodePS returns the XML of a PS flow for mode, or an EINVALID error naming
// the rules it breaks (the findings of CheckPSFlow tell the details).
func (e *Encoder) EncodePS(f PSFlow, mode Mode) ([]byte, error) {
	if err := refuse(f.ID, e.CheckPSFlow(f, mode)); err != nil {
		return nil, err
	}
	doc := xmlFlussoPS{Identificazio: identificazione(f.ID, f.Ente)}
	for _, b := range f.Beneficiari {
		doc.Beneficiari = append(doc.Beneficiari, e.beneficiario(b))
	}
	return marshal(doc)
}

// EncodeSINBA returns the XML of a SINBA flow, or an EINVALID error naming
// the rules it breaks (the findings of CheckSINBAFlow tell the details).
func (e *Encoder) EncodeSINBA(f SINBAFlow) ([]byte, error) {
	if err := refuse(f.ID, e.CheckSINBAFlow(f)); err != nil {
		return nil, err
	}
	doc := xmlFlussoSINBA{Identificazio: identificazione(f.ID, f.Ente)}
	for _, s := range f.Records {
		doc.SINBA = append(doc.SINBA, sinbaXML(s))
	}
	return marshal(doc)
}

// refuse turns error findings into one domain error listing their rule ids.
func refuse(id string, fs []Finding) error {
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Severity == SeverityError {
			seen[f.Rule] = true
		}
	}
	if len(seen) == 0 {
		return nil
	}
	rules := make([]string, 0, len(seen))
	for r := range seen {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	return csi.Errorf(csi.EINVALID, "flow %s breaks the SIUSS rules %s", id, strings.Join(rules, ", ")).
		WithHint("run the siuss checks on the flow's records and fix what they report")
}

func marshal(doc any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func identificazione(id string, e Ente) xmlIdentificazione {
	return xmlIdentificazione{Nome: id, Ente: xmlEnte{
		Codice: e.Codice, Denominazione: e.Denominazione, Indirizzo: e.SedeLegale,
		CFOperatore: strings.ToUpper(e.CFOperatore),
	}}
}
