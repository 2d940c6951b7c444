package postgres

import (
	"context"
	"encoding/json"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Validation = (*DB)(nil)

// ValidationWritable refuses a connection that cannot write (a read-only
// replica, or default_transaction_read_only), saying why a check needs to write.
func (db *DB) ValidationWritable(ctx context.Context) error {
	var ro string
	if err := db.pool.QueryRow(ctx, "SELECT current_setting('transaction_read_only')").Scan(&ro); err != nil {
		return db.mapErr(err)
	}
	if ro == "on" {
		return csi.Errorf(csi.EUNAVAILABLE, "the store %s cannot be written (csi validate records each run in the store's history): the connection is read-only", MaskURL(db.url)).
			WithHint("connect to the primary server, not a read-only replica, as a role that may write")
	}
	return nil
}

// ValidationPlaces lists the Comuni (code, name, Ambito) and the Ambiti.
func (db *DB) ValidationPlaces(ctx context.Context) ([]store.ComunePlace, []string, error) {
	rows, err := db.pool.Query(ctx, "SELECT istat, nome, ambito FROM comuni")
	if err != nil {
		return nil, nil, db.mapErr(err)
	}
	places, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.ComunePlace, error) {
		var p store.ComunePlace
		return p, r.Scan(&p.Istat, &p.Nome, &p.Ambito)
	})
	if err != nil {
		return nil, nil, db.mapErr(err)
	}
	rows, err = db.pool.Query(ctx, "SELECT nome FROM ambiti")
	if err != nil {
		return nil, nil, db.mapErr(err)
	}
	ambiti, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return places, ambiti, db.mapErr(err)
}

// SaveValidationRun records a run and its audit entry in one transaction.
func (db *DB) SaveValidationRun(ctx context.Context, run *csi.ValidationRun, byRule []csi.RuleCount,
	audit func(id int64) (string, string)) error {
	js, _ := json.Marshal(byRule)
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO validation_runs(at, actor, ruleset, ruleset_version, scope, checked, errors,
			warnings, by_rule, duration_ms) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`, run.At, run.Actor, run.Ruleset,
			run.RulesetVersion, run.Scope, run.Checked, run.Errors, run.Warnings, string(js), run.DurationMS).Scan(&run.ID); err != nil {
			return err
		}
		target, summary := audit(run.ID)
		return db.appendAudit(ctx, tx, target, summary)
	})
}

// LoadValidationRuns lists past validation runs, newest first.
func (db *DB) LoadValidationRuns(ctx context.Context) ([]csi.ValidationRun, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, at, actor, ruleset, ruleset_version, scope, checked, errors, warnings, duration_ms
		FROM validation_runs ORDER BY id DESC`)
	if err != nil {
		return nil, db.mapErr(err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (csi.ValidationRun, error) {
		var r csi.ValidationRun
		err := row.Scan(&r.ID, &r.At, &r.Actor, &r.Ruleset, &r.RulesetVersion, &r.Scope, &r.Checked, &r.Errors, &r.Warnings, &r.DurationMS)
		return r, err
	})
	if out == nil {
		out = []csi.ValidationRun{}
	}
	return out, db.mapErr(err)
}

// validationScope returns the condition limiting column to comuni and its
// argument ($1); nil comuni is every row, without an argument.
func validationScope(column string, comuni []string) (string, []any) {
	if comuni == nil {
		return "true", nil
	}
	return column + " = ANY($1::text[])", []any{comuni}
}
