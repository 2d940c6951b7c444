package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestHelpIsItalian fails when a command's Short or Long, or one of its
// flags' usage, reads the same in Italian as in English: some help was not
// passed through the catalog.
func TestHelpIsItalian(t *testing.T) {
	en, it := helpTexts(t, "en"), helpTexts(t, "it")
	if len(en) < 100 {
		t.Fatalf("found only %d help texts: the walk is broken", len(en))
	}
	for where, text := range en {
		if text == "" {
			t.Errorf("%s: empty help text", where)
			continue
		}
		if it[where] == text {
			t.Errorf("%s is not translated: %q", where, text)
		}
	}
}

// helpTexts returns every Short, Long and flag usage of the tree built in
// lang, keyed by where it is.
func helpTexts(t *testing.T, lang string) map[string]string {
	t.Helper()
	f := NewFactory(&IOStreams{}, enEnv(map[string]string{"CSI_LANG": lang}))
	texts := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		texts[path+" Short"] = c.Short
		if c.Long != "" {
			texts[path+" Long"] = c.Long
		}
		add := func(fl *pflag.Flag) { texts[path+" --"+fl.Name] = fl.Usage }
		c.LocalNonPersistentFlags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewCmdRoot(f))
	return texts
}

// TestFlagValueNames: in Italian the value after a flag is named in
// Italian ("--db testo", "--as-of data") with the descriptions still in one
// column; English keeps pflag's names.
func TestFlagValueNames(t *testing.T) {
	for lang, want := range map[string][]string{
		"it": {"      --as-of data        data di riferimento", "      --comune testo      il Comune", "      --map testi         ", "  -o, --output testo     formato"},
		"en": {"      --as-of date        ", "      --comune string     ", "  -o, --output string     output format"},
	} {
		f := NewFactory(&IOStreams{}, enEnv(map[string]string{"CSI_LANG": lang}))
		root := NewCmdRoot(f)
		cmd, _, err := root.Find([]string{"anagrafe", "import"})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := writeUsage(&b, cmd, f); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: help lacks %q:\n%s", lang, w, b.String())
			}
		}
		if lang == "it" && (strings.Contains(b.String(), " string ") || strings.Contains(b.String(), " int ")) {
			t.Errorf("it: an English value name is left:\n%s", b.String())
		}
	}
}
