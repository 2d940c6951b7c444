package sqlite

import (
	"context"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// maxTallied bounds the irregular households one persons pass keeps for
// EachIrregularHousehold; past it the pass forgets them and the grouped
// query answers instead, so memory stays bounded whatever the store holds.
var maxTallied = 1 << 16

// householdTally groups the current versions of a persons pass by
// household, one Comune at a time (the pass is ordered by Comune and codice
// fiscale), and keeps the households without exactly one head: what the
// grouped query of EachIrregularHousehold returns, without reading and
// sorting the province a second time.
type householdTally struct {
	scope     string // scopeKey of the pass's Comuni
	comune    string
	open      map[string]*store.Household // the households of comune
	irregular []store.Household
	overflow  bool
}

func newHouseholdTally(comuni []string) *householdTally {
	return &householdTally{scope: scopeKey(comuni), open: map[string]*store.Household{}}
}

// scopeKey tells scopes apart: nil (everything) is not the empty scope.
func scopeKey(comuni []string) string {
	if comuni == nil {
		return "\x00all"
	}
	return strings.Join(comuni, ",")
}

// add counts one current version; versions come by Comune, then codice
// fiscale, so a household's first member has its smallest CF and its heads
// come sorted.
func (t *householdTally) add(p *csi.PersonVersion) {
	if p.Comune != t.comune {
		t.closeComune()
		t.comune = p.Comune
	}
	if p.CodiceFamiglia == "" || t.overflow {
		return
	}
	h := t.open[p.CodiceFamiglia]
	if h == nil {
		h = &store.Household{Comune: p.Comune, Codice: p.CodiceFamiglia, MinCF: p.CodiceFiscale}
		t.open[p.CodiceFamiglia] = h
	}
	h.Size++
	if p.RelazioneParentela == "1" { // as the grouped query: relazione_parentela = '1'
		h.Heads = append(h.Heads, p.CodiceFiscale)
	}
}

// closeComune keeps the current Comune's irregular households, ordered by
// code (byte order, as the query's ORDER BY).
func (t *householdTally) closeComune() {
	start := len(t.irregular)
	for _, h := range t.open {
		if len(h.Heads) != 1 {
			t.irregular = append(t.irregular, *h)
		}
	}
	clear(t.open)
	if len(t.irregular) > maxTallied {
		t.overflow, t.irregular = true, nil
		return
	}
	slices.SortFunc(t.irregular[start:], func(a, b store.Household) int { return strings.Compare(a.Codice, b.Codice) })
}

// EachIrregularHousehold streams the households without exactly one head
// ordered by Comune and code: from the tally of the persons pass just run
// over the same Comuni when there is one, otherwise with one grouped query.
func (e *validateEnv) EachIrregularHousehold(ctx context.Context, comuni []string, fn func(store.Household) error) error {
	t := e.tally
	e.tally = nil
	if t == nil || t.overflow || t.scope != scopeKey(comuni) {
		return e.groupedHouseholds(ctx, comuni, fn)
	}
	for _, h := range t.irregular {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(h); err != nil {
			return err
		}
	}
	return nil
}
