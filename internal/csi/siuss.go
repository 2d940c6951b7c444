package csi

import "context"

// SiussRuleset is the name of the pre-flight ruleset of the SIUSS flows.
const SiussRuleset = "siuss"

// SiussCheckRequest is one pre-flight check of the SIUSS flows of an ente
// (a Comune) or of an Ambito's Comuni over a period.
type SiussCheckRequest struct {
	// Scope names the Comune (the ente, by ISTAT code or name) or the Ambito.
	Scope ValidateScope
	// From and To bound the period, YYYY-MM-DD, inclusive.
	From, To string
	// Operatore is the codice fiscale of the operator who sends the flows
	// (Ente@CFOperatore); empty gives a finding, an invalid one an error.
	Operatore string
	// Codes is the content of a local SIUSS code table that replaces the
	// embedded one (nil: the embedded one), read from the file CodesName.
	Codes     []byte
	CodesName string
}

// SiussService checks the records that the SIUSS flows to INPS would carry.
// It needs the local store: the remote API has no SIUSS routes.
type SiussService interface {
	// CheckSiuss runs the ruleset siuss on the interventi and SINBA records
	// of the request, streaming each finding to emit, and records the run
	// as a validation run.
	CheckSiuss(ctx context.Context, req SiussCheckRequest, emit func(Finding) error) (*ValidationRun, *ValidationSummary, error)
}
