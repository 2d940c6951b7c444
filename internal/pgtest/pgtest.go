// Package pgtest gives tests a fresh PostgreSQL database of their own on
// the server named by CSI_TEST_POSTGRES (a postgres:// URL of a role that
// may create databases). Without it the PostgreSQL suite does not run, and
// says so in one visible line: see Required.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Env is the variable naming the test server.
const Env = "CSI_TEST_POSTGRES"

var once sync.Once

// ServerURL returns CSI_TEST_POSTGRES, or "" when it is not set.
func ServerURL() string { return os.Getenv(Env) }

// Announce prints, once per test binary, the line that says the
// PostgreSQL suite did not run and how to run it; it reports whether the
// suite can run.
func Announce() bool {
	if ServerURL() != "" {
		return true
	}
	once.Do(func() {
		fmt.Fprintf(os.Stderr, "csi: the PostgreSQL suite did not run: set %s=postgres://USER@127.0.0.1:5432/postgres (or run: bash .ci/postgres.sh go test ./... — it starts a throwaway server)\n", Env)
	})
	return false
}

// RequireEnv, when set (as .ci/run does), makes a missing server a test
// failure instead of a skip.
const RequireEnv = "CSI_REQUIRE_POSTGRES"

// Required skips t, after the visible line of Announce, when no server is
// named; CI always names one (and sets RequireEnv), so there the suite
// always runs.
func Required(t testing.TB) {
	t.Helper()
	if Announce() {
		return
	}
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("the PostgreSQL suite must run (%s is set) but %s is not set", RequireEnv, Env)
	}
	t.Skipf("PostgreSQL suite not run: %s is not set", Env)
}

// NewDatabase creates an empty database for t, drops it when t ends, and
// returns its URL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	Required(t)
	url, drop, err := CreateDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	return url
}

// CreateDatabase creates an empty database named csi_test_… on the
// server of CSI_TEST_POSTGRES and returns its URL and the function that
// drops it, for callers without a testing.TB (testscript's Setup).
func CreateDatabase(ctx context.Context) (string, func(), error) {
	u, err := url.Parse(ServerURL())
	if err != nil || ServerURL() == "" {
		return "", nil, fmt.Errorf("%s=%q is not a postgres:// URL (%v)", Env, ServerURL(), err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "csi_test_" + hex.EncodeToString(b)
	admin, err := pgx.Connect(ctx, ServerURL())
	if err != nil {
		return "", nil, fmt.Errorf("connect to %s: %w", Env, err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	drop := func() {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, ServerURL())
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	}
	u.Path = "/" + name
	return u.String(), drop, nil
}
