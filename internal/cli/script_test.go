package cli

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/golden"
	"github.com/csi-mb/csi/internal/sqlite"

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

// TestScript runs the end-to-end CLI scenarios in testdata/script.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("CSI_DB", filepath.Join(env.WorkDir, "csi.db"))
			env.Setenv("CSI_ACTOR", "tester")
			env.Setenv("CSI_NOW", "2024-06-30T10:00:00Z")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("NO_COLOR", "1")
			// The goldens are English; lang.txtar unsets this to test Italian.
			env.Setenv("CSI_LANG", "en")
			// Every script starts with an initialised store, as after 'csi
			// init'; init_db.txtar tests the missing-store paths.
			return initTestStore(filepath.Join(env.WorkDir, "csi.db"))
		},
	})
}

// initTestStore creates and migrates the store at path, as 'csi init'
// would, with the scripts' clock.
func initTestStore(path string) error {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, true)
	if err != nil {
		return err
	}
	defer db.Close()
	now, _ := parseNow("2024-06-30T10:00:00Z")
	db.Now = func() time.Time { return now }
	_, err = db.Migrate(ctx)
	return err
}
