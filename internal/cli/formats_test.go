package cli

import (
	"bytes"
	"testing"

	"github.com/spf13/cobra"
)

// runnable returns every command of the tree that runs something, with
// its path.
func runnable(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	if c.Runnable() && !c.Hidden {
		out = append(out, c)
	}
	for _, sub := range c.Commands() {
		out = append(out, runnable(sub)...)
	}
	return out
}

// TestEveryCommandDeclaresItsFormats walks the whole command tree: every
// runnable command declares the -o formats it supports, each one known,
// so that an unsupported -o is refused before the command runs.
func TestEveryCommandDeclaresItsFormats(t *testing.T) {
	f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(nil))
	for _, c := range runnable(NewCmdRoot(f)) {
		t.Run(c.CommandPath(), func(t *testing.T) {
			fs := declaredFormats(c)
			if len(fs) == 0 {
				t.Fatalf("%s declares no output formats (add Annotations: formats(...) to its constructor)", c.CommandPath())
			}
			for _, x := range fs {
				if !knownFormats[x] {
					t.Errorf("%s declares an unknown format %q", c.CommandPath(), x)
				}
			}
		})
	}
}
