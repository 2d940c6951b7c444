package sqlite

import (
	"fmt"
	"testing"
)

// TestResidentsBytes checks what a writer reports as Held for the memory
// limit: the 32-byte residents and the 4-byte index slots.
func TestResidentsBytes(t *testing.T) {
	const n = 1000
	rs := newResidents(n)
	for i := 0; i < n; i++ {
		rs.add(resident{key: cfKey(fmt.Sprintf("CF%014d", i))})
	}
	want := int64(n*32 + 4*2048)
	if got := rs.bytes(); got != want {
		t.Errorf("bytes %d, want %d", got, want)
	}
	if got := (&writer{cur: rs}).Held(); got != want {
		t.Errorf("Held %d, want %d", got, want)
	}
	if got := (&writer{}).Held(); got != 0 {
		t.Errorf("a writer without residents holds %d", got)
	}
}
