package dialect

import (
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Column describes one canonical column of a schema.
type Column struct {
	Name     string   // canonical name, already in normalised form
	Aliases  []string // other header names accepted for the column
	Required bool     // the file must contain the column
}

// Schema is the set of canonical columns one kind of file is read into.
type Schema struct {
	Kind    string // e.g. "anagrafe", "accessi"; used in messages
	Columns []Column
}

// Index returns the position of the canonical column name in s, or -1.
func (s Schema) Index(name string) int {
	for i, c := range s.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// names returns the canonical column names in schema order.
func (s Schema) names() []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Name
	}
	return out
}

// Options tells Open what the caller already knows about the file.
type Options struct {
	Encoding  string            // "" = auto; "utf-8", "windows-1252", "iso-8859-1" (also "latin1", "cp1252")
	Delimiter rune              // 0 = sniff among ';' ',' '\t' '|'
	Map       map[string]string // canonical name -> header name in the file; overrides aliases
	File      string            // file name used in error messages
}

// Detected reports the dialect Open found, for the import summary.
type Detected struct {
	Encoding   string            // "utf-8", "windows-1252" or "iso-8859-1"
	BOM        bool              // a UTF-8 byte order mark was present and stripped
	Delimiter  string            // ";", ",", "\t" or "|"
	LineEnding string            // "CRLF", "LF" or "CR" (LF when the file has a single line)
	Header     []string          // the header fields as written, trimmed
	Columns    map[string]string // canonical name -> header as written
	Unknown    []string          // header fields that match no canonical column

	// Fallback is the encoding of the lines that are not in Encoding, and
	// FallbackLines their number: a UTF-8 file with a few lines saved by an
	// ANSI editor has them read as Windows-1252. "" and 0 when none.
	Fallback      string
	FallbackLines int
	// SepLine is set when the file started with Excel's "sep=X" line,
	// which named the delimiter and was skipped.
	SepLine bool
	// TrailingDelimiter is set when every data row ends with a stray
	// delimiter, which is not read as an extra field.
	TrailingDelimiter bool
}

// DelimiterName returns the delimiter as shown to people: "tab" for a tab,
// otherwise the character itself.
func (d Detected) DelimiterName() string {
	if d.Delimiter == "\t" {
		return "tab"
	}
	return d.Delimiter
}

// String renders the dialect in one line, e.g. `utf-8 with BOM, delimiter tab, CRLF`
// or `utf-8 (3 lines windows-1252), delimiter ";", LF, trailing delimiter`.
func (d Detected) String() string {
	enc := d.Encoding
	if d.BOM {
		enc += " with BOM"
	}
	if d.FallbackLines > 0 {
		enc += " (" + FallbackNote(d.Fallback, d.FallbackLines) + ")"
	}
	delim := d.DelimiterName()
	if delim != "tab" {
		delim = fmt.Sprintf("%q", delim)
	}
	s := fmt.Sprintf("%s, delimiter %s, %s", enc, delim, d.LineEnding)
	if d.TrailingDelimiter {
		s += ", trailing delimiter"
	}
	return s
}

// FallbackNote words the lines read in another encoding, e.g. "3 lines windows-1252".
func FallbackNote(enc string, lines int) string {
	if lines == 1 {
		return "1 line " + enc
	}
	return fmt.Sprintf("%d lines %s", lines, enc)
}

// Error is a problem with an input file, located as precisely as possible.
type Error struct {
	File   string // file name, or "" when unknown
	Line   int    // 1-based line, or 0 when the problem is not on a line
	Column string // column name, or ""
	// Detail says what is wrong (its Message) and what to do about it (its
	// Hint), as a domain error that Domain keeps localizable.
	Detail *csi.Error
	// Usage is set when the caller's own option is wrong (a --map key
	// that names no column), not the file: a usage error (exit 2).
	Usage bool
}

// fileErr returns an *Error located at file and line (0: none) whose
// message and hint are d's.
func fileErr(file string, line int, d *csi.Error) *Error {
	return &Error{File: file, Line: line, Detail: d}
}

// Domain returns the error as a domain error with code: the same English
// text as Error and the same hint, each translated where it is printed
// (the location's words as well as the message).
func (e *Error) Domain(code string) *csi.Error {
	msg := e.Detail
	var d *csi.Error
	switch {
	case e.File != "" && e.Line > 0 && e.Column != "":
		d = csi.Errorf(code, "%s: line %d: column %q: %v", e.File, e.Line, e.Column, msg)
	case e.File != "" && e.Line > 0:
		d = csi.Errorf(code, "%s: line %d: %v", e.File, e.Line, msg)
	case e.File != "" && e.Column == "":
		d = csi.Errorf(code, "%s: %v", e.File, msg)
	case e.Line > 0 && e.Column == "":
		d = csi.Errorf(code, "line %d: %v", e.Line, msg)
	case e.Line == 0 && e.Column == "":
		d = csi.Errorf(code, "%v", msg)
	default:
		d = csi.Errorf(code, "%s", e.Error())
	}
	d.Hint, d.HintFormat, d.HintArgs = msg.Hint, msg.HintFormat, msg.HintArgs
	return d
}

// Error renders the location and message, e.g. `a.csv: line 1: missing required column "cf"`.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Detail.Message)
	return b.String()
}
