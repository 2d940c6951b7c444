package anagrafe

import (
	"strings"
	"testing"
)

// TestOldCodes checks the shape of OldCodes: every key is a pre-2009 code of
// the province of Milano (015xxx), every value is one of the 55 current codes
// of Monza e Brianza (108001–108055), and no two old codes share a new code.
func TestOldCodes(t *testing.T) {
	current := make(map[string]bool, 55)
	for i := 1; i <= 55; i++ {
		current["108"+pad3(i)] = true
	}

	seen := make(map[string]string, len(OldCodes))
	for oldCode, newCode := range OldCodes {
		if !strings.HasPrefix(oldCode, "015") || len(oldCode) != 6 {
			t.Errorf("old code %q: want a six-digit code starting with 015", oldCode)
		}
		if !current[newCode] {
			t.Errorf("old code %q maps to %q, which is not a current Monza e Brianza code", oldCode, newCode)
		}
		if prev, dup := seen[newCode]; dup {
			t.Errorf("old codes %q and %q both map to %q", prev, oldCode, newCode)
		}
		seen[newCode] = oldCode
	}

	if got := OldCodes["015149"]; got != "108033" {
		t.Errorf("OldCodes[\"015149\"] (Monza) = %q, want \"108033\"", got)
	}
}

func pad3(n int) string {
	s := "00" + itoa(n)
	return s[len(s)-3:]
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
