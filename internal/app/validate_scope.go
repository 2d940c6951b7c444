package app

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// The resolution of a Comune or Ambito by name below is the one the
// Comuni services use; it reads the list ValidationPlaces gives.

var istatRe = regexp.MustCompile(`^\d{6}$`)

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

// scopeComune finds one Comune by ISTAT code or by name, accent- and
// case-insensitively; a partial name must match exactly one Comune.
func scopeComune(places []store.ComunePlace, ref string) (store.ComunePlace, error) {
	ref = strings.TrimSpace(ref)
	if istatRe.MatchString(ref) {
		for _, c := range places {
			if c.Istat == ref {
				return c, nil
			}
		}
		return store.ComunePlace{}, csi.Errorf(csi.ENOTFOUND, "no Comune with ISTAT code %s", ref).
			WithHint("run 'csi comuni list' to see the codes (Monza e Brianza codes start with 108)")
	}
	fold := csi.FoldName(ref)
	if fold == "" {
		return store.ComunePlace{}, csi.Errorf(csi.EINVALID, "empty Comune name").WithHint("give an ISTAT code or a name")
	}
	var exact, like []store.ComunePlace
	for _, c := range byFoldedName(places) {
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
		return store.ComunePlace{}, csi.Errorf(csi.ENOTFOUND, "no Comune matches %q", ref).
			WithHint("run 'csi comuni list' to see the names and codes")
	case 1:
		return like[0], nil
	}
	parts := make([]string, len(like))
	for i, c := range like {
		parts[i] = fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
	}
	return store.ComunePlace{}, csi.Errorf(csi.EINVALID, "%q matches %d Comuni: %s", ref, len(like), strings.Join(parts, ", ")).
		WithHint("give the ISTAT code or more of the name")
}

// scopeAmbito finds an Ambito by its name, or by the start of one only.
func scopeAmbito(ambiti []string, ref string) (string, error) {
	all := append([]string(nil), ambiti...)
	sort.Strings(all)
	fold := csi.FoldName(ref)
	var match []string
	for _, n := range all {
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
		WithHint("the Ambiti are: %s", strings.Join(all, ", "))
}

// byFoldedName returns the Comuni ordered by folded name, as listed.
func byFoldedName(places []store.ComunePlace) []store.ComunePlace {
	out := append([]store.ComunePlace(nil), places...)
	sort.SliceStable(out, func(i, j int) bool { return csi.FoldName(out[i].Nome) < csi.FoldName(out[j].Nome) })
	return out
}
