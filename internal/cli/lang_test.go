package cli

import (
	"testing"

	"github.com/csi-mb/csi/internal/i18n"
)

// enEnv returns the getenv of an in-process run over env, in English unless
// env sets CSI_LANG: the tests' expected messages are English, whatever the
// developer's locale (Run reads no process variable, and the default is
// Italian).
func enEnv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok || k != "CSI_LANG" {
			return v
		}
		return "en"
	}
}

// TestLangSelection: --lang beats CSI_LANG, which beats LC_ALL, LC_MESSAGES
// and LANG; without any, Italian; a --lang other than it or en is a usage
// error.
func TestLangSelection(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		env  map[string]string
		want i18n.Lang
		bad  bool
	}{
		{"nothing says", nil, nil, i18n.Italian, false},
		{"Italian locale", nil, map[string]string{"LANG": "it_IT.UTF-8"}, i18n.Italian, false},
		{"English locale", nil, map[string]string{"LANG": "en_US.UTF-8"}, i18n.English, false},
		{"C locale", nil, map[string]string{"LANG": "C.UTF-8"}, i18n.Italian, false},
		{"LC_MESSAGES over LANG", nil, map[string]string{"LC_MESSAGES": "en_GB", "LANG": "it_IT.UTF-8"}, i18n.English, false},
		{"LC_ALL over LC_MESSAGES", nil, map[string]string{"LC_ALL": "it_IT", "LC_MESSAGES": "en_GB"}, i18n.Italian, false},
		{"CSI_LANG over LC_ALL", nil, map[string]string{"CSI_LANG": "en", "LC_ALL": "it_IT.UTF-8"}, i18n.English, false},
		{"--lang over CSI_LANG", []string{"--lang", "it", "ambiti", "list"}, map[string]string{"CSI_LANG": "en"}, i18n.Italian, false},
		{"--lang= over the locale", []string{"ambiti", "list", "--lang=en"}, map[string]string{"LANG": "it_IT.UTF-8"}, i18n.English, false},
		{"last --lang wins", []string{"--lang", "it", "--lang", "en"}, nil, i18n.English, false},
		{"--lang in capitals", []string{"--lang", "EN"}, nil, i18n.English, false},
		{"after -- it is an argument", []string{"anagrafe", "import", "--", "--lang", "fr"}, map[string]string{"LANG": "en_US"}, i18n.English, false},
		{"unknown --lang", []string{"--lang", "fr", "ambiti", "list"}, nil, i18n.Italian, true},
		{"unknown --lang=", []string{"--lang=de"}, map[string]string{"CSI_LANG": "en"}, i18n.English, true},
		{"empty --lang=", []string{"--lang="}, nil, i18n.Italian, true},
		{"a locale is not a --lang", []string{"--lang", "it_IT"}, nil, i18n.Italian, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := NewFactory(&IOStreams{}, func(k string) string { return tc.env[k] })
			err := f.langFromArgs(tc.args)
			if (err != nil) != tc.bad {
				t.Fatalf("langFromArgs(%q): error %v, want error %v", tc.args, err, tc.bad)
			}
			if tc.bad && exitCode(err) != ExitUsage {
				t.Errorf("exit code %d, want %d", exitCode(err), ExitUsage)
			}
			if f.Lang != tc.want {
				t.Errorf("language %q, want %q", f.Lang, tc.want)
			}
		})
	}
}
