package app

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.AmbitoService = (*Services)(nil)

// ListAmbiti returns the Ambiti with their figures as of today.
func (s *Services) ListAmbiti(ctx context.Context) ([]csi.Ambito, error) {
	st, refs, err := s.loadAmbiti(ctx)
	if err != nil {
		return nil, err
	}
	cs := st.On(s.today())
	out := []csi.Ambito{}
	for _, name := range st.Ambiti {
		out = append(out, ambitoFigures(name, cs, refs))
	}
	return out, nil
}

// FindAmbito returns one Ambito with its Comuni as of today.
func (s *Services) FindAmbito(ctx context.Context, ref string) (*csi.AmbitoDetail, error) {
	st, refs, err := s.loadAmbiti(ctx)
	if err != nil {
		return nil, err
	}
	name, err := csi.ResolveAmbito(st.Ambiti, ref)
	if err != nil {
		return nil, err
	}
	cs := st.On(s.today())
	d := &csi.AmbitoDetail{Ambito: ambitoFigures(name, cs, refs), ComuniList: []csi.Comune{}}
	for _, c := range cs {
		if c.Ambito == name {
			d.ComuniList = append(d.ComuniList, c)
		}
	}
	return d, nil
}

// loadAmbiti reads the Comuni and the current referents by Ambito.
func (s *Services) loadAmbiti(ctx context.Context) (*store.ComuniState, map[string]csi.Referente, error) {
	st, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, nil, err
	}
	rs, err := s.st.LoadReferenti(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	refs := map[string]csi.Referente{}
	for _, r := range rs {
		refs[r.Ambito] = r
	}
	return st, refs, nil
}

// ambitoFigures counts an Ambito's Comuni, its members and their registry
// mode on the day cs is as of, with its population and current referent.
func ambitoFigures(name string, cs []csi.Comune, refs map[string]csi.Referente) csi.Ambito {
	a := csi.Ambito{Nome: name, Referente: refs[name].Nome, ReferenteEmail: refs[name].Email}
	for _, c := range cs {
		if c.Ambito != name {
			continue
		}
		a.Comuni++
		a.Popolazione += c.Popolazione
		if csi.IsMember(c.Status) {
			a.Onboarded++
			if c.Anagrafe == csi.AnagrafeAutomatic {
				a.AnagrafeAutomatic++
			}
		}
	}
	return a
}
