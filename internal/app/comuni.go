package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.ComuneService = (*Services)(nil)

// stamp is the services' clock as an RFC 3339 UTC time, as the store keeps
// creation and revocation times.
func (s *Services) stamp() string { return s.Now().UTC().Format(time.RFC3339) }

// ListComuni lists the Comuni, optionally of one Ambito and one status, with
// the status in effect today.
func (s *Services) ListComuni(ctx context.Context, f csi.ComuneFilter) ([]csi.Comune, error) {
	st, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, err
	}
	ambito := ""
	if f.Ambito != "" {
		if ambito, err = csi.ResolveAmbito(st.Ambiti, f.Ambito); err != nil {
			return nil, err
		}
	}
	if f.Status != "" {
		if err := csi.ValidateStatus(f.Status); err != nil {
			return nil, err
		}
	}
	out := []csi.Comune{}
	for _, c := range st.On(s.today()) {
		if (ambito == "" || c.Ambito == ambito) && (f.Status == "" || c.Status == f.Status) {
			out = append(out, c)
		}
	}
	return out, nil
}

// FindComune returns a Comune as of today and its history.
func (s *Services) FindComune(ctx context.Context, ref string) (*csi.ComuneDetail, error) {
	c, err := s.st.ComuneOn(ctx, ref, s.today())
	if err != nil {
		return nil, err
	}
	h, err := s.st.ComuneHistory(ctx, c.Istat)
	if err != nil {
		return nil, err
	}
	return &csi.ComuneDetail{Comune: c, History: h}, nil
}

// changeComune runs plan on the Comune ref (as of today) in one
// transaction, after bringing the status column up to date.
func (s *Services) changeComune(ctx context.Context, ref string, plan func(store.ComuniTx, *store.ComuniState, csi.Comune) (csi.Comune, error)) (*csi.Comune, error) {
	var out csi.Comune
	err := s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if err := s.applyDue(ctx, tx, st); err != nil {
			return err
		}
		c, err := st.Resolve(ref, s.today())
		if err != nil {
			return err
		}
		out, err = plan(tx, st, c)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// applyDue brings the status column up to date with the changes whose date
// has come, so that what the store's own SQL reads of a Comune without a
// history agrees; every write to the Comuni runs it first. Readers do not
// rely on it: they read the timelines.
func (s *Services) applyDue(ctx context.Context, tx store.ComuniTx, st *store.ComuniState) error {
	today := s.today()
	for i, c := range st.Comuni {
		t, ok := st.Timelines[c.Istat]
		if !ok || t.StatusOn(today) == c.Status {
			continue
		}
		c.Status = t.StatusOn(today)
		if err := tx.SaveComune(ctx, c); err != nil {
			return err
		}
		st.Comuni[i] = c
	}
	return nil
}

// addHistory records a Comune event and the matching audit entry.
func (s *Services) addHistory(ctx context.Context, tx store.ComuniTx, c csi.Comune, date, event, detail string) error {
	e := csi.ComuneEvent{Date: date, Event: event, Detail: detail, Actor: csi.ActorFrom(ctx).Name, Created: s.stamp()}
	if err := tx.AddComuneEvent(ctx, c.Istat, e); err != nil {
		return err
	}
	return tx.AppendAudit(ctx, "comune "+c.Istat, fmt.Sprintf("%s %s: %s", c.Nome, event, detail))
}

// OnboardComune makes a Comune an active member of the shared CSI.
func (s *Services) OnboardComune(ctx context.Context, in csi.OnboardInput) (*csi.Comune, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	in.Date = s.orToday(in.Date)
	return s.changeComune(ctx, in.Comune, func(tx store.ComuniTx, _ *store.ComuniState, c csi.Comune) (csi.Comune, error) {
		return s.onboard(ctx, tx, c, in)
	})
}

// OnboardComuni onboards many Comuni in one transaction that reads the
// Comuni once, so that a file of a region's Comuni takes time in
// proportion to its rows. Each input is applied on its own: a failed one
// is reported in its result and does not stop the others.
func (s *Services) OnboardComuni(ctx context.Context, ins []csi.OnboardInput) ([]csi.OnboardResult, error) {
	out := make([]csi.OnboardResult, len(ins))
	err := s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if err := s.applyDue(ctx, tx, st); err != nil {
			return err
		}
		for i, in := range ins {
			c, err := s.onboardOne(ctx, tx, st, in)
			var de *csi.Error
			if errors.As(err, &de) {
				out[i].Error = de.Message
				continue
			}
			if err != nil {
				return err
			}
			out[i].Comune = &c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// onboardOne onboards one input of OnboardComuni, keeping st current
// for the inputs after it.
func (s *Services) onboardOne(ctx context.Context, tx store.ComuniTx, st *store.ComuniState, in csi.OnboardInput) (csi.Comune, error) {
	if err := in.Validate(); err != nil {
		return csi.Comune{}, err
	}
	in.Date = s.orToday(in.Date)
	c, err := st.Resolve(in.Comune, s.today())
	if err != nil {
		return c, err
	}
	if c, err = s.onboard(ctx, tx, c, in); err != nil {
		return c, err
	}
	t := append(st.Timelines[c.Istat], csi.StatusChange{Date: in.Date, Status: csi.StatusActive})
	csi.SortTimeline(t)
	st.Timelines[c.Istat] = t
	for i := range st.Comuni {
		if st.Comuni[i].Istat == c.Istat {
			st.Comuni[i] = c
		}
	}
	return c, nil
}

// orToday is day, or today when it is empty.
func (s *Services) orToday(day string) string {
	if day == "" {
		return s.today()
	}
	return day
}

// onboard makes c, as of today, an active member from in.Date.
func (s *Services) onboard(ctx context.Context, tx store.ComuniTx, c csi.Comune, in csi.OnboardInput) (csi.Comune, error) {
	if csi.IsMember(c.Status) {
		return c, csi.Errorf(csi.ECONFLICT, "%s (%s) is already onboarded since %s", c.Nome, c.Istat, c.OnboardedOn).
			WithHint("use 'csi comuni update %s' to change it", c.Istat)
	}
	c.Status, c.Anagrafe, c.OnboardedOn, c.OffboardedOn, c.Contact = csi.StatusActive, in.Anagrafe, in.Date, "", in.Contact
	if err := tx.SaveComune(ctx, c); err != nil {
		return c, err
	}
	return c, s.addHistory(ctx, tx, c, in.Date, "onboarded", "anagrafe "+in.Anagrafe)
}

// OffboardComune records that a Comune leaves the shared CSI on date: at
// once when the date is today or past, scheduled when it is later (the
// Comune stays a member until then).
func (s *Services) OffboardComune(ctx context.Context, ref, date string) (*csi.Comune, error) {
	if _, err := csi.ParseDay("--date", date); err != nil {
		return nil, err
	}
	return s.changeComune(ctx, ref, func(tx store.ComuniTx, _ *store.ComuniState, c csi.Comune) (csi.Comune, error) {
		c, err := csi.PlanOffboard(c, date, s.today())
		if err != nil {
			return c, err
		}
		if err := tx.SaveComune(ctx, c); err != nil {
			return c, err
		}
		return c, s.addHistory(ctx, tx, c, date, "offboarded", "left the shared CSI")
	})
}
