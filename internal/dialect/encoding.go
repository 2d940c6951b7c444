package dialect

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
	"golang.org/x/text/encoding/charmap"
)

// The encodings the reader accepts, by the names it reports.
const (
	UTF8        = "utf-8"
	Windows1252 = "windows-1252"
	ISO88591    = "iso-8859-1"
)

// sniffSize is how much of the file Open looks at to detect the dialect.
const sniffSize = 64 << 10

// ParseEncoding returns the canonical name of an encoding given by a user
// ("" stays "", meaning auto-detect).
func ParseEncoding(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "windows-1252", "cp1252", "win1252", "windows1252":
		return Windows1252, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
		return ISO88591, nil
	}
	return "", fmt.Errorf("unknown encoding %q (accepted: utf-8, windows-1252, iso-8859-1)", s)
}

// singleByte returns the UTF-8 spelling of each byte 0x80-0xFF in enc.
func singleByte(enc string) *[128]string {
	cm := charmap.ISO8859_1
	if enc == Windows1252 {
		cm = charmap.Windows1252
	}
	var t [128]string
	for i := range t {
		r := cm.DecodeByte(byte(0x80 + i))
		if r == utf8.RuneError {
			r = rune(0x80 + i) // undefined in Windows-1252: keep the byte's Latin-1 meaning, losslessly
		}
		t[i] = string(r)
	}
	return &t
}

// encodingFor applies the detection rule: UTF-8 if valid, else
// Windows-1252 when its printable 0x80-0x9F range is used, else Latin-1.
func encodingFor(validUTF8, highControl bool) string {
	switch {
	case validUTF8:
		return UTF8
	case highControl:
		return Windows1252
	}
	return ISO88591
}

// asciiPrefix returns the length of the leading run of ASCII bytes in b.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// decodeInto appends b, decoded with the table t, to dst.
func decodeInto(dst, b []byte, t *[128]string) []byte {
	for len(b) > 0 {
		n := asciiPrefix(b)
		dst = append(dst, b[:n]...)
		if n == len(b) {
			break
		}
		dst = append(dst, t[b[n]-0x80]...)
		b = b[n+1:]
	}
	return dst
}

// magic is a file signature that shows a file is not CSV text.
type magic struct {
	prefix string
	msg    *csi.Error
}

// notCSV lists the signatures of what people export by mistake.
var notCSV = []magic{
	{"PK\x03\x04", csi.Errorf("", "file is a ZIP archive (an Excel .xlsx or .ods workbook?), not a CSV")},
	{"\xD0\xCF\x11\xE0", csi.Errorf("", "file is an Excel 97-2003 workbook (.xls), not a CSV")},
	{"\xFF\xFE", csi.Errorf("", "file is UTF-16 text")},
	{"\xFE\xFF", csi.Errorf("", "file is UTF-16 text")},
	{"%PDF", csi.Errorf("", "file is a PDF document, not a CSV")},
}

// notText returns an error when the file is plainly not CSV text.
func (r *Reader) notText() error {
	prefix, _ := r.prefix()
	return notTextError(r.file, prefix)
}

// notTextError returns an error when prefix, the first block of a file,
// shows that the file is not CSV text.
func notTextError(file string, prefix []byte) error {
	var msg *csi.Error
	for _, m := range notCSV {
		if bytes.HasPrefix(prefix, []byte(m.prefix)) {
			msg = m.msg
			break
		}
	}
	if msg == nil && bytes.IndexByte(prefix, 0) >= 0 {
		msg = csi.Errorf("", "file contains NUL bytes: it is not CSV text (UTF-16, or a binary file?)")
	}
	if msg == nil {
		return nil
	}
	return fileErr(file, 0, msg.WithHint("save it as CSV (UTF-8 or Windows-1252) and import that file"))
}

// lineStats counts the lines of a text by how they decode: the evidence
// for choosing the encoding line by line. ASCII lines are not counted.
type lineStats struct {
	utf8        int                          // lines with non-ASCII bytes that are valid UTF-8
	other       int                          // lines that are not valid UTF-8
	highControl bool                         // some line of other has a byte in 0x80-0x9F
	cur         struct{ high, bad, hc bool } // the line being fed
}

// feed adds b, which continues the current line and ends on a whole rune,
// to the counts. ASCII stretches are skipped eight bytes at a time.
func (s *lineStats) feed(b []byte) {
	for len(b) > 0 {
		n := asciiPrefix(b)
		if n == len(b) {
			if s.cur.high && lineEnd(b, '\n') >= 0 {
				s.endLine()
			}
			return
		}
		if k := lastBreak(b[:n]); k >= 0 {
			s.endLine()
			b, n = b[k+1:], n-k-1
		}
		e := lineEnd(b[n:], '\n')
		if e < 0 {
			s.add(b[n:])
			return
		}
		s.add(b[n : n+e])
		s.endLine()
		b = b[n+e+1:]
	}
}

// add records a piece of the current line that starts with a non-ASCII byte.
func (s *lineStats) add(piece []byte) {
	s.cur.high = true
	s.cur.bad = s.cur.bad || !utf8.Valid(piece)
	s.cur.hc = s.cur.hc || hasHighControl(piece)
}

// endLine counts the current line and starts the next one.
func (s *lineStats) endLine() {
	switch {
	case s.cur.bad:
		s.other++
		s.highControl = s.highControl || s.cur.hc
	case s.cur.high:
		s.utf8++
	}
	s.cur.high, s.cur.bad, s.cur.hc = false, false, false
}

// merge returns the larger count of s and t for each kind of line: the
// stats of a prefix merged with those of the lines read so far.
func (s lineStats) merge(t lineStats) lineStats {
	return lineStats{utf8: max(s.utf8, t.utf8), other: max(s.other, t.other), highControl: s.highControl || t.highControl}
}

// names returns the encoding of a file whose lines decode as counted, and
// the encoding and number of the lines decoded otherwise: a file is UTF-8
// when most of its non-ASCII lines are (or a BOM says so), and its other
// lines are read as Windows-1252, one line at a time.
func (s lineStats) names(bom bool) (enc, fallback string, lines int) {
	single := encodingFor(false, s.highControl)
	switch {
	case s.other == 0:
		return UTF8, "", 0
	case bom || s.utf8 > 0 && s.utf8 >= s.other:
		return UTF8, Windows1252, s.other
	case s.utf8 == 0:
		return single, "", 0
	}
	return single, UTF8, s.utf8
}

// lastBreak returns the index of the last '\r' or '\n' in b, or -1.
func lastBreak(b []byte) int {
	return max(bytes.LastIndexByte(b, '\n'), bytes.LastIndexByte(b, '\r'))
}

// prefixStats counts the whole lines of prefix; atEOF says nothing follows.
func prefixStats(prefix []byte, atEOF bool) lineStats {
	if !atEOF {
		prefix = prefix[:lastBreak(prefix)+1]
	}
	var s lineStats
	s.feed(prefix)
	s.endLine()
	return s
}
