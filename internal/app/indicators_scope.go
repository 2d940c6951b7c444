package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// indicatorScope is the scope of a computation with the label of its Comune.
type indicatorScope struct {
	store.IndicatorScope
	label string // "Lissone (108028)"
}

// resolveIndicatorScope resolves the --comune and --ambito of p among the
// Comuni and Ambiti, and writes their canonical forms back into p.
func resolveIndicatorScope(comuni []csi.Comune, ambiti []string, p *csi.IndicatorParams) (indicatorScope, error) {
	sc := indicatorScope{IndicatorScope: store.IndicatorScope{By: p.By}}
	if p.Comune != "" {
		c, err := findComune(comuni, p.Comune)
		if err != nil {
			return sc, err
		}
		sc.Comune, sc.label = c.Istat, fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
		p.Comune = c.Istat
	}
	if p.Ambito != "" {
		a, err := csi.ResolveAmbito(ambiti, p.Ambito)
		if err != nil {
			return sc, err
		}
		sc.Ambito, p.Ambito = a, a
	}
	return sc, nil
}

// geography describes the scope and the breakdown.
func (sc indicatorScope) geography(by string) string {
	s := "Provincia di " + csi.ProvinceName
	switch {
	case sc.Comune != "":
		s = "Comune " + sc.label
	case sc.Ambito != "":
		s = "Ambito " + sc.Ambito
	}
	return s + ", by " + by
}

// findComune is csi.ResolveComune over comuni in any order: candidates
// are listed by folded name, as the Comuni commands list them.
func findComune(comuni []csi.Comune, ref string) (csi.Comune, error) {
	sorted := slices.Clone(comuni)
	slices.SortStableFunc(sorted, func(a, b csi.Comune) int { return strings.Compare(csi.FoldName(a.Nome), csi.FoldName(b.Nome)) })
	return csi.ResolveComune(sorted, ref)
}
