package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/sqlite"
)

// services are the services this test compares.
type services interface {
	csi.RecordService
	csi.ValidationService
}

func recordsActorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "test", Command: "test"})
}

// fileSource is a file of testdata or examples as an import source.
func fileSource(t *testing.T, path string) csi.Source {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return csi.Source{Name: filepath.Base(path), Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// sqliteServices is a migrated SQLite store with Comuni onboarded and
// registries imported, through the services that still live on *sqlite.DB
// (Comuni, registry) until their own ports exist; the records and
// validation services are package app's.
func sqliteServices(t *testing.T) (csi.Services, *sqlite.DB) {
	t.Helper()
	ctx := recordsActorCtx()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(db)
	a.Now = db.Now
	svc := csi.Services(struct {
		*app.Services
		*sqlite.DB
	}{a, db})
	for _, c := range []string{"108002", "108033", "108023"} {
		if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "automatic", Date: "2019-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []struct{ comune, file, asOf string }{
		{"108002", "../../examples/anagrafe-aicurzio-2020-01-01.csv", "2020-01-01"},
		{"108002", "../../examples/anagrafe-aicurzio-2020-04-01.csv", "2020-04-01"},
		{"108033", "testdata/anagrafe-monza.csv", "2019-06-01"},
	} {
		req := csi.AnagrafeImport{Comune: f.comune, Mode: csi.ModeSnapshot, AsOf: f.asOf}
		if _, err := svc.ImportAnagrafe(ctx, req, fileSource(t, f.file)); err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
	}
	return svc, db
}

// postgresServices is a fresh PostgreSQL store holding the same Comuni,
// history, registry and import log as from, copied with plain SQL (the
// Comuni and registry services have no PostgreSQL port on this branch yet).
func postgresServices(t *testing.T, from *sqlite.DB) services {
	t.Helper()
	ctx := recordsActorCtx()
	db, err := postgres.Open(ctx, pgtest.NewDatabase(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	copyRows(t, from, db, "UPDATE comuni SET status = $2, anagrafe = $3, onboarded_on = $4, offboarded_on = $5, contact = $6 WHERE istat = $1",
		"SELECT istat, status, anagrafe, onboarded_on, offboarded_on, contact FROM comuni")
	for _, table := range []string{"comune_history", "imports", "persone"} {
		cols := columns(t, from, table)
		params := make([]string, len(cols))
		for i := range cols {
			params[i] = fmt.Sprintf("$%d", i+1)
		}
		list := strings.Join(cols, ", ")
		copyRows(t, from, db, "INSERT INTO "+table+"("+list+") VALUES ("+strings.Join(params, ", ")+")", "SELECT "+list+" FROM "+table)
		if _, err := db.Pool().Exec(ctx, "SELECT setval(pg_get_serial_sequence('"+table+"', 'id'), (SELECT max(id) FROM "+table+"))"); err != nil {
			t.Fatal(err)
		}
	}
	a := app.New(db)
	a.Now = db.Now
	return a
}

func columns(t *testing.T, db *sqlite.DB, table string) []string {
	t.Helper()
	rows, err := db.SQL().Query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// copyRows runs insert on PostgreSQL for every row select returns on SQLite.
func copyRows(t *testing.T, from *sqlite.DB, to *postgres.DB, insert, sel string) {
	t.Helper()
	rows, err := from.SQL().Query(sel)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		if _, err := to.Pool().Exec(context.Background(), insert, vals...); err != nil {
			t.Fatalf("%s %v: %v", insert, vals, err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// recordsStep is one call of the scenario; it returns what the call gave, as
// JSON with the durations (the only values allowed to differ) zeroed.
type recordsStep struct {
	name string
	run  func(t *testing.T, s services) string
}

func records(kind, file string, dryRun bool) recordsStep {
	return recordsStep{fmt.Sprintf("records import %s %s dry=%v", kind, file, dryRun), func(t *testing.T, s services) string {
		var rejects bytes.Buffer
		req := csi.RecordImport{Kind: kind, ImportOptions: csi.ImportOptions{DryRun: dryRun, Rejects: &rejects}}
		sum, err := s.ImportRecords(recordsActorCtx(), req, fileSource(t, file))
		if err != nil {
			return "error: " + err.Error() + " / " + csi.ErrorHint(err)
		}
		sum.DurationMS = 0
		return jsonOf(t, sum) + "\nrejects:\n" + rejects.String()
	}}
}

func validate(scope csi.ValidateScope) recordsStep {
	return recordsStep{fmt.Sprintf("validate %+v", scope), func(t *testing.T, s services) string {
		var findings []string
		run, sum, err := s.RunValidation(recordsActorCtx(), csi.ValidationRequest{Scope: scope}, func(f csi.Finding) error {
			findings = append(findings, jsonOf(t, f))
			return nil
		})
		if err != nil {
			return "error: " + err.Error() + " / " + csi.ErrorHint(err)
		}
		run.DurationMS = 0
		sort.Strings(findings) // persons stream in each engine's storage order
		return jsonOf(t, run) + "\n" + jsonOf(t, sum) + "\n" + strings.Join(findings, "\n")
	}}
}

func history() recordsStep {
	return recordsStep{"validation history", func(t *testing.T, s services) string {
		runs, err := s.ValidationHistory(recordsActorCtx())
		if err != nil {
			return "error: " + err.Error()
		}
		for i := range runs {
			runs[i].DurationMS = 0
		}
		return jsonOf(t, runs)
	}}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scenario imports records files (with repeated, moved, ambiguous and
// adopted rows, a dry run and a no-op re-import) and validates them in
// every scope.
var scenario = []recordsStep{
	records("cartelle", "../../examples/cartelle-aicurzio.csv", false),
	records("accessi", "../../examples/accessi-aicurzio.csv", false),
	records("interventi", "testdata/interventi-edge.csv", false),
	records("interventi", "../../examples/interventi-aicurzio.csv", false),
	records("cartelle", "testdata/cartelle-edge.csv", true),
	records("cartelle", "testdata/cartelle-edge.csv", false),
	records("cartelle", "testdata/cartelle-edge.csv", false),
	records("cartelle", "testdata/cartelle-edge2.csv", false),
	records("interventi", "testdata/interventi-edge.csv", false),
	records("interventi", "testdata/interventi-edge2.csv", false),
	records("accessi", "testdata/accessi-edge.csv", false),
	records("visite", "testdata/accessi-edge.csv", false),
	validate(csi.ValidateScope{}),
	validate(csi.ValidateScope{Comune: "Monza"}),
	validate(csi.ValidateScope{Comune: "108002"}),
	validate(csi.ValidateScope{Ambito: "Vimercate"}),
	validate(csi.ValidateScope{Comune: "Atlantide"}),
	validate(csi.ValidateScope{Comune: "Ba"}),
	validate(csi.ValidateScope{Ambito: "Nowhere"}),
	history(),
}

// TestRecordsAndValidationSameOnBothEngines runs the scenario through
// app.Services on SQLite and on PostgreSQL and compares every answer.
func TestRecordsAndValidationSameOnBothEngines(t *testing.T) {
	lite, db := sqliteServices(t)
	pg := postgresServices(t, db)
	var want []string
	for _, st := range scenario {
		want = append(want, st.run(t, lite))
	}
	if !strings.Contains(want[len(want)-1], `"scope":"ambito Vimercate"`) || !strings.Contains(want[9], `"updated":`) {
		t.Fatalf("the SQLite scenario did not run as planned:\n%s", strings.Join(want, "\n\n"))
	}
	for i, st := range scenario {
		if got := st.run(t, pg); got != want[i] {
			t.Errorf("%s:\nPostgreSQL: %s\nSQLite:     %s", st.name, got, want[i])
		}
	}
}
