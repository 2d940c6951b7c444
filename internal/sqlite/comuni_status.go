package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Status changes take effect on their date: the history keeps each one
// with its date, and a Comune's status on any day is read from it. The
// comuni.status column holds the status as of the last change written;
// listComuni and resolveComune show the status as of today and the
// changes still to come.

// statusHistory is the query of the history events that change a status.
const statusHistory = `SELECT istat, date, event, detail FROM comune_history
	WHERE event IN ('onboarded', 'offboarded', 'status') ORDER BY id`

// loadTimelines reads every Comune's status timeline from its history.
func loadTimelines(ctx context.Context, q querier) (map[string]csi.StatusTimeline, error) {
	rows, err := q.QueryContext(ctx, statusHistory)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[string]csi.StatusTimeline{}
	for rows.Next() {
		var istat, date, event, detail string
		if err := rows.Scan(&istat, &date, &event, &detail); err != nil {
			return nil, err
		}
		out[istat] = append(out[istat], csi.StatusChange{Date: date, Status: eventStatus(event, detail)})
	}
	for _, t := range out {
		csi.SortTimeline(t)
	}
	return out, rows.Err()
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

// asOf sets each Comune's status to the one in effect today and lists its
// scheduled changes. A Comune without status history keeps its column.
func asOf(cs []csi.Comune, tl map[string]csi.StatusTimeline, today string) {
	for i := range cs {
		if t, ok := tl[cs[i].Istat]; ok {
			cs[i].Status = t.StatusOn(today)
			cs[i].Scheduled = t.Scheduled(today)
		}
	}
}

// comuneToday is resolveComune with the status in effect today.
func (db *DB) comuneToday(ctx context.Context, q querier, ref string) (csi.Comune, error) {
	c, err := resolveComune(ctx, q, ref)
	if err != nil {
		return c, err
	}
	tl, err := loadTimelines(ctx, q)
	if err != nil {
		return c, err
	}
	cs := []csi.Comune{c}
	asOf(cs, tl, db.today())
	return cs[0], nil
}

// applyDue brings the status column up to date with the changes whose date
// has come, so that the queries that read the column (Ambiti figures,
// indicators) see them; every write to the Comuni runs it first.
func (db *DB) applyDue(ctx context.Context, tx querierExec) error {
	tl, err := loadTimelines(ctx, tx)
	if err != nil {
		return err
	}
	today := db.today()
	for istat, t := range tl {
		if _, err := tx.ExecContext(ctx, `UPDATE comuni SET status = ? WHERE istat = ? AND status <> ?`,
			t.StatusOn(today), istat, t.StatusOn(today)); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// querierExec is a querier that can also write (a *sql.Tx).
type querierExec interface {
	querier
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}
