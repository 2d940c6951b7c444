package postgres

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// IntegrityCheck checks what PostgreSQL leaves to csi (the server checks
// its own pages): that the database answers, that its schema is at this
// binary's version with every migration applied, and that the audit log's
// head row is there. The audit chain itself is checked by VerifyAudit.
// quick is accepted for the port's sake: both checks are the same here.
func (db *DB) IntegrityCheck(ctx context.Context, quick bool) ([]string, error) {
	if err := db.pool.Ping(ctx); err != nil {
		return nil, connectErr(db.url, err)
	}
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, m := range st {
		if m.AppliedAt == "" {
			problems = append(problems, fmt.Sprintf("schema migration %04d %s is not applied", m.Version, m.Name))
		}
	}
	if len(problems) > 0 {
		return problems, nil
	}
	return db.checkAuditHead(ctx, problems)
}

// checkAuditHead adds a problem when the audit head row is missing or
// duplicated: every append locks it, and without it the chain's end
// cannot be checked.
func (db *DB) checkAuditHead(ctx context.Context, problems []string) ([]string, error) {
	var n int
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM audit_head").Scan(&n); err != nil {
		return nil, db.mapErr(err)
	}
	if n != 1 {
		problems = append(problems, fmt.Sprintf("the audit head has %d rows, not 1", n))
	}
	return problems, nil
}

// Damaged is the error of a store that failed IntegrityCheck.
func (db *DB) Damaged(problems []string) error {
	return csi.Errorf(csi.EUNAVAILABLE, "the store %s is not sound (%d problem(s), first: %s)", db.Describe(), len(problems), problems[0]).
		WithHint("run 'csi db migrate' if a migration is missing; otherwise restore the latest pg_dump backup and run 'csi db check' on it")
}

var _ store.Admin = (*DB)(nil)
