package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

// Output formats of every list and show command.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatCSV   = "csv"
)

// Table is the tabular form of a result. Headers are the snake_case keys
// of the JSON form, so that CSV headers and JSON keys agree.
type Table struct {
	Headers []string
	Rows    [][]string
	// Kinds, when given, says what each column holds (KindCount,
	// KindDate, ...): cells stay machine text (what CSV prints) and the
	// human outputs write them in the language's conventions. Columns
	// without a kind are inferred (see inferKind).
	Kinds []i18n.Kind
	// Title names the table where a format has room for it: the sheet of
	// an xlsx workbook.
	Title string
	// Meta says what the table is (indicator, version, period, snapshot):
	// label and value pairs, written above the header of an xlsx sheet.
	Meta [][2]string
}

// Detail is the form of a show command: labelled fields, then sections.
type Detail struct {
	Fields   [][2]string
	Sections []Section
}

// Section is a titled table inside a Detail.
type Section struct {
	Title string
	Table Table
}

// formatsKey is the annotation in which a command declares its -o formats.
const formatsKey = "csi/formats"

// knownFormats are the formats a command may declare.
var knownFormats = map[string]bool{FormatTable: true, FormatJSON: true, FormatCSV: true,
	FormatMarkdown: true, FormatHTML: true, "junit": true, FormatXLSX: true}

// formats is the annotation a command's constructor sets to declare the -o
// formats it supports (the first is its default); prepare checks -o against
// it before the command runs, so nothing is written and then refused.
func formats(fs ...string) map[string]string {
	if slices.Contains(fs, FormatCSV) && !slices.Contains(fs, FormatXLSX) {
		fs = append(slices.Clone(fs), FormatXLSX) // every table with a CSV form has a workbook
	}
	return map[string]string{formatsKey: strings.Join(fs, ",")}
}

// declaredFormats returns the formats cmd declares (none when it declares
// nothing).
func declaredFormats(cmd *cobra.Command) []string {
	if v := cmd.Annotations[formatsKey]; v != "" {
		return strings.Split(v, ",")
	}
	return nil
}

// checkDeclaredFormat refuses, before the command runs, an -o the command
// does not declare: a usage error that lists the allowed formats. A
// command keeps its own default when -o is not given.
func checkDeclaredFormat(cmd *cobra.Command, format string) error {
	fs := declaredFormats(cmd)
	if len(fs) == 0 || !cmd.Flags().Changed("output") {
		return nil
	}
	if err := checkFormat(format, fs...); err != nil {
		return &usageError{err}
	}
	return nil
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return csi.Errorf(csi.EINVALID, "unknown output format %q", format).
		WithHint("use -o %s", strings.Join(allowed, "|"))
}

// PrintList prints a list result in the chosen format; data is what -o json
// encodes. An empty list says so on stderr: format is the catalog key of
// that line, a literal (the catalog test reads it), "" for a list that
// cannot be empty.
func (f *Factory) PrintList(data any, t Table, format string) error {
	if done, err := f.Export(data, func() Table { return t }); done {
		return err
	}
	if len(t.Rows) == 0 {
		if format != "" {
			f.info(format)
		}
		return nil
	}
	return f.writeTable(f.IO.Out, t)
}

// PrintDetail prints a show result in the chosen format.
func (f *Factory) PrintDetail(data any, d Detail) error {
	if done, err := f.ExportTables(data, d.fieldsTable, d.sheets); done {
		return err
	}
	return f.writeDetail(d)
}

// sheets are the tables of a Detail in -o xlsx: its fields as one row,
// then each section.
func (d Detail) sheets() []Table {
	fields := d.fieldsTable()
	fields.Title = "fields"
	ts := []Table{fields}
	for _, s := range d.Sections {
		t := s.Table
		t.Title = s.Title
		ts = append(ts, t)
	}
	return ts
}

// fieldsTable is the CSV form of a Detail: its fields as one row.
func (d Detail) fieldsTable() Table {
	t := Table{Rows: [][]string{make([]string, len(d.Fields))}}
	for i, kv := range d.Fields {
		t.Headers = append(t.Headers, kv[0])
		t.Rows[0][i] = kv[1]
	}
	return t
}

