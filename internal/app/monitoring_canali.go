package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// AddCanale opens an interoperability channel with its first status.
func (s *Services) AddCanale(ctx context.Context, in csi.CanaleInput) (*csi.Canale, error) {
	c := csi.Canale{Controparte: strings.ToLower(clean(in.Controparte)), Descrizione: clean(in.Descrizione), Note: strings.TrimSpace(in.Note)}
	if !slices.Contains(csi.Controparti, c.Controparte) {
		return nil, csi.Errorf(csi.EINVALID, "--controparte %q is not a counterpart", in.Controparte).
			WithHint("use one of %s", strings.Join(csi.Controparti, ", "))
	}
	first, err := s.canaleStato(in.Stato, in.Data, "")
	if err != nil {
		return nil, err
	}
	c.Storia = []csi.CanaleStato{first}
	c.Stato, c.Dal = first.Stato, first.Data
	err = s.st.ChangeMonitoring(ctx, func(tx store.MonitoringTx) error {
		if err := canalePlace(ctx, tx, &c, in); err != nil {
			return err
		}
		all, err := tx.Canali(ctx)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Controparte == c.Controparte && o.Ambito == c.Ambito && o.Comune == c.Comune && o.Descrizione == c.Descrizione {
				return csi.Errorf(csi.ECONFLICT, "channel %s already records %s for %s", fmt.Sprint(o.ID), o.Controparte, territorio(o)).
					WithHint("record its new status with 'csi canali update %s --stato STATO', or give another --descrizione", fmt.Sprint(o.ID))
			}
		}
		if c.ID, err = tx.InsertCanale(ctx, c); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, fmt.Sprintf("canale %d", c.ID),
			fmt.Sprintf("channel %d opened: %s for %s, %s from %s", c.ID, c.Controparte, territorio(c), c.Stato, c.Dal))
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// territorio names a channel's territory: a Comune, an Ambito or the province.
func territorio(c csi.Canale) string {
	switch {
	case c.Comune != "":
		return "Comune " + c.Comune
	case c.Ambito != "":
		return "Ambito " + c.Ambito
	}
	return "provincia"
}

// canalePlace resolves the channel's Ambito or Comune (a Comune brings its Ambito).
func canalePlace(ctx context.Context, tx store.MonitoringTx, c *csi.Canale, in csi.CanaleInput) error {
	if in.Ambito == "" && in.Comune == "" {
		return nil
	}
	if in.Ambito != "" && in.Comune != "" {
		return csi.Errorf(csi.EINVALID, "give --ambito or --comune, not both").WithHint("a Comune already implies its Ambito")
	}
	st, err := tx.ComuniState(ctx)
	if err != nil {
		return err
	}
	if in.Comune != "" {
		cm, err := csi.ResolveComune(st.Comuni, in.Comune)
		if err != nil {
			return err
		}
		c.Comune, c.Ambito = cm.Istat, cm.Ambito
		return nil
	}
	c.Ambito, err = csi.ResolveAmbito(st.Ambiti, in.Ambito)
	return err
}

// canaleStato checks a status and its date (default today), which may not
// come before after.
func (s *Services) canaleStato(stato, data, after string) (csi.CanaleStato, error) {
	st := csi.CanaleStato{Stato: strings.ToLower(strings.TrimSpace(stato)), Data: strings.TrimSpace(data)}
	if st.Stato == "" {
		st.Stato = csi.CanaleRichiesto
	}
	if !slices.Contains(csi.CanaleStati, st.Stato) {
		return st, csi.Errorf(csi.EINVALID, "--stato %q is not a channel status", stato).
			WithHint("use one of %s", strings.Join(csi.CanaleStati, ", "))
	}
	if st.Data == "" {
		st.Data = s.today()
	}
	if _, err := csi.ParseDay("--data", st.Data); err != nil {
		return st, err
	}
	if st.Data < after {
		return st, csi.Errorf(csi.EINVALID, "--data %s comes before the channel's current status (since %s)", st.Data, after).
			WithHint("statuses are recorded in date order: give a date from %s", after)
	}
	return st, nil
}

// UpdateCanale records a channel's new status, or changes its notes.
func (s *Services) UpdateCanale(ctx context.Context, in csi.CanaleUpdate) (*csi.Canale, error) {
	var out csi.Canale
	err := s.st.ChangeMonitoring(ctx, func(tx store.MonitoringTx) error {
		all, err := tx.Canali(ctx)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(c csi.Canale) bool { return c.ID == in.ID })
		if i < 0 {
			return csi.Errorf(csi.ENOTFOUND, "no channel %s", fmt.Sprint(in.ID)).WithHint("run 'csi canali list' to see the channels and their ids")
		}
		out = all[i]
		if in.Stato == "" {
			out.Note = strings.TrimSpace(in.Note)
			if err := tx.SetCanaleNote(ctx, in.ID, out.Note); err != nil {
				return err
			}
			return tx.AppendAudit(ctx, fmt.Sprintf("canale %d", in.ID), fmt.Sprintf("channel %d: notes changed", in.ID))
		}
		return s.addCanaleStato(ctx, tx, &out, in)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

func (s *Services) addCanaleStato(ctx context.Context, tx store.MonitoringTx, c *csi.Canale, in csi.CanaleUpdate) error {
	st, err := s.canaleStato(in.Stato, in.Data, c.Dal)
	if err != nil {
		return err
	}
	if st.Stato == c.Stato {
		return csi.Errorf(csi.ECONFLICT, "channel %s is already %s (since %s)", fmt.Sprint(c.ID), c.Stato, c.Dal).
			WithHint("give another --stato, or only --note to change its notes")
	}
	st.Note = strings.TrimSpace(in.Note)
	if err := tx.AddCanaleStato(ctx, c.ID, st); err != nil {
		return err
	}
	c.Storia = append(c.Storia, st)
	c.Stato, c.Dal = st.Stato, st.Data
	return tx.AppendAudit(ctx, fmt.Sprintf("canale %d", c.ID), fmt.Sprintf("channel %d: %s from %s", c.ID, st.Stato, st.Data))
}

// ListCanali returns the channels f selects: with an Ambito or a Comune,
// those of its territory and the provincial ones.
func (s *Services) ListCanali(ctx context.Context, f csi.CanaleFilter) ([]csi.Canale, error) {
	if f.Stato != "" && !slices.Contains(csi.CanaleStati, f.Stato) {
		return nil, csi.Errorf(csi.EINVALID, "--stato %q is not a channel status", f.Stato).WithHint("use one of %s", strings.Join(csi.CanaleStati, ", "))
	}
	if f.Controparte != "" && !slices.Contains(csi.Controparti, f.Controparte) {
		return nil, csi.Errorf(csi.EINVALID, "--controparte %q is not a counterpart", f.Controparte).WithHint("use one of %s", strings.Join(csi.Controparti, ", "))
	}
	st, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, err
	}
	in, err := canaleFilter(st, f.Ambito, f.Comune)
	if err != nil {
		return nil, err
	}
	all, err := s.st.LoadCanali(ctx)
	if err != nil {
		return nil, err
	}
	out := []csi.Canale{}
	for _, c := range all {
		if in(c) && (f.Stato == "" || c.Stato == f.Stato) && (f.Controparte == "" || c.Controparte == f.Controparte) {
			out = append(out, c)
		}
	}
	return out, nil
}

// canaleFilter resolves an Ambito or a Comune and returns whether a
// channel serves it: a provincial one, one of its Ambito, or its own.
func canaleFilter(st *store.ComuniState, ambito, comune string) (func(csi.Canale) bool, error) {
	switch {
	case comune != "":
		cm, err := csi.ResolveComune(st.Comuni, comune)
		if err != nil {
			return nil, err
		}
		return func(c csi.Canale) bool {
			return c.Ambito == "" || (c.Ambito == cm.Ambito && (c.Comune == "" || c.Comune == cm.Istat))
		}, nil
	case ambito != "":
		a, err := csi.ResolveAmbito(st.Ambiti, ambito)
		if err != nil {
			return nil, err
		}
		return func(c csi.Canale) bool { return c.Ambito == "" || c.Ambito == a }, nil
	}
	return func(csi.Canale) bool { return true }, nil
}
