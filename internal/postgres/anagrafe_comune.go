package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// statusTimelines reads the status timelines of one Comune ("": of all).
func (db *DB) statusTimelines(ctx context.Context, istat string) (map[string]csi.StatusTimeline, error) {
	rows, err := db.pool.Query(ctx, `SELECT istat, date, event, detail FROM comune_history
		WHERE event IN ('onboarded', 'offboarded', 'status') AND ($1 = '' OR istat = $1) ORDER BY id`, istat)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	out := map[string]csi.StatusTimeline{}
	for rows.Next() {
		var ist, date, event, detail string
		if err := rows.Scan(&ist, &date, &event, &detail); err != nil {
			return nil, db.mapErr(err)
		}
		out[ist] = append(out[ist], csi.StatusChange{Date: date, Status: eventStatus(event, detail)})
	}
	for _, t := range out {
		csi.SortTimeline(t)
	}
	return out, db.mapErr(rows.Err())
}

// RegistryStatus returns the registry state of the member Comuni on day
// and of those with imports, by folded name.
func (db *DB) RegistryStatus(ctx context.Context, day string) ([]csi.AnagrafeStatus, error) {
	tl, err := db.statusTimelines(ctx, "")
	if err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `
		WITH cur AS (SELECT comune, count(*) AS n FROM persone WHERE valid_to = '' GROUP BY comune),
		     last AS (SELECT comune, max(id) AS id FROM imports WHERE kind = 'anagrafe' GROUP BY comune)
		SELECT c.istat, c.nome, c.ambito, c.anagrafe, c.status, coalesce(i.at, ''), coalesce(i.as_of, ''),
		       coalesce(i.rejected, 0), coalesce(cur.n, 0)
		FROM comuni c
		LEFT JOIN cur ON cur.comune = c.istat
		LEFT JOIN last ON last.comune = c.istat
		LEFT JOIN imports i ON i.id = last.id
		ORDER BY c.nome_fold COLLATE "C"`)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	out := []csi.AnagrafeStatus{}
	for rows.Next() {
		var s csi.AnagrafeStatus
		var status string
		var rejected, residents int64
		if err := rows.Scan(&s.Istat, &s.Nome, &s.Ambito, &s.Anagrafe, &status, &s.LastImport, &s.AsOf, &rejected, &residents); err != nil {
			return nil, db.mapErr(err)
		}
		if t, ok := tl[s.Istat]; ok {
			status = t.StatusOn(day)
		}
		if csi.IsMember(status) || s.LastImport != "" {
			s.Rejected, s.Residents = int(rejected), int(residents)
			out = append(out, s)
		}
	}
	return out, db.mapErr(rows.Err())
}
