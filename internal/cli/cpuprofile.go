package cli

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startCPUProfile honours CSI_CPUPROFILE=FILE: the process's CPU profile,
// for go tool pprof, written when the command ends. It is for measuring
// csi itself (the benchmarks under testdata/bench); the profile holds
// function names and counts, no data. The returned stop is never nil.
func startCPUProfile(getenv func(string) string) (stop func()) {
	path := getenv("CSI_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		fmt.Fprintf(os.Stderr, "csi: CSI_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		fmt.Fprintf(os.Stderr, "csi: CSI_CPUPROFILE: %v\n", err)
		_ = out.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = out.Close()
	}
}
