package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
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
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("CSI_DB", filepath.Join(env.WorkDir, "csi.db"))
			env.Setenv("CSI_ACTOR", "tester")
			env.Setenv("CSI_NOW", "2024-06-30T10:00:00Z")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
