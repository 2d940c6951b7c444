package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/csi-mb/csi/internal/golden"
)

// widthCommands print wide tables; TestStyledOutput keeps goldens of them
// on terminals 80 and 120 columns wide, in English and Italian.
var widthCommands = []struct {
	name string
	args []string
}{
	{"popolazione_ambito", []string{"indicators", "show", "cartelle-popolazione", "--year", "2020", "--by", "ambito"}},
	{"movimento", []string{"indicators", "show", "cartelle-movimento", "--period", "2015-2017,2018-2020"}},
	{"anagrafe_status", []string{"anagrafe", "status"}},
	{"comuni_show", []string{"comuni", "show", "Desio"}},
}

// runWidth runs one command line on a forced terminal width columns wide,
// in lang.
func runWidth(t *testing.T, env map[string]string, width int, lang string, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	io.SetStdoutTTY(true)
	io.SetTerminalWidth(width)
	e := map[string]string{"CSI_LANG": lang}
	for k, v := range env {
		e[k] = v
	}
	if code := Run(context.Background(), args, io, enEnv(e)); code != 0 {
		t.Errorf("csi %s (width %d): exit %d: %s", strings.Join(args, " "), width, code, errOut.String())
	}
	return out.Bytes()
}

// checkWidths compares the wide tables at 80 and 120 columns, in both
// languages, with their goldens, and checks that no line is wider than the
// terminal: at 80 columns the tables wrap or drop to one block per row.
func checkWidths(t *testing.T, env map[string]string) {
	for _, c := range widthCommands {
		for _, width := range []int{80, 120} {
			for _, lang := range []string{"en", "it"} {
				out := runWidth(t, env, width, lang, c.args...)
				for i, line := range strings.Split(string(out), "\n") {
					if w := lipgloss.Width(line); w > width {
						t.Errorf("%s at %d columns (%s), line %d is %d wide: %q", c.name, width, lang, i+1, w, line)
					}
				}
				golden.Check(t, filepath.Join("testdata", "styled", fmt.Sprintf("%s_%d_%s_tty.golden", c.name, width, lang)), out)
			}
		}
	}
}
