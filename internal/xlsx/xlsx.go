// Package xlsx writes csi's tables as an Excel workbook, the file the
// Comuni's offices open every day: one sheet per table, the table's
// metadata (indicator, version, period, snapshot) above a styled header
// row, frozen panes below it, column widths that fit, and typed cells:
// counts, amounts and percentages as numbers, dates as dates, with number
// formats in the reader's language. Text is always stored as text, never
// as a formula (see Write).
package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// Sheet is one table of a workbook. Cells are machine text, as CSV prints
// them (8823, 1.01, 2024-06-30); Kinds says what each column holds.
type Sheet struct {
	// Name is the sheet's tab; it is shortened and cleaned to what Excel
	// accepts, and made unique in the workbook.
	Name string
	// Meta are label and value lines written above the header.
	Meta    [][2]string
	Headers []string
	Kinds   []i18n.Kind
	Rows    [][]string
}

// maxColWidth caps a column's width, in characters, so that one long
// message does not push the others out of sight.
const maxColWidth = 60

// Write writes a workbook with one sheet per table to w, number and date
// formats in lang's conventions. A text cell that starts like a formula
// (=, +, -, @, tab, carriage return) is stored as a string in the text
// format "@", so that Excel neither evaluates it on opening nor when the
// cell is edited: the xlsx form of the CSV exports' protection against
// formula injection.
func Write(w io.Writer, lang i18n.Lang, sheets []Sheet) error {
	b, err := NewBook(lang)
	if err != nil {
		return err
	}
	defer b.Close()
	for _, s := range sheets {
		sample := s.Rows[:min(len(s.Rows), WidthRows)]
		sh, err := b.Sheet(s.Name, s.Meta, s.Headers, s.Kinds, sample)
		if err != nil {
			return err
		}
		for _, r := range s.Rows {
			if err := sh.Row(r); err != nil {
				return err
			}
		}
	}
	return b.Write(w)
}

// WidthRows is how many rows, from the first, the column widths are
// fitted to: the rest of a large sheet streams without being held.
const WidthRows = 1000

// Book is a workbook written one row at a time: each sheet streams its
// rows to a temporary file (excelize's StreamWriter), so that memory stays
// bounded whatever the number of rows. Write and Close end it.
type Book struct {
	f     *excelize.File
	st    *styles
	lang  i18n.Lang
	names map[string]bool
	n     int
	cur   *BookSheet
}

// NewBook starts a workbook with number and date formats in lang's
// conventions.
func NewBook(lang i18n.Lang) (*Book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f, lang)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Book{f: f, st: st, lang: lang, names: map[string]bool{}}, nil
}

// BookSheet is the sheet of a Book being written.
type BookSheet struct {
	b     *Book
	name  string
	sw    *excelize.StreamWriter
	kinds []i18n.Kind
	next  int // the row the next Row writes
}

// Sheet ends the sheet being written and starts the next: its metadata,
// the styled header, the panes frozen below it and the column widths
// fitted to sample (the first rows, WidthRows at most, as people read
// them). The rows follow with Row, sample's too.
func (b *Book) Sheet(name string, meta [][2]string, headers []string, kinds []i18n.Kind, sample [][]string) (*BookSheet, error) {
	if err := b.flush(); err != nil {
		return nil, err
	}
	name = uniqueName(name, b.n, b.names)
	var err error
	if b.n == 0 {
		err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, err = b.f.NewSheet(name)
	}
	b.n++
	if err != nil {
		return nil, err
	}
	sh, err := b.startSheet(name, meta, headers, kinds, sample)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", name, err)
	}
	b.cur = sh
	return sh, nil
}

// Row writes the next row of the sheet, its cells typed by the sheet's kinds.
func (sh *BookSheet) Row(r []string) error {
	row := make([]any, len(r))
	for i, c := range r {
		row[i] = cell(sh.b.st, kindOf(sh.kinds, i), c)
	}
	if err := sh.sw.SetRow(fmt.Sprintf("A%d", sh.next), row); err != nil {
		return fmt.Errorf("sheet %s: %w", sh.name, err)
	}
	sh.next++
	return nil
}

// flush ends the sheet being written.
func (b *Book) flush() error {
	if b.cur == nil {
		return nil
	}
	sh := b.cur
	b.cur = nil
	if err := sh.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", sh.name, err)
	}
	return nil
}

// Write ends the last sheet and writes the workbook to w. excelize's own
// Write builds the whole zip in a memory buffer first; the zip writer
// given here writes it to w as it is compressed instead, so that a large
// sheet goes from its temporary file to w without being held. (excelize
// would patch that buffer only for a part over 4 GiB, far beyond Excel's
// 1,048,576 rows.)
func (b *Book) Write(w io.Writer) error {
	if err := b.flush(); err != nil {
		return err
	}
	if b.n == 0 {
		if err := b.f.SetCellStr("Sheet1", "A1", "no data"); err != nil {
			return err
		}
	}
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	return b.f.Write(io.Discard)
}

// Close releases the workbook's temporary files.
func (b *Book) Close() error { return b.f.Close() }

// styles are the cell styles of a workbook, by what they format.
type styles struct {
	header, label, text int
	kind                map[i18n.Kind]int
	decimals            map[int]int
}

