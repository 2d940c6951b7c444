package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/cli"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/synth"
	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite"
)

// writeRegion runs `genanagrafe -region` at a small scale.
func writeRegion(t *testing.T, scale string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "region")
	var stderr bytes.Buffer
	if err := run([]string{"-region", "-out", dir, "-scale", scale, "-seed", "1"}, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "rows in 1506 Comuni; largest Milano (015146)") {
		t.Errorf("stderr = %q", stderr.String())
	}
	return dir
}

// csi runs the csi command line on the store db and returns its stdout.
func csi(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"CSI_DB": db, "CSI_LANG": "en", "CSI_ACTOR": "bench"}
	io := &cli.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	if code := cli.Run(context.Background(), append([]string{"--progress", "none"}, args...), io,
		func(k string) string { return env[k] }); code != 0 {
		t.Fatalf("csi %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// addRegion adds the region's Comuni to the store db with 'csi comuni add
// -f' and onboards all 1,506 from the onboarding file, as region.sh does,
// checking the counts.
func addRegion(t *testing.T, db, dir string) {
	t.Helper()
	add := csi(t, db, "comuni", "add", "-f", filepath.Join(dir, synth.RegionComuniFile), "-o", "json")
	if !strings.Contains(add, `"added": 1451,`) || !strings.Contains(add, `"rejects": []`) {
		t.Fatalf("comuni add: %s", add)
	}
	all := csi(t, db, "comuni", "list", "-o", "csv")
	if n := strings.Count(all, "\n") - 1; n != 1506 {
		t.Fatalf("%d Comuni in the store after comuni add, want 1506", n)
	}
	if again := csi(t, db, "comuni", "add", "-f", filepath.Join(dir, synth.RegionComuniFile), "-o", "json"); !strings.Contains(again, `"unchanged": 1451,`) {
		t.Fatalf("comuni add again: %s", again)
	}
	out := csi(t, db, "comuni", "onboard", "-f", filepath.Join(dir, synth.RegionOnboarding), "-o", "csv")
	if n := strings.Count(out, ",onboarded,"); n != 1506 {
		t.Fatalf("onboarded %d Comuni, want 1506", n)
	}
	ambiti := csi(t, db, "ambiti", "list", "-o", "csv")
	if n := strings.Count(ambiti, "\n") - 1; n != 16 {
		t.Fatalf("%d Ambiti, want 16:\n%s", n, ambiti)
	}
}

// TestRegionLoadsIntoSQLite adds the region's Comuni to a SQLite store,
// onboards them all and imports a few extracts, as region.sh does on
// PostgreSQL.
func TestRegionLoadsIntoSQLite(t *testing.T) {
	dir := writeRegion(t, "0.001")
	db := filepath.Join(t.TempDir(), "csi.db")
	csi(t, db, "init")
	addRegion(t, db, dir)
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	imported := []string{"015146", "017029", "108033", "012001"}
	for _, istat := range imported {
		f := filepath.Join(dir, synth.RegionAnagrafeDir, istat+".csv")
		csi(t, db, "anagrafe", "import", f, "--comune", istat, "--as-of", "2020-01-01")
		var n int
		if err := sqldb.QueryRow("SELECT count(*) FROM persone WHERE comune = ?", istat).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if want := lineCount(t, f) - 1; n != want {
			t.Errorf("%s: %d residents stored, the file has %d", istat, n, want)
		}
	}
}

// TestRegionCopyReference loads every extract with COPY (the protocol of
// psql's \copy) into one table keyed on codice_fiscale, as region.sh's
// reference does: it fails if a code repeats anywhere in the region.
func TestRegionCopyReference(t *testing.T) {
	url := pgtest.NewDatabase(t)
	dir := writeRegion(t, "0.002")
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	ddl, err := os.ReadFile("../region_ref.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, string(ddl)); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, synth.RegionAnagrafeDir, "*.csv"))
	want := 0
	for _, f := range files {
		want += lineCount(t, f) - 1
		copyFile(t, conn, f)
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM anagrafe_ref").Scan(&n); err != nil || n != want || len(files) != 1506 {
		t.Errorf("reference table holds %d rows (%v) from %d files, want %d", n, err, len(files), want)
	}
}

// TestRegionComuniPostgres adds the region's Comuni to a PostgreSQL store
// made by 'csi init' and onboards them all: the 1,451 Comuni outside the
// province join the 55.
func TestRegionComuniPostgres(t *testing.T) {
	url := pgtest.NewDatabase(t)
	dir := writeRegion(t, "0.0005")
	csi(t, url, "init")
	addRegion(t, url, dir)
}

// copyFile sends one extract as psql's \copy does.
func copyFile(t *testing.T, conn *pgx.Conn, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := conn.PgConn().CopyFrom(context.Background(), f,
		"COPY anagrafe_ref FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')"); err != nil {
		t.Fatalf("COPY %s: %v", filepath.Base(path), err)
	}
}

// subsetFile writes the header and the lines of path that start with one
// of the codes to a new file.
func subsetFile(t *testing.T, path string, codes []string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	out := lines[0]
	for _, l := range lines[1:] {
		for _, c := range codes {
			if strings.HasPrefix(l, c+",") {
				out += l
			}
		}
	}
	sub := filepath.Join(t.TempDir(), "onboarding.csv")
	if err := os.WriteFile(sub, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return sub
}

func lineCount(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}
