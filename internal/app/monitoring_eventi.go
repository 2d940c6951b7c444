package app

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.MonitoringService = (*Services)(nil)

// AddEvento records one event.
func (s *Services) AddEvento(ctx context.Context, in csi.EventoInput) (*csi.Evento, error) {
	res, added, err := s.importEventi(ctx, csi.ImportEventiInput{Rows: []csi.EventoInput{in}})
	switch {
	case err != nil:
		return nil, err
	case len(res.Rejects) > 0:
		r := res.Rejects[0]
		flag := "--" + r.Field
		if slices.Contains(csi.RuoliPartecipanti, r.Field) {
			flag = "--ruolo " + r.Field
		}
		return nil, csi.Errorf(csi.EINVALID, "%s: %s", flag, r.Reason).WithHint("see 'csi eventi add --help'")
	case len(added) == 0:
		return nil, csi.Errorf(csi.ECONFLICT, "the same event is already recorded").
			WithHint("run 'csi eventi list' to see it; give a --titolo to tell two events of the same day apart")
	}
	return &added[0], nil
}

// ImportEventi records a file of events, all or none: when any row is
// rejected nothing is written. A row equal to a recorded event is
// unchanged, so the same file imported twice is a no-op.
func (s *Services) ImportEventi(ctx context.Context, in csi.ImportEventiInput) (*csi.ImportEventiResult, error) {
	res, _, err := s.importEventi(ctx, in)
	return res, err
}

// importEventi is ImportEventi, returning the events it added with their ids.
func (s *Services) importEventi(ctx context.Context, in csi.ImportEventiInput) (*csi.ImportEventiResult, []csi.Evento, error) {
	var added []csi.Evento
	res := &csi.ImportEventiResult{File: in.File, Rejects: []csi.AddReject{}, DryRun: in.DryRun}
	err := s.st.ChangeMonitoring(ctx, func(tx store.MonitoringTx) error {
		st, err := tx.ComuniState(ctx)
		if err != nil {
			return err
		}
		stored, err := tx.Eventi(ctx)
		if err != nil {
			return err
		}
		p := &eventPlan{st: st, stored: stored, seen: map[string]int{}, rejects: []csi.AddReject{}}
		for _, row := range in.Rows {
			p.row(row)
		}
		res.Added, res.Unchanged, res.Rejects = len(p.add), p.unchanged, p.rejects
		if in.DryRun || len(p.rejects) > 0 || len(p.add) == 0 {
			return nil
		}
		added = p.add
		return writeEventi(ctx, tx, p.add, in.File)
	})
	if err != nil {
		return nil, nil, err
	}
	return res, added, nil
}

func writeEventi(ctx context.Context, tx store.MonitoringTx, add []csi.Evento, file string) error {
	for i := range add {
		id, err := tx.InsertEvento(ctx, add[i])
		if err != nil {
			return err
		}
		add[i].ID = id
	}
	first, last := add[0].ID, add[len(add)-1].ID
	summary := fmt.Sprintf("evento %d added: %s on %s", first, add[0].Tipo, add[0].Data)
	if file != "" || len(add) > 1 {
		// A file's events are audited in one entry.
		summary = fmt.Sprintf("%s: added %d events (ids %d-%d)", file, len(add), first, last)
	}
	return tx.AppendAudit(ctx, "eventi", summary)
}

// eventPlan checks the rows of an events import.
type eventPlan struct {
	st        *store.ComuniState
	stored    []csi.Evento
	seen      map[string]int // the row's event, as text → line
	add       []csi.Evento
	unchanged int
	rejects   []csi.AddReject
}

