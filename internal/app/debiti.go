package app

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/debiti"
	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
)

// comuneCol is the position of an intervento's Comune in its values.
var comuneCol = records.Interventi.Index("comune")

// DebitiRequest asks for a regional report (Misura B2, Dopo di Noi) of an
// Ambito's (or one Comune's) interventi in a period.
type DebitiRequest struct {
	Definition *debiti.Definition
	Scope      csi.ValidateScope
	From, To   string // YYYY-MM-DD, inclusive
}

// DebitiReport is a filled regional report and the scope it covers.
type DebitiReport struct {
	*debiti.Report
	Scope string
}

// DebitiReport fills a report from the store: the interventi of the
// scope's Comuni in the period (a periodic one when its months overlap it,
// a one-off one when it was delivered in it, as the SIUSS flows read
// them), each with its beneficiary as the registry knew them on the
// benefit's date, one row per beneficiary and measure. The report holds
// personal data, so each run goes into the audit log (without any of it).
func (s *Services) DebitiReport(ctx context.Context, req DebitiRequest) (*DebitiReport, error) {
	if req.Definition == nil {
		return nil, csi.Errorf(csi.EINTERNAL, "debiti report without a definition")
	}
	places, ambiti, err := s.st.ValidationPlaces(ctx)
	if err != nil {
		return nil, err
	}
	comuni, scope, err := resolveScope(places, ambiti, req.Scope)
	if err != nil {
		return nil, err
	}
	ambitoOf := make(map[string]string, len(places))
	for _, p := range places {
		ambitoOf[p.Istat] = p.Ambito
	}
	def := req.Definition
	b := debiti.NewBuilder(def, req.From, req.To)
	if len(comuni) > 0 {
		q := store.SiussQuery{Comuni: comuni, From: req.From, To: req.To}
		err = s.st.EachSiussIntervento(ctx, q, func(r store.SiussInterventoRow) error {
			x := debiti.Intervento{Values: r.Values, CodiceFiscale: r.CodiceFiscale, Area: r.Area, SINA: r.SINA}
			c, _ := r.Values[comuneCol].(string)
			x.Ambito = ambitoOf[c]
			if p := r.Person; p != nil {
				x.Person = &debiti.Person{Cognome: p.Cognome, Nome: p.Nome, Sesso: p.Sesso, DataNascita: p.DataNascita,
					LuogoNascita: p.LuogoNascita, Cittadinanza: p.Cittadinanza, Comune: p.Comune}
			}
			b.Add(x)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	rep := &DebitiReport{Report: b.Report(), Scope: scope}
	provisional := ""
	if def.Provisional {
		provisional = " (provisional)"
	}
	summary := fmt.Sprintf("debiti report %s %s%s, %s..%s: %d rows", def.Name, def.Version, provisional, req.From, req.To, len(rep.Rows))
	if err := s.st.AppendAudit(ctx, "debiti "+scope, summary); err != nil {
		return nil, err
	}
	return rep, nil
}
