package cli

import (
	"github.com/csi-mb/csi/internal/i18n"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/safefile"
	"github.com/csi-mb/csi/internal/xlsx"
	"github.com/spf13/cobra"
)

// FormatXLSX is the Excel workbook of every command that has a CSV form
// (formats adds it), and of the report.
const FormatXLSX = "xlsx"

// exporter writes a whole result in one machine format: data is what -o
// json encodes, table what -o csv writes, sheets the tables of -o xlsx
// (nil: table alone); table and sheets are built only when asked.
type exporter func(f *Factory, data any, table func() Table, sheets func() []Table) error

// exporters are the machine formats of every command, written here once.
// -o table and the document formats (markdown, html, junit) are each
// command's own human forms.
var exporters = map[string]exporter{
	FormatJSON: func(f *Factory, data any, _ func() Table, _ func() []Table) error {
		return writeJSON(f.IO.Out, data)
	},
	FormatCSV: func(f *Factory, _ any, table func() Table, _ func() []Table) error {
		if table == nil {
			return csi.Errorf(csi.EINTERNAL, "this command has no CSV form")
		}
		return f.writeCSV(f.IO.Out, table())
	},
	FormatXLSX: func(f *Factory, _ any, table func() Table, sheets func() []Table) error {
		switch {
		case sheets != nil:
			return f.writeXLSX(sheets())
		case table != nil:
			return f.writeXLSX([]Table{table()})
		}
		return csi.Errorf(csi.EINTERNAL, "this command has no xlsx form")
	},
}

// Export writes a result in the machine format -o chose, through the one
// exporter of that format, and reports whether it did; when it did not (-o
// table or a document format) the command prints its human form. table
// may be nil for a command that does not declare csv.
func (f *Factory) Export(data any, table func() Table) (bool, error) {
	return f.ExportTables(data, table, nil)
}

// ExportTables is Export for a result made of several tables (a show
// command's fields and sections, a validation report, the report): -o
// xlsx writes each of sheets on its own sheet, -o csv writes table.
func (f *Factory) ExportTables(data any, table func() Table, sheets func() []Table) (bool, error) {
	e, ok := exporters[f.Output]
	if !ok {
		return false, nil
	}
	return true, e(f, data, table, sheets)
}

// writeXLSX writes tables as a workbook, one sheet each, to --out (a new
// file readable by its owner only: the tables may hold personal data) or
// to stdout, which prepare has checked is not a terminal.
func (f *Factory) writeXLSX(tables []Table) error {
	sheets := make([]xlsx.Sheet, len(tables))
	for i, t := range tables {
		sheets[i] = xlsx.Sheet{Name: f.sheetName(t), Meta: t.Meta, Headers: humanHeaders(t.Headers, f.Lang), Kinds: t.columnKinds(), Rows: t.Rows}
	}
	return f.xlsxOut(func(w io.Writer) error { return xlsx.Write(w, f.Lang, sheets) })
}

func (f *Factory) sheetName(t Table) string {
	if t.Title == "" {
		return f.command
	}
	return t.Title
}

