package postgres

import (
	"context"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// TestReadIndicatorsIsOneSnapshot: an import committed while the
// indicators are read is not seen by that read, only by the next, and
// the read writes nothing.
func TestReadIndicatorsIsOneSnapshot(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	imp := func() {
		t.Helper()
		_, err := db.pool.Exec(ctx, `INSERT INTO imports(kind, comune, file, sha256, mode, as_of, dialect, rows_read, inserted,
			updated, unchanged, closed, rejected, actor, at, duration_ms)
			VALUES ('anagrafe', '108033', 'f.csv', 'sha', 'snapshot', '2024-01-01', 'utf-8', 0, 0, 0, 0, 0, 0, 't', '2024-06-30T08:00:00Z', 1)`)
		if err != nil {
			t.Fatal(err)
		}
	}
	imp()
	var before, during, after csi.Snapshot
	err := db.ReadIndicators(ctx, func(r store.IndicatorReader) error {
		var err error
		if before, err = r.IndicatorRevision(ctx); err != nil {
			return err
		}
		imp()
		during, err = r.IndicatorRevision(ctx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db.ReadIndicators(ctx, func(r store.IndicatorReader) error {
		after, err = r.IndicatorRevision(ctx)
		return err
	})
	if before.Revision != "i1.a0" || during != before || after.Revision != "i2.a0" {
		t.Errorf("before %s, during %s, after %s", before.Revision, during.Revision, after.Revision)
	}
	err = db.ReadIndicators(ctx, func(r store.IndicatorReader) error {
		_, err := r.(indicatorReader).tx.Exec(ctx, "DELETE FROM imports")
		return err
	})
	if err == nil {
		t.Error("the read transaction could write")
	}
}
