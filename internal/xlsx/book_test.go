package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// TestBookStreams writes more rows than the width sample one at a time and
// reads them back: every row with its value and type, the header frozen,
// widths fitted to the sample only, a formula-like cell kept as text.
func TestBookStreams(t *testing.T) {
	const n = WidthRows + 1500
	b, err := NewBook(i18n.Italian)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	row := func(i int) []string {
		name := "Rossi"
		if i == n-1 {
			name = strings.Repeat("x", 50) // past the sample: does not widen its column
		}
		if i == n-2 {
			name = "=1+1"
		}
		return []string{strconv.Itoa(100000 + i), name, strconv.Itoa(i), "2024-06-30"}
	}
	var sample [][]string
	for i := 0; i < WidthRows; i++ {
		sample = append(sample, row(i))
	}
	sh, err := b.Sheet("residenti", [][2]string{{"comune", "108033"}}, []string{"codice", "cognome", "n", "dal"},
		[]i18n.Kind{i18n.Text, i18n.Text, i18n.Count, i18n.Date}, sample)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := sh.Row(row(i)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("residenti", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+3 { // comune, blank, header, the rows
		t.Fatalf("%d rows, want %d", len(rows), n+3)
	}
	for _, i := range []int{0, WidthRows - 1, WidthRows, n - 2, n - 1} {
		want := row(i)
		got := rows[3+i]
		if got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != "45473" {
			t.Errorf("row %d: %q, want %q with the date as day 45473", i, got, want)
		}
		cellRef := "C" + strconv.Itoa(4+i)
		if typ, _ := f.GetCellType("residenti", cellRef); typ != excelize.CellTypeUnset {
			t.Errorf("%s: type %v, want a number", cellRef, typ)
		}
	}
	if typ, _ := f.GetCellType("residenti", "B"+strconv.Itoa(4+n-2)); typ != excelize.CellTypeInlineString {
		t.Errorf("the formula-like cell has type %v, want text", typ)
	}
	if w, _ := f.GetColWidth("residenti", "B"); w != 9 {
		t.Errorf("column B is %v wide, want 9 (fitted to the sample, not to a later row)", w)
	}
	panes, err := f.GetPanes("residenti")
	if err != nil || !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes %+v (%v), want frozen below row 3", panes, err)
	}
}
