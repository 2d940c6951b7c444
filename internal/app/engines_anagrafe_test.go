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
)

// fixture is the services over one engine's fresh store, with what a test
// needs to look at the store beneath them.
type fixture struct {
	engine string
	svc    *app.Services
	ctx    context.Context
	// scalar runs a query (SQL both engines read alike) returning one text.
	scalar func(t *testing.T, q string) string
	// exec runs a statement.
	exec func(t *testing.T, q string)
	// onboard makes a Comune an active member since 2020-01-01.
	onboard func(t *testing.T, istat string)
	sqlite  *sqlite.DB
	pg      *postgres.DB
}

// eachEngine runs fn on SQLite, then on PostgreSQL when CSI_TEST_POSTGRES
// names a server (a visible line says when it does not).
func eachRegistryEngine(t *testing.T, fn func(t *testing.T, fx *fixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteFixture(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, postgresFixture(t)) })
}

func registryActorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "test"})
}

func sqliteFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := registryActorCtx()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fx := &fixture{engine: "sqlite", svc: app.New(db), ctx: ctx, sqlite: db}
	fx.svc.Now = db.Now
	fx.scalar = func(t *testing.T, q string) string {
		t.Helper()
		var s string
		if err := db.SQL().QueryRowContext(ctx, q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return s
	}
	fx.exec = func(t *testing.T, q string) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	fx.onboard = onboardThrough(fx)
	return fx
}

// onboardThrough onboards a Comune through the services, on any engine.
func onboardThrough(fx *fixture) func(t *testing.T, istat string) {
	return func(t *testing.T, istat string) {
		t.Helper()
		if _, err := fx.svc.OnboardComune(fx.ctx, csi.OnboardInput{Comune: istat, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
}

func postgresFixture(t *testing.T) *fixture {
	t.Helper()
	url := pgtest.NewDatabase(t)
	ctx := registryActorCtx()
	db, err := postgres.Open(ctx, url, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fx := &fixture{engine: "postgres", svc: app.New(db), ctx: ctx, pg: db}
	fx.svc.Now = db.Now
	fx.scalar = func(t *testing.T, q string) string {
		t.Helper()
		var s string
		if err := db.Pool().QueryRow(ctx, q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return s
	}
	fx.exec = func(t *testing.T, q string) {
		t.Helper()
		if _, err := db.Pool().Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	fx.onboard = onboardThrough(fx)
	return fx
}

// onboarded is a fixture with Comune istat onboarded.
func onboarded(t *testing.T, fx *fixture, istat string) context.Context {
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
func storeCounts(t *testing.T, fx *fixture) string {
	t.Helper()
	return fx.scalar(t, `SELECT (SELECT count(*) FROM persone) || ' versions, ' ||
		(SELECT count(*) FROM persone WHERE valid_to = '') || ' current, ' ||
		(SELECT count(*) FROM imports) || ' imports, ' || (SELECT count(*) FROM audit) || ' audit'`)
}
