package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/rules"
	"github.com/spf13/cobra"
)

// loadRuleset returns the built-in ruleset, or the one in file.
func loadRuleset(file string) (*rules.Ruleset, error) {
	if file == "" || file == "dgr-2457-2019" {
		return rules.Builtin()
	}
	if file == csi.SiussRuleset {
		return siussRuleset()
	}
	fh, err := os.Open(file)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read the ruleset %s", file).WithHint("give a ruleset file, or omit --ruleset for the built-in dgr-2457-2019")
	}
	defer fh.Close()
	rs, err := rules.Load(fh, file)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%v", err).WithHint("fix the ruleset file; 'csi rules list' shows the known rule ids")
	}
	return rs, nil
}

func newCmdRules(f *Factory) *cobra.Command {
	cmd := newGroup("rules", f.T("Explain the validation rules of a ruleset"), "  csi rules list\n  csi rules show cartella-chiusura-motivo")
	cmd.PersistentFlags().String("ruleset", "", f.T("ruleset file (default: the built-in dgr-2457-2019)")+f.T("; siuss: the SIUSS pre-flight checks"))
	cmd.AddCommand(newCmdRulesList(f), newCmdRulesShow(f))
	return cmd
}

func newCmdRulesList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: f.T("List the rules: id, record kind, severity, source, title"),
		Long: f.T(`List the rules of the ruleset. -o markdown prints the catalogue with each rule's
description, a failing example and the fix (the README's catalogue is made this way).`),
		Example: "  csi rules list\n  csi rules list -o markdown > catalogo-regole.md\n  csi rules list --ruleset regole-ambito.yaml -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			file, _ := cmd.Flags().GetString("ruleset")
			rs, err := loadRuleset(file)
			if err != nil {
				return err
			}
			if f.Output == "markdown" {
				_, err := fmt.Fprint(f.IO.Out, demoteHeadings(rs.Markdown(), 2))
				return err
			}
			t := Table{Headers: []string{"id", "kind", "severity", "source", "title"}}
			out := make([]map[string]string, 0, len(rs.Rules))
			for _, r := range rs.Rules {
				t.Rows = append(t.Rows, []string{r.ID, r.Kind, string(r.Severity), r.Source, f.ruleText(r).Title})
				out = append(out, map[string]string{"id": r.ID, "kind": r.Kind, "severity": string(r.Severity), "source": r.Source, "title": r.Title})
			}
			return f.PrintList(out, t, "the ruleset has no rules")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV, FormatMarkdown),
	}
}

func newCmdRulesShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "show ID",
		Short:   f.T("Explain one rule: what it checks, its source, a failing example and the fix"),
		Example: "  csi rules show cartella-chiusura-motivo",
		Args:    exactArgs(1, "a rule id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			file, _ := cmd.Flags().GetString("ruleset")
			rs, err := loadRuleset(file)
			if err != nil {
				return err
			}
			r, ok := rs.Rule(args[0])
			if !ok {
				var ids []string
				for _, x := range rs.Rules {
					ids = append(ids, x.ID)
				}
				return csi.Errorf(csi.ENOTFOUND, "no rule %q in %s", args[0], rs.Name).WithHint("the rules are: %s", strings.Join(ids, ", "))
			}
			h := f.ruleText(r)
			d := Detail{Fields: [][2]string{{"id", r.ID}, {"kind", r.Kind}, {"severity", string(r.Severity)}, {"source", r.Source},
				{"title", h.Title}, {"description", h.Description}, {"example", r.Example}, {"fix", h.Fix}, {"lists", strings.Join(r.Lists, ", ")}}}
			return f.PrintDetail(map[string]any{"id": r.ID, "kind": r.Kind, "severity": r.Severity, "source": r.Source, "title": r.Title,
				"description": r.Description, "example": r.Example, "fix": r.Fix, "lists": r.Lists, "params": r.Params}, d)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

// ruleText is the rule as people read it in the chosen language: in
// Italian the ruleset's title_it, description_it and fix_it, or the known
// Italian of a SIUSS rule's texts; English otherwise. JSON and CSV keep
// the English. The Markdown catalogue stays English: it is the README's.
func (f *Factory) ruleText(r rules.Rule) rules.Rule {
	if f.Lang != i18n.Italian || f.Output == FormatJSON || f.Output == FormatCSV {
		return r
	}
	r = r.Italian()
	r.Title, r.Description, r.Fix = f.tr.Known(r.Title), f.tr.Known(r.Description), f.tr.Known(r.Fix)
	return r
}

// demoteHeadings shifts every Markdown heading down by n levels, so that the
// catalogue can sit inside a document (the README) under its own headings.
func demoteHeadings(md string, n int) string {
	lines := strings.Split(md, "\n")
	inFence := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			inFence = !inFence
		}
		if !inFence && strings.HasPrefix(l, "#") {
			lines[i] = strings.Repeat("#", n) + l
		}
	}
	return strings.Join(lines, "\n")
}
