package cli

import (
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// validationSheets are the tables of a validation report in -o xlsx: the
// findings per rule, per Comune, and every finding, each sheet headed by
// what the run was.
func validationSheets(tr *i18n.Printer, run *csi.ValidationRun, sum *csi.ValidationSummary, all []csi.Finding) []Table {
	meta := [][2]string{
		{"validation", strconv.FormatInt(run.ID, 10)},
		{"ruleset", run.Ruleset + " " + run.RulesetVersion},
		{"scope", run.Scope},
		{"checked", strconv.Itoa(run.Checked)},
		{"errors", strconv.Itoa(sum.Errors)},
		{"warnings", strconv.Itoa(sum.Warnings)},
	}
	rules := Table{Title: "rules", Meta: meta, Headers: []string{"rule", "severity", "findings"},
		Kinds: []Kind{KindText, KindText, KindCount}}
	for _, r := range sum.ByRule {
		rules.Rows = append(rules.Rows, []string{r.Rule, r.Severity, strconv.Itoa(r.Count)})
	}
	comuni := Table{Title: "comuni", Meta: meta, Headers: []string{"comune", "nome", "errors", "warnings"},
		Kinds: []Kind{KindText, KindText, KindCount, KindCount}}
	for _, c := range sum.ByComune {
		comuni.Rows = append(comuni.Rows, []string{c.Comune, c.Nome, strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings)})
	}
	findings := Table{Title: "findings", Meta: meta, Headers: findingHeaders}
	for _, x := range all {
		// The message in the user's language: a spreadsheet is for people.
		findings.Rows = append(findings.Rows, []string{x.Rule, x.Severity, x.Kind, x.ID, x.Comune, x.Field, tr.Known(x.Message)})
	}
	return []Table{rules, comuni, findings}
}
