package i18n

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"it": Italian, "en": English, "EN": English, " it ": Italian} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fr", "ita", "english", "it_IT"} {
		if got, err := Parse(in); !errors.Is(err, ErrUnknown) {
			t.Errorf("Parse(%q) = %q, %v; want ErrUnknown", in, got, err)
		}
	}
}

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, Italian},
		{"LANG Italian", map[string]string{"LANG": "it_IT.UTF-8"}, Italian},
		{"LANG English", map[string]string{"LANG": "en_US.UTF-8"}, English},
		{"LANG bare code", map[string]string{"LANG": "en"}, English},
		{"LANG with modifier", map[string]string{"LANG": "en@euro"}, English},
		{"LANG C says nothing", map[string]string{"LANG": "C.UTF-8"}, Italian},
		{"LANG POSIX says nothing", map[string]string{"LANG": "POSIX"}, Italian},
		{"LANG German says nothing", map[string]string{"LANG": "de_DE.UTF-8"}, Italian},
		{"LANG word says nothing", map[string]string{"LANG": "english"}, Italian},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "it_IT.UTF-8"}, English},
		{"LC_ALL over LC_MESSAGES", map[string]string{"LC_ALL": "it_CH.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, Italian},
		{"CSI_LANG over LC_ALL", map[string]string{"CSI_LANG": "en", "LC_ALL": "it_IT.UTF-8"}, English},
		{"CSI_LANG Italian over English locale", map[string]string{"CSI_LANG": "it", "LANG": "en_US.UTF-8"}, Italian},
		{"unusable CSI_LANG falls through", map[string]string{"CSI_LANG": "fr", "LANG": "en_US.UTF-8"}, English},
		{"unusable LC_ALL falls through", map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, English},
		{"empty values fall through", map[string]string{"CSI_LANG": "", "LC_ALL": "", "LANG": "en_US"}, English},
	} {
		if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%s: FromEnv = %q, want %q", tc.name, got, tc.want)
		}
	}
}