// streamXLSX writes one sheet whose rows produce gives one at a time, as
// it reads them (a Comune's residents): only the first xlsx.WidthRows rows
// are held, to infer the columns' kinds and fit their widths; the others go
// straight to the workbook's temporary file. t gives the title, metadata,
// headers and any kinds.
func (f *Factory) streamXLSX(t Table, produce func(add func(row []string) error) error) error {
	return f.xlsxOut(func(w io.Writer) error {
		b, err := xlsx.NewBook(f.Lang)
		if err != nil {
			return err
		}
		defer b.Close()
		var sample [][]string
		var sh *xlsx.BookSheet
		start := func() error {
			st := t
			st.Rows = sample
			sh, err = b.Sheet(f.sheetName(t), t.Meta, humanHeaders(t.Headers, f.Lang), st.columnKinds(), sample)
			if err != nil {
				return err
			}
			for _, r := range sample {
				if err := sh.Row(r); err != nil {
					return err
				}
			}
			sample = nil
			return nil
		}
		err = produce(func(row []string) error {
			if sh != nil {
				return sh.Row(row)
			}
			sample = append(sample, row)
			if len(sample) == xlsx.WidthRows {
				return start()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if sh == nil {
			if err := start(); err != nil {
				return err
			}
		}
		return b.Write(w)
	})
}

// xlsxOut runs write on --out (created 0600, removed when write fails) or
// on stdout.
func (f *Factory) xlsxOut(write func(io.Writer) error) error {
	if f.OutFile == "" {
		return write(f.IO.Out)
	}
	out, err := safefile.Create(f.OutFile)
	if err != nil {
		return err
	}
	if err := write(out); err != nil {
		out.Abort()
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	f.info("%s", f.T("wrote %s", f.OutFile))
	return nil
}

// checkOutput checks, before the command runs, what -o, --out and the CSV
// options ask for: -o xlsx needs --out FILE or a stdout that is not a
// terminal; --out goes with -o xlsx only.
func (f *Factory) checkOutput(cmd *cobra.Command) error {
	if err := f.resolveCSV(cmd); err != nil {
		return err
	}
	switch {
	case f.OutFile != "" && f.Output != FormatXLSX:
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--out goes with -o xlsx")).
			WithHint("%s", f.T("for other formats redirect stdout: > FILE"))}
	case f.Output == FormatXLSX && f.OutFile == "" && f.IO.OutTTY:
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("-o xlsx writes a workbook, not text for the terminal")).
			WithHint("%s", f.T("give --out FILE.xlsx, or redirect stdout: > FILE.xlsx"))}
	case f.OutFile != "":
		return safefile.CheckTarget(f.OutFile)
	}
	return nil
}

// csvOptions are the settings of every CSV csi writes for -o csv.
type csvOptions struct {
	sep rune
	bom bool
}

// csvSeparators are the separators --csv-sep accepts, by how they are
// written.
var csvSeparators = map[string]rune{",": ',', ";": ';', "|": '|', "tab": '\t', "\t": '\t', `\t`: '\t'}

// resolveCSV reads --csv-sep and --csv-bom, or CSI_CSV_SEP and CSI_CSV_BOM
// when the flags are not given.
func (f *Factory) resolveCSV(cmd *cobra.Command) error {
	sep := f.CSVSep
	if !cmd.Flags().Changed("csv-sep") {
		if v := f.Getenv("CSI_CSV_SEP"); v != "" {
			sep = v
		}
	}
	r, ok := csvSeparators[strings.ToLower(sep)]
	if sep == "" {
		r, ok = ',', true
	}
	if !ok {
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--csv-sep must be , ; | or tab, not %q", sep)).
			WithHint("%s", f.T("for Excel set to Italian, use --csv-sep ';' --csv-bom"))}
	}
	f.csv.sep = r
	f.csv.bom = f.CSVBOM
	if !cmd.Flags().Changed("csv-bom") {
		switch strings.ToLower(f.Getenv("CSI_CSV_BOM")) {
		case "", "0", "false", "no":
		default:
			f.csv.bom = true
		}
	}
	return nil
}

// utf8BOM is the byte order mark that tells Excel a CSV file is UTF-8.
const utf8BOM = "\uFEFF"

// newCSV returns the CSV writer of -o csv with the chosen separator and,
// when asked, a byte order mark before the first record.
func (f *Factory) newCSV(w io.Writer) *csvWriter {
	cw := newCSVWriter(w)
	if f.csv.sep != 0 {
		cw.Comma = f.csv.sep
	}
	if f.csv.bom {
		cw.bom = w
	}
	return cw
}

// writeCSV writes t as -o csv does.
func (f *Factory) writeCSV(w io.Writer, t Table) error {
	return writeCSVWith(f.newCSV(w), t)
}

// humanHeaders are the names people read for the columns headers (the
// header row of an xlsx sheet), in lang.
func humanHeaders(headers []string, lang i18n.Lang) []string {
	out := make([]string, len(headers))
	for i, h := range headers {
		out[i] = lang.Header(h)
	}
	return out
}
