package cli

import (
	"runtime/debug"
)

// version is stamped at release time with -ldflags "-X ...cli.version=v1.2.3".
var version = "dev"

// unstamped is what --version prints when neither a release stamp, a module
// version nor a commit was recorded: a build from a clone with
// GOFLAGS=-buildvcs=false, from a copy of the sources without .git, or
// `go run`. It says how to get a binary that names its commit.
const unstamped = "dev (no commit recorded; build from a git clone with: go build -buildvcs=true -o csi ./cmd/csi)"

// buildVersion is what --version prints: the release stamp, else what Go
// recorded in the binary (see versionString).
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionString(version, info)
}

// versionString prefers the release stamp; then the module version that
// `go install module@version` records; then, for a build from a clone, the
// commit Go read from the VCS ("dev-<12 hex>[-modified] (<commit time>)");
// unstamped when nothing is known.
func versionString(stamped string, info *debug.BuildInfo) string {
	if stamped != "dev" {
		return stamped
	}
	if info == nil {
		return unstamped
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return unstamped
	}
	out := "dev-" + rev[:min(12, len(rev))]
	if vcs["vcs.modified"] == "true" {
		out += "-modified"
	}
	if t := vcs["vcs.time"]; t != "" {
		out += " (" + t + ")"
	}
	return out
}
