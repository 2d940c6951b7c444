package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCompletionsUpToDate fails when the committed completion scripts differ
// from what the command tree generates. UPDATE_COMPLETIONS=1 rewrites them.
func TestCompletionsUpToDate(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		if code := Run(t.Context(), []string{"completion", shell}, io, enEnv(nil)); code != 0 {
			t.Fatalf("completion %s: exit %d: %s", shell, code, errOut.String())
		}
		path := filepath.Join("..", "..", "completions", completionFile(shell))
		if os.Getenv("UPDATE_COMPLETIONS") != "" {
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run: UPDATE_COMPLETIONS=1 go test ./internal/cli -run Completions)", err)
		}
		if !bytes.Equal(got, out.Bytes()) {
			t.Errorf("%s is stale; run: UPDATE_COMPLETIONS=1 go test ./internal/cli -run Completions", path)
		}
	}
}

func completionFile(shell string) string {
	switch shell {
	case "powershell":
		return "csi.ps1"
	case "zsh":
		return "_csi"
	}
	return "csi." + shell
}
