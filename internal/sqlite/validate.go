package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Validation = (*DB)(nil)

// ValidationWritable refuses a store that cannot take a run's record,
// saying why a check needs to write.
func (db *DB) ValidationWritable(ctx context.Context) error {
	if err := db.checkBeforeWrite(ctx); err != nil {
		if strings.Contains(csi.ErrorMessage(err), " cannot be written: ") {
			return db.readOnlyFor("csi validate records each run in the store's history")
		}
		return err
	}
	return nil
}

// ValidationPlaces lists the Comuni (code, name, Ambito) and the Ambiti.
func (db *DB) ValidationPlaces(ctx context.Context) ([]store.ComunePlace, []string, error) {
	rows, err := db.db.QueryContext(ctx, "SELECT istat, nome, ambito FROM comuni")
	if err != nil {
		return nil, nil, mapErr(err)
	}
	defer rows.Close()
	var places []store.ComunePlace
	for rows.Next() {
		var p store.ComunePlace
		if err := rows.Scan(&p.Istat, &p.Nome, &p.Ambito); err != nil {
			return nil, nil, err
		}
		places = append(places, p)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	var ambiti []string
	err = collect(ctx, db.db, "SELECT nome FROM ambiti", func(s string) { ambiti = append(ambiti, s) })
	return places, ambiti, err
}

// SaveValidationRun records a run and its audit entry in one transaction.
func (db *DB) SaveValidationRun(ctx context.Context, run *csi.ValidationRun, byRule []csi.RuleCount,
	audit func(id int64) (string, string)) error {
	js, _ := json.Marshal(byRule)
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO validation_runs(at, actor, ruleset, ruleset_version, scope, checked, errors,
			warnings, by_rule, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?)`, run.At, run.Actor, run.Ruleset, run.RulesetVersion,
			run.Scope, run.Checked, run.Errors, run.Warnings, string(js), run.DurationMS)
		if err != nil {
			return err
		}
		run.ID, _ = res.LastInsertId()
		target, summary := audit(run.ID)
		return db.appendAudit(ctx, tx, target, summary)
	})
}

// LoadValidationRuns lists past validation runs, newest first.
func (db *DB) LoadValidationRuns(ctx context.Context) ([]csi.ValidationRun, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, actor, ruleset, ruleset_version, scope, checked, errors, warnings, duration_ms
		FROM validation_runs ORDER BY id DESC`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.ValidationRun{}
	for rows.Next() {
		var r csi.ValidationRun
		if err := rows.Scan(&r.ID, &r.At, &r.Actor, &r.Ruleset, &r.RulesetVersion, &r.Scope, &r.Checked, &r.Errors, &r.Warnings, &r.DurationMS); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// inScope returns a SQL condition on column limiting rows to comuni (nil:
// every row).
func inScope(column string, comuni []string) string {
	if comuni == nil {
		return "1 = 1"
	}
	if len(comuni) == 0 {
		return "0 = 1"
	}
	return column + " IN ('" + strings.Join(comuni, "','") + "')"
}
