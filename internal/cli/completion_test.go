package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/golden"
)

// TestCompletionsUpToDate fails when the committed completion scripts differ
// from what the command tree generates, in English or in Italian (the
// scripts hold no text: descriptions come from 'csi __complete' in the
// user's language). -update rewrites them.
func TestCompletionsUpToDate(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out := completionScript(t, shell, "en")
		if it := completionScript(t, shell, "it"); !bytes.Equal(it.Bytes(), out.Bytes()) {
			t.Errorf("completion %s differs in Italian: the scripts must not depend on the language", shell)
		}
		golden.Check(t, filepath.Join("..", "..", "completions", completionFile(shell)), out.Bytes())
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

func completionScript(t *testing.T, shell, lang string) *bytes.Buffer {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	if code := Run(t.Context(), []string{"completion", shell}, io, enEnv(map[string]string{"CSI_LANG": lang})); code != 0 {
		t.Fatalf("completion %s: exit %d: %s", shell, code, errOut.String())
	}
	return &out
}

// TestCompletionDescriptionsFollowLanguage: what the shell shows beside a
// command or a flag is in the user's language.
func TestCompletionDescriptionsFollowLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"it": "--lang\tlingua di messaggi e aiuto",
		"en": "--lang\tlanguage of messages and help",
	} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		code := Run(t.Context(), []string{"__complete", "--la"}, io, enEnv(map[string]string{"CSI_LANG": lang}))
		if code != 0 || !strings.Contains(out.String(), want) {
			t.Errorf("CSI_LANG=%s: exit %d, completions %q; want %q", lang, code, out.String(), want)
		}
	}
}

// TestCompletionOfLang: while the shell completes --lang's value, the word
// typed so far is not refused as a language.
func TestCompletionOfLang(t *testing.T) {
	for _, typed := range []string{"", "e"} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		code := Run(t.Context(), []string{"__complete", "--lang", typed}, io, enEnv(nil))
		if code != 0 || !strings.HasPrefix(out.String(), "it\nen\n") {
			t.Errorf("completing --lang %q: exit %d, stdout %q, stderr %q; want it and en", typed, code, out.String(), errOut.String())
		}
	}
}
