package app

import (
	"context"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// WaaSEnte is an ente whose WaaS e-service csi serve hosts (csi.WaaSEnte).
type WaaSEnte = csi.WaaSEnte

// WaaSFonte is the source the register records for outcomes INPS posted.
const WaaSFonte = "waas"

// WaaSEnti resolves the enti csi serve --waas hosts: the Comuni refs name
// (ISTAT codes or names), or every Comune ever onboarded when refs is
// empty. A Comune never onboarded is refused: it has no flows to serve.
func (s *Services) WaaSEnti(ctx context.Context, refs []string) ([]WaaSEnte, error) {
	state, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, err
	}
	var out []WaaSEnte
	if len(refs) == 0 {
		for _, c := range state.Comuni {
			if c.OnboardedOn != "" {
				out = append(out, waasEnte(c))
			}
		}
		if len(out) == 0 {
			return nil, csi.Errorf(csi.EINVALID, "no Comune is onboarded: WaaS has no ente to serve").
				WithHint("onboard the Comuni first with 'csi comuni onboard', or name them with --waas-ente")
		}
		return out, nil
	}
	seen := map[string]bool{}
	for _, ref := range refs {
		c, err := csi.ResolveComune(state.Comuni, ref)
		if err != nil {
			return nil, err
		}
		if c.OnboardedOn == "" {
			return nil, csi.Errorf(csi.EINVALID, "--waas-ente %s: %s is not onboarded", ref, c.Nome).
				WithHint("onboard it with 'csi comuni onboard' before publishing its e-service")
		}
		if !seen[c.Istat] {
			seen[c.Istat] = true
			out = append(out, waasEnte(c))
		}
	}
	return out, nil
}

func waasEnte(c csi.Comune) WaaSEnte {
	return WaaSEnte{Istat: c.Istat, Belfiore: c.Belfiore, Denominazione: "Comune di " + c.Nome}
}

// siussReader is the read of FlowsAfter outside a write transaction, which
// both engines offer (internal/sqlite/waas.go, internal/postgres/waas.go).
type siussReader interface {
	SiussFlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error)
}

// AcquireWaaSFlows is AcquireSiussFlows for GET /flussi under load: it
// reads the page without taking the register's write lock (one SELECT is
// one consistent snapshot on both engines), and only when a flow of it is
// still ready does it write: one UPDATE of the page's ready flows (those
// still ready when it runs) and one audit entry for the page, in a short
// transaction. The page read stays the answer: a flow exported later has
// a later timestamp than every flow committed before it (the register's
// clock is taken under its lock), so no flow can appear inside the page
// after it was read. A page INPS already acquired (a poller that starts
// over, several pollers) costs no write.
func (s *Services) AcquireWaaSFlows(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	r, ok := s.st.(siussReader)
	if !ok {
		return s.AcquireSiussFlows(ctx, ente, since, limit)
	}
	flows, err := r.SiussFlowsAfter(ctx, ente, since, limit)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, f := range flows {
		if f.Stato == store.StatoReady {
			ids = append(ids, f.ID)
		}
	}
	if len(ids) == 0 {
		return flows, nil
	}
	err = s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		n, err := tx.MarkAcquired(ctx, ids, s.Now().UTC().Format(time.RFC3339))
		if err != nil || n == 0 {
			return err
		}
		return tx.AppendAudit(ctx, "siuss ente "+ente, fmt.Sprintf("%d flows acquired by INPS", n))
	})
	if err != nil {
		return nil, err
	}
	return flows, nil
}

// RecordWaaSEsiti records the outcomes INPS posted to the e-service of the
// ente belfiore, as RecordSiussEsiti does for a file: once each, in one
// transaction of a few statements (recordEsiti). An outcome of a flow of
// another ente is not applied to it: it is logged as an outcome of a flow
// the ente does not know, so that one ente's voucher never changes
// another's register.
func (s *Services) RecordWaaSEsiti(ctx context.Context, belfiore string, in []SiussEsitoInput) (*SiussEsitiResult, error) {
	res := &SiussEsitiResult{File: WaaSFonte, Esiti: len(in), Sconosciuti: []string{}, PerEsito: map[string]int{}}
	for _, e := range in {
		if err := checkEsito(WaaSFonte, e); err != nil {
			return nil, err
		}
	}
	at := s.Now().UTC().Format("2006-01-02T15:04:05Z07:00")
	err := s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		return recordEsiti(ctx, tx, belfiore+".", WaaSFonte, at, in, res)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// AuditWaaSRefusal records in the audit log that a call to an ente's
// e-service was refused (a bad voucher, or an address outside the allowed
// ranges): the check that failed and the status, never the voucher; or,
// with r.More, that many more refusals of the same source and reason
// within r.Window (httpapi audits a flood of them once a window).
func (s *Services) AuditWaaSRefusal(ctx context.Context, r csi.WaaSRefusal) error {
	summary := fmt.Sprintf("%s refused %d: %s", r.Route, r.Status, r.Check)
	if r.More > 0 {
		from := "from this address"
		if r.Source == "" {
			from = "from addresses past the tracked ones"
		}
		summary += fmt.Sprintf(": %d more refused %s within %s after the entry before (one entry per source and reason per window)", r.More, from, r.Window)
	}
	return s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		return tx.AppendAudit(ctx, "waas ente "+r.Belfiore, summary)
	})
}
