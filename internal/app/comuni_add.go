package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/refdata"
	"github.com/csi-mb/csi/internal/store"
)

// nationalComuni indexes the embedded national table by ISTAT code.
var nationalComuni = sync.OnceValues(func() (map[string]refdata.ComuneIT, error) {
	it, err := refdata.ComuniItalia()
	if err != nil {
		return nil, err
	}
	out := make(map[string]refdata.ComuneIT, len(it))
	for _, c := range it {
		out[c.Istat] = c
	}
	return out, nil
})

// AddComuni registers Comuni of any Italian province in the catalogue,
// not onboarded, with the name and Belfiore code of the national table,
// creating each Ambito named for the first time. The whole input is one
// transaction: when any row is rejected nothing is written. A row that
// matches what is stored is unchanged; a run that adds nothing writes
// nothing, not even its audit entry.
func (s *Services) AddComuni(ctx context.Context, in csi.AddComuniInput) (*csi.AddComuniResult, error) {
	national, err := nationalComuni()
	if err != nil {
		return nil, err
	}
	res := &csi.AddComuniResult{File: in.File, AmbitiCreated: []string{}, Rejects: []csi.AddReject{}, DryRun: in.DryRun}
	err = s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if err := s.applyDue(ctx, tx, st); err != nil {
			return err
		}
		p := newAddPlan(st, national)
		for _, row := range in.Rows {
			p.row(row)
		}
		res.Added, res.Unchanged, res.AmbitiCreated, res.Rejects = len(p.add), p.unchanged, p.newAmbiti, p.rejects
		if in.DryRun || len(p.rejects) > 0 || len(p.add) == 0 {
			return nil
		}
		return s.writeAdd(ctx, tx, p, in.File)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// writeAdd stores the new Ambiti and Comuni of p and the run's audit entry.
func (s *Services) writeAdd(ctx context.Context, tx store.ComuniTx, p *addPlan, file string) error {
	for _, a := range p.newAmbiti {
		if err := tx.InsertAmbito(ctx, a); err != nil {
			return err
		}
	}
	for _, c := range p.add {
		if err := tx.InsertComune(ctx, c); err != nil {
			return err
		}
	}
	summary := fmt.Sprintf("added %d Comuni (%d unchanged)", len(p.add), p.unchanged)
	if file != "" {
		summary = file + ": " + summary
	}
	if len(p.newAmbiti) > 0 {
		summary += fmt.Sprintf("; new Ambiti: %s", strings.Join(p.newAmbiti, ", "))
	}
	return tx.AppendAudit(ctx, "comuni", summary)
}

// addPlan checks the rows of an AddComuni against the catalogue.
type addPlan struct {
	national  map[string]refdata.ComuneIT
	stored    map[string]csi.Comune
	ambiti    map[string]string // folded name → name, stored or new
	seen      map[string]int    // ISTAT code → line, in this input
	add       []csi.Comune
	newAmbiti []string
	unchanged int
	rejects   []csi.AddReject
}

func newAddPlan(st *store.ComuniState, national map[string]refdata.ComuneIT) *addPlan {
	p := &addPlan{national: national, stored: map[string]csi.Comune{}, ambiti: map[string]string{},
		seen: map[string]int{}, newAmbiti: []string{}, rejects: []csi.AddReject{}}
	for _, c := range st.Comuni {
		p.stored[c.Istat] = c
	}
	for _, a := range st.Ambiti {
		p.ambiti[csi.FoldName(a)] = a
	}
	return p
}

func (p *addPlan) reject(line int, field, format string, args ...any) {
	p.rejects = append(p.rejects, csi.AddReject{Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// row checks one row and plans it: added, unchanged or rejected.
func (p *addPlan) row(r csi.ComuneAdd) {
	ref, ok := p.istat(r)
	if !ok {
		return
	}
	pop, err := strconv.Atoi(strings.TrimSpace(r.Popolazione))
	if err != nil || pop < 0 {
		p.reject(r.Line, "popolazione", "%q is not a number of residents (a whole number, 0 or more)", r.Popolazione)
		return
	}
	nome := strings.Join(strings.Fields(r.Ambito), " ")
	if nome == "" {
		p.reject(r.Line, "ambito", "empty: every Comune belongs to an Ambito")
		return
	}
	if line, dup := p.seen[ref.Istat]; dup {
		p.reject(r.Line, "istat", "%s (%s) is already on line %d", ref.Istat, ref.Nome, line)
		return
	}
	p.seen[ref.Istat] = r.Line
	p.plan(r.Line, ref, nome, pop)
}

// istat finds the row's Comune in the national table.
func (p *addPlan) istat(r csi.ComuneAdd) (refdata.ComuneIT, bool) {
	code, err := dialect.PadISTAT(r.Istat, refdata.IsComuneIstat)
	if err != nil {
		p.reject(r.Line, "istat", "%v", err)
		return refdata.ComuneIT{}, false
	}
	ref, ok := p.national[code]
	if !ok {
		p.reject(r.Line, "istat", "%q is not the ISTAT code of a current Italian Comune", r.Istat)
	}
	return ref, ok
}

// ambito returns the Ambito named nome (accents and case aside), stored
// or planned, and whether there is none yet.
func (p *addPlan) ambito(nome string) (string, bool) {
	if a, ok := p.ambiti[csi.FoldName(nome)]; ok {
		return a, false
	}
	return nome, true
}

// plan compares a checked row with the catalogue.
func (p *addPlan) plan(line int, ref refdata.ComuneIT, nome string, pop int) {
	ambito, isNew := p.ambito(nome)
	c, ok := p.stored[ref.Istat]
	switch {
	case !ok:
		if isNew {
			p.ambiti[csi.FoldName(nome)] = nome
			p.newAmbiti = append(p.newAmbiti, nome)
		}
		p.add = append(p.add, csi.Comune{Istat: ref.Istat, Belfiore: ref.Belfiore, Nome: ref.Nome, Ambito: ambito, Popolazione: pop})
	case c.Ambito != ambito:
		p.reject(line, "ambito", "%s (%s) is already in the catalogue in the Ambito %s", c.Nome, c.Istat, c.Ambito)
	case c.Popolazione != pop:
		p.reject(line, "popolazione", "%s (%s) is already in the catalogue with popolazione %d", c.Nome, c.Istat, c.Popolazione)
	default:
		p.unchanged++
	}
}