// writeJSON is the one JSON encoding of csi's output: indented, and
// without escaping <, > and & (the fasce read "<1%").
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// marshalJSON is writeJSON's encoding of one value, for the printers that
// stream a list element by element: indented with prefix and indent (none
// when indent is empty), nothing escaped, no trailing newline.
func marshalJSON(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if indent != "" {
		enc.SetIndent(prefix, indent)
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func writeCSV(w io.Writer, t Table) error { return writeCSVWith(newCSVWriter(w), t) }

func writeCSVWith(cw *csvWriter, t Table) error {
	if err := cw.Write(t.Headers); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvWriter is the one CSV writer of csi's exports: a csv.Writer whose
// cells cannot run as spreadsheet formulas (see textCell).
// bom, when set, receives a UTF-8 byte order mark before the first record.
type csvWriter struct {
	*csv.Writer
	bom io.Writer
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{Writer: csv.NewWriter(w)} }

// Write writes one record, each cell made safe for a spreadsheet.
func (cw *csvWriter) Write(record []string) error {
	if cw.bom != nil {
		if _, err := io.WriteString(cw.bom, utf8BOM); err != nil {
			return err
		}
		cw.bom = nil
	}
	safe := make([]string, len(record))
	for i, c := range record {
		safe[i] = textCell(c)
	}
	return cw.Writer.Write(safe)
}

// plainNumber matches a number a spreadsheet reads as a number and never as
// a formula, such as -12.50 or +3,5.
var plainNumber = regexp.MustCompile(`^[+-]?(\d+([.,]\d+)?|[.,]\d+)$`)

// textCell defuses CSV formula injection (OWASP): a cell that starts with
// =, +, -, @, a tab or a carriage return gets a leading single quote, so
// that Excel and LibreOffice show it as text instead of evaluating it. A
// plain number (a negative amount) is left as it is.
func textCell(c string) string {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) || plainNumber.MatchString(c) {
		return c
	}
	return "'" + c
}

// tsvReplacer keeps one record per line: tabs and line breaks inside values
// become spaces, and the cell separator becomes a tab.
var tsvReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ", "\x00", "\t")

// writeTable draws a styled table on a terminal and plain tab-separated rows
// (no header) when piped, for cut and awk.
func (f *Factory) writeTable(w io.Writer, t Table) error {
	if !f.IO.OutTTY {
		for _, r := range t.Rows {
			if _, err := fmt.Fprintln(w, tsvReplacer.Replace(strings.Join(r, "\x00"))); err != nil {
				return err
			}
		}
		return nil
	}
	head := f.IO.renderer(w).NewStyle().Bold(true).Foreground(lipgloss.Color("6"))
	l := newLayout(t, f.Lang)
	render := func(s string) string { return head.Render(s) }
	switch l.fit(f.IO.Width) {
	case compact:
		return l.drawCompact(w, render)
	case blocks:
		return l.drawBlocks(w, render)
	}
	return l.draw(w, render)
}

func (f *Factory) writeDetail(d Detail) error {
	w := f.IO.Out
	key := f.IO.renderer(w).NewStyle().Bold(true)
	// On a terminal the labels and the codes among the values are words
	// in the chosen language; piped, the machine keys and values stay.
	labels := make([]string, len(d.Fields))
	width := 0
	for i, kv := range d.Fields {
		labels[i] = kv[0]
		if f.IO.OutTTY {
			labels[i] = f.Lang.Header(kv[0])
		}
		width = max(width, lipgloss.Width(labels[i]))
	}
	for i, kv := range d.Fields {
		label, value := labels[i]+":"+strings.Repeat(" ", width-lipgloss.Width(labels[i])), kv[1]
		if f.IO.OutTTY {
			label = key.Render(label)
			value = f.Lang.Cell(inferKind(kv[0], []string{value}), f.Lang.Value(kv[0], value))
		}
		fmt.Fprintf(w, "%s  %s\n", label, value)
	}
	for _, s := range d.Sections {
		title := s.Title
		if f.IO.OutTTY {
			title = f.Lang.Header(title)
		}
		fmt.Fprintf(w, "\n%s\n", title)
		if len(s.Table.Rows) == 0 {
			fmt.Fprintln(w, f.T("(none)"))
			continue
		}
		if err := f.writeTable(w, s.Table); err != nil {
			return err
		}
	}
	return nil
}
func lipglossColor(c string) lipgloss.Color { return lipgloss.Color(c) }
