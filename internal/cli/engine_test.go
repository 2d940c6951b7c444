package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/sqlite"
)

// TestEngineChoice: a postgres:// or postgresql:// --db is PostgreSQL,
// anything else a SQLite file; the choice is made in openEngine alone.
func TestEngineChoice(t *testing.T) {
	file := filepath.Join(t.TempDir(), "postgres.db")
	_, errOut, code := runDemoCSI(t, map[string]string{"CSI_DB": file}, "init")
	if code != 0 {
		t.Fatalf("init on %s: %d %s", file, code, errOut)
	}
	f := NewFactory(&IOStreams{}, enEnv(map[string]string{}))
	f.DBPath = file
	st, err := f.Store(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := st.(*sqlite.DB); !ok || st.Engine() != "sqlite" || st.Describe() != file {
		t.Errorf("%s opened as %T %s %s", file, st, st.Engine(), st.Describe())
	}
	for _, u := range []string{"postgres://u@127.0.0.1:1/x?connect_timeout=1", "POSTGRESQL://u@127.0.0.1:1/x?connect_timeout=1"} {
		_, errOut, code := runDemoCSI(t, nil, "--db", u, "db", "status")
		if code != 1 || !strings.Contains(errOut, "cannot connect to the PostgreSQL store") {
			t.Errorf("db status on %s: exit %d, %s", u, code, errOut)
		}
	}
}

// TestPostgresPasswordMasked runs commands with a password in the URL
// (the test server trusts any): no output, error, hint or help shows it.
func TestPostgresPasswordMasked(t *testing.T) {
	const secret = "TopSecret42"
	unreachable := "postgres://csi:" + secret + "@127.0.0.1:1/csi?connect_timeout=1"
	runs := [][]string{
		{"--db", unreachable, "init"},
		{"--db", unreachable, "db", "status"},
		{"--db", unreachable, "comuni", "list"},
		{"--db", unreachable, "--help"},
		{"--db", unreachable, "db", "backup", "--help"},
	}
	var url string
	if pgtest.ServerURL() != "" {
		url = strings.Replace(pgtest.NewDatabase(t), "://postgres@", "://postgres:"+secret+"@", 1)
		runs = append(runs, []string{"--db", url, "comuni", "list"}, []string{"--db", url, "init"},
			[]string{"--db", url, "db", "status", "-o", "json"}, []string{"--db", url, "db", "migrate"},
			[]string{"--db", url, "db", "check"}, []string{"--db", url, "audit", "list"})
	}
	for _, args := range runs {
		out, errOut, _ := runDemoCSI(t, nil, args...)
		if strings.Contains(out+errOut, secret) {
			t.Errorf("csi %s shows the password:\n%s%s", strings.Join(args[2:], " "), out, errOut)
		}
	}
	if url == "" {
		return
	}
	_, errOut, code := runDemoCSI(t, nil, "--db", url, "init")
	if code != 0 || !strings.Contains(errOut, "postgres://postgres:xxxxx@") {
		t.Errorf("init: exit %d, %q: want the masked URL", code, errOut)
	}
	db, err := postgres.Open(t.Context(), url, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.Pool().QueryRow(t.Context(), "SELECT count(*) FROM audit WHERE strpos(audit::text, $1) > 0", secret).Scan(&n); err != nil || n != 0 {
		t.Errorf("the audit log has the password in %d entries (%v)", n, err)
	}
}

// TestPostgresInitStatusBackup: init, status, migrate and backup on a
// PostgreSQL store, and the refusals of a database that is not one.
func TestPostgresInitStatusBackup(t *testing.T) {
	url := pgtest.NewDatabase(t)
	if _, errOut, code := runDemoCSI(t, nil, "--db", url, "db", "status"); code != 1 || !strings.Contains(errOut, "is not a csi store") {
		t.Fatalf("status of an empty database: %d %s", code, errOut)
	}
	if _, errOut, code := runDemoCSI(t, nil, "--db", url, "init"); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	out, _, code := runDemoCSI(t, nil, "--db", url, "db", "status", "-o", "csv")
	if code != 0 || strings.Count(out, "\n") != 12 || strings.Contains(out, "pending") { // the header and 11 migrations
		t.Errorf("status: %d\n%s", code, out)
	}
	if _, errOut, code := runDemoCSI(t, nil, "--db", url, "db", "migrate"); code != 0 || !strings.Contains(errOut, "up to date") {
		t.Errorf("migrate: %d %s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "csi.dump")
	if _, errOut, code := runDemoCSI(t, nil, "--db", url, "db", "backup", file); code != 0 || !strings.Contains(errOut, "backup written") {
		t.Errorf("backup: %d %s", code, errOut)
	}
}