func (p *eventPlan) reject(line int, field, format string, args ...any) {
	p.rejects = append(p.rejects, csi.AddReject{Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// row checks one row and plans it: added, unchanged or rejected.
func (p *eventPlan) row(in csi.EventoInput) {
	e, ok := p.check(in)
	if !ok {
		return
	}
	key := fmt.Sprintf("%v", e)
	if line, dup := p.seen[key]; dup {
		p.reject(in.Line, "data", "the same event as line %d", line)
		return
	}
	p.seen[key] = in.Line
	for _, old := range p.stored {
		old.ID = 0
		if reflect.DeepEqual(old, e) {
			p.unchanged++
			return
		}
	}
	p.add = append(p.add, e)
}

// check turns a row into an event, rejecting the first bad field.
func (p *eventPlan) check(in csi.EventoInput) (csi.Evento, bool) {
	e := csi.Evento{Titolo: clean(in.Titolo), Note: strings.TrimSpace(in.Note), Accreditamento: clean(in.Accreditamento),
		PerRuolo: map[string]int{}}
	e.Tipo = strings.ToLower(clean(in.Tipo))
	if !slices.Contains(csi.EventoTipi, e.Tipo) {
		p.reject(in.Line, "tipo", "%q is not an event type (%s)", in.Tipo, strings.Join(csi.EventoTipi, ", "))
		return e, false
	}
	d, err := dialect.ParseDate(in.Data)
	if err != nil {
		p.reject(in.Line, "data", "%q is not a date (YYYY-MM-DD or DD/MM/YYYY)", in.Data)
		return e, false
	}
	e.Data = d
	if !p.places(in, &e) || !p.participants(in, &e) {
		return e, false
	}
	if e.Accreditamento != "" && e.Tipo != csi.EventoCorsoAssistenti {
		p.reject(in.Line, "accreditamento", "only a %s has the Ordine's accreditation id", csi.EventoCorsoAssistenti)
		return e, false
	}
	return e, true
}

// clean trims s and folds its runs of spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// places resolves the Ambiti and Comuni of a row: a Comune brings its
// Ambito, "tutti" stands for every Ambito.
func (p *eventPlan) places(in csi.EventoInput, e *csi.Evento) bool {
	ambiti := map[string]bool{}
	for _, ref := range in.Ambiti {
		ref = clean(ref)
		switch {
		case ref == "":
		case strings.EqualFold(ref, csi.AllAmbiti):
			for _, a := range p.st.Ambiti {
				ambiti[a] = true
			}
		default:
			a, err := csi.ResolveAmbito(p.st.Ambiti, ref)
			if err != nil {
				p.reject(in.Line, "ambito", "%s", csi.ErrorMessage(err))
				return false
			}
			ambiti[a] = true
		}
	}
	e.Comuni = []string{}
	for _, ref := range in.Comuni {
		if clean(ref) == "" {
			continue
		}
		c, err := csi.ResolveComune(p.st.Comuni, clean(ref))
		if err != nil {
			p.reject(in.Line, "comune", "%s", csi.ErrorMessage(err))
			return false
		}
		if !slices.Contains(e.Comuni, c.Istat) {
			e.Comuni = append(e.Comuni, c.Istat)
		}
		ambiti[c.Ambito] = true
	}
	slices.Sort(e.Comuni)
	e.Ambiti = []string{}
	for a := range ambiti {
		e.Ambiti = append(e.Ambiti, a)
	}
	slices.Sort(e.Ambiti)
	if len(e.Ambiti) == 0 {
		p.reject(in.Line, "ambito", "empty: give the Ambiti or the Comuni involved (%q for all the Ambiti)", csi.AllAmbiti)
		return false
	}
	return true
}

// participants reads the total and the counts by role; an empty total is
// the sum of the roles.
func (p *eventPlan) participants(in csi.EventoInput, e *csi.Evento) bool {
	sum := 0
	for role, v := range in.PerRuolo {
		if !slices.Contains(csi.RuoliPartecipanti, role) {
			p.reject(in.Line, "ruolo", "%q is not a participant role (%s)", role, strings.Join(csi.RuoliPartecipanti, ", "))
			return false
		}
		if strings.TrimSpace(v) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			p.reject(in.Line, role, "%q is not a number of participants (a whole number, 0 or more)", v)
			return false
		}
		e.PerRuolo[role] = n
		sum += n
	}
	if strings.TrimSpace(in.Partecipanti) == "" {
		e.Partecipanti = sum
		return true
	}
	n, err := strconv.Atoi(strings.TrimSpace(in.Partecipanti))
	switch {
	case err != nil || n < 0:
		p.reject(in.Line, "partecipanti", "%q is not a number of participants (a whole number, 0 or more)", in.Partecipanti)
		return false
	case n < sum:
		p.reject(in.Line, "partecipanti", "%d is less than the %d participants counted by role", n, sum)
		return false
	}
	e.Partecipanti = n
	return true
}

// ListEventi returns the events f selects, by date.
func (s *Services) ListEventi(ctx context.Context, f csi.EventoFilter) ([]csi.Evento, error) {
	keep, err := s.eventoFilter(ctx, f)
	if err != nil {
		return nil, err
	}
	evs, err := s.st.LoadEventi(ctx)
	if err != nil {
		return nil, err
	}
	out := []csi.Evento{}
	for _, e := range evs {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out, nil
}

// eventoFilter checks f and returns the test of an event against it.
func (s *Services) eventoFilter(ctx context.Context, f csi.EventoFilter) (func(csi.Evento) bool, error) {
	if f.Tipo != "" && !slices.Contains(csi.EventoTipi, f.Tipo) {
		return nil, csi.Errorf(csi.EINVALID, "--tipo %q is not an event type", f.Tipo).WithHint("use one of %s", strings.Join(csi.EventoTipi, ", "))
	}
	for name, d := range map[string]string{"--from": f.From, "--to": f.To} {
		if d != "" {
			if _, err := csi.ParseDay(name, d); err != nil {
				return nil, err
			}
		}
	}
	st, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, err
	}
	in, err := placeFilter(st, f.Ambito, f.Comune)
	if err != nil {
		return nil, err
	}
	return func(e csi.Evento) bool {
		return (f.Tipo == "" || e.Tipo == f.Tipo) && (f.From == "" || e.Data >= f.From) &&
			(f.To == "" || e.Data <= f.To) && in(e.Ambiti, e.Comuni)
	}, nil
}

// placeFilter resolves an Ambito or a Comune and returns whether an
// event's Ambiti and Comuni involve it: an event of a Comune's Ambito that
// names no Comune involves each of its Comuni.
func placeFilter(st *store.ComuniState, ambito, comune string) (func(ambiti, comuni []string) bool, error) {
	switch {
	case comune != "":
		c, err := csi.ResolveComune(st.Comuni, comune)
		if err != nil {
			return nil, err
		}
		return func(ambiti, comuni []string) bool {
			return slices.Contains(comuni, c.Istat) || (len(comuni) == 0 && slices.Contains(ambiti, c.Ambito))
		}, nil
	case ambito != "":
		a, err := csi.ResolveAmbito(st.Ambiti, ambito)
		if err != nil {
			return nil, err
		}
		return func(ambiti, _ []string) bool { return slices.Contains(ambiti, a) }, nil
	}
	return func([]string, []string) bool { return true }, nil
}

// FindEvento returns event id.
func (s *Services) FindEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	evs, err := s.st.LoadEventi(ctx)
	if err != nil {
		return nil, err
	}
	return findEvento(evs, id)
}

func findEvento(evs []csi.Evento, id int64) (*csi.Evento, error) {
	for _, e := range evs {
		if e.ID == id {
			return &e, nil
		}
	}
	return nil, csi.Errorf(csi.ENOTFOUND, "no event %s", fmt.Sprint(id)).WithHint("run 'csi eventi list' to see the events and their ids")
}

// RemoveEvento removes event id (recorded by mistake) and returns it.
func (s *Services) RemoveEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	var out *csi.Evento
	err := s.st.ChangeMonitoring(ctx, func(tx store.MonitoringTx) error {
		evs, err := tx.Eventi(ctx)
		if err != nil {
			return err
		}
		if out, err = findEvento(evs, id); err != nil {
			return err
		}
		if err := tx.DeleteEvento(ctx, id); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, "eventi", fmt.Sprintf("evento %d removed: %s on %s", id, out.Tipo, out.Data))
	})
	return out, err
}
