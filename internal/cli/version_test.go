package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionString formats the version from the release stamp, the module
// version (go install) or the VCS information Go records in a clone's build.
func TestVersionString(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		name    string
		stamped string
		info    *debug.BuildInfo
		want    string
	}{
		{"release stamp wins", "v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.0.0"}}, "v1.2.3"},
		{"no build info", "dev", nil, unstamped},
		{"go install of a tag", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"clone, clean", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs", "git", "vcs.revision", "1ddfa4c0123456789abcdef0123456789abcdef0", "vcs.time", "2026-12-01T10:20:30Z", "vcs.modified", "false")},
			"dev-1ddfa4c01234 (2026-12-01T10:20:30Z)"},
		{"clone, modified", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "1ddfa4c0123456789abcdef0123456789abcdef0", "vcs.time", "2026-12-01T10:20:30Z", "vcs.modified", "true")},
			"dev-1ddfa4c01234-modified (2026-12-01T10:20:30Z)"},
		{"pseudo-version with vcs", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201102030-1ddfa4c01234"},
			Settings: vcs("vcs.revision", "1ddfa4c0123456789abcdef0123456789abcdef0")}, "v0.0.0-20261201102030-1ddfa4c01234"},
		{"no vcs information", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, unstamped},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionString(tc.stamped, tc.info); got != tc.want {
				t.Errorf("versionString = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestVersionUnstampedSaysHow checks that a binary that knows no version
// says how to build one that does, instead of a bare "dev".
func TestVersionUnstampedSaysHow(t *testing.T) {
	got := versionString("dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}})
	if got == "dev" || !strings.Contains(got, "-buildvcs=true") {
		t.Errorf("versionString without VCS information = %q, want a hint with -buildvcs=true", got)
	}
}
