package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// maxWordWidth is the longest word a text column keeps whole when the
// table must narrow; a longer one breaks.
const maxWordWidth = 16

// layout is a table ready to draw on a terminal: cells written for people,
// the alignment of each column, and the width each column is wrapped to
// (nil: as wide as it needs).
type layout struct {
	headers []string
	rows    [][]string
	numeric []bool
	widths  []int
}

// newLayout writes t's cells for people in lang.
func newLayout(t Table, lang i18n.Lang) *layout {
	kinds := t.columnKinds()
	l := &layout{rows: humanCells(t, kinds, lang)}
	for i, h := range t.Headers {
		l.headers = append(l.headers, strings.ToUpper(lang.Header(h)))
		l.numeric = append(l.numeric, kinds[i].Numeric())
	}
	return l
}

// tableWidth is the width of a rounded table whose columns are widths
// wide: a border and a space each side of every cell.
func tableWidth(widths []int) int {
	n := 1
	for _, w := range widths {
		n += w + 3
	}
	return n
}

// natural returns the width each column needs unwrapped.
func (l *layout) natural() []int {
	ws := make([]int, len(l.headers))
	for i, h := range l.headers {
		ws[i] = lipgloss.Width(h)
		for _, r := range l.rows {
			if i < len(r) {
				ws[i] = max(ws[i], lipgloss.Width(r[i]))
			}
		}
	}
	return ws
}

// minimum returns the narrowest each column may be wrapped to: a number
// never wraps, a header and text wrap only between words (a code or a
// period such as 2015-2017 stays whole), except words longer than
// maxWordWidth (an email address), which break.
func (l *layout) minimum(natural []int) []int {
	ws := make([]int, len(natural))
	for i, h := range l.headers {
		ws[i] = longestWord(h)
		for _, r := range l.rows {
			if i >= len(r) {
				continue
			}
			if l.numeric[i] {
				ws[i] = max(ws[i], lipgloss.Width(r[i]))
			} else {
				ws[i] = max(ws[i], min(longestWord(r[i]), maxWordWidth))
			}
		}
	}
	return ws
}

// compactWidth is the width of the borderless layout: two spaces between
// columns.
func compactWidth(widths []int) int {
	n := 0
	for _, w := range widths {
		n += w + 2
	}
	return max(n-2, 0)
}

// style is how a table is drawn on a terminal, from the widest to the
// narrowest.
type style int

const (
	bordered style = iota // rounded borders
	compact               // no borders, two spaces between columns
	blocks                // one block of "HEADER  value" lines per row
)

// fit makes the table fit width columns and returns the style to draw it
// in: it drops the unnamed decoration columns (the indicators' bars)
// first, then narrows the widest columns one step at a time, with borders
// if it can and without if it must; blocks when even that is too wide.
// width 0 means no limit.
func (l *layout) fit(width int) style {
	ws := l.natural()
	if width <= 0 || tableWidth(ws) <= width {
		return bordered
	}
	l.dropDecoration()
	ws = l.natural()
	floor := l.minimum(ws)
	switch {
	case tableWidth(floor) <= width:
		l.narrow(ws, floor, width, tableWidth)
		return bordered
	case compactWidth(floor) <= width:
		l.narrow(ws, floor, width, compactWidth)
		return compact
	}
	return blocks
}

// narrow narrows the widest columns of ws, never below floor, until
// measure says the table fits width.
func (l *layout) narrow(ws, floor []int, width int, measure func([]int) int) {
	for measure(ws) > width {
		widest := -1
		for i := range ws {
			if ws[i] > floor[i] && (widest < 0 || ws[i] > ws[widest]) {
				widest = i
			}
		}
		ws[widest]--
	}
	l.widths = ws
}

// dropDecoration removes the columns without a header.
func (l *layout) dropDecoration() {
	var keep []int
	for i, h := range l.headers {
		if strings.TrimSpace(h) != "" {
			keep = append(keep, i)
		}
	}
	pick := func(s []string) []string {
		out := make([]string, 0, len(keep))
		for _, i := range keep {
			if i < len(s) {
				out = append(out, s[i])
			}
		}
		return out
	}
	numeric := make([]bool, 0, len(keep))
	for _, i := range keep {
		numeric = append(numeric, l.numeric[i])
	}
	for j, r := range l.rows {
		l.rows[j] = pick(r)
	}
	l.headers, l.numeric = pick(l.headers), numeric
}

