package xlsx

import (
	"bytes"
	"testing"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/xuri/excelize/v2"
)

func sample() []Sheet {
	return []Sheet{{
		Name:    "cartelle-popolazione",
		Meta:    [][2]string{{"indicator", "cartelle-popolazione v1"}, {"snapshot", "i62.a123"}},
		Headers: []string{"codice", "nome", "popolazione", "percentuale", "importo", "dal", "generato", "media"},
		Kinds:   []i18n.Kind{i18n.Text, i18n.Text, i18n.Count, i18n.Percent, i18n.Money, i18n.Date, i18n.Time, i18n.Number},
		Rows: [][]string{
			{"015149", "Desio", "870193", "1.01", "36644208.51", "2024-06-30", "2024-06-30T10:00:00Z", "12.5"},
			{"108033", `=HYPERLINK("http://x","y")`, "<5", "", "-12.50", "", "", "3"},
		},
	}, {Name: "a/b:c*?[d]", Headers: []string{"x"}, Rows: [][]string{{"@SUM(1+1)"}}}}
}

func write(t *testing.T, lang i18n.Lang, sheets []Sheet) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, lang, sheets); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestRoundTrip writes a workbook and reads it back with excelize: the
// sheets, the metadata above the header, typed cells (numbers as numbers,
// dates as dates), codes kept as text with their leading zeros, and the
// header frozen.
func TestRoundTrip(t *testing.T) {
	f := write(t, i18n.Italian, sample())
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "cartelle-popolazione" || got[1] != "a-b-c(d)" {
		t.Fatalf("sheets %q", got)
	}
	const sh = "cartelle-popolazione"
	const str, num = "string", "number"
	for _, tc := range []struct {
		cell, raw string
		typ       string
	}{
		{"A1", "indicator", str},
		{"B1", "cartelle-popolazione v1", str},
		{"B2", "i62.a123", str},
		{"A4", "codice", str},
		{"A5", "015149", str},
		{"C5", "870193", num}, // a number: no t attribute
		{"D5", "0.0101", num}, // 1.01% is the fraction 0.0101
		{"E5", "36644208.51", num},
		{"F5", "45473", num}, // 30/06/2024 as Excel's day number
		{"G5", "45473.416666666664", num},
		{"H5", "12.5", num},
		{"C6", "<5", str}, // a withheld count stays text
		{"E6", "-12.5", num},
	} {
		raw, err := f.GetCellValue(sh, tc.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		typ, err := f.GetCellType(sh, tc.cell)
		if err != nil {
			t.Fatal(err)
		}
		if raw != tc.raw || (typ == excelize.CellTypeInlineString) != (tc.typ == str) || (tc.typ == num && typ != excelize.CellTypeUnset) {
			t.Errorf("%s: %q type %v, want %q, a %s", tc.cell, raw, typ, tc.raw, tc.typ)
		}
	}
	panes, err := f.GetPanes(sh)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 4 || panes.TopLeftCell != "A5" {
		t.Errorf("panes %+v, want frozen below the header (row 4)", panes)
	}
	if w, _ := f.GetColWidth(sh, "B"); w < float64(len(`=HYPERLINK("http://x","y")`)) {
		t.Errorf("column B is %v wide, narrower than its longest cell", w)
	}
	style, _ := f.GetCellStyle(sh, "A4")
	if s, _ := f.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("the header cell's style %+v is not bold", s)
	}
}

// TestNumberFormats: the same cells read, formatted, in each language's
// conventions.
func TestNumberFormats(t *testing.T) {
	for lang, want := range map[i18n.Lang]map[string]string{
		i18n.Italian: {"F5": "30/06/2024", "G5": "30/06/2024 10:00"},
		i18n.English: {"F5": "2024-06-30", "G5": "2024-06-30 10:00:00"},
	} {
		f := write(t, lang, sample())
		for cell, w := range want {
			if got, _ := f.GetCellValue("cartelle-popolazione", cell); got != w {
				t.Errorf("%s %s reads %q, want %q", lang, cell, got, w)
			}
		}
	}
}

// TestFormulaInjection: a cell that starts like a formula is stored as a
// string in the text format, never as a formula, its text unchanged.
func TestFormulaInjection(t *testing.T) {
	f := write(t, i18n.Italian, sample())
	for _, c := range []struct{ sheet, cell, text string }{
		{"cartelle-popolazione", "B6", `=HYPERLINK("http://x","y")`},
		{"a-b-c(d)", "A2", "@SUM(1+1)"},
	} {
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula != "" {
			t.Errorf("%s!%s holds the formula %q", c.sheet, c.cell, formula)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s has type %v, want a string", c.sheet, c.cell, typ)
		}
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.text {
			t.Errorf("%s!%s reads %q, want %q", c.sheet, c.cell, got, c.text)
		}
		id, _ := f.GetCellStyle(c.sheet, c.cell)
		if s, _ := f.GetStyle(id); s == nil || s.NumFmt != 49 {
			t.Errorf("%s!%s: style %+v, want the text format (49)", c.sheet, c.cell, s)
		}
	}
}

func TestUniqueName(t *testing.T) {
	used := map[string]bool{}
	long := "interventi-prestazione per ambito e periodo"
	got := []string{uniqueName(long, 0, used), uniqueName(long, 1, used), uniqueName("", 2, used), uniqueName("Sheet3", 3, used)}
	want := []string{"interventi-prestazione per ambi", "interventi-prestazione per (2)", "Sheet3", "Sheet3 (2)"}
	for i := range want {
		if got[i] != want[i] || len([]rune(got[i])) > 31 {
			t.Errorf("name %d: %q, want %q", i, got[i], want[i])
		}
	}
}
