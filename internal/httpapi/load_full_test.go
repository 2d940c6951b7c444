//go:build load

package httpapi_test

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestLoad is the bounded load test of the issue; run it with
// testdata/bench/load.sh. Settings, by environment variable:
//
//	CSI_LOAD_CLIENTS       concurrent reading/validating clients (32)
//	CSI_LOAD_DURATION      how long they run (20s)
//	CSI_LOAD_SCALE         population scale of the 9 preloaded Comuni (0.25)
//	CSI_LOAD_IMPORT_SCALE  population scale of the imported extract of Monza (1: 124,840 rows)
//
// The import holds the store's write lock for its whole transaction (20 s
// on the loaded 2-core development machine): validations wait for it in
// the server's import gate (scope_limit.go) instead of failing with "the
// store is busy", while indicator reads go on.
func TestLoad(t *testing.T) {
	runLoad(t, loadConfig{
		clients:     envInt(t, "CSI_LOAD_CLIENTS", 32),
		dur:         envDuration(t, "CSI_LOAD_DURATION", 20*time.Second),
		scale:       envFloat(t, "CSI_LOAD_SCALE", 0.25),
		importScale: envFloat(t, "CSI_LOAD_IMPORT_SCALE", 1),
	})
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q is not a positive whole number", name, s)
	}
	return n
}

func envFloat(t *testing.T, name string, def float64) float64 {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		t.Fatalf("%s=%q is not a positive number", name, s)
	}
	return f
}

func envDuration(t *testing.T, name string, def time.Duration) time.Duration {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		t.Fatalf("%s=%q is not a duration such as 20s", name, s)
	}
	return d
}
