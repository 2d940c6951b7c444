package dialect

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"

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

// detectEncoding chooses the encoding from a fingerprint of the whole file,
// or from prefix when fp is nil; strong is false when the choice of UTF-8
// rests on a prefix with no byte above 0x7F.
func detectEncoding(fp *Fingerprint, prefix []byte, atEOF bool) (enc string, strong bool) {
	if fp != nil {
		return encodingFor(fp.ValidUTF8, fp.HighControl), true
	}
	if asciiPrefix(prefix) == len(prefix) {
		return UTF8, atEOF
	}
	valid := utf8.Valid(prefix[:len(prefix)-tailIf(prefix, !atEOF)])
	return encodingFor(valid, hasHighControl(prefix)), true
}

// tailIf returns the incomplete rune at the end of b when cut is true.
func tailIf(b []byte, cut bool) int {
	if !cut {
		return 0
	}
	return incompleteTail(b)
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
	msg    string
}

// notCSV lists the signatures of what people export by mistake.
var notCSV = []magic{
	{"PK\x03\x04", "file is a ZIP archive (an Excel .xlsx or .ods workbook?), not a CSV"},
	{"\xD0\xCF\x11\xE0", "file is an Excel 97-2003 workbook (.xls), not a CSV"},
	{"\xFF\xFE", "file is UTF-16 text"},
	{"\xFE\xFF", "file is UTF-16 text"},
	{"%PDF", "file is a PDF document, not a CSV"},
}

// notText returns an error when the file is plainly not CSV text.
func (r *Reader) notText() error {
	prefix, _ := r.prefix()
	msg := ""
	for _, m := range notCSV {
		if bytes.HasPrefix(prefix, []byte(m.prefix)) {
			msg = m.msg
			break
		}
	}
	if msg == "" && bytes.IndexByte(prefix, 0) >= 0 {
		msg = "file contains NUL bytes: it is not CSV text (UTF-16, or a binary file?)"
	}
	if msg == "" {
		return nil
	}
	return &Error{File: r.file, Msg: msg, Hint: "save it as CSV (UTF-8 or Windows-1252) and import that file"}
}
