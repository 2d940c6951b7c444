package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

// AnnullaSiussFlow produces the cancellation of a PS flow INPS accepted:
// a new flow, in the same mode and from the same ente, carrying the same
// records with TipoOperazione C, sent by the operator cfOperatore. It is
// recorded (state ready) with an audit entry, and sink gets its XML inside
// the transaction. Once INPS accepts the cancellation, the next export
// sends the records again as they are now.
func (s *Services) AnnullaSiussFlow(ctx context.Context, id, cfOperatore string, sink SiussFlowSink) (*SiussExported, error) {
	if strings.TrimSpace(cfOperatore) == "" {
		return nil, csi.Errorf(csi.EINVALID, "the operator's codice fiscale is missing").
			WithHint("give --operatore CF or set CSI_OPERATORE: SIUSS needs who sends the flows")
	}
	codes, err := siuss.BuiltinCodes()
	if err != nil {
		return nil, err
	}
	enc := siuss.NewEncoder(codes)
	var out *SiussExported
	err = s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error {
		if err := tx.LockRegister(ctx); err != nil {
			return err
		}
		f, err := cancellable(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.Now()
		counter, err := tx.NextCounters(ctx, f.Ente, f.Tipo, csi.Day(now), 1)
		if err != nil {
			return err
		}
		newID, err := siuss.FlowID(f.Ente, siuss.TipoPS, now, counter)
		if err != nil {
			return err
		}
		data, err := enc.CancelPS(f.XML, newID, strings.ToUpper(strings.TrimSpace(cfOperatore)))
		if err != nil {
			return err
		}
		ts, err := tx.NextTimestamps(ctx, now.UnixMilli(), 1)
		if err != nil {
			return err
		}
		if sink != nil {
			if err := sink.WriteFlow(newID, data); err != nil {
				return err
			}
			if err := flushSink(sink); err != nil {
				return err
			}
		}
		sum := sha256.Sum256(data)
		c := store.SiussFlow{ID: newID, Tipo: f.Tipo, Mode: f.Mode, Operazione: siuss.Cancellazione, Annulla: f.ID,
			Ente: f.Ente, Comune: f.Comune, TS: ts, Day: csi.Day(now), Counter: counter, SHA256: hex.EncodeToString(sum[:]),
			XML: data, Items: f.Items, From: f.From, To: f.To, CreatedAt: now.UTC().Format(time.RFC3339), Actor: csi.ActorFrom(ctx).Name}
		if err := tx.InsertFlows(ctx, []store.SiussFlow{c}); err != nil {
			return err
		}
		out = &SiussExported{ID: newID, Comune: f.Comune, Ente: f.Ente, TS: ts, SHA256: c.SHA256, Voci: itemLabels(f.Items)}
		return tx.AppendAudit(ctx, "siuss flusso "+f.ID, fmt.Sprintf("cancelled by flow %s (%d records)", newID, len(f.Items)))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// cancellable returns flow id when it can be cancelled: an accepted PS
// insertion whose records no later flow carries.
func cancellable(ctx context.Context, tx store.SiussTx, id string) (*store.SiussFlow, error) {
	f, err := tx.Flow(ctx, id)
	switch {
	case err != nil:
		return nil, err
	case f == nil:
		return nil, noFlow(id)
	case f.Tipo != string(siuss.TipoPS):
		return nil, csi.Errorf(csi.EINVALID, "%s is a SINBA flow: SIUSS has no cancellation of SINBA records", id).
			WithHint("a wrong SINBA record is corrected by sending it again; ask INPS how in doubt")
	case f.Operazione == siuss.Cancellazione:
		return nil, csi.Errorf(csi.EINVALID, "%s is itself a cancellation", id).
			WithHint("cancel the accepted flow that carried the records; 'csi siuss flussi show %s' names it", id)
	case f.Stato != store.EsitoOK:
		return nil, csi.Errorf(csi.ECONFLICT, "%s is %s, not accepted (OK): there is nothing at INPS to cancel", id, f.Stato).
			WithHint("%s", notAcceptedHint(f.Stato))
	}
	carried, err := tx.CarriedItems(ctx, f.Tipo, []string{f.Comune})
	if err != nil {
		return nil, err
	}
	for _, it := range f.Items {
		if c, ok := carried[it.SiussItemKey]; ok && c.Flow != f.ID {
			return nil, csi.Errorf(csi.ECONFLICT, "a later flow, %s (%s %s), carries the records of %s", c.Flow, c.Operazione, c.Stato, id).
				WithHint("see 'csi siuss flussi show %s'; a cancellation already sent needs INPS's outcome first", c.Flow)
		}
	}
	return f, nil
}

func notAcceptedHint(stato string) string {
	if pending(stato) {
		return "wait for INPS's outcome ('csi siuss esiti import FILE' records an upload's outcomes)"
	}
	return "INPS refused the flow: correct the records and export again, they go in a new flow"
}

func itemLabels(items []store.SiussItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = candidate{key: it.SiussItemKey}.label()
	}
	return out
}
