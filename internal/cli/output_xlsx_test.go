package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openXLSX opens a workbook csi wrote and checks it is private (0600).
func openXLSX(t *testing.T, path string) *excelize.File {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", path, st.Mode().Perm())
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// cellOf reads one cell's raw value and whether it is stored as a number.
func cellOf(t *testing.T, x *excelize.File, sheet, ref string) (string, bool) {
	t.Helper()
	v, err := x.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := x.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v, typ == excelize.CellTypeUnset && v != ""
}

// TestXLSXThroughExport: a list, a show and an indicator written with -o
// xlsx --out through the one exporter, read back: one sheet per table
// named after it, the header, codes as text, counts as numbers, and the
// indicator's metadata above its header.
func TestXLSXThroughExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")

	list := filepath.Join(dir, "comuni.xlsx")
	runCSI(t, db, "comuni", "list", "-o", "xlsx", "--out", list)
	x := openXLSX(t, list)
	if got := x.GetSheetList(); len(got) != 1 || got[0] != "comuni list" {
		t.Fatalf("comuni list: sheets %q", got)
	}
	rows, _ := x.GetRows("comuni list")
	if len(rows) != 56 || rows[0][0] != "istat" {
		t.Fatalf("comuni list: %d rows, header %q; want the header and 55 Comuni", len(rows), rows[0])
	}
	pop := -1
	for i, h := range rows[0] {
		if h == "population" {
			pop = i
		}
	}
	if v, num := cellOf(t, x, "comuni list", "A2"); v != "108001" || num {
		t.Errorf("istat A2 = %q (number %v), want the code as text", v, num)
	}
	ref, _ := excelize.CoordinatesToCellName(pop+1, 2)
	if v, num := cellOf(t, x, "comuni list", ref); !num || v == "" || v == "0" {
		t.Errorf("popolazione %s = %q (number %v), want a number", ref, v, num)
	}

	show := filepath.Join(dir, "desio.xlsx")
	runCSI(t, db, "ambiti", "show", "Desio", "-o", "xlsx", "--out", show)
	if got := openXLSX(t, show).GetSheetList(); len(got) < 2 || got[0] != "fields" {
		t.Errorf("ambiti show: sheets %q, want the fields then the sections", got)
	}

	ind := filepath.Join(dir, "popolazione.xlsx")
	runCSI(t, db, "indicators", "show", "popolazione", "--by", "ambito", "-o", "xlsx", "--out", ind)
	x = openXLSX(t, ind)
	rows, _ = x.GetRows("popolazione")
	meta := map[string]string{}
	header := 0
	for i, r := range rows {
		if len(r) == 2 {
			meta[r[0]] = r[1]
		}
		if len(r) > 0 && r[0] == "level" {
			header = i + 1
			break
		}
	}
	for _, k := range []string{"indicator", "params", "geography", "snapshot"} {
		if meta[k] == "" {
			t.Errorf("popolazione sheet: no %s above the header (meta %v)", k, meta)
		}
	}
	if meta["indicator"] != "popolazione v1" || header == 0 {
		t.Fatalf("popolazione sheet: indicator %q, header row %d", meta["indicator"], header)
	}
	if panes, _ := x.GetPanes("popolazione"); !panes.Freeze || panes.YSplit != header {
		t.Errorf("panes %+v, want frozen below the header row %d", panes, header)
	}
	ref, _ = excelize.CoordinatesToCellName(4, header+1)
	if v, num := cellOf(t, x, "popolazione", ref); !num {
		t.Errorf("popolazione %s = %q, want a number", ref, v)
	}
}

