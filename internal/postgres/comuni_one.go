package postgres

import (
	"context"
	"regexp"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
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
	var st *store.ComuniState
	err := db.readOnly(ctx, func(tx pgx.Tx) error {
		cs, err := collect(ctx, tx, scanComune, "SELECT "+comuneCols+" FROM comuni WHERE istat = $1", ref)
		if err != nil || len(cs) == 0 {
			return err
		}
		st = &store.ComuniState{Comuni: cs, Timelines: map[string]csi.StatusTimeline{}}
		rows, err := tx.Query(ctx, `SELECT date, event, detail FROM comune_history
			WHERE istat = $1 AND event IN ('onboarded', 'offboarded', 'status') ORDER BY id`, ref)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var date, event, detail string
			if err := rows.Scan(&date, &event, &detail); err != nil {
				return err
			}
			if to, ok := store.StatusEvent(event, detail); ok {
				st.Timelines[ref] = append(st.Timelines[ref], csi.StatusChange{Date: date, Status: to})
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, t := range st.Timelines {
			csi.SortTimeline(t)
		}
		return nil
	})
	if err != nil {
		return nil, false, db.mapErr(err)
	}
	return st, st != nil, nil
}
