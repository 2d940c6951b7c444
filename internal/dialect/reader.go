package dialect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

const (
	bufSize   = 64 << 10 // initial read buffer, grown for longer records
	maxRecord = 16 << 20 // longest record accepted, so memory stays bounded
)

// errTooLong is returned by more when a record would outgrow maxRecord.
var errTooLong = errors.New("record too long")

// Reader streams the rows of one CSV file. It is not safe for concurrent use.
type Reader struct {
	src      io.Reader
	buf      []byte // buf[pos:end] is read but not yet consumed
	pos, end int
	eof      bool  // src is exhausted
	consumed int64 // raw bytes consumed, for BytesRead
	line     int   // line on which the next record starts
	file     string

	p          parser
	table      *[128]string // decoding of bytes 0x80-0xFF, nil for UTF-8
	checkUTF8  bool         // UTF-8 not vouched for by a fingerprint: validate rows
	weakUTF8   bool         // UTF-8 assumed from ASCII-only evidence: may turn into Windows-1252
	weakLatin1 bool         // ISO-8859-1 chosen on a prefix: turns into Windows-1252 at the first 0x80-0x9F
	dec        []byte       // decoded record, for single-byte encodings
	row        Row
	det        Detected
	err        error // sticky: returned by every later Next
}

// Open detects the file's dialect and reads its header. Encoding detection
// uses fp, the Scan of the same file, when given; with fp nil it decides
// on the first 64 KiB. A file with a header and no rows is not an error.
func Open(src io.Reader, schema Schema, opts Options, fp *Fingerprint) (*Reader, error) {
	r := &Reader{src: src, buf: make([]byte, bufSize), file: opts.File, line: 1}
	if err := r.more(); err != nil {
		return nil, r.ioError(err)
	}
	if err := r.setup(opts, fp); err != nil {
		return nil, err
	}
	header, line, err := r.readHeader()
	if err != nil {
		return nil, err
	}
	b, err := binder{schema: schema, header: header, file: r.file, line: line}.bind(opts.Map)
	if err != nil {
		return nil, err
	}
	r.row.cols = b.cols
	r.det.Header, r.det.Columns, r.det.Unknown = header, b.columns, b.unknown
	return r, nil
}

// Detected returns the dialect found by Open. Without a fingerprint the
// encoding can still turn into windows-1252 during reading: from utf-8 when
// the first 64 KiB were ASCII, from iso-8859-1 at the first byte 0x80-0x9F.
func (r *Reader) Detected() Detected { return r.det }

// NumColumns returns the number of fields in the header.
func (r *Reader) NumColumns() int { return len(r.det.Header) }

// BytesRead returns the raw bytes consumed so far, for progress reports.
func (r *Reader) BytesRead() int64 { return r.consumed }

// Next returns the next row, or io.EOF after the last one. Empty lines are
// skipped (their lines still count). The Row and every slice it returns
// are valid only until the next call to Next.
func (r *Reader) Next() (*Row, error) {
	if r.err != nil {
		return nil, r.err
	}
	for {
		line, err := r.read()
		if err == nil && len(r.p.rec.text) == 0 {
			continue
		}
		if err == nil && (r.table != nil || r.checkUTF8) {
			err = r.decode(line)
		}
		if err != nil {
			r.err = err
			return nil, err
		}
		row, rec := &r.row, &r.p.rec
		row.Line, row.Raw, row.data, row.spans = line, rec.text, rec.data, r.p.spans
		row.str, row.hasStr = "", false
		return row, nil
	}
}

// setup strips the BOM and settles encoding, delimiter and line endings.
func (r *Reader) setup(opts Options, fp *Fingerprint) error {
	if bytes.HasPrefix(r.buf[r.pos:r.end], bom) {
		r.det.BOM = true
		r.pos += len(bom)
		r.consumed += int64(len(bom))
	}
	if r.pos == r.end {
		return &Error{File: r.file, Msg: "file is empty", Hint: "export the file again: it has no header and no rows"}
	}
	if err := r.notText(); err != nil {
		return err
	}
	if err := r.setupEncoding(opts.Encoding, fp); err != nil {
		return err
	}
	return r.setupDelimiter(opts.Delimiter)
}

// prefix returns the part of the file the sniffers look at.
func (r *Reader) prefix() (b []byte, atEOF bool) {
	b = r.buf[r.pos:r.end]
	if len(b) > sniffSize {
		return b[:sniffSize], false
	}
	return b, r.eof
}

// setupEncoding applies the requested encoding or detects one.
func (r *Reader) setupEncoding(name string, fp *Fingerprint) error {
	enc, err := ParseEncoding(name)
	if err != nil {
		return &Error{File: r.file, Msg: err.Error(), Hint: "use --encoding utf-8, windows-1252 or iso-8859-1"}
	}
	if enc == "" && r.det.BOM {
		enc = UTF8 // a BOM is a declaration; rows prove or disprove it
	} else if enc == "" {
		prefix, atEOF := r.prefix()
		var strong bool
		enc, strong = detectEncoding(fp, prefix, atEOF)
		r.weakUTF8 = !strong
		r.weakLatin1 = enc == ISO88591 && fp == nil && !atEOF
	}
	r.setEncoding(enc)
	r.checkUTF8 = enc == UTF8 && (fp == nil || !fp.ValidUTF8)
	return nil
}

// setEncoding switches decoding to enc.
func (r *Reader) setEncoding(enc string) {
	r.det.Encoding, r.table = enc, nil
	if enc != UTF8 {
		r.table = singleByte(enc)
	}
}

// setupDelimiter applies the requested delimiter or sniffs one, and
// detects the line endings.
func (r *Reader) setupDelimiter(d rune) error {
	prefix, atEOF := r.prefix()
	switch {
	case d == 0:
		r.p.delim = sniffDelimiter(prefix, atEOF)
	case validDelimiter(d):
		r.p.delim = byte(d)
	default:
		return &Error{File: r.file, Msg: fmt.Sprintf("unsupported delimiter %q", d),
			Hint: "use --delimiter ';', ',', tab or '|'"}
	}
	r.det.Delimiter = string(rune(r.p.delim))
	r.det.LineEnding = sniffLineEnding(prefix, r.p.delim)
	r.p.eol = '\n'
	if r.det.LineEnding == "CR" {
		r.p.eol = '\r'
	}
	return nil
}

// readHeader reads the first non-empty record as the header.
func (r *Reader) readHeader() ([]string, int, error) {
	row, err := r.Next()
	if err == io.EOF {
		return nil, 0, &Error{File: r.file, Msg: "file is empty", Hint: "export the file again: it has only blank lines"}
	}
	if err != nil {
		return nil, 0, err
	}
	header := make([]string, row.NumFields())
	for j := range header {
		header[j] = row.Field(j)
	}
	return header, row.Line, nil
}

// ioError wraps a read error with the file name.
func (r *Reader) ioError(err error) error {
	return &Error{File: r.file, Line: r.line, Msg: "read error: " + err.Error()}
}
