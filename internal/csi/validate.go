package csi

// Finding is one problem found by validation (spec §12).
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Comune   string `json:"comune"`
	Field    string `json:"field"`
	Message  string `json:"message"`
	// Fix says how to correct the record (SIUSS findings); "" when the
	// rule's catalogue entry says it ('csi rules show ID').
	Fix string `json:"fix,omitempty"`
}

// Severities of a finding.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// ValidateScope limits a validation to an Ambito or a Comune (both empty:
// everything).
type ValidateScope struct {
	Ambito string
	Comune string
}

// RuleCount is the number of findings of one rule.
type RuleCount struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Count    int    `json:"count"`
}

// ComuneCount is the number of findings in one Comune.
type ComuneCount struct {
	Comune   string `json:"comune"`
	Nome     string `json:"nome"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

// ValidationSummary counts a run's findings.
type ValidationSummary struct {
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	ByRule   []RuleCount   `json:"by_rule"`
	ByComune []ComuneCount `json:"by_comune"`
}

// ValidationRun is one recorded validation run.
type ValidationRun struct {
	ID             int64  `json:"id"`
	At             string `json:"at"`
	Actor          string `json:"actor"`
	Ruleset        string `json:"ruleset"`
	RulesetVersion string `json:"ruleset_version"`
	Scope          string `json:"scope"`
	Checked        int    `json:"checked"`
	Errors         int    `json:"errors"`
	Warnings       int    `json:"warnings"`
	DurationMS     int64  `json:"duration_ms"`
}
