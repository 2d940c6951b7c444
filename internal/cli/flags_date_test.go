package cli

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// dateFlagName matches the names of flags that take a date; a flag so
// named, or whose usage asks for YYYY-MM-DD, must be a date flag.
var dateFlagName = regexp.MustCompile(`^(as-of|at|since|until|date|from|to|expires|on|day)$|-(date|day|from|to|since|until)$`)

// dateFlag is one date flag of the tree: the command path and the flag.
type dateFlag struct {
	path []string
	name string
}

// dateFlags walks the whole command tree and returns every date flag;
// it fails the test for a flag that takes a date but is not one.
func dateFlags(t *testing.T) []dateFlag {
	t.Helper()
	f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(nil))
	var out []dateFlag
	for _, c := range runnable(NewCmdRoot(f)) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			looksDate := dateFlagName.MatchString(fl.Name) || strings.Contains(fl.Usage, "YYYY-MM-DD")
			isDate := fl.Value.Type() == dateFlagType
			if looksDate && !isDate {
				t.Errorf("%s --%s takes a date but is a %s flag: define it with dateVar", c.CommandPath(), fl.Name, fl.Value.Type())
			}
			if isDate {
				out = append(out, dateFlag{strings.Fields(c.CommandPath())[1:], fl.Name})
			}
		})
	}
	return out
}

// findCmd returns the command at path in a fresh tree.
func findCmd(t *testing.T, path []string) *cobra.Command {
	t.Helper()
	f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(nil))
	c, _, err := NewCmdRoot(f).Find(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDateFlags walks the command tree: every date flag reads the three
// forms of the files as the same day, and refuses an impossible or
// ambiguous date.
func TestDateFlags(t *testing.T) {
	flags := dateFlags(t)
	if len(flags) < 11 {
		t.Fatalf("found %d date flags, want at least the 11 of round 2: the walk is broken", len(flags))
	}
	for _, df := range flags {
		t.Run(strings.Join(df.path, "_")+"_"+df.name, func(t *testing.T) {
			for _, in := range []string{"2024-06-30", "30/06/2024", "30-06-2024"} {
				fl := findCmd(t, df.path).Flags().Lookup(df.name)
				if err := fl.Value.Set(in); err != nil {
					t.Errorf("--%s %s: %v", df.name, in, err)
				} else if got := fl.Value.String(); got != "2024-06-30" {
					t.Errorf("--%s %s reads %q, want 2024-06-30", df.name, in, got)
				}
			}
			for _, bad := range []string{"31/02/2024", "2024-13-01", "30/06/24", "06/30/2024", "00/00/0000", "domani"} {
				if err := findCmd(t, df.path).Flags().Lookup(df.name).Value.Set(bad); err == nil {
					t.Errorf("--%s %s is accepted", df.name, bad)
				}
			}
		})
	}
}

// TestDateFlagUsageError runs every command with a date flag given an
// impossible date: a usage error (exit 2) that names the flag and the
// value, before anything runs.
func TestDateFlagUsageError(t *testing.T) {
	for _, df := range dateFlags(t) {
		var out, errOut bytes.Buffer
		args := append(append([]string{}, df.path...), "--"+df.name, "31/02/2024")
		code := Run(context.Background(), args, &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}, enEnv(map[string]string{"CSI_DB": t.TempDir() + "/none.db"}))
		msg := errOut.String()
		if code != ExitUsage || !strings.Contains(msg, "--"+df.name+` "31/02/2024" is not a valid date: day 31 does not exist in February 2024`) {
			t.Errorf("csi %s: exit %d, stderr %q; want exit %d naming the flag and the day", strings.Join(args, " "), code, msg, ExitUsage)
		}
		if out.Len() != 0 {
			t.Errorf("csi %s wrote %q on stdout", strings.Join(args, " "), out.String())
		}
	}
}
