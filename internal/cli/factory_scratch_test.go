package cli

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/sqlite"
)

// TestOpenEngineScratch checks that only a scratch store being created
// (csi demo's temporary one) skips the syncs: a store given with --db,
// new or not, keeps them.
func TestOpenEngineScratch(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		scratch, create bool
		want            int
	}{
		{true, true, 0},
		{false, true, 1},
		{true, false, 1},
	} {
		path := filepath.Join(t.TempDir(), "csi.db")
		if !tc.create { // an existing store
			st, err := openEngine(ctx, path, true, false, time.Now)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			st.Close()
		}
		st, err := openEngine(ctx, path, tc.create, tc.scratch, time.Now)
		if err != nil {
			t.Fatal(err)
		}
		var got int
		if err := st.(*sqlite.DB).SQL().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("scratch %v, create %v: synchronous = %d, want %d", tc.scratch, tc.create, got, tc.want)
		}
		st.Close()
	}
}

// TestServeSharesTheStore: csi serve's store answers concurrent requests,
// so a first load there keeps WAL mode; any other command is the store's
// sole user in its process (sqlite.DB.SoleUser).
func TestServeSharesTheStore(t *testing.T) {
	ctx := context.Background()
	for _, serving := range []bool{false, true} {
		f := &Factory{DBPath: filepath.Join(t.TempDir(), "csi.db"), Now: time.Now, Serving: serving}
		st, err := f.openRaw(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.(*sqlite.DB).SoleUser; got == serving {
			t.Errorf("serving %v: SoleUser %v", serving, got)
		}
		f.Close()
	}
}
