package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Markdown renders the rule catalogue: a summary table (id, kind, severity,
// source, title), a section per rule with description, example and fix,
// and the code lists.
func (rs *Ruleset) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Ruleset %s %s\n\n", rs.Name, rs.Version)
	if rs.Source != "" {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(rs.Source))
	}
	b.WriteString("| id | kind | severity | source | title |\n|---|---|---|---|---|\n")
	for _, r := range rs.Rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s |\n",
			r.ID, r.ID, r.Kind, r.Severity, cell(r.Source), cell(r.Title))
	}
	for _, r := range rs.Rules {
		writeRule(&b, r)
	}
	writeLists(&b, rs.Lists)
	return b.String()
}

// writeRule writes the section of one rule.
func writeRule(b *strings.Builder, r Rule) {
	parts := []string{"## " + r.ID}
	add := func(cond bool, format string, args ...any) {
		if cond {
			parts = append(parts, fmt.Sprintf(format, args...))
		}
	}
	add(r.Title != "", "**%s** (%s, %s)", r.Title, r.Kind, r.Severity)
	add(r.Source != "", "Source: %s", r.Source)
	add(r.Description != "", "%s", r.Description)
	add(r.Example != "", "Example of a failing record:\n\n```\n%s\n```", r.Example)
	add(r.Fix != "", "Fix: %s", r.Fix)
	add(len(r.Params) > 0, "Parameters: %s", paramList(r.Params))
	add(len(r.Lists) > 0, "Code lists: `%s`", strings.Join(r.Lists, "`, `"))
	b.WriteString("\n" + strings.Join(parts, "\n\n") + "\n")
}

// paramList renders parameters as `name: value`, sorted by name.
func paramList(params map[string]any) string {
	var ps []string
	for _, k := range slices.Sorted(maps.Keys(params)) {
		ps = append(ps, fmt.Sprintf("`%s: %v`", k, params[k]))
	}
	return strings.Join(ps, ", ")
}

// writeLists writes the code lists as one table each.
func writeLists(b *strings.Builder, lists map[string][]Code) {
	if len(lists) == 0 {
		return
	}
	b.WriteString("\n## Code lists\n")
	for _, name := range listNames(lists) {
		fmt.Fprintf(b, "\n### %s\n\n| code | label |\n|---|---|\n", name)
		for _, c := range lists[name] {
			fmt.Fprintf(b, "| `%s` | %s |\n", c.Code, cell(c.Label))
		}
	}
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}
