package httpapi

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// The process registers: a referent records and reads the events,
// channels and operator lists of their Ambito, an operator reads those of
// their Comune, a viewer none (the notes are free text).

// placeScope narrows a filter's Ambito and Comune to the caller's
// territory, refusing one outside it.
func (s *scoped) placeScope(ctx context.Context, ambito, comune *string) error {
	if *ambito != "" {
		if _, err := s.ambito(ctx, *ambito); err != nil {
			return err
		}
	}
	if *comune != "" {
		if _, err := s.comune(ctx, *comune); err != nil {
			return err
		}
	}
	switch s.p.Role {
	case csi.RoleReferent:
		if *comune == "" {
			*ambito = s.p.Ambito
		}
	case csi.RoleOperator:
		*ambito, *comune = "", s.p.Comune
	}
	return nil
}

// ownEvento refuses an event input that involves an Ambito or a Comune
// outside a referent's Ambito (line names the row of a file).
func (s *scoped) ownEvento(ctx context.Context, in *csi.EventoInput) error {
	if !s.is(csi.RoleReferent) {
		return nil
	}
	if len(in.Ambiti) == 0 && len(in.Comuni) == 0 {
		in.Ambiti = []string{s.p.Ambito}
	}
	where := ""
	if in.Line > 0 {
		where = fmt.Sprintf("line %d: ", in.Line)
	}
	for _, a := range in.Ambiti {
		if strings.EqualFold(strings.TrimSpace(a), csi.AllAmbiti) {
			return s.forbidden("%san event of every Ambito is the coordinator's to record", where)
		}
		if _, err := s.ambito(ctx, a); err != nil {
			return s.forbidden("%sAmbito %q is outside its scope", where, a)
		}
	}
	for _, c := range in.Comuni {
		if _, err := s.comune(ctx, c); err != nil {
			return s.forbidden("%sComune %q is outside its scope", where, c)
		}
	}
	return nil
}