func newStyles(f *excelize.File, lang i18n.Lang) (*styles, error) {
	st := &styles{kind: map[i18n.Kind]int{}, decimals: map[int]int{}}
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	st.header = add(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	st.label = add(&excelize.Style{Font: &excelize.Font{Bold: true}})
	st.text = add(&excelize.Style{NumFmt: 49}) // "@": text, never a formula
	date, instant, money := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", `[$€-809]#,##0.00`
	if lang != i18n.English {
		date, instant, money = "dd/mm/yyyy", "dd/mm/yyyy hh:mm", `[$€-410] #,##0.00`
	}
	st.kind[i18n.Count] = add(&excelize.Style{NumFmt: 3}) // #,##0
	st.kind[i18n.Percent] = add(&excelize.Style{NumFmt: 10})
	st.kind[i18n.Money] = add(&excelize.Style{CustomNumFmt: &money})
	st.kind[i18n.Date] = add(&excelize.Style{CustomNumFmt: &date})
	st.kind[i18n.Time] = add(&excelize.Style{CustomNumFmt: &instant})
	for d := 1; d <= 4; d++ {
		code := "#,##0." + strings.Repeat("0", d)
		st.decimals[d] = add(&excelize.Style{CustomNumFmt: &code})
	}
	return st, err
}

// startSheet writes the head of one table: metadata, a blank row, the
// header; the panes are frozen below it.
func (b *Book) startSheet(name string, meta [][2]string, headers []string, kinds []i18n.Kind, sample [][]string) (*BookSheet, error) {
	st := b.st
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	headerRow := 1
	if len(meta) > 0 {
		headerRow = len(meta) + 2
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow,
		TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	for i, width := range widths(headers, kinds, sample, b.lang) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
	}
	for i, m := range meta {
		row := []any{excelize.Cell{StyleID: st.label, Value: m[0]}, textCell(st, m[1])}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row); err != nil {
			return nil, err
		}
	}
	header := make([]any, len(headers))
	for i, h := range headers {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), header); err != nil {
		return nil, err
	}
	return &BookSheet{b: b, name: name, sw: sw, kinds: kinds, next: headerRow + 1}, nil
}

func kindOf(kinds []i18n.Kind, i int) i18n.Kind {
	if i < len(kinds) {
		return kinds[i]
	}
	return i18n.Text
}

// cell returns the typed value of the machine text raw of kind k; what
// does not read as its kind (a withheld count "<5") is text.
func cell(st *styles, k i18n.Kind, raw string) any {
	switch k {
	case i18n.Count:
		if v, dec, ok := i18n.ParseNumber(raw); ok && dec == 0 {
			return excelize.Cell{StyleID: st.kind[k], Value: int64(v)}
		}
	case i18n.Number:
		if v, dec, ok := i18n.ParseNumber(raw); ok {
			id := st.kind[i18n.Count]
			if dec > 0 {
				id = st.decimals[min(dec, 4)]
			}
			return excelize.Cell{StyleID: id, Value: v}
		}
	case i18n.Percent:
		if v, _, ok := i18n.ParseNumber(raw); ok {
			return excelize.Cell{StyleID: st.kind[k], Value: v / 100}
		}
	case i18n.Money:
		if cents, ok := i18n.ParseCents(raw); ok {
			return excelize.Cell{StyleID: st.kind[k], Value: float64(cents) / 100}
		}
	case i18n.Date:
		if t, err := time.Parse("2006-01-02", raw); err == nil {
			return excelize.Cell{StyleID: st.kind[k], Value: t}
		}
	case i18n.Time:
		if t, err := time.Parse(time.RFC3339, raw); err == nil {
			// Excel has no time zones: the clock as written, in its offset.
			wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			return excelize.Cell{StyleID: st.kind[k], Value: wall}
		}
	}
	return textCell(st, raw)
}

// textCell stores raw as a string; one that starts like a formula gets the
// text format as well.
func textCell(st *styles, raw string) any {
	if raw == "" {
		return nil
	}
	if FormulaLike(raw) {
		return excelize.Cell{StyleID: st.text, Value: raw}
	}
	return raw
}

// FormulaLike reports whether a spreadsheet could read text as a formula:
// it starts with =, +, -, @, a tab or a carriage return.
func FormulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// widths returns each column's width: the widest of its header and the
// sample's cells as people read them, plus a margin, at most maxColWidth.
func widths(headers []string, kinds []i18n.Kind, sample [][]string, lang i18n.Lang) []float64 {
	ws := make([]float64, len(headers))
	for i, h := range headers {
		n := len([]rune(h))
		for _, r := range sample {
			if i < len(r) {
				n = max(n, len([]rune(lang.Cell(kindOf(kinds, i), r[i]))))
			}
		}
		ws[i] = float64(min(max(n, 6)+2, maxColWidth))
	}
	return ws
}

// badName holds the characters Excel refuses in a sheet name.
var badName = strings.NewReplacer(":", "-", `\`, "-", "/", "-", "?", "", "*", "", "[", "(", "]", ")")

// uniqueName returns a valid sheet name for name, the i-th sheet's, not in
// used (compared as Excel does, ignoring case).
func uniqueName(name string, i int, used map[string]bool) string {
	name = strings.Trim(badName.Replace(strings.TrimSpace(name)), "'")
	if name == "" {
		name = fmt.Sprintf("Sheet%d", i+1)
	}
	base := []rune(name)
	for n := 1; ; n++ {
		cand := base
		if n > 1 {
			suffix := []rune(fmt.Sprintf(" (%d)", n))
			cut := strings.TrimSpace(string(base[:min(len(base), 31-len(suffix))]))
			cand = append([]rune(cut), suffix...)
		} else if len(cand) > 31 {
			cand = cand[:31]
		}
		key := strings.ToLower(string(cand))
		if !used[key] {
			used[key] = true
			return string(cand)
		}
	}
}
