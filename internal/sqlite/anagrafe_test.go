package sqlite

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func bytesSource(name string, data []byte) csi.Source {
	return csi.Source{Name: name, Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

func onboarded(t *testing.T, comune string) (*DB, context.Context) {
	t.Helper()
	db := newStore(t)
	ctx := actorCtx()
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: comune, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	return db, ctx
}

// TestBulkImportRebuildsIndexes: a first import drops the person indexes to
// load faster; afterwards every index of the schema must be back, and the
// queries that lean on them must use them.
func TestBulkImportRebuildsIndexes(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	file := []byte("codice_fiscale,cognome,nome,sesso,data_nascita,luogo_nascita,indirizzo\nBRMGPP50C12F704K,Brambilla,Giuseppe,M,1950-03-12,F704,Via Po\n")
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource("f.csv", file)); err != nil {
		t.Fatal(err)
	}
	// The definitions the migrations left, before a bulk import rebuilt them.
	fresh := newStore(t)
	for _, idx := range []string{"persone_cf", "persone_validity"} {
		var want, got string
		if err := fresh.SQL().QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", idx).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", idx).Scan(&got); err != nil {
			t.Errorf("index %s missing after a bulk import: %v", idx, err)
			continue
		}
		if got != want {
			t.Errorf("index %s after a bulk import:\n%s\nwant (migrations):\n%s", idx, got, want)
		}
	}
}

// TestPersonLookupsUseTheCFIndex: the per-person lookups of validation and
// of an update must find a person by codice fiscale, not scan a Comune
// (which made validation 8x slower): validation through persone_cf, the
// close of a version in the Comune's current range of persone_validity.
func TestPersonLookupsUseTheCFIndex(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	for name, q := range map[string]string{"resident": residentQuery, "close": closeQuery} {
		want := map[string]string{"resident": "INDEX persone_cf (codice_fiscale=?)",
			"close": "INDEX persone_validity (comune=? AND valid_to=? AND codice_fiscale=?)"}[name]
		args := make([]any, strings.Count(q, "?"))
		for i := range args {
			args[i] = "x"
		}
		rows, err := db.SQL().QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(detail + "\n")
		}
		rows.Close()
		if !strings.Contains(plan.String(), want) {
			t.Errorf("%s: plan does not look the person up by CF (%s):\n%s", name, want, plan.String())
		}
	}
}
