// Package golden holds the one -update flag of csi's tests and the
// comparison every golden file goes through. With -update a test rewrites
// its golden files instead of comparing with them:
//
//	go test ./internal/cli ./internal/siuss -update
//
// rewrites them all (the testscript scenarios, the TTY and piped output
// goldens, the completion scripts, the README's rule catalogue and the
// SIUSS flow). Only tests import this package.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Update reports whether the test binary runs with -update.
func Update() bool { return *update }

// Check compares got with the golden file at path, or writes got there
// with -update; a missing or different file fails the test and says how
// to rewrite it.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run the test with -update to rewrite it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
