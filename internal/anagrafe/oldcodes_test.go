package anagrafe

import (
	"fmt"
	"strings"
	"testing"
)

// TestOldCodes checks the shape of OldCodes: every key is a pre-2009 code of
// the province of Milano (015xxx), every value is one of the 55 current codes
// of Monza e Brianza (108001–108055), and no two old codes share a new code.
func TestOldCodes(t *testing.T) {
	current := make(map[string]bool, 55)
	for i := 1; i <= 55; i++ {
		current[fmt.Sprintf("108%03d", i)] = true
	}

	seen := make(map[string]string, len(OldCodes))
	for oldCode, newCode := range OldCodes {
		if !strings.HasPrefix(oldCode, "015") {
			t.Errorf("old code %q does not start with 015", oldCode)
		}
		if !current[newCode] {
			t.Errorf("old code %q maps to %q, which is not one of the 55 current codes", oldCode, newCode)
		}
		if prev, dup := seen[newCode]; dup {
			t.Errorf("old codes %q and %q both map to %q", prev, oldCode, newCode)
		}
		seen[newCode] = oldCode
	}

	if got, ok := OldCodes["015149"]; !ok || got != "108033" {
		t.Errorf("OldCodes[\"015149\"] (Monza) = %q, %v; want \"108033\", true", got, ok)
	}
}
