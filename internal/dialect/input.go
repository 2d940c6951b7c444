package dialect

import (
	"io"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
)

// read consumes the next record into r.p, reading more input as needed,
// and returns the line it starts on. Its bytes stay valid until the next
// call.
func (r *Reader) read() (int, error) {
	for {
		b := r.buf[r.pos:r.end]
		if len(b) == 0 && r.eof {
			return r.line, io.EOF
		}
		switch r.p.parse(b, r.eof) {
		case parsed:
			line, size := r.line, r.p.rec.size
			r.pos += size
			r.consumed += int64(size)
			r.line += r.p.rec.breaks
			return line, nil
		case unterminated:
			return r.line, r.unterminated(r.line + r.p.rec.openedAt)
		}
		if err := r.more(); err == errTooLong {
			return r.line, r.tooLong()
		} else if err != nil {
			return r.line, r.ioError(err)
		}
	}
}

// unterminated reports a quote opened on line and never closed.
func (r *Reader) unterminated(line int) *Error {
	return fileErr(r.file, line, csi.Errorf("", "unterminated quoted field: the quote opened on this line is never closed").
		WithHint(`close the quote; a quote inside a quoted field is written twice ("")`))
}

// tooLong reports a record that outgrew the buffer's limit.
func (r *Reader) tooLong() error {
	if r.limit < maxRecord {
		return r.headerTooLong()
	}
	rs := scanRecord(r.buf[r.pos:r.end], r.p.delim)
	if rs.open {
		return fileErr(r.file, r.line+rs.openedAt, csi.Errorf("", "quoted field not closed within %d MiB: the quote opened on this line", maxRecord>>20).
			WithHint(`close the quote; a quote inside a quoted field is written twice ("")`))
	}
	return fileErr(r.file, r.line, csi.Errorf("", "line longer than %d MiB", maxRecord>>20).
		WithHint("check that the file is a CSV export"))
}

// more makes room in the buffer and reads until it is full or the input
// ends. It fails with errTooLong rather than grow past maxRecord.
func (r *Reader) more() error {
	if r.pos > 0 {
		r.end = copy(r.buf, r.buf[r.pos:r.end])
		r.pos = 0
	}
	if r.end == len(r.buf) {
		if len(r.buf) >= r.limit {
			return errTooLong
		}
		r.buf = append(r.buf, make([]byte, len(r.buf))...)
	}
	for idle := 0; r.end < len(r.buf) && !r.eof; {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		switch {
		case err == io.EOF:
			r.eof = true
		case err != nil:
			return err
		case n == 0:
			if idle++; idle > 100 {
				return io.ErrNoProgress
			}
		}
	}
	return nil
}

// decode turns the record in r.p into UTF-8, validating it when the
// encoding is not vouched for; a decoded record is split again.
func (r *Reader) decode(line int) error {
	text := r.p.rec.text
	n := asciiPrefix(text)
	switch {
	case n == len(text):
		return nil
	case r.perLine:
		r.decodeLines(text, n)
		return nil
	case r.table != nil:
		r.dec = decodeInto(append(r.dec[:0], text[:n]...), text[n:], r.table)
		r.p.parse(r.dec, true)
		return nil
	case utf8.Valid(text[n:]):
		return nil
	}
	return r.invalidUTF8(text, line)
}

// decodeLines decodes each line of text, whose first n bytes are ASCII,
// on its own: a line that is valid UTF-8 stays as it is, another is read
// as Windows-1252. Without a fingerprint it counts the lines.
func (r *Reader) decodeLines(text []byte, n int) {
	if r.fixed == nil {
		r.seen.feed(text[n:])
		r.seen.endLine()
	}
	if utf8.Valid(text[n:]) {
		return
	}
	dst := append(r.dec[:0], text[:n]...)
	for b := text[n:]; len(b) > 0; {
		seg := b
		if e := lineEnd(b, '\n'); e >= 0 {
			seg = b[:e+1]
		}
		if utf8.Valid(seg) {
			dst = append(dst, seg...)
		} else {
			dst = decodeInto(dst, seg, r.table)
		}
		b = b[len(seg):]
	}
	r.dec = dst
	r.p.parse(r.dec, true)
}

// invalidUTF8 reports the first byte of rec that is not UTF-8.
func (r *Reader) invalidUTF8(rec []byte, line int) error {
	i := 0
	for i < len(rec) {
		c, size := utf8.DecodeRune(rec[i:])
		if c == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line += countBreaks(rec[:i])
	return fileErr(r.file, line, csi.Errorf("", "invalid UTF-8 (byte 0x%02X) in a file read as %s", rec[min(i, len(rec)-1)], r.det.Encoding).
		WithHint("convert the file to UTF-8, or name its encoding with --encoding windows-1252"))
}

// countBreaks counts the line breaks in b, a CRLF pair counting once.
func countBreaks(b []byte) int {
	n := 0
	for i, c := range b {
		if c == '\n' || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			n++
		}
	}
	return n
}
