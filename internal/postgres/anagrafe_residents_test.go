package postgres

import (
	"fmt"
	"testing"
)

// TestResidentsFindEveryKey fills the table past several index doublings
// and chunks and checks that every resident is found with its own values
// and that absent codes are not.
func TestResidentsFindEveryKey(t *testing.T) {
	const n = 3*(1<<chunkBits) + 123
	rs := newResidents()
	cf := func(i int) string { return fmt.Sprintf("CF%014d", i) }
	for i := 0; i < n; i++ {
		rs.add(resident{key: cfKey(cf(i)), hash: uint64(i) * 7})
	}
	if rs.size() != n || len(rs.chunks) != 4 {
		t.Fatalf("size %d in %d chunks, want %d in 4", rs.size(), len(rs.chunks), n)
	}
	if 3*rs.size() > 2*len(rs.slots) {
		t.Errorf("%d slots for %d residents: more than two thirds full", len(rs.slots), n)
	}
	for i := 0; i < n; i++ {
		k := cfKey(cf(i))
		r := rs.find(&k)
		if r == nil || r.hash != uint64(i)*7 || r.cf() != cf(i) {
			t.Fatalf("resident %d: %+v", i, r)
		}
	}
	for _, missing := range []string{cf(n), cf(-1), "", "RSSMRA80A01F704X"} {
		if k := cfKey(missing); rs.find(&k) != nil {
			t.Errorf("found %q, never added", missing)
		}
	}
}

// TestResidentsUnseen counts the residents no row marked, and a nil table
// (a Comune without residents) answers as an empty one.
func TestResidentsUnseen(t *testing.T) {
	var none *residents
	if none.size() != 0 || none.unseen() != 0 {
		t.Error("a nil table is not empty")
	}
	if k := cfKey("RSSMRA80A01F704X"); none.find(&k) != nil {
		t.Error("a nil table found a resident")
	}
	rs := newResidents()
	for i := 0; i < 10; i++ {
		rs.add(resident{key: cfKey(fmt.Sprintf("CF%014d", i))})
	}
	rs.at(2).seen, rs.at(5).seen = 7, -9 // mentioned by a valid row, by a rejected one
	if got := rs.unseen(); got != 8 {
		t.Errorf("unseen = %d, want 8", got)
	}
}

// TestResidentCodeOfShortKey: a key shorter than 16 bytes comes back
// without its zero padding.
func TestResidentCodeOfShortKey(t *testing.T) {
	r := resident{key: cfKey("12345678901")}
	if got := r.cf(); got != "12345678901" {
		t.Errorf("cf() = %q", got)
	}
}

// TestCFSetFindsEveryKey fills a first load's set past several index
// doublings and chunks: every code has its line, absent codes have none.
func TestCFSetFindsEveryKey(t *testing.T) {
	const n = 3*(1<<cfChunkBits) + 77
	s := newCFSet(64 * n) // a file of about n rows: chunks of the largest size
	cf := func(i int) string { return fmt.Sprintf("CF%014d", i) }
	for i := 0; i < n; i++ {
		s.add(cfKey(cf(i)), int32(i+2))
	}
	if s.n != n || len(s.chunks) != 4 || 3*s.n > 2*len(s.slots) {
		t.Fatalf("%d entries in %d chunks, %d slots", s.n, len(s.chunks), len(s.slots))
	}
	for i := 0; i < n; i++ {
		if k := cfKey(cf(i)); s.lineOf(&k) != int32(i+2) {
			t.Fatalf("%s: line %d, want %d", cf(i), s.lineOf(&k), i+2)
		}
	}
	for _, missing := range []string{cf(n), cf(-1), "", "RSSMRA80A01F704X"} {
		if k := cfKey(missing); s.lineOf(&k) != 0 {
			t.Errorf("found %q, never added", missing)
		}
	}
}

// TestCFSetSmallFile: a small file's set starts with small chunks and
// still holds more codes than its estimate.
func TestCFSetSmallFile(t *testing.T) {
	s := newCFSet(3000) // about 30 rows
	if s.bits != 8 {
		t.Fatalf("chunks of %d entries for a 3,000-byte file, want 256", 1<<s.bits)
	}
	for i := range 1000 {
		s.add(cfKey(fmt.Sprintf("CF%014d", i)), int32(i+2))
	}
	if len(s.chunks) != 4 {
		t.Fatalf("%d chunks for 1,000 codes, want 4", len(s.chunks))
	}
	for i := range 1000 {
		if k := cfKey(fmt.Sprintf("CF%014d", i)); s.lineOf(&k) != int32(i+2) {
			t.Fatalf("code %d: line %d", i, s.lineOf(&k))
		}
	}
}

// TestResidentsBytes checks what a writer reports as Held for the memory
// limit: the chunks of 32-byte residents and the 4-byte index slots.
func TestResidentsBytes(t *testing.T) {
	const n = 1<<chunkBits + 1 // two chunks
	rs := newResidents()
	for i := 0; i < n; i++ {
		rs.add(resident{key: cfKey(fmt.Sprintf("CF%014d", i))})
	}
	want := int64(2<<chunkBits)*32 + 4*int64(len(rs.slots))
	if got := rs.bytes(); got != want {
		t.Errorf("bytes %d, want %d", got, want)
	}
	w := &writer{cur: rs}
	if w.Held() != want {
		t.Errorf("Held %d, want %d", w.Held(), want)
	}
	if (&writer{}).Held() != 0 {
		t.Error("a writer without residents holds something")
	}
}
