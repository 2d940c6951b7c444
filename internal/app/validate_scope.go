package app

import (
	"fmt"
	"slices"
	"sort"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// resolveScope returns the ISTAT codes a validation scope covers (nil:
// everything) and the scope's name in the run's record.
func resolveScope(places []store.ComunePlace, ambiti []string, s csi.ValidateScope) ([]string, string, error) {
	switch {
	case s.Comune != "":
		c, err := scopeComune(places, s.Comune)
		if err != nil {
			return nil, "", err
		}
		return []string{c.Istat}, fmt.Sprintf("comune %s %s", c.Istat, c.Nome), nil
	case s.Ambito != "":
		a, err := scopeAmbito(ambiti, s.Ambito)
		if err != nil {
			return nil, "", err
		}
		comuni := []string{}
		for _, c := range byFoldedName(places) {
			if c.Ambito == a {
				comuni = append(comuni, c.Istat)
			}
		}
		return comuni, "ambito " + a, nil
	}
	return nil, "provincia", nil
}

// scopeComune finds one of places as the Comuni services do (findComune).
func scopeComune(places []store.ComunePlace, ref string) (csi.Comune, error) {
	cs := make([]csi.Comune, len(places))
	for i, p := range places {
		cs[i] = csi.Comune{Istat: p.Istat, Nome: p.Nome, Ambito: p.Ambito}
	}
	return findComune(cs, ref)
}

// scopeAmbito finds an Ambito as the Comuni services do, listing the
// Ambiti in alphabetical order.
func scopeAmbito(ambiti []string, ref string) (string, error) {
	return csi.ResolveAmbito(slices.Sorted(slices.Values(ambiti)), ref)
}

// byFoldedName returns the Comuni ordered by folded name, as listed.
func byFoldedName(places []store.ComunePlace) []store.ComunePlace {
	out := append([]store.ComunePlace(nil), places...)
	sort.SliceStable(out, func(i, j int) bool { return csi.FoldName(out[i].Nome) < csi.FoldName(out[j].Nome) })
	return out
}
