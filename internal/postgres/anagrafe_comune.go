package postgres

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// The reads of Comuni below serve the registry until the Comuni port
// (internal/store/comuni.go) has them; they give the same answers and
// errors as the SQLite store's resolveComune and statusesOn.

const comuneCols = `istat, belfiore, nome, ambito, popolazione, status, anagrafe, onboarded_on, offboarded_on, contact`

var istatRe = regexp.MustCompile(`^\d{6}$`)

// registryComunes reads the Comuni a WHERE clause selects, by folded name.
func (db *DB) registryComunes(ctx context.Context, where string, args ...any) ([]csi.Comune, error) {
	rows, err := db.pool.Query(ctx, "SELECT "+comuneCols+" FROM comuni "+where+` ORDER BY nome_fold COLLATE "C"`, args...)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	var out []csi.Comune
	for rows.Next() {
		var c csi.Comune
		var pop int64
		if err := rows.Scan(&c.Istat, &c.Belfiore, &c.Nome, &c.Ambito, &pop, &c.Status, &c.Anagrafe,
			&c.OnboardedOn, &c.OffboardedOn, &c.Contact); err != nil {
			return nil, db.mapErr(err)
		}
		c.Popolazione = int(pop)
		out = append(out, c)
	}
	return out, db.mapErr(rows.Err())
}

// resolveRegistryComune finds one Comune by ISTAT code or by name, accent-
// and case-insensitively; a partial name must match exactly one Comune.
func (db *DB) resolveRegistryComune(ctx context.Context, ref string) (csi.Comune, error) {
	ref = strings.TrimSpace(ref)
	if istatRe.MatchString(ref) {
		cs, err := db.registryComunes(ctx, "WHERE istat = $1", ref)
		if err == nil && len(cs) == 0 {
			return csi.Comune{}, csi.Errorf(csi.ENOTFOUND, "no Comune with ISTAT code %s", ref).
				WithHint("run 'csi comuni list' to see the codes (Monza e Brianza codes start with 108)")
		}
		if err != nil {
			return csi.Comune{}, err
		}
		return cs[0], nil
	}
	fold := csi.FoldName(ref)
	if fold == "" {
		return csi.Comune{}, csi.Errorf(csi.EINVALID, "empty Comune name").WithHint("give an ISTAT code or a name")
	}
	exact, err := db.registryComunes(ctx, "WHERE nome_fold = $1", fold)
	if err != nil || len(exact) == 1 {
		if err != nil {
			return csi.Comune{}, err
		}
		return exact[0], nil
	}
	like, err := db.registryComunes(ctx, "WHERE strpos(nome_fold, $1) > 0", fold)
	if err != nil {
		return csi.Comune{}, err
	}
	switch len(like) {
	case 0:
		return csi.Comune{}, csi.Errorf(csi.ENOTFOUND, "no Comune matches %q", ref).
			WithHint("run 'csi comuni list' to see the names and codes")
	case 1:
		return like[0], nil
	}
	parts := make([]string, len(like))
	for i, c := range like {
		parts[i] = fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
	}
	return csi.Comune{}, csi.Errorf(csi.EINVALID, "%q matches %d Comuni: %s", ref, len(like), strings.Join(parts, ", ")).
		WithHint("give the ISTAT code or more of the name")
}

// RegistryComune finds a Comune by ISTAT code or name, with its status on day.
func (db *DB) RegistryComune(ctx context.Context, ref, day string) (csi.Comune, error) {
	c, err := db.resolveRegistryComune(ctx, ref)
	if err != nil {
		return c, err
	}
	tl, err := db.statusTimelines(ctx, c.Istat)
	if err != nil {
		return c, err
	}
	if t, ok := tl[c.Istat]; ok {
		c.Status, c.Scheduled = t.StatusOn(day), t.Scheduled(day)
	}
	return c, nil
}

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

// eventStatus is the status a history event leads to; a status event's
// detail reads "active -> suspended".
func eventStatus(event, detail string) string {
	switch event {
	case "onboarded":
		return csi.StatusActive
	case "offboarded":
		return csi.StatusLeft
	}
	_, to, _ := strings.Cut(detail, "-> ")
	return to
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
