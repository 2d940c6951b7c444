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
		fmt.Fprintf(os.Stderr, "csi: the PostgreSQL suite did not run: set %s=postgres://USER@127.0.0.1:5432/postgres (bash .ci/run starts a throwaway server and sets it)\n", Env)
	})
	return false
}

// Required skips t, after the visible line of Announce, when no server is
// named; CI always names one, so there the suite always runs.
func Required(t testing.TB) {
	t.Helper()
	if !Announce() {
		t.Skipf("PostgreSQL suite not run: %s is not set", Env)
	}
}

// NewDatabase creates an empty database for t, drops it when t ends, and
// returns its URL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	Required(t)
	u, err := url.Parse(ServerURL())
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "csi_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, ServerURL())
	if err != nil {
		t.Fatalf("connect to %s: %v", Env, err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, ServerURL())
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}
