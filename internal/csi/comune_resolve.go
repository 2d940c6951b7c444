package csi

import (
	"fmt"
	"regexp"
	"strings"
)

var istatRe = regexp.MustCompile(`^\d{6}$`)

// ResolveComune finds one Comune of cs by ISTAT code or by name, accent-
// and case-insensitively; a partial name must match exactly one Comune.
// cs is in the order candidates are listed (by folded name). Every engine
// and the application resolve a reference with it, so that the matches
// and the wording are the same everywhere.
func ResolveComune(cs []Comune, ref string) (Comune, error) {
	ref = strings.TrimSpace(ref)
	if istatRe.MatchString(ref) {
		for _, c := range cs {
			if c.Istat == ref {
				return c, nil
			}
		}
		return Comune{}, Errorf(ENOTFOUND, "no Comune with ISTAT code %s", ref).
			WithHint("run 'csi comuni list' to see the codes (Monza e Brianza codes start with 108)")
	}
	fold := FoldName(ref)
	if fold == "" {
		return Comune{}, Errorf(EINVALID, "empty Comune name").WithHint("give an ISTAT code or a name")
	}
	// A name is exact only when one Comune has it: Italy has homonymous
	// Comuni (Samone, Castro...), and picking one of them would be a
	// silent wrong answer.
	var exact, like []Comune
	for _, c := range cs {
		f := FoldName(c.Nome)
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
		return Comune{}, Errorf(ENOTFOUND, "no Comune matches %q", ref).
			WithHint("run 'csi comuni list' to see the names and codes")
	case 1:
		return like[0], nil
	}
	return Comune{}, Errorf(EINVALID, "%q matches %d Comuni: %s", ref, len(like), candidates(like)).
		WithHint("give the ISTAT code or more of the name")
}

func candidates(cs []Comune) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
	}
	return strings.Join(parts, ", ")
}

// ResolveAmbito finds an Ambito among names (in order) by name, accent-
// and case-insensitively; a unique prefix is enough ("carate" → "Carate
// Brianza").
func ResolveAmbito(names []string, ref string) (string, error) {
	var match []string
	fold := FoldName(ref)
	for _, n := range names {
		f := FoldName(n)
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
	return "", Errorf(ENOTFOUND, "no Ambito %q", ref).
		WithHint("the Ambiti are: %s", strings.Join(names, ", "))
}
