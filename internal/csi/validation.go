package csi

import "context"

// BuiltinRuleset is the name of the ruleset embedded in csi.
const BuiltinRuleset = "dgr-2457-2019"

// ValidationRequest is one validation run: its scope and its ruleset, the
// built-in one (RulesetData nil) or the content of a ruleset file named
// Ruleset. The file travels as bytes so that a remote run checks against
// the very ruleset the user has on their machine.
type ValidationRequest struct {
	Scope       ValidateScope
	Ruleset     string
	RulesetData []byte
}

// ValidationService runs validations and lists past runs. Findings are
// streamed to emit as they are found, so memory does not grow with them.
type ValidationService interface {
	RunValidation(ctx context.Context, req ValidationRequest, emit func(Finding) error) (*ValidationRun, *ValidationSummary, error)
	ValidationHistory(ctx context.Context) ([]ValidationRun, error)
}
