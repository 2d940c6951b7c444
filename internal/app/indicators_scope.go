package app

import (
	"fmt"
	"regexp"
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
		a, err := findAmbito(ambiti, p.Ambito)
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

var istatCode = regexp.MustCompile(`^\d{6}$`)

// findComune finds one Comune by ISTAT code or by name, accent- and
// case-insensitively; a partial name must match exactly one Comune.
func findComune(comuni []csi.Comune, ref string) (csi.Comune, error) {
	ref = strings.TrimSpace(ref)
	if istatCode.MatchString(ref) {
		if i := slices.IndexFunc(comuni, func(c csi.Comune) bool { return c.Istat == ref }); i >= 0 {
			return comuni[i], nil
		}
		return csi.Comune{}, csi.Errorf(csi.ENOTFOUND, "no Comune with ISTAT code %s", ref).
			WithHint("run 'csi comuni list' to see the codes (Monza e Brianza codes start with 108)")
	}
	fold := csi.FoldName(ref)
	if fold == "" {
		return csi.Comune{}, csi.Errorf(csi.EINVALID, "empty Comune name").WithHint("give an ISTAT code or a name")
	}
	var exact, like []csi.Comune
	for _, c := range comuni {
		f := csi.FoldName(c.Nome)
		if f == fold {
			exact = append(exact, c)
		}
		if strings.Contains(f, fold) {
			like = append(like, c)
		}
	}
	if len(exact) == 1 {
		return exact[0], nil
	}
	switch len(like) {
	case 0:
		return csi.Comune{}, csi.Errorf(csi.ENOTFOUND, "no Comune matches %q", ref).
			WithHint("run 'csi comuni list' to see the names and codes")
	case 1:
		return like[0], nil
	}
	slices.SortStableFunc(like, func(a, b csi.Comune) int { return strings.Compare(csi.FoldName(a.Nome), csi.FoldName(b.Nome)) })
	names := make([]string, len(like))
	for i, c := range like {
		names[i] = fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
	}
	return csi.Comune{}, csi.Errorf(csi.EINVALID, "%q matches %d Comuni: %s", ref, len(like), strings.Join(names, ", ")).
		WithHint("give the ISTAT code or more of the name")
}

// findAmbito finds an Ambito by name, accent- and case-insensitively; a
// unique prefix is enough ("carate" → "Carate Brianza").
func findAmbito(ambiti []string, ref string) (string, error) {
	var match []string
	fold := csi.FoldName(ref)
	for _, n := range ambiti {
		f := csi.FoldName(n)
		if f == fold {
			return n, nil
		}
		if fold != "" && strings.HasPrefix(f, fold) {
			match = append(match, n)
		}
	}
	if len(match) == 1 {
		return match[0], nil
	}
	return "", csi.Errorf(csi.ENOTFOUND, "no Ambito %q", ref).
		WithHint("the Ambiti are: %s", strings.Join(ambiti, ", "))
}
