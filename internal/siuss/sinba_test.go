package siuss

import (
	"strings"
	"testing"
)

// TestPseudonimoSINBA: the pseudonym is stable, fits 20 characters and never
// comes from a codice fiscale.
func TestPseudonimoSINBA(t *testing.T) {
	id, err := PseudonimoSINBA("F704", "C-2024-17")
	if err != nil || id != "F704C-2024-17" {
		t.Errorf("short id: %q %v", id, err)
	}
	long := "cartella-000000000000000000042"
	a, err := PseudonimoSINBA("F704", long)
	b, _ := PseudonimoSINBA("F704", long)
	c, _ := PseudonimoSINBA("A087", long)
	if err != nil || a != b || a == c || len(a) != 20 || !strings.HasPrefix(a, "F704") || strings.Contains(a, "cartella") {
		t.Errorf("long id: %q %q %q %v", a, b, c, err)
	}
	for _, bad := range [][2]string{{"F704", ""}, {"Monza", "C1"}, {"F704", "C-SLONNI75M48F704N"}} {
		if id, err := PseudonimoSINBA(bad[0], bad[1]); err == nil {
			t.Errorf("%v: %q, want an error", bad, id)
		} else if strings.Contains(err.Error(), "SLONNI") {
			t.Errorf("the error carries the codice fiscale: %v", err)
		}
	}
}
