package siuss

import (
	"sort"
)

// Severity is how serious a finding is: an error stops the flow, a warning does not.
type Severity string

// The two severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// The kinds of record a finding is about.
const (
	KindEnte        = "ente"
	KindFlusso      = "flusso"
	KindPrestazione = "prestazione"
	KindSINBA       = "sinba"
)

// Finding is one thing INPS would refuse (error) or that looks wrong
// (warning). ID names the intervento (prestazione), the SINBA cartella, the
// ente's code or the flow id; Field is the XSD's attribute name. Messages
// never carry a codice fiscale or a name.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	ID       string   `json:"id"`
	Field    string   `json:"field"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`
}

// Rule describes one pre-flight check: its stable id, severity and fix.
type Rule struct {
	ID       string
	Severity Severity
	Title    string
	Fix      string
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Rules returns the catalogue of the pre-flight checks, in id order.
func Rules() []Rule {
	out := make([]Rule, 0, len(catalogue))
	for _, r := range catalogue {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Checker runs the pre-flight checks against a code table.
type Checker struct {
	codes *CodeTable
}

// NewChecker returns a checker that looks prestazione codes up in codes.
func NewChecker(codes *CodeTable) *Checker { return &Checker{codes: codes} }

// findings collects the findings of one record.
type findings struct {
	kind, id string
	list     []Finding
}

func (fs *findings) add(rule, field, msg string) {
	r, ok := catalogue[rule]
	if !ok {
		panic("siuss: finding for unknown rule " + rule)
	}
	fs.list = append(fs.list, Finding{
		Rule: rule, Severity: r.Severity, Kind: fs.kind, ID: fs.id, Field: field,
		Message: msg, Fix: r.Fix,
	})
}

// enum checks a coded field: 0 is "not given" (a finding when required),
// anything else must be 1..max.
func (fs *findings) enum(rule, field string, v, max int, required bool) {
	switch {
	case v == 0 && required:
		fs.add(rule, field, T("%s is required", field))
	case v < 0 || v > max:
		fs.add(rule, field, T("%s is %d, not one of 1–%d", field, v, max))
	}
}
