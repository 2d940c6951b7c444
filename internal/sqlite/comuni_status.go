package sqlite

import (
	"context"
	"encoding/json"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// Status changes take effect on their date: the history keeps each one
// with its date, and a Comune's status on any day is read from it. The
// comuni.status column holds the status as of the last change written;
// the application reads the status of a day from the timelines (see
// store.ComuniState), and the SQL here goes through statusesOn (or
// memberJoin), so that none reads a column that only refreshes when the
// next Comune change is written.

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
		if to, ok := store.StatusEvent(event, detail); ok {
			out[istat] = append(out[istat], csi.StatusChange{Date: date, Status: to})
		}
	}
	for _, t := range out {
		csi.SortTimeline(t)
	}
	return out, rows.Err()
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
