package dialect

import (
	"encoding/csv"
	"io"
	"strconv"
)

// RejectWriter writes rejected rows as a UTF-8 CSV with the header
// line,column,reason,raw.
type RejectWriter struct {
	w      *csv.Writer
	header bool // the header has been written
}

// NewRejectWriter returns a RejectWriter that writes to w.
func NewRejectWriter(w io.Writer) *RejectWriter {
	return &RejectWriter{w: csv.NewWriter(w)}
}

// Write records one rejected row: its line, the column at fault ("" for
// the whole row), the reason and the row's original text.
func (rw *RejectWriter) Write(line int, column, reason string, raw []byte) error {
	if err := rw.writeHeader(); err != nil {
		return err
	}
	return rw.w.Write([]string{strconv.Itoa(line), column, reason, string(raw)})
}

// Flush writes any buffered data (and the header, even with no rejects)
// to the underlying writer.
func (rw *RejectWriter) Flush() error {
	if err := rw.writeHeader(); err != nil {
		return err
	}
	rw.w.Flush()
	return rw.w.Error()
}

// writeHeader writes the header once.
func (rw *RejectWriter) writeHeader() error {
	if rw.header {
		return nil
	}
	rw.header = true
	return rw.w.Write([]string{"line", "column", "reason", "raw"})
}
