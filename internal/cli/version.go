package cli

import (
	"runtime/debug"
)

// version is stamped at release time with -ldflags "-X ...cli.version=v1.2.3".
var version = "dev"

// buildVersion is what --version prints: the release stamp, else what Go
// recorded in the binary (see versionString).
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionString(version, info)
}

// versionString prefers the release stamp; then the module version that
// `go install module@version` records; then, for a build from a clone, the
// commit Go read from the VCS ("dev-<12 hex>[-modified] (<commit time>)");
// "dev" when nothing is known.
func versionString(stamped string, info *debug.BuildInfo) string {
	if stamped != "dev" || info == nil {
		return stamped
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
		return stamped
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
