package csi

// ComuneAdd is one Comune to register in the catalogue, as a row of a
// file (or the command line) gives it: the values are checked by the
// service, so that every engine and the server reject the same rows.
type ComuneAdd struct {
	Line        int    `json:"line"`
	Istat       string `json:"istat"`
	Ambito      string `json:"ambito"`
	Popolazione string `json:"popolazione"`
}

// AddComuniInput registers Comuni of any Italian province: all of them in
// one transaction, or none when any row is rejected.
type AddComuniInput struct {
	File   string      `json:"file"`
	Rows   []ComuneAdd `json:"rows"`
	DryRun bool        `json:"dry_run"`
}

// AddReject is a row of AddComuniInput that cannot be registered.
type AddReject struct {
	Line   int    `json:"line"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// AddComuniResult is what registering Comuni did (or, with DryRun or any
// reject, would do: nothing is written then).
type AddComuniResult struct {
	File          string      `json:"file"`
	Added         int         `json:"added"`
	Unchanged     int         `json:"unchanged"`
	AmbitiCreated []string    `json:"ambiti_created"`
	Rejects       []AddReject `json:"rejects"`
	DryRun        bool        `json:"dry_run"`
}

// OnboardResult is what onboarding one Comune of many did: the Comune
// onboarded, or the message of the error that stopped it.
type OnboardResult struct {
	Comune *Comune `json:"comune,omitempty"`
	Error  string  `json:"error,omitempty"`
}
