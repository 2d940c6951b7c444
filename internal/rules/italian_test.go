package rules_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/rules"
)

// TestBuiltinItalian fails when a rule of the built-in ruleset lacks its
// Italian title, description or fix (title_it, description_it, fix_it),
// which human output would then show in English.
func TestBuiltinItalian(t *testing.T) {
	rs, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Rules) == 0 {
		t.Fatal("the built-in ruleset has no rules")
	}
	for _, r := range rs.Rules {
		for _, f := range []struct{ name, en, it string }{
			{"title_it", r.Title, r.TitleIT}, {"description_it", r.Description, r.DescriptionIT}, {"fix_it", r.Fix, r.FixIT},
		} {
			if strings.TrimSpace(f.it) == "" || f.it == f.en {
				t.Errorf("rule %s (line %d): %s is missing", r.ID, r.Line, f.name)
			}
		}
		it := r.Italian()
		if it.Title != r.TitleIT || it.Description != r.DescriptionIT || it.Fix != r.FixIT || it.ID != r.ID {
			t.Errorf("rule %s: Italian() gives %+v", r.ID, it)
		}
	}
}

// TestItalianFallsBack checks that a ruleset of one's own without Italian
// texts keeps its English ones, and that title_it is read.
func TestItalianFallsBack(t *testing.T) {
	rs, err := rules.Load(strings.NewReader(`name: x
version: "1"
rules:
  - id: accesso-data
    kind: accesso
    severity: error
    title: Access date
    fix: Correct it.
    title_it: Data dell'accesso
`), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	it := rs.Rules[0].Italian()
	if it.Title != "Data dell'accesso" || it.Fix != "Correct it." {
		t.Errorf("Italian() = title %q, fix %q", it.Title, it.Fix)
	}
}
