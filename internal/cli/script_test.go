package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/golden"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/jackc/pgx/v5"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// The expected messages are English whatever the developer's locale;
	// the processes that tests start inherit this. Tests of the Italian
	// texts set CSI_LANG (even empty) or --lang themselves, and this binary
	// re-run as csi by testscript keeps the script's CSI_LANG.
	if _, ok := os.LookupEnv("CSI_LANG"); !ok {
		os.Setenv("CSI_LANG", "en")
	}
	// A test that needs csi as a separate process (to kill it) re-runs
	// this binary with CSI_TEST_MAIN set.
	if os.Getenv("CSI_TEST_MAIN") != "" {
		os.Exit(Main())
	}
	testscript.Main(m, map[string]func(){
		"csi": func() { os.Exit(Main()) },
	})
}

// TestScript runs the end-to-end CLI scenarios in testdata/script on each
// engine: SQLite always (CSI_DB a file in the script's folder), and
// PostgreSQL when CSI_TEST_POSTGRES names a server (CSI_DB the URL of a
// fresh database per script). The same scripts, the same expected output:
// lines that only make sense on one engine (the store file's bytes, its
// mode, a copy of it) carry [!postgres] or [postgres].
func TestScript(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { runScripts(t, "sqlite") })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Required(t)
		runScripts(t, "postgres")
	})
}

// runScripts runs every script with CSI_DB on the given engine.
func runScripts(t *testing.T, engine string) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts: golden.Update() && engine == "sqlite",
		Condition:     scriptCondition(engine),
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"pgdump": pgdumpCmd, "xsd": xsdCmd},
		Setup: func(env *testscript.Env) error {
			env.Setenv("CSI_ACTOR", "tester")
			env.Setenv("CSI_NOW", "2024-06-30T10:00:00Z")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("NO_COLOR", "1")
			// The goldens are English; lang.txtar unsets this to test Italian.
			env.Setenv("CSI_LANG", "en")
			dsn, err := scriptStore(env, engine)
			if err != nil {
				return err
			}
			// STORE keeps the script's store for a script that points
			// CSI_DB elsewhere and back.
			env.Setenv("CSI_DB", dsn)
			env.Setenv("STORE", dsn)
			// Every script starts with an initialised store, as after 'csi
			// init'; init_db.txtar tests the missing-store paths.
			return initTestStore(dsn)
		},
	})
}

// scriptCondition answers the engine conditions of the scripts:
// [postgres] holds on the PostgreSQL run, [sqlite] on the SQLite one.
func scriptCondition(engine string) func(string) (bool, error) {
	return func(cond string) (bool, error) {
		switch cond {
		case "postgres", "sqlite":
			return cond == engine, nil
		}
		return false, fmt.Errorf("unknown condition %q", cond)
	}
}

// scriptStore returns the CSI_DB of a script: a file in its folder, or a
// fresh PostgreSQL database, dropped when the script ends.
func scriptStore(env *testscript.Env, engine string) (string, error) {
	if engine == "sqlite" {
		return filepath.Join(env.WorkDir, "csi.db"), nil
	}
	url, drop, err := pgtest.CreateDatabase(context.Background())
	if err != nil {
		return "", err
	}
	env.Defer(drop)
	return url, nil
}

// initTestStore creates and migrates the store dsn names (a file or a
// postgres:// URL), as 'csi init' would, with the scripts' clock.
func initTestStore(dsn string) error {
	ctx := context.Background()
	now, _ := parseNow("2024-06-30T10:00:00Z")
	st, err := openEngine(ctx, dsn, true, false, func() time.Time { return now })
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = st.Migrate(ctx)
	return err
}

// pgdumpCmd is the script command "pgdump FILE": it writes every row of
// every table of the PostgreSQL store CSI_DB names to FILE, tables by
// name and rows sorted, so that "cmp" tells whether a command wrote
// anything: what "cp csi.db" and "cmp csi.db" tell on SQLite.
func pgdumpCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pgdump FILE")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, ts.Getenv("CSI_DB"))
	ts.Check(err)
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
	ts.Check(err)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	ts.Check(err)
	var b strings.Builder
	for _, t := range tables {
		if t == "schema_migrations" {
			continue
		}
		rows, err := conn.Query(ctx, fmt.Sprintf("SELECT t::text FROM %s t ORDER BY 1", pgx.Identifier{t}.Sanitize()))
		ts.Check(err)
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		ts.Check(err)
		fmt.Fprintf(&b, "-- %s\n%s\n", t, strings.Join(lines, "\n"))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o600))
}
