package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Status changes take effect on their date: the history keeps each one
// with its date, and a Comune's status on any day is read from it. The
// comuni.status column holds the status as of the last change written;
// listComuni and resolveComune show the status as of today and the
// changes still to come, and every other reader goes through statusesOn
// (or memberJoin in SQL), so that none reads a column that only refreshes
// when the next Comune change is written.

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

// statusesOn returns every Comune's status on day (ISTAT code → status):
// StatusOn of its timeline, the column for a Comune without status history.
func statusesOn(ctx context.Context, q querier, day string) (map[string]string, error) {
	out := map[string]string{}
	rows, err := q.QueryContext(ctx, "SELECT istat, status FROM comuni")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var istat, status string
		if err := rows.Scan(&istat, &status); err != nil {
			return nil, err
		}
		out[istat] = status
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tl, err := loadTimelines(ctx, q)
	if err != nil {
		return nil, err
	}
	for istat, t := range tl {
		out[istat] = t.StatusOn(day)
	}
	return out, nil
}

// memberJoin joins a query's Comuni (alias c) to their status on a day,
// given as the join's one parameter by statusParam: st.value is the
// status, and memberOn the condition of being a member.
const (
	memberJoin = "LEFT JOIN json_each(?) st ON st.key = c.istat"
	memberOn   = "(st.value IN ('active', 'suspended'))"
)

// statusParam is memberJoin's parameter: the statuses on day as JSON.
func statusParam(ctx context.Context, q querier, day string) (string, error) {
	m, err := statusesOn(ctx, q, day)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(m)
	return string(b), err
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
// has come, so that a change is planned from the status in effect; every
// write to the Comuni runs it first. Readers do not rely on it: they use
// statusesOn, which needs no write.
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
