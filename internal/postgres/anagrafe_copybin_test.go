package postgres

import (
	"bytes"
	"testing"
)

// TestCopyBinFormat checks one row of COPY's binary format byte by byte:
// the header, the field count, a text, a text written in place and a
// bigint, each with its length.
func TestCopyBinFormat(t *testing.T) {
	var c copyBin
	c.row(3)
	c.text("ab")
	c.textWith(func(b []byte) []byte { return append(b, `["x"]`...) })
	c.int8(-2)
	want := append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0, // flags, extension length
		0, 3, // fields
		0, 0, 0, 2, 'a', 'b',
		0, 0, 0, 5, '[', '"', 'x', '"', ']',
		0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe)
	if !bytes.Equal(c.b, want) {
		t.Fatalf("encoded\n%q, want\n%q", c.b, want)
	}
	if c.rows != 1 {
		t.Errorf("%d rows, want 1", c.rows)
	}
	c.release()
	if c.b != nil || c.rows != 0 {
		t.Errorf("after release: %d bytes, %d rows", len(c.b), c.rows)
	}
}
