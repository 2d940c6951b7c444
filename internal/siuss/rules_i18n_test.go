package siuss_test

import (
	"testing"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/siuss"
)

// TestRulesItalian fails when a SIUSS rule's title or fix has no Italian
// text, which human output would then show in English.
func TestRulesItalian(t *testing.T) {
	it := i18n.NewPrinter(i18n.Italian)
	rules := siuss.Rules()
	if len(rules) == 0 {
		t.Fatal("no SIUSS rules")
	}
	for _, r := range rules {
		if it.Known(r.Title) == r.Title {
			t.Errorf("%s: the title %q has no Italian text", r.ID, r.Title)
		}
		if it.Known(r.Fix) == r.Fix {
			t.Errorf("%s: the fix %q has no Italian text", r.ID, r.Fix)
		}
	}
}
