package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestTextCell checks the formula-injection defence of every CSV export:
// formula starts are quoted, plain numbers and ordinary text are not.
func TestTextCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+cmd|' /C calc'!A0":         "'+cmd|' /C calc'!A0",
		"-2+3":                       "'-2+3",
		"@SUM(1+1)":                  "'@SUM(1+1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"+39 0362 1234":              "'+39 0362 1234",
		"-":                          "'-",
		"-12.50":                     "-12.50",
		"-762,31":                    "-762,31",
		"+3":                         "+3",
		"-.5":                        "-.5",
		"12":                         "12",
		"":                           "",
		"Brambilla":                  "Brambilla",
		"a=b":                        "a=b",
	} {
		if got := textCell(in); got != want {
			t.Errorf("textCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteCSVQuotesFormulas checks that the table exporter applies it to
// headers and rows alike, and still quotes as CSV requires.
func TestWriteCSVQuotesFormulas(t *testing.T) {
	var b bytes.Buffer
	if err := writeCSV(&b, Table{Headers: []string{"cognome", "importo"}, Rows: [][]string{{`=1+1`, "-12.50"}, {`@x,y`, "3"}}}); err != nil {
		t.Fatal(err)
	}
	want := "cognome,importo\n'=1+1,-12.50\n\"'@x,y\",3\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestVerifyAsCSV: audit list declares csv, and with --verify its CSV is
// the verification's, through the one exporter.
func TestVerifyAsCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	got := runCSI(t, db, "audit", "list", "--verify", "-o", "csv")
	if !strings.HasPrefix(got, "ok,entries,problem,bad_id\ntrue,") {
		t.Fatalf("audit list --verify -o csv printed %q", got)
	}
}
