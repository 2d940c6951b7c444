package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// envReadRE matches a variable read by name: Getenv("X"), getenv("X"),
// LookupEnv("X").
var envReadRE = regexp.MustCompile(`(?:[Gg]etenv|LookupEnv)\("([A-Z_][A-Z0-9_]*)"\)`)

// TestHelpEnvironmentListsEveryVariable reads the non-test Go sources for
// the environment variables csi reads and checks that 'csi help
// environment' names each of them, in English and in Italian. The test
// tooling's variables (internal/pgtest) are not csi's.
func TestHelpEnvironmentListsEveryVariable(t *testing.T) {
	var read []string
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "internal"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "pgtest") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range envReadRE.FindAllStringSubmatch(string(data), -1) {
			if !slices.Contains(read, m[1]) {
				read = append(read, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The locale variables are read from a list (i18n.localeVars).
	read = append(read, "LC_ALL", "LC_MESSAGES", "LANG")
	for _, want := range []string{"CSI_OPERATORE", "CSI_SIUSS_CODES", "CSI_DB", "NO_COLOR"} {
		if !slices.Contains(read, want) {
			t.Fatalf("the source scan did not find %s: the pattern is stale (found %v)", want, read)
		}
	}
	for _, lang := range []string{"en", "it"} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		if code := Run(context.Background(), []string{"--lang", lang, "help", "environment"}, io, enEnv(map[string]string{})); code != 0 {
			t.Fatalf("%s: exit %d: %s", lang, code, errOut.String())
		}
		for _, v := range read {
			if !regexp.MustCompile(`(?m)^  ` + v + `\b|, ` + v + `\b`).MatchString(out.String()) {
				t.Errorf("%s: csi help environment does not list %s, which the code reads:\n%s", lang, v, out.String())
			}
		}
	}
}
