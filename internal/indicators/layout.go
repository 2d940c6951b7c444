package indicators

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Table is the human layout of a result: headers are snake_case words
// (renderers turn them into titles), cells are formatted text. Numeric says
// which columns hold numbers (right-aligned in documents).
type Table struct {
	Headers []string
	Rows    [][]string
	Numeric []bool
}

// Format controls how cells are written.
type Format struct {
	// Group writes thousands separators (24,932) in counts.
	Group bool
	// Bar adds a bar column drawn from the indicator's percentage.
	Bar bool
}

// Complementary is how a count withheld to protect a small one reads.
const Complementary = "c"

// RowCell formats the value of key in r: a small count withheld reads
// "<N", one withheld so that a small one cannot be worked out reads c.
func RowCell(r csi.IndicatorRow, key string, n int, group bool) string {
	if r.IsComplementary(key) {
		return Complementary
	}
	return Cell(r.Get(key), r.IsSuppressed(key), n, group)
}

// Cell formats one value; a withheld value reads "<N".
func Cell(v any, suppressed bool, n int, group bool) string {
	if suppressed {
		return "<" + strconv.Itoa(n)
	}
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		if group {
			return groupDigits(strconv.FormatInt(x, 10))
		}
		return strconv.FormatInt(x, 10)
	case csi.Dec:
		if group {
			s := string(x)
			if i := strings.IndexByte(s, '.'); i > 0 {
				return groupDigits(s[:i]) + s[i:]
			}
			return groupDigits(s)
		}
		return string(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func isNumber(v any) bool {
	switch v.(type) {
	case int64, csi.Dec:
		return true
	}
	return false
}

// Flat lays rows out as they are: one column per key, in key order.
func Flat(res *csi.IndicatorResult, f Format) Table {
	var t Table
	if len(res.Rows) == 0 {
		return t
	}
	t.Headers = append(t.Headers, res.Rows[0].Keys...)
	t.Numeric = make([]bool, len(t.Headers))
	for _, r := range res.Rows {
		row := make([]string, len(t.Headers))
		for i, k := range t.Headers {
			v := r.Get(k)
			row[i] = RowCell(r, k, res.Params.SuppressBelow, f.Group)
			t.Numeric[i] = t.Numeric[i] || isNumber(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Layout lays a result out for people: the seed's tables keep the seed's
// layout (accessi-segretariato: periods as rows and Ambiti as columns;
// cartelle-movimento: periods as rows and per-year PIC/CHIUSE column
// groups); the others are flat, with a bar column when asked for.
func Layout(def csi.IndicatorDef, res *csi.IndicatorResult, f Format) Table {
	switch {
	case len(res.Rows) == 0:
		return Table{}
	case res.Indicator == "accessi-segretariato" && res.Params.By == csi.ByComune:
		return pivot(res, []string{"ambito", "comune", "nome"}, "periodo", "accessi", f)
	case res.Indicator == "accessi-segretariato":
		t := pivot(res, []string{"periodo"}, "ambito", "accessi", f)
		if n := len(t.Headers); n > 0 && t.Headers[n-1] == csi.TotalLabel {
			t.Headers[n-1] = "Totali"
		}
		return t
	case res.Indicator == "cartelle-movimento":
		return movimento(res, f)
	}
	t := Flat(res, f)
	if f.Bar && def.Percent != "" {
		addBar(&t, res, def.Percent)
	}
	return t
}

// pivot makes one row per distinct value of rowKeys and one column per
// distinct value of colKey, holding valKey.
func pivot(res *csi.IndicatorResult, rowKeys []string, colKey, valKey string, f Format) Table {
	var cols, order []string
	seenCol := map[string]bool{}
	cells := map[string]map[string]string{}
	labels := map[string][]string{}
	for _, r := range res.Rows {
		c := r.Str(colKey)
		if !seenCol[c] {
			seenCol[c] = true
			cols = append(cols, c)
		}
		var lab []string
		for _, k := range rowKeys {
			lab = append(lab, r.Str(k))
		}
		id := strings.Join(lab, "\x00")
		if cells[id] == nil {
			cells[id] = map[string]string{}
			labels[id] = lab
			order = append(order, id)
		}
		cells[id][c] = RowCell(r, valKey, res.Params.SuppressBelow, f.Group)
	}
	t := Table{Headers: append(append([]string{}, rowKeys...), cols...)}
	for range rowKeys {
		t.Numeric = append(t.Numeric, false)
	}
	for range cols {
		t.Numeric = append(t.Numeric, true)
	}
	for _, id := range order {
		row := append([]string{}, labels[id]...)
		for _, c := range cols {
			row = append(row, cells[id][c])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// movimento lays cartelle-movimento out like the seed's table 2: a row per
// period (and Ambito), the opening balance, a PIC/CHIUSE pair per year of
// the period, the closing balance.
func movimento(res *csi.IndicatorResult, f Format) Table {
	type line struct {
		label []string
		cells []string
		last  string
	}
	var lines []*line
	byID := map[string]*line{}
	width := 0
	withAmbito := res.Params.By == csi.ByAmbito
	n := res.Params.SuppressBelow
	for _, r := range res.Rows {
		lab := []string{r.Str("periodo")}
		if withAmbito {
			lab = append(lab, r.Str("ambito"))
		}
		id := strings.Join(lab, "\x00")
		l := byID[id]
		if l == nil {
			l = &line{label: lab, cells: []string{RowCell(r, "saldo_iniziale", n, f.Group)}}
			byID[id] = l
			lines = append(lines, l)
		}
		l.cells = append(l.cells, RowCell(r, "aperte", n, f.Group),
			RowCell(r, "chiuse", n, f.Group))
		l.last = RowCell(r, "saldo_finale", n, f.Group)
		width = max(width, (len(l.cells)-1)/2)
	}
	t := Table{Headers: []string{"periodo"}}
	if withAmbito {
		t.Headers = append(t.Headers, "ambito")
	}
	t.Headers = append(t.Headers, "saldo_iniziale")
	for i := 1; i <= width; i++ {
		t.Headers = append(t.Headers, fmt.Sprintf("anno_%d_pic", i), fmt.Sprintf("anno_%d_chiuse", i))
	}
	t.Headers = append(t.Headers, "saldo_finale")
	for i := range t.Headers {
		t.Numeric = append(t.Numeric, i >= len(lines[0].label))
	}
	for _, l := range lines {
		row := append(append([]string{}, l.label...), l.cells...)
		for len(row) < len(t.Headers)-1 {
			row = append(row, "")
		}
		t.Rows = append(t.Rows, append(row, l.last))
	}
	return t
}

// barWidth is the width of the longest bar.
const barWidth = 20

func addBar(t *Table, res *csi.IndicatorResult, key string) {
	top := 0.0
	for _, r := range res.Rows {
		if d, ok := r.Get(key).(csi.Dec); ok && !isTotal(r) {
			top = max(top, d.Float())
		}
	}
	t.Headers = append(t.Headers, "")
	t.Numeric = append(t.Numeric, false)
	for i, r := range res.Rows {
		bar := ""
		if d, ok := r.Get(key).(csi.Dec); ok && top > 0 && !isTotal(r) {
			bar = strings.Repeat("█", int(d.Float()/top*barWidth+0.5))
		}
		t.Rows[i] = append(t.Rows[i], bar)
	}
}

// isTotal says whether a row is a total (its share is 100% by construction).
func isTotal(r csi.IndicatorRow) bool {
	for _, k := range []string{"fascia", "ambito", "livello"} {
		if v := r.Str(k); v == csi.TotalLabel || (k == "livello" && v == csi.ByProvincia) {
			return true
		}
	}
	return false
}