// AddEvento records an event: a referent's involves only their Ambito.
func (s *scoped) AddEvento(ctx context.Context, in csi.EventoInput) (*csi.Evento, error) {
	if err := s.only("recording an event", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	if err := s.ownEvento(ctx, &in); err != nil {
		return nil, err
	}
	return writeOne(ctx, s, func() (*csi.Evento, error) { return s.inner.AddEvento(ctx, in) })
}

// ImportEventi records a file of events: a referent's involve only their Ambito.
func (s *scoped) ImportEventi(ctx context.Context, in csi.ImportEventiInput) (*csi.ImportEventiResult, error) {
	if err := s.only("importing events", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	in.Rows = slices.Clone(in.Rows)
	for i := range in.Rows {
		if err := s.ownEvento(ctx, &in.Rows[i]); err != nil {
			return nil, err
		}
	}
	return writeOne(ctx, s, func() (*csi.ImportEventiResult, error) { return s.inner.ImportEventi(ctx, in) })
}

// seesEvento says whether an event involves the caller's territory.
func (s *scoped) seesEvento(e csi.Evento) bool {
	switch s.p.Role {
	case csi.RoleCoordinator:
		return true
	case csi.RoleReferent:
		return slices.Contains(e.Ambiti, s.p.Ambito)
	case csi.RoleOperator:
		return slices.Contains(e.Comuni, s.p.Comune) || (len(e.Comuni) == 0 && slices.Contains(e.Ambiti, s.p.Ambito))
	}
	return false
}

// ListEventi lists the events of the caller's territory.
func (s *scoped) ListEventi(ctx context.Context, f csi.EventoFilter) ([]csi.Evento, error) {
	if err := s.only("reading the events", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	if err := s.placeScope(ctx, &f.Ambito, &f.Comune); err != nil {
		return nil, err
	}
	evs, err := s.inner.ListEventi(ctx, f)
	if err != nil {
		return nil, err
	}
	return filter(evs, s.seesEvento), nil
}

// FindEvento shows an event of the caller's territory.
func (s *scoped) FindEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	if err := s.only("reading the events", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	e, err := s.inner.FindEvento(ctx, id)
	if err != nil {
		return nil, err
	}
	if !s.seesEvento(*e) {
		return nil, s.forbidden("event %d is outside its scope", id)
	}
	return e, nil
}

// RemoveEvento removes an event: a referent only one of their Ambito alone.
func (s *scoped) RemoveEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	if err := s.only("removing an event", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent) {
		e, err := s.inner.FindEvento(ctx, id)
		if err != nil {
			return nil, err
		}
		if !slices.Equal(e.Ambiti, []string{s.p.Ambito}) {
			return nil, s.forbidden("event %d involves other Ambiti than %s", id, s.p.Ambito)
		}
	}
	return writeOne(ctx, s, func() (*csi.Evento, error) { return s.inner.RemoveEvento(ctx, id) })
}

// ImportOperatori replaces the operator list: a referent's, their Ambito's.
func (s *scoped) ImportOperatori(ctx context.Context, in csi.ImportOperatoriInput) (*csi.ImportOperatoriResult, error) {
	if err := s.only("importing the operator list", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent) {
		if in.Ambito != "" {
			if _, err := s.ambito(ctx, in.Ambito); err != nil {
				return nil, err
			}
		}
		in.Ambito = s.p.Ambito
	}
	return writeOne(ctx, s, func() (*csi.ImportOperatoriResult, error) { return s.inner.ImportOperatori(ctx, in) })
}

// ListOperatori lists the operator accounts of the caller's territory
// (pseudonymous, but staff data: the read is audited).
func (s *scoped) ListOperatori(ctx context.Context, f csi.OperatoreFilter) ([]csi.Operatore, error) {
	if err := s.only("reading the operator list", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	if err := s.placeScope(ctx, &f.Ambito, &f.Comune); err != nil {
		return nil, err
	}
	ops, err := s.inner.ListOperatori(ctx, f)
	if err != nil {
		return nil, err
	}
	if err := s.read(ctx, "operatori", fmt.Sprintf("read %d operator account(s)", len(ops))); err != nil {
		return nil, err
	}
	return ops, nil
}

// AddCanale opens a channel: a referent's is of their Ambito or one of its Comuni.
func (s *scoped) AddCanale(ctx context.Context, in csi.CanaleInput) (*csi.Canale, error) {
	if err := s.only("opening a channel", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent) {
		if in.Comune == "" && in.Ambito == "" {
			in.Ambito = s.p.Ambito
		}
		if err := s.placeScope(ctx, &in.Ambito, &in.Comune); err != nil {
			return nil, err
		}
		if in.Comune != "" {
			in.Ambito = ""
		}
	}
	return writeOne(ctx, s, func() (*csi.Canale, error) { return s.inner.AddCanale(ctx, in) })
}

// UpdateCanale records a channel's status: a referent only of their Ambito's.
func (s *scoped) UpdateCanale(ctx context.Context, in csi.CanaleUpdate) (*csi.Canale, error) {
	if err := s.only("changing a channel", csi.RoleCoordinator, csi.RoleReferent); err != nil {
		return nil, err
	}
	if s.is(csi.RoleReferent) {
		cs, err := s.inner.ListCanali(ctx, csi.CanaleFilter{})
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(cs, func(c csi.Canale) bool { return c.ID == in.ID })
		if i >= 0 && cs[i].Ambito != s.p.Ambito {
			return nil, s.forbidden("channel %d is not of the Ambito %s", in.ID, s.p.Ambito)
		}
	}
	return writeOne(ctx, s, func() (*csi.Canale, error) { return s.inner.UpdateCanale(ctx, in) })
}

// ListCanali lists the provincial channels and those of the caller's territory.
func (s *scoped) ListCanali(ctx context.Context, f csi.CanaleFilter) ([]csi.Canale, error) {
	if err := s.only("reading the channels", csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator); err != nil {
		return nil, err
	}
	if err := s.placeScope(ctx, &f.Ambito, &f.Comune); err != nil {
		return nil, err
	}
	return s.inner.ListCanali(ctx, f)
}
