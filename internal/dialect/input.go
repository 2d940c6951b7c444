package dialect

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// cut is one record found in the buffer.
type cut struct {
	rec    []byte // the record without its final line break
	size   int    // bytes consumed, line break included
	breaks int    // line breaks consumed, the final one included
	quoted bool   // rec contains a quote
}

// nextRecord consumes the next record and returns it with the line it
// starts on. Its bytes stay valid until the next call.
func (r *Reader) nextRecord() (rec []byte, quoted bool, line int, err error) {
	for {
		c, ok, err := r.cut()
		if err != nil {
			return nil, false, r.line, err
		}
		if ok {
			line = r.line
			r.pos += c.size
			r.consumed += int64(c.size)
			r.line += c.breaks
			return c.rec, c.quoted, line, nil
		}
		if err := r.more(); err == errTooLong {
			return nil, false, r.line, r.tooLong()
		} else if err != nil {
			return nil, false, r.line, r.ioError(err)
		}
	}
}

// cut finds the record at the start of the buffer; ok is false when more
// input is needed to see its end.
func (r *Reader) cut() (c cut, ok bool, err error) {
	b := r.buf[r.pos:r.end]
	if len(b) == 0 && r.eof {
		return c, false, io.EOF
	}
	i := lineEnd(b, r.eol)
	if i >= 0 && bytes.IndexByte(b[:i], '"') < 0 {
		if b[i] == '\r' && i+1 == len(b) && !r.eof {
			return c, false, nil // maybe CRLF split by the buffer end
		}
		n := eolLen(b, i)
		return cut{rec: b[:i], size: i + n, breaks: 1}, true, nil
	}
	if i < 0 && !r.eof {
		return c, false, nil
	}
	if i < 0 && bytes.IndexByte(b, '"') < 0 {
		return cut{rec: b, size: len(b)}, true, nil
	}
	return r.cutQuoted(b)
}

// cutQuoted is cut for a record that contains quotes.
func (r *Reader) cutQuoted(b []byte) (c cut, ok bool, err error) {
	rs := scanRecord(b, r.delim)
	if !r.eof && (rs.eolLen == 0 || b[rs.end] == '\r' && rs.end+1 == len(b)) {
		return c, false, nil
	}
	if rs.open {
		return c, false, &Error{File: r.file, Line: r.line + rs.openedAt,
			Msg:  "unterminated quoted field: the quote opened on this line is never closed",
			Hint: `close the quote; a quote inside a quoted field is written twice ("")`}
	}
	breaks := rs.breaks
	if rs.eolLen > 0 {
		breaks++
	}
	return cut{rec: b[:rs.end], size: rs.end + rs.eolLen, breaks: breaks, quoted: true}, true, nil
}

// lineEnd returns the index of the first '\r' or '\n' in b, or -1. It looks
// for first (the file's usual line-break byte) and then for the other one
// before it, so that both searches run at memchr speed.
func lineEnd(b []byte, first byte) int {
	other := byte('\r')
	if first == '\r' {
		other = '\n'
	}
	i := bytes.IndexByte(b, first)
	if i < 0 {
		return bytes.IndexByte(b, other)
	}
	if j := bytes.IndexByte(b[:i], other); j >= 0 {
		return j
	}
	return i
}

// tooLong reports a record that outgrew maxRecord.
func (r *Reader) tooLong() error {
	rs := scanRecord(r.buf[r.pos:r.end], r.delim)
	e := &Error{File: r.file, Line: r.line, Msg: fmt.Sprintf("line longer than %d MiB", maxRecord>>20),
		Hint: "check that the file is a CSV export"}
	if rs.open {
		e.Line = r.line + rs.openedAt
		e.Msg = fmt.Sprintf("quoted field not closed within %d MiB: the quote opened on this line", maxRecord>>20)
		e.Hint = `close the quote; a quote inside a quoted field is written twice ("")`
	}
	return e
}

// more makes room in the buffer and reads until it is full or the input
// ends. It fails with errTooLong rather than grow past maxRecord.
func (r *Reader) more() error {
	if r.pos > 0 {
		r.end = copy(r.buf, r.buf[r.pos:r.end])
		r.pos = 0
	}
	if r.end == len(r.buf) {
		if len(r.buf) >= maxRecord {
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

// decode returns rec as UTF-8, validating it when the encoding is not
// vouched for.
func (r *Reader) decode(rec []byte, line int) ([]byte, error) {
	n := asciiPrefix(rec)
	switch {
	case n == len(rec):
		return rec, nil
	case r.table != nil:
		r.dec = decodeInto(append(r.dec[:0], rec[:n]...), rec[n:], r.table)
		return r.dec, nil
	case !r.checkUTF8 || utf8.Valid(rec[n:]):
		r.weakUTF8 = false
		return rec, nil
	case r.weakUTF8:
		// Everything before was ASCII, so reading it as Windows-1252 changes nothing.
		r.setEncoding(Windows1252)
		r.checkUTF8, r.weakUTF8 = false, false
		return r.decode(rec, line)
	}
	return nil, r.invalidUTF8(rec, line)
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
	return &Error{File: r.file, Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02X) in a file read as %s", rec[min(i, len(rec)-1)], r.det.Encoding),
		Hint: "convert the file to UTF-8, or name its encoding with --encoding windows-1252"}
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
