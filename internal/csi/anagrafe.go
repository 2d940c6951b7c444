package csi

import (
	"context"
	"io"
)

// Registry import modes.
const (
	ModeSnapshot = "snapshot"
	ModeDelta    = "delta"
)

// Source is an input file that can be read more than once (once to
// fingerprint it, once to import it).
type Source struct {
	Name string
	Size int64
	Open func() (io.ReadCloser, error)
}

// ImportOptions are the settings of one import shared by every importer.
type ImportOptions struct {
	Encoding  string
	Delimiter string
	Map       map[string]string
	DryRun    bool
	// Rejects, when set, receives every rejected row as CSV.
	Rejects io.Writer
	// Progress, when set, is called now and then with the bytes read.
	Progress func(bytesRead int64, rows int)
}

// AnagrafeImport is a registry import request.
type AnagrafeImport struct {
	Comune        string
	Mode          string
	AsOf          string
	AllowMassExit bool
	// Force accepts an AsOf more than a day in the future.
	Force bool
	ImportOptions
}

// Validate checks the request's flags.
func (r AnagrafeImport) Validate() error {
	if r.Mode != ModeSnapshot && r.Mode != ModeDelta {
		return Errorf(EINVALID, "--mode must be snapshot or delta, not %q", r.Mode).
			WithHint("snapshot = the complete registry; delta = only the rows that changed")
	}
	if r.AsOf != "" {
		if _, err := ParseDay("--as-of", r.AsOf); err != nil {
			return err
		}
	}
	return nil
}

// RejectedRow is one refused row as reported in a summary.
type RejectedRow struct {
	Line   int    `json:"line"`
	Column string `json:"column"`
	Reason string `json:"reason"`
}

// MaxSummaryRejects is how many rejects a summary lists; --rejects FILE has all.
const MaxSummaryRejects = 1000

// ImportSummary is the outcome of an import (spec §12).
type ImportSummary struct {
	Kind           string        `json:"kind"`
	Comune         string        `json:"comune,omitempty"`
	Mode           string        `json:"mode"`
	AsOf           string        `json:"as_of,omitempty"`
	File           string        `json:"file"`
	SHA256         string        `json:"sha256"`
	Encoding       string        `json:"encoding"`
	Fallback       string        `json:"encoding_fallback"`       // encoding of the lines not in Encoding (ANSI lines of a UTF-8 file), or ""
	FallbackLines  int           `json:"encoding_fallback_lines"` // lines read in Fallback
	Delimiter      string        `json:"delimiter"`
	LineEnding     string        `json:"line_ending"`
	BOM            bool          `json:"bom"`
	Columns        []string      `json:"columns"`
	UnknownColumns []string      `json:"unknown_columns"`
	Rows           int           `json:"rows"`
	Inserted       int           `json:"inserted"`
	Updated        int           `json:"updated"`
	Unchanged      int           `json:"unchanged"`
	Closed         int           `json:"closed"`
	Rejected       int           `json:"rejected"`
	DryRun         bool          `json:"dry_run"`
	Noop           bool          `json:"noop"`
	ImportID       int64         `json:"import_id,omitempty"`
	DurationMS     int64         `json:"duration_ms"`
	Rejects        []RejectedRow `json:"rejects"`
	RejectsOmitted int           `json:"rejects_omitted"`
}

// AnagrafeStatus is one Comune's registry state.
type AnagrafeStatus struct {
	Istat           string `json:"istat"`
	Nome            string `json:"nome"`
	Ambito          string `json:"ambito"`
	Anagrafe        string `json:"anagrafe"`
	LastImport      string `json:"last_import"`
	AsOf            string `json:"as_of"`
	Residents       int    `json:"residents"`
	Rejected        int    `json:"rejected"`
	DaysSinceUpdate *int   `json:"days_since_update"`
}

// PersonVersion is one version of a person's registry record.
type PersonVersion struct {
	Comune              string `json:"comune"`
	CodiceFiscale       string `json:"codice_fiscale"`
	Cognome             string `json:"cognome"`
	Nome                string `json:"nome"`
	Sesso               string `json:"sesso"`
	DataNascita         string `json:"data_nascita"`
	LuogoNascita        string `json:"luogo_nascita"`
	Cittadinanza        string `json:"cittadinanza"`
	Indirizzo           string `json:"indirizzo"`
	Civico              string `json:"civico"`
	CAP                 string `json:"cap"`
	CodiceFamiglia      string `json:"codice_famiglia"`
	RelazioneParentela  string `json:"relazione_parentela"`
	StatoCivile         string `json:"stato_civile"`
	DataIscrizione      string `json:"data_iscrizione"`
	MotivoIscrizione    string `json:"motivo_iscrizione"`
	DataCancellazione   string `json:"data_cancellazione"`
	MotivoCancellazione string `json:"motivo_cancellazione"`
	ValidFrom           string `json:"valid_from"`
	ValidTo             string `json:"valid_to"`
	EndReason           string `json:"end_reason"`
	ImportID            int64  `json:"import_id"`
}

// ImportRecord is one entry of the import log.
type ImportRecord struct {
	ID         int64  `json:"id"`
	Kind       string `json:"kind"`
	Comune     string `json:"comune"`
	File       string `json:"file"`
	SHA256     string `json:"sha256"`
	Mode       string `json:"mode"`
	AsOf       string `json:"as_of"`
	Dialect    string `json:"dialect"`
	Rows       int    `json:"rows"`
	Inserted   int    `json:"inserted"`
	Updated    int    `json:"updated"`
	Unchanged  int    `json:"unchanged"`
	Closed     int    `json:"closed"`
	Rejected   int    `json:"rejected"`
	Actor      string `json:"actor"`
	At         string `json:"at"`
	DurationMS int64  `json:"duration_ms"`
}

// AnagrafeService imports and queries the registry.
type AnagrafeService interface {
	ImportAnagrafe(ctx context.Context, req AnagrafeImport, src Source) (*ImportSummary, error)
	AnagrafeStatus(ctx context.Context) ([]AnagrafeStatus, error)
	PersonHistory(ctx context.Context, cf string) ([]PersonVersion, error)
	// Residents passes the residents of a Comune on a day to emit one at a
	// time, in order, as they are read (a Comune's residents are never held
	// whole in memory); an error from emit stops the read and is returned.
	Residents(ctx context.Context, comune, at string, emit func(PersonVersion) error) error
	CountResidents(ctx context.Context, comune, at string) (int, error)
	ListImports(ctx context.Context, comune string) ([]ImportRecord, error)
	RevertImport(ctx context.Context, req RevertRequest) (*RevertSummary, error)
}

// RevertRequest asks to undo a Comune's latest registry import.
type RevertRequest struct {
	ImportID int64
	DryRun   bool
}

// RevertSummary is what undoing an import did or, with DryRun, would do.
type RevertSummary struct {
	ImportID int64  `json:"import_id"`
	Comune   string `json:"comune"`
	File     string `json:"file"`
	Mode     string `json:"mode"`
	AsOf     string `json:"as_of"`
	// Removed is how many versions the import created (now deleted).
	Removed int `json:"removed"`
	// Reopened is how many versions it closed (now current again).
	Reopened int  `json:"reopened"`
	DryRun   bool `json:"dry_run"`
}
