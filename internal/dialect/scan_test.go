package dialect

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"testing/iotest"
)

func TestScan(t *testing.T) {
	big := bytes.Repeat([]byte("abcdefgh;"), scanChunk/9*3) // spans three chunks
	tests := []struct {
		name string
		data []byte
		fp   Fingerprint // SHA256 and Size are checked separately
	}{
		{"empty", nil, Fingerprint{ValidUTF8: true}},
		{"ascii", []byte("a;b\n"), Fingerprint{ValidUTF8: true}},
		{"bom", []byte("\xEF\xBB\xBFa;b\n"), Fingerprint{ValidUTF8: true, BOM: true, HighControl: false}},
		{"utf-8 accents", []byte("Niccolò;€\n"), Fingerprint{ValidUTF8: true, HighControl: true}}, // € is E2 82 AC
		{"latin1", []byte("Nicol\xE0\n"), Fingerprint{}},
		{"windows-1252", []byte("\x80 5\n"), Fingerprint{HighControl: true}},
		{"truncated rune at the end", []byte("abc\xC3"), Fingerprint{}},
		{"large", big, Fingerprint{ValidUTF8: true}},
	}
	// A rune of n bytes starting k bytes before the chunk boundary, for every split.
	for _, r := range []string{"à", "€", "😀"} {
		for k := 1; k < len(r); k++ {
			data := append(bytes.Repeat([]byte{'x'}, scanChunk-k), r...)
			data = append(data, "tail"...)
			tests = append(tests, struct {
				name string
				data []byte
				fp   Fingerprint
			}{"split " + r, data, Fingerprint{ValidUTF8: true, HighControl: refHighControl(data)}})
			bad := append(bytes.Repeat([]byte{'x'}, scanChunk-k), r[:k]...)
			bad = append(bad, 'x')
			tests = append(tests, struct {
				name string
				data []byte
				fp   Fingerprint
			}{"broken split " + r, bad, Fingerprint{HighControl: refHighControl(bad)}})
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
