package dialect

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
	"testing/iotest"
)

func TestScan(t *testing.T) {
	big := append([]byte("h\n"), bytes.Repeat([]byte("abcdefgh;"), scanChunk/9*3)...) // spans three chunks
	tests := []struct {
		name string
		data []byte
		fp   Fingerprint // SHA256 and Size are checked separately
	}{
		{"empty", nil, Fingerprint{ValidUTF8: true}},
		{"ascii", []byte("a;b\n"), Fingerprint{ValidUTF8: true}},
		{"bom", []byte("\xEF\xBB\xBFa;b\n"), Fingerprint{ValidUTF8: true, BOM: true, HighControl: false}},
		{"utf-8 accents", []byte("Niccolò;€\n"), Fingerprint{ValidUTF8: true, UTF8Lines: 1}}, // € is E2 82 AC
		{"latin1", []byte("Nicol\xE0\n"), Fingerprint{OtherLines: 1}},
		{"windows-1252", []byte("\x80 5\n"), Fingerprint{HighControl: true, OtherLines: 1}},
		{"truncated rune at the end", []byte("abc\xC3"), Fingerprint{OtherLines: 1}},
		{"large", big, Fingerprint{ValidUTF8: true}},
		{"mixed lines", []byte("a\r\nCantù\r\nCant\xF9\r\n\r\nNicol\xE0 \x80\rZoë\nx\xC3\xA8\xE8"),
			Fingerprint{UTF8Lines: 2, OtherLines: 3, HighControl: true}},
		{"bom line not counted", []byte("\xEF\xBB\xBFa\nb\xE0\n"), Fingerprint{BOM: true, OtherLines: 1}},
	}
	// A rune of n bytes starting k bytes before the chunk boundary, for every split.
	for _, r := range []string{"à", "€", "😀"} {
		for k := 1; k < len(r); k++ {
			data := append([]byte("h\n"), bytes.Repeat([]byte{'x'}, scanChunk-k-2)...)
			data = append(data, r...)
			data = append(data, "tail"...)
			tests = append(tests, struct {
				name string
				data []byte
				fp   Fingerprint
			}{"split " + r, data, Fingerprint{ValidUTF8: true, UTF8Lines: 1}})
			bad := append([]byte("h\n"), bytes.Repeat([]byte{'x'}, scanChunk-k-2)...)
			bad = append(bad, r[:k]...)
			bad = append(bad, 'x')
			tests = append(tests, struct {
				name string
				data []byte
				fp   Fingerprint
			}{"broken split " + r, bad, Fingerprint{HighControl: refHighControl(bad), OtherLines: 1}})
		}
	}
	for _, tt := range tests {
		for _, half := range []bool{false, true} {
			r := bytes.NewReader(tt.data)
			var src = iotestReader(r, half)
			got, err := Scan(src)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			sum := sha256.Sum256(tt.data)
			tt.fp.SHA256, tt.fp.Size = hex.EncodeToString(sum[:]), int64(len(tt.data))
			if got != tt.fp {
				t.Errorf("%s (half reads %v): got %+v, want %+v", tt.name, half, got, tt.fp)
			}
		}
	}
}

// refHighControl is the obvious version of hasHighControl.
func refHighControl(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 && c <= 0x9F {
			return true
		}
	}
	return false
}

// iotestReader returns r, or r behind a reader that returns half of what is asked.
func iotestReader(r *bytes.Reader, half bool) interface{ Read([]byte) (int, error) } {
	if half {
		return iotest.HalfReader(r)
	}
	return r
}

func TestHasHighControl(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 9; pos++ {
			b := bytes.Repeat([]byte{0xFF}, 9) // 0xFF: high bit set, not a control
			b[pos] = byte(c)
			want := c >= 0x80 && c <= 0x9F
			if got := hasHighControl(b); got != want {
				t.Fatalf("byte 0x%02X at %d: got %v", c, pos, got)
			}
		}
	}
}

func TestScanRefusesBinary(t *testing.T) {
	zeros := &endless{}
	_, err := Scan(zeros)
	want := "file contains NUL bytes: it is not CSV text (UTF-16, or a binary file?)"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if zeros.n > 2*scanChunk {
		t.Errorf("read %d bytes before refusing", zeros.n)
	}
	_, err = Scan(bytes.NewReader([]byte("\xFF\xFEc\x00f\x00")))
	if want := "file is UTF-16 text"; err == nil || err.Error() != want {
		t.Errorf("UTF-16: err = %v, want %s", err, want)
	}
	_, err = Scan(bytes.NewReader(bytes.Repeat([]byte("a;"), 1<<20)))
	if want := "line 1: header line longer than 64 KiB"; err == nil || err.Error() != want {
		t.Errorf("no line break: err = %v, want %s", err, want)
	}
	long := append(bytes.Repeat([]byte("a"), maxHeader), "\r\nb\n"...)
	if _, err := Scan(bytes.NewReader(long)); err != nil {
		t.Errorf("a header of 64 KiB: %v", err)
	}
	late := append(bytes.Repeat([]byte("a;b\n"), sniffSize/4), 0)
	if _, err := Scan(bytes.NewReader(late)); err != nil {
		t.Errorf("NUL after the first block: %v", err)
	}
}

// endless reads as a run of NUL bytes, like /dev/zero (but it ends after
// 64 MiB, so that a Scan that does not refuse it fails instead of hanging).
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	if e.n >= 64<<20 {
		return 0, io.EOF
	}
	clear(p)
	e.n += len(p)
	return len(p), nil
}
