// Package rules validates registry and social records against a ruleset:
// versioned data (YAML) that selects which registered checks run, with which
// severity, parameters and code lists (spec §7).
//
// The package is pure: apart from reading a ruleset from an io.Reader it does
// no I/O, and everything a check cannot see in one record comes from an Env.
// Finding messages never contain a codice fiscale or a person's name.
package rules

import (
	"fmt"
	"sort"

	"github.com/csi-mb/csi/internal/csi"
)

// Severity is how serious a finding is: "error" or "warning".
type Severity string

// The severities a rule can have.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one problem found in one record (spec §12).
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	ID       string   `json:"id"`
	Comune   string   `json:"comune"`
	Field    string   `json:"field"`
	Message  string   `json:"message"`
}

// Rule is one entry of a ruleset: a registered check with its severity,
// parameters (defaults filled in) and code lists (defaults filled in).
type Rule struct {
	ID          string
	Kind        string
	Severity    Severity
	Title       string
	Source      string
	Description string
	Example     string
	Fix         string
	// TitleIT, DescriptionIT and FixIT are the Italian texts of the rule
	// (title_it, description_it, fix_it in the ruleset): what people read
	// in Italian. Empty in a ruleset that has none; then the English shows.
	TitleIT       string
	DescriptionIT string
	FixIT         string
	Params        map[string]any
	Lists         []string
	Line          int
}

// Italian returns the rule with its title, description and fix in
// Italian where the ruleset gives them, for human output; machine output
// (-o json, csv) keeps the English.
func (r Rule) Italian() Rule {
	for _, t := range []struct{ dst, it *string }{{&r.Title, &r.TitleIT}, {&r.Description, &r.DescriptionIT}, {&r.Fix, &r.FixIT}} {
		if *t.it != "" {
			*t.dst = *t.it
		}
	}
	return r
}

// T formats the English text of a finding message as fmt.Sprintf does; its
// name marks the text for the catalog test of internal/i18n, which
// requires its Italian entry. Human output translates the message made
// (i18n's Known); -o json and csv keep the English.
func T(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// Ruleset is a named, versioned set of rules and the code lists they use.
type Ruleset struct {
	Name    string
	Version string
	Source  string
	Rules   []Rule
	Lists   map[string][]Code
}

// Code is one entry of a code list.
type Code struct {
	Code  string
	Label string
}

// Env gives the checks what they cannot see in one record; the store implements it.
type Env interface {
	// Today returns the current date as YYYY-MM-DD.
	Today() string
	// ComuneMemberOn reports whether the Comune with that ISTAT code was a
	// member of the CSI on date (YYYY-MM-DD), or ever was with date "".
	ComuneMemberOn(istat, date string) bool
	// KnownPlace reports whether code is the Belfiore code of an Italian
	// Comune or the Z code of a foreign state.
	KnownPlace(code string) bool
	// ResidentOn reports whether the registry of that Comune had the person on that date.
	ResidentOn(cf, comune, date string) bool
	// Cartella returns the cartella of that Comune with that id, if it
	// exists (ids are numbered per Comune).
	Cartella(comune, id string) (csi.Cartella, bool)
	// Dead reports whether a registry version of the person has motivo_cancellazione 1 or 2.
	Dead(cf string) bool
}

// Record kinds a rule can apply to.
var kinds = []string{csi.KindPersona, csi.KindAccesso, csi.KindCartella, csi.KindIntervento}

// Rule returns the rule with that id, if the ruleset has it.
func (rs *Ruleset) Rule(id string) (Rule, bool) {
	for _, r := range rs.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// KnownChecks returns the ids of every registered check, sorted.
func KnownChecks() []string {
	ids := make([]string, 0, len(registry))
	for id := range registry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