// wrapped returns the headers and rows wrapped to the layout's widths.
func (l *layout) wrapped() ([]string, [][]string) {
	if l.widths == nil {
		return l.headers, l.rows
	}
	headers := make([]string, len(l.headers))
	for i, h := range l.headers {
		headers[i] = wrapText(h, l.widths[i])
	}
	rows := make([][]string, len(l.rows))
	for j, r := range l.rows {
		rows[j] = make([]string, len(r))
		for i, c := range r {
			rows[j][i] = c
			if i < len(l.widths) && !l.numeric[i] {
				rows[j][i] = wrapText(c, l.widths[i])
			}
		}
	}
	return headers, rows
}

// draw renders the layout as a rounded table; style renders a header line.
func (l *layout) draw(w io.Writer, style func(string) string) error {
	headers, rows := l.wrapped()
	align := make([]tw.Align, len(headers))
	for i := range headers {
		align[i] = tw.AlignLeft
		if l.numeric[i] {
			align[i] = tw.AlignRight
		}
		lines := strings.Split(headers[i], "\n")
		for k, s := range lines {
			lines[k] = style(s)
		}
		headers[i] = strings.Join(lines, "\n")
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleRounded)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{Global: tw.AlignLeft, PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{Global: tw.AlignLeft, PerColumn: align}),
	)
	tbl.Header(headers)
	if err := tbl.Bulk(rows); err != nil {
		return err
	}
	return tbl.Render()
}

// drawCompact prints the table without borders, columns two spaces
// apart, each header line styled.
func (l *layout) drawCompact(w io.Writer, style func(string) string) error {
	headers, rows := l.wrapped()
	ws := l.widths
	if ws == nil {
		ws = l.natural()
	}
	if err := l.compactRow(w, headers, ws, style); err != nil {
		return err
	}
	for _, r := range rows {
		if err := l.compactRow(w, r, ws, nil); err != nil {
			return err
		}
	}
	return nil
}

// compactRow prints one row of the borderless layout, a line per line of
// its tallest cell; style, when given, renders each cell's text.
func (l *layout) compactRow(w io.Writer, cells []string, ws []int, style func(string) string) error {
	lines := make([][]string, len(ws))
	height := 1
	for i := range ws {
		if i < len(cells) {
			lines[i] = strings.Split(cells[i], "\n")
		}
		height = max(height, len(lines[i]))
	}
	for k := range height {
		parts := make([]string, len(ws))
		for i, width := range ws {
			c := ""
			if k < len(lines[i]) {
				c = lines[i][k]
			}
			pad := strings.Repeat(" ", max(width-lipgloss.Width(c), 0))
			if style != nil && c != "" {
				c = style(c)
			}
			parts[i] = c + pad
			if l.numeric[i] {
				parts[i] = pad + c
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, "  "), " ")); err != nil {
			return err
		}
	}
	return nil
}

// drawBlocks prints one block per row, a header and its value per line:
// the layout of a table too wide for the terminal even wrapped.
func (l *layout) drawBlocks(w io.Writer, style func(string) string) error {
	label := 0
	for _, h := range l.headers {
		label = max(label, lipgloss.Width(h))
	}
	for j, r := range l.rows {
		if j > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		for i, h := range l.headers {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			pad := strings.Repeat(" ", label-lipgloss.Width(h))
			v = strings.ReplaceAll(v, "\n", "\n"+strings.Repeat(" ", label+2))
			if _, err := fmt.Fprintf(w, "%s%s  %s\n", style(h), pad, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// longestWord returns the width of the longest space-separated word of s.
func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, lipgloss.Width(w))
	}
	return n
}

// wrapText wraps s at spaces into lines of at most width columns,
// breaking a word longer than a line.
func wrapText(s string, width int) string {
	if width <= 0 || lipgloss.Width(s) <= width {
		return s
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for lipgloss.Width(word) > width {
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				head, rest := splitWidth(word, width)
				lines = append(lines, head)
				word = rest
			}
			switch {
			case line == "":
				line = word
			case lipgloss.Width(line)+1+lipgloss.Width(word) <= width:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// splitWidth splits s after its first width columns.
func splitWidth(s string, width int) (string, string) {
	n := 0
	for i, r := range s {
		rw := lipgloss.Width(string(r))
		if n+rw > width {
			return s[:i], s[i:]
		}
		n += rw
	}
	return s, ""
}
