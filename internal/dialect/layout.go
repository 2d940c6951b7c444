package dialect

import (
	"bytes"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// sepPrefix starts the first line Excel writes (and reads) to name a
// file's delimiter: "sep=;".
const sepPrefix = "sep="

// skipSepLine skips a first line "sep=X" and returns the delimiter to
// use: d when the user gave one, else X (0 when there is no such line).
// The line still counts, so that line numbers stay those of the file.
func (r *Reader) skipSepLine(d rune) (rune, error) {
	b := r.buf[r.pos:r.end]
	delim, size, ok := sepLine(b, r.eof)
	if !ok {
		return d, nil
	}
	if !validDelimiter(rune(delim)) {
		return 0, fileErr(r.file, r.line, csi.Errorf("", "the sep= line names %q as the delimiter, which is not supported", delim).
			WithHint("save the file with ';', ',', tab or '|' between the fields"))
	}
	r.pos += size
	r.consumed += int64(size)
	r.line++
	r.det.SepLine = true
	if r.pos == r.end && r.eof {
		return 0, fileErr(r.file, 0, csi.Errorf("", "file is empty").WithHint("export the file again: it has only the sep= line"))
	}
	if d == 0 {
		d = rune(delim)
	}
	return d, nil
}

// sepLine recognises a first line `sep=X`, possibly quoted or followed by
// delimiters Excel adds, and returns X and the line's length with its
// line break.
func sepLine(b []byte, atEOF bool) (delim byte, size int, ok bool) {
	i := 0
	if len(b) > 0 && b[0] == '"' {
		i++
	}
	if len(b) < i+len(sepPrefix)+1 || !bytes.EqualFold(b[i:i+len(sepPrefix)], []byte(sepPrefix)) {
		return 0, 0, false
	}
	i += len(sepPrefix)
	delim = b[i]
	i++
	for i < len(b) && (b[i] == delim || b[i] == '"') {
		i++ // a closing quote, or the empty cells of a spreadsheet's row
	}
	switch {
	case i == len(b) && atEOF:
		return delim, i, true
	case i < len(b) && (b[i] == '\n' || b[i] == '\r'):
		return delim, i + eolLen(b, i), true
	}
	return 0, 0, false
}

// sniffTrailing reports whether every data row in the buffer (up to
// sniffLines of them) has one field more than the header and that field
// is empty: the rows end with a stray delimiter, which is not a field.
func (r *Reader) sniffTrailing() bool {
	p := parser{delim: r.p.delim, eol: r.p.eol}
	b := r.buf[r.pos:r.end]
	rows := 0
	for rows < sniffLines && len(b) > 0 && p.parse(b, r.eof) == parsed {
		b = b[p.rec.size:]
		if len(p.rec.text) == 0 {
			continue
		}
		if len(p.spans) != r.fields+1 || !emptyLast(&p) {
			return false
		}
		rows++
	}
	return rows > 0
}

// emptyLast reports whether the last field of the record in p is blank.
func emptyLast(p *parser) bool {
	s := p.spans[len(p.spans)-1]
	return len(trim(p.rec.data[s.lo:s.hi])) == 0
}

// checkFields drops the stray trailing delimiter of a row, and refuses a
// field longer than maxField (a quote that swallowed lines, or not a CSV).
func (r *Reader) checkFields(line int) error {
	p := &r.p
	if r.trailing && len(p.spans) == r.fields+1 && emptyLast(p) {
		p.spans = p.spans[:r.fields]
	}
	if len(p.rec.data) <= maxField || r.limit < maxRecord {
		return nil // the header is bounded as a whole
	}
	for j, s := range p.spans {
		if s.hi-s.lo > maxField {
			e := fileErr(r.file, line, csi.Errorf("", "field longer than %d KiB (%d bytes)", maxField>>10, s.hi-s.lo).
				WithHint(`check the quotes: a field that opens a quote must close it (a quote inside is written twice, "")`))
			e.Column = r.columnName(j)
			return e
		}
	}
	return nil
}

// columnName names the j-th field for messages: its header, or its position.
func (r *Reader) columnName(j int) string {
	if j < len(r.det.Header) && r.det.Header[j] != "" {
		return r.det.Header[j]
	}
	return fmt.Sprintf("field %d", j+1)
}

// headerTooLong says that a header line is longer than maxHeader.
func headerTooLong() *csi.Error {
	return csi.Errorf("", "header line longer than %d KiB", maxHeader>>10).
		WithHint("check that the file is a CSV export with one header line")
}

// headerTooLong reports a header line longer than maxHeader.
func (r *Reader) headerTooLong() error {
	return fileErr(r.file, r.line, headerTooLong())
}