// TestReportXLSX: csi report -o xlsx writes one sheet per section, each
// with its heading and reading above the table.
func TestReportXLSX(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	var doc struct {
		Sections []struct{ Heading string } `json:"sections"`
	}
	if err := json.Unmarshal([]byte(runCSI(t, db, "report", "--period", "2020", "-o", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "report.xlsx")
	runCSI(t, db, "report", "--period", "2020", "-o", "xlsx", "--out", path)
	x := openXLSX(t, path)
	sheets := x.GetSheetList()
	if len(sheets) != len(doc.Sections) || len(sheets) < 5 {
		t.Fatalf("%d sheets %q for %d sections", len(sheets), sheets, len(doc.Sections))
	}
	for i, name := range sheets {
		if a1, _ := x.GetCellValue(name, "A1"); a1 != "section" {
			t.Errorf("sheet %s: A1 %q, want section", name, a1)
		}
		if b1, _ := x.GetCellValue(name, "B1"); b1 != doc.Sections[i].Heading {
			t.Errorf("sheet %s: heading %q, want %q", name, b1, doc.Sections[i].Heading)
		}
	}
}

// TestXLSXRefusals: -o xlsx never writes a workbook on a terminal, --out
// goes with -o xlsx only, and neither writes anything.
func TestXLSXRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	for _, tc := range []struct {
		args []string
		tty  bool
		want string
	}{
		{[]string{"comuni", "list", "-o", "xlsx"}, true, "-o xlsx writes a workbook, not text for the terminal"},
		{[]string{"comuni", "list", "-o", "csv", "--out", filepath.Join(dir, "x.csv")}, false, "--out goes with -o xlsx"},
		{[]string{"comuni", "list", "-o", "csv", "--csv-sep", "x"}, false, `--csv-sep must be , ; | or tab, not "x"`},
		{[]string{"db", "migrate", "-o", "xlsx", "--out", filepath.Join(dir, "x.xlsx")}, false, "unknown output format"},
	} {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
		io.SetStdoutTTY(tc.tty)
		code := Run(context.Background(), tc.args, io, enEnv(map[string]string{"CSI_DB": db}))
		if code != ExitUsage || !strings.Contains(errOut.String(), tc.want) || out.Len() != 0 {
			t.Errorf("csi %s: exit %d, stdout %d bytes, stderr %q; want exit 2 saying %q", strings.Join(tc.args, " "), code, out.Len(), errOut.String(), tc.want)
		}
	}
	if ents, _ := filepath.Glob(filepath.Join(dir, "x.*")); len(ents) != 0 {
		t.Errorf("refused commands wrote %v", ents)
	}
}

// TestCSVSeparatorAndBOM: --csv-sep and --csv-bom, and their environment
// variables, change the CSV of every command alike; the formula defence
// still applies.
func TestCSVSeparatorAndBOM(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	got := runCSI(t, db, "ambiti", "list", "-o", "csv", "--csv-sep", ";", "--csv-bom")
	if !strings.HasPrefix(got, "\uFEFFnome;comuni;") || strings.Count(got, "\uFEFF") != 1 {
		t.Errorf("--csv-sep ';' --csv-bom printed %q", got[:min(len(got), 60)])
	}
	var out, errOut bytes.Buffer
	env := enEnv(map[string]string{"CSI_DB": db, "CSI_CSV_SEP": "tab", "CSI_CSV_BOM": "1"})
	if code := Run(context.Background(), []string{"ambiti", "list", "-o", "csv"}, &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "\uFEFFnome\tcomuni\t") {
		t.Errorf("CSI_CSV_SEP=tab CSI_CSV_BOM=1 printed %q", out.String()[:min(out.Len(), 60)])
	}
	if got := runCSI(t, db, "ambiti", "list", "-o", "csv"); strings.HasPrefix(got, "\uFEFF") || !strings.HasPrefix(got, "nome,comuni,") {
		t.Errorf("the default CSV changed: %q", got[:min(len(got), 60)])
	}
	runCSI(t, db, "referenti", "assign", "--ambito", "Desio", "--name", "=1+2", "--email", "anna@comune.desio.mb.it", "--from", "01/02/2024")
	got = runCSI(t, db, "referenti", "list", "-o", "csv", "--csv-sep", ";")
	if !strings.Contains(got, ";'=1+2;") || !strings.Contains(got, ";2024-02-01;") {
		t.Errorf("referenti list -o csv --csv-sep ';' printed %q", got)
	}
	path := filepath.Join(dir, "referenti.xlsx")
	runCSI(t, db, "referenti", "list", "-o", "xlsx", "--out", path)
	x := openXLSX(t, path)
	rows, _ := x.GetRows("referenti list")
	for j, r := range rows {
		for i, c := range r {
			ref, _ := excelize.CoordinatesToCellName(i+1, j+1)
			if f, _ := x.GetCellFormula("referenti list", ref); f != "" {
				t.Errorf("%s holds the formula %q", ref, f)
			}
			if c == "=1+2" {
				return
			}
		}
	}
	t.Errorf("the name =1+2 is not in the workbook as text: %q", rows)
}
