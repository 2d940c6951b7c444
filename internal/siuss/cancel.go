package siuss

import (
	"encoding/xml"

	"github.com/csi-mb/csi/internal/csi"
)

// CancelPS returns the cancellation of a PS flow INPS accepted: the same
// beneficiaries and prestazioni, each with TipoOperazione C, in a flow with
// a new id, from the same ente, sent by the operator cfOperatore. The
// records are taken from the accepted XML, not from the current data: a
// cancellation names what INPS holds, and the corrected record follows in
// a new flow.
func (c *Checker) CancelPS(accepted []byte, id, cfOperatore string) ([]byte, error) {
	var doc xmlFlussoPS
	if err := xml.Unmarshal(accepted, &doc); err != nil || doc.XMLName.Space != Namespace {
		return nil, csi.Errorf(csi.EINVALID, "the stored flow %s is not a PS-PSA-SINA flow", doc.Identificazio.Nome).
			WithHint("only PS flows can be cancelled; SINBA has no cancellation")
	}
	x := doc.Identificazio.Ente
	e := Ente{Codice: x.Codice, Denominazione: x.Denominazione, SedeLegale: x.Indirizzo, CFOperatore: cfOperatore}
	fs := c.flowID(id, e.Codice, TipoPS)
	fs = append(fs, c.Ente(e)...)
	if len(doc.Beneficiari) == 0 {
		fs = append(fs, newFinding("siuss-flusso-vuoto", KindFlusso, id, "Beneficiario", T("the flow has no beneficiary")))
	}
	if err := refuse(id, fs); err != nil {
		return nil, err
	}
	doc.Identificazio = identificazione(id, e)
	for i := range doc.Beneficiari {
		for j := range doc.Beneficiari[i].Prestazioni {
			doc.Beneficiari[i].Prestazioni[j].TipoOperazione = Cancellazione
		}
	}
	return marshal(doc)
}
