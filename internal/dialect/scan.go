package dialect

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io"
	"sync"
	"unicode/utf8"
)

// scanChunk is the read size of Scan.
const scanChunk = 1 << 20

// scanBufs keeps Scan's buffers for the next file: a multi-file import
// scans hundreds of files, most of them far smaller than a buffer, and
// allocating and clearing a new one for each was most of their scan.
var scanBufs = sync.Pool{New: func() any { b := make([]byte, utf8.UTFMax+scanChunk); return &b }}

// bom is the UTF-8 byte order mark.
var bom = []byte{0xEF, 0xBB, 0xBF}

// Fingerprint is what one pass over a file's raw bytes tells about it.
type Fingerprint struct {
	SHA256      string // hex digest of the whole file
	Size        int64  // bytes
	ValidUTF8   bool   // the whole file is valid UTF-8
	BOM         bool   // the file starts with a UTF-8 byte order mark
	HighControl bool   // a line that is not UTF-8 has a byte in 0x80-0x9F (Windows-1252 rather than ISO-8859-1)
	UTF8Lines   int    // lines with non-ASCII text that are valid UTF-8 (the BOM aside)
	OtherLines  int    // lines that are not valid UTF-8
}

// Scan reads r to the end once, hashing it and counting its lines by
// encoding. It refuses at once a file whose first block shows that it is
// not text (NUL bytes), which could otherwise be endless (/dev/zero).
func Scan(r io.Reader) (Fingerprint, error) {
	var fp Fingerprint
	var lines lineStats
	h := sha256.New()
	// buf keeps room for the up to 3 bytes of a rune split across chunks.
	bp := scanBufs.Get().(*[]byte)
	defer scanBufs.Put(bp)
	buf := *bp
	carry := 0
	for first := true; ; first = false {
		n, err := io.ReadFull(r, buf[carry:carry+scanChunk])
		fp.add(h, buf[carry:carry+n], first)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return fp, err
		}
		chunk, last := buf[:carry+n], err != nil
		if first {
			if err := fp.binary(chunk); err != nil {
				return fp, err
			}
		}
		carry = fp.countLines(&lines, chunk, first, last)
		if last {
			break
		}
		copy(buf, chunk[len(chunk)-carry:])
	}
	fp.UTF8Lines, fp.OtherLines, fp.HighControl = lines.utf8, lines.other, lines.highControl
	fp.ValidUTF8 = lines.other == 0
	fp.SHA256 = hex.EncodeToString(h.Sum(nil))
	return fp, nil
}

// add hashes and counts the new bytes data and looks for the BOM.
func (fp *Fingerprint) add(h hash.Hash, data []byte, first bool) {
	h.Write(data)
	fp.Size += int64(len(data))
	if first {
		fp.BOM = bytes.HasPrefix(data, bom)
	}
}

// binary returns an error when the first block of the file, the part
// Open sniffs, holds NUL bytes, or when its first line is longer than a
// header may be: Open would refuse the file, and reading on could be
// endless (/dev/zero, or a stream with no line break).
func (fp *Fingerprint) binary(chunk []byte) error {
	if fp.BOM {
		chunk = chunk[len(bom):]
	}
	prefix := chunk[:min(len(chunk), sniffSize)]
	if bytes.IndexByte(prefix, 0) >= 0 {
		return notTextError("", prefix)
	}
	if len(chunk) > maxHeader && lineEnd(chunk[:maxHeader+1], '\n') < 0 {
		return fileErr("", 1, headerTooLong())
	}
	return nil
}

// countLines feeds chunk, but for an incomplete rune at its end unless
// last, to lines; it returns the length of that tail, which the caller
// carries over.
func (fp *Fingerprint) countLines(lines *lineStats, chunk []byte, first, last bool) int {
	tail := 0
	if !last {
		tail = incompleteTail(chunk)
	}
	b := chunk[:len(chunk)-tail]
	if first && fp.BOM {
		b = b[len(bom):]
	}
	lines.feed(b)
	if last {
		lines.endLine()
	}
	return tail
}

// incompleteTail returns how many bytes at the end of b start a rune that
// is not complete yet (0 to 3).
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		c := b[i]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[i:]) {
				return 0
			}
			return len(b) - i
		}
	}
	return 0
}

// hasHighControl reports whether some byte of b is in 0x80-0x9F.
func hasHighControl(b []byte) bool {
	const hi = 0x8080808080808080
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		// Bit 7 of a byte survives only if it is set and bits 6 and 5 are not.
		if w&hi != 0 && w&^(w<<1)&^(w<<2)&hi != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c&0xE0 == 0x80 {
			return true
		}
	}
	return false
}
