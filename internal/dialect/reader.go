package dialect

import (
	"bytes"
	"errors"
	"io"

	"github.com/csi-mb/csi/internal/csi"
)

const (
	bufSize   = 64 << 10 // initial read buffer, grown for longer records
	maxRecord = 16 << 20 // longest record accepted, so memory stays bounded
	maxHeader = 64 << 10 // longest header line accepted
	maxField  = 64 << 10 // longest field value accepted
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

	p         parser
	limit     int          // the buffer does not grow past this: maxHeader*2 for the header, then maxRecord
	fields    int          // fields in the header
	trailing  bool         // every data row ends with a stray delimiter: drop that empty last field
	table     *[128]string // decoding of bytes 0x80-0xFF, nil for UTF-8
	checkUTF8 bool         // UTF-8 given by the user and not vouched for by a fingerprint: validate rows
	perLine   bool         // encoding detected line by line: invalid UTF-8 lines are read with table
	fixed     *lineStats   // the whole file's line counts, from its fingerprint; nil: count while reading
	pre, seen lineStats    // without a fingerprint: counts of the first 64 KiB and of the lines read
	dec       []byte       // decoded record, for single-byte encodings
	row       Row
	det       Detected
	err       error // sticky: returned by every later Next
}

// Open detects the file's dialect and reads its header. Encoding detection
// uses fp, the Scan of the same file, when given; with fp nil it reads
// each line in the encoding it is valid in, and names the file's from the
// first 64 KiB and the lines read (see Detected). A file with a header and
// no rows is not an error.
func Open(src io.Reader, schema Schema, opts Options, fp *Fingerprint) (*Reader, error) {
	r := &Reader{src: src, buf: make([]byte, bufSize), file: opts.File, line: 1, limit: 2 * maxHeader}
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
	r.limit, r.fields = maxRecord, len(header)
	r.trailing = r.sniffTrailing()
	r.det.TrailingDelimiter = r.trailing
	b, err := binder{schema: schema, header: header, file: r.file, line: line}.bind(opts.Map)
	if err != nil {
		return nil, err
	}
	r.row.cols = b.cols
	r.det.Header, r.det.Columns, r.det.Unknown = header, b.columns, b.unknown
	return r, nil
}

// Detected returns the dialect found by Open. When the encoding is
// detected, a line that is not in the file's encoding is read in the
// other one (Fallback, counted in FallbackLines). Without a fingerprint
// the counts are those of the first 64 KiB and of the lines read so far,
// so the encoding can still change during reading.
func (r *Reader) Detected() Detected {
	d := r.det
	if r.perLine {
		stats := r.pre.merge(r.seen)
		if r.fixed != nil {
			stats = *r.fixed
		}
		d.Encoding, d.Fallback, d.FallbackLines = stats.names(d.BOM)
	}
	return d
}

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
		if err == nil && (r.table != nil || r.checkUTF8 || r.perLine) {
			err = r.decode(line)
		}
		if err == nil {
			err = r.checkFields(line)
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
		return fileErr(r.file, 0, csi.Errorf("", "file is empty").WithHint("export the file again: it has no header and no rows"))
	}
	if err := r.notText(); err != nil {
		return err
	}
	delim, err := r.skipSepLine(opts.Delimiter)
	if err != nil {
		return err
	}
	if err := r.setupEncoding(opts.Encoding, fp); err != nil {
		return err
	}
	return r.setupDelimiter(delim)
}

// prefix returns the part of the file the sniffers look at.
func (r *Reader) prefix() (b []byte, atEOF bool) {
	b = r.buf[r.pos:r.end]
	if len(b) > sniffSize {
		return b[:sniffSize], false
	}
	return b, r.eof
}

// setupEncoding applies the requested encoding or detects one: UTF-8
// when the fingerprint vouches for it, the single-byte encoding when no
// line is UTF-8, else line by line.
func (r *Reader) setupEncoding(name string, fp *Fingerprint) error {
	enc, err := ParseEncoding(name)
	if err != nil {
		return fileErr(r.file, 0, csi.Errorf("", "unknown encoding %q (accepted: utf-8, windows-1252, iso-8859-1)", name).
			WithHint("use --encoding utf-8, windows-1252 or iso-8859-1"))
	}
	switch {
	case enc != "":
		r.checkUTF8 = enc == UTF8 && (fp == nil || !fp.ValidUTF8)
	case fp != nil && fp.ValidUTF8:
		enc = UTF8
	case fp != nil && fp.UTF8Lines == 0 && !r.det.BOM:
		enc = encodingFor(false, fp.HighControl)
	default:
		enc, r.perLine = UTF8, true
		if fp != nil {
			r.fixed = &lineStats{utf8: fp.UTF8Lines, other: fp.OtherLines, highControl: fp.HighControl}
		} else {
			r.pre = prefixStats(r.prefix())
		}
	}
	r.setEncoding(enc)
	if r.perLine {
		r.table = singleByte(Windows1252)
	}
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
		return fileErr(r.file, 0, csi.Errorf("", "unsupported delimiter %q", d).WithHint("use --delimiter ';', ',', tab or '|'"))
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
		return nil, 0, fileErr(r.file, 0, csi.Errorf("", "file is empty").WithHint("export the file again: it has only blank lines"))
	}
	if err != nil {
		return nil, 0, err
	}
	if len(row.Raw) > maxHeader {
		r.line = row.Line
		return nil, 0, r.headerTooLong()
	}
	header := make([]string, row.NumFields())
	for j := range header {
		header[j] = row.Field(j)
	}
	return header, row.Line, nil
}

// ioError wraps a read error with the file name.
func (r *Reader) ioError(err error) error {
	return fileErr(r.file, r.line, csi.Errorf("", "read error: %v", err))
}
