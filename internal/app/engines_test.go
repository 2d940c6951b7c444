package app_test

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/store"
)

// testNow is the clock of both engines and of the services.
var testNow = time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// engine is a fresh, migrated store of one engine with the services over
// it, and what a test needs to look at the store beneath them or tamper
// with it. Every test of package app that runs on both engines gets its
// store from sqliteEngine, postgresEngine or eachEngine.
type engine struct {
	name string // "sqlite" or "postgres"
	st   store.Store
	svc  *app.Services // the services over st, on the test clock
	ctx  context.Context
	// exec runs a statement (SQL both engines read alike).
	exec func(q string) error
	// queryString reads one text value.
	queryString func(q string) (string, error)
	// guards are the statements that drop the audit log's append-only
	// guard, as someone with the store's files could.
	guards []string
}

func newEngine(name string, st store.Store) engine {
	svc := app.New(st)
	svc.Now = clock
	return engine{name: name, st: st, svc: svc, ctx: registryActorCtx()}
}

func sqliteEngine(t *testing.T) engine {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = clock
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	e := newEngine("sqlite", db)
	e.exec = func(q string) error { _, err := db.SQL().Exec(q); return err }
	e.queryString = func(q string) (v string, err error) {
		err = db.SQL().QueryRow(q).Scan(&v)
		return v, err
	}
	e.guards = []string{"DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"}
	return e
}

// postgresEngine opens a fresh database on the server CSI_TEST_POSTGRES
// names; without one, it skips t after one visible line.
func postgresEngine(t *testing.T) engine {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.NewDatabase(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = clock
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	e := newEngine("postgres", db)
	e.exec = func(q string) error { _, err := db.Pool().Exec(ctx, q); return err }
	e.queryString = func(q string) (v string, err error) {
		err = db.Pool().QueryRow(ctx, q).Scan(&v)
		return v, err
	}
	e.guards = []string{"DROP TRIGGER IF EXISTS audit_no_update ON audit", "DROP TRIGGER IF EXISTS audit_no_delete ON audit"}
	return e
}

// eachEngine runs fn on SQLite and, as a subtest that skips visibly when
// no server is named, on PostgreSQL; fn gets a fresh store each time it
// calls newEngine.
func eachEngine(t *testing.T, fn func(t *testing.T, newEngine func(*testing.T) engine)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteEngine) })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Required(t)
		fn(t, postgresEngine)
	})
}

// scalar runs a query returning one text value.
func (e engine) scalar(t *testing.T, q string) string {
	t.Helper()
	s, err := e.queryString(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

// mustExec runs a statement that must succeed.
func (e engine) mustExec(t *testing.T, q string) {
	t.Helper()
	if err := e.exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// onboard makes a Comune an active member since 2020-01-01, through the
// services.
func (e engine) onboard(t *testing.T, istat string) {
	t.Helper()
	if _, err := e.svc.OnboardComune(e.ctx, csi.OnboardInput{Comune: istat, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
}

// registryActorCtx is the context of an engine's ctx: the actor of the
// registry tests.
func registryActorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "test"})
}

// onboarded onboards Comune istat and returns the engine's context.
func onboarded(t *testing.T, fx engine, istat string) context.Context {
	t.Helper()
	fx.onboard(t, istat)
	return fx.ctx
}

func bytesSource(name string, data []byte) csi.Source {
	return csi.Source{Name: name, Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// storeCounts describes what an import may change.
func storeCounts(t *testing.T, fx engine) string {
	t.Helper()
	return fx.scalar(t, `SELECT (SELECT count(*) FROM persone) || ' versions, ' ||
		(SELECT count(*) FROM persone WHERE valid_to = '') || ' current, ' ||
		(SELECT count(*) FROM imports) || ' imports, ' || (SELECT count(*) FROM audit) || ' audit'`)
}

// services returns the engine's services (the name the SIUSS and
// monitoring tests use).
func (e engine) services() *app.Services { return e.svc }
