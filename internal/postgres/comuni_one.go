package postgres

import (
	"context"
	"regexp"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// istatRef is a reference to a Comune by its ISTAT code, which
// csi.ResolveComune matches exactly.
var istatRef = regexp.MustCompile(`^\d{6}$`)

// comuneByIstat reads, for a ref that is an ISTAT code, the state of that
// one Comune (its row and status timeline), and reports whether it did:
// resolving the code over it gives what it gives over every Comune, which
// a region's catalogue (1,500 Comuni and their histories) makes costly to
// read for each import. A ref that is not a code, or an unknown code, is
// left to the full state (names, suggestions, the not-found message).
func (db *DB) comuneByIstat(ctx context.Context, ref string) (*store.ComuniState, bool, error) {
	ref = strings.TrimSpace(ref)
	if !istatRef.MatchString(ref) {
		return nil, false, nil
	}
	// One statement, so one snapshot: the row and its timeline together.
	rows, err := db.pool.Query(ctx, `SELECT `+qualified("c.", comuneCols)+`, h.date, h.event, h.detail
		FROM comuni c LEFT JOIN comune_history h ON h.istat = c.istat AND h.event IN ('onboarded', 'offboarded', 'status')
		WHERE c.istat = $1 ORDER BY h.id`, ref)
	var st *store.ComuniState
	if err == nil {
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				var c csi.Comune
				var date, event, detail *string
				if err := rows.Scan(&c.Istat, &c.Belfiore, &c.Nome, &c.Ambito, &c.Popolazione, &c.Status, &c.Anagrafe,
					&c.OnboardedOn, &c.OffboardedOn, &c.Contact, &date, &event, &detail); err != nil {
					return err
				}
				if st == nil {
					st = &store.ComuniState{Comuni: []csi.Comune{c}, Timelines: map[string]csi.StatusTimeline{}}
				}
				if event == nil {
					continue
				}
				if to, ok := store.StatusEvent(*event, *detail); ok {
					st.Timelines[ref] = append(st.Timelines[ref], csi.StatusChange{Date: *date, Status: to})
				}
			}
			return rows.Err()
		}()
	}
	if st != nil {
		for _, t := range st.Timelines {
			csi.SortTimeline(t)
		}
	}
	if err != nil {
		return nil, false, db.mapErr(err)
	}
	return st, st != nil, nil
}

// qualified qualifies each of a list of columns with p.
func qualified(p, cols string) string {
	parts := strings.Split(cols, ", ")
	for i, c := range parts {
		parts[i] = p + c
	}
	return strings.Join(parts, ", ")
}
