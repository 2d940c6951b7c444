package store

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// Validation reads what a validation run checks and records runs.
type Validation interface {
	// ValidationWritable refuses a store that cannot record a run,
	// saying that csi validate records each run.
	ValidationWritable(ctx context.Context) error
	// ValidationPlaces lists every Comune (code, name, Ambito) and the
	// names of the Ambiti: what a run's scope is resolved against and its
	// counts are named with.
	ValidationPlaces(ctx context.Context) ([]ComunePlace, []string, error)
	// OpenValidation opens the reads of one run; Close releases them.
	OpenValidation(ctx context.Context) (ValidationReader, error)
	// SaveValidationRun records run with its counts by rule, sets its
	// ID, and appends the audit entry audit gives for that id.
	SaveValidationRun(ctx context.Context, run *csi.ValidationRun, byRule []csi.RuleCount,
		audit func(id int64) (target, summary string)) error
	// LoadValidationRuns lists the recorded runs, newest first.
	LoadValidationRuns(ctx context.Context) ([]csi.ValidationRun, error)
}

// ComunePlace is a Comune as a validation scope sees it.
type ComunePlace struct{ Istat, Nome, Ambito string }

// Household is a household of current registry versions that does not
// have exactly one head (relazione_parentela 1): its heads, its smallest
// member codice fiscale and its size.
type Household struct {
	Comune, Codice string
	Size           int
	MinCF          string
	Heads          []string
}

// Membership is what tells whether a Comune was a member on a day: the
// status timelines from the Comuni's history, and the Comuni active or
// suspended today (for a Comune without status history).
type Membership struct {
	Timelines map[string]csi.StatusTimeline
	Members   map[string]bool
}

// ValidationReader streams the records of a run and answers the lookups
// its rules make. comuni limits a stream to those ISTAT codes; nil is
// everything (interventi without a Comune included). A stream stops at
// the first error fn returns.
type ValidationReader interface {
	// Membership returns the Comuni's membership, read when opened.
	Membership() Membership
	// KnownPlace reports whether code is a current Italian Comune's
	// Belfiore code or a foreign state's Z code.
	KnownPlace(code string) bool
	// Cartella returns the cartella of that Comune with that id.
	Cartella(comune, id string) (csi.Cartella, bool)
	// ResidentOn reports whether the registry of comune had the person on date.
	ResidentOn(cf, comune, date string) bool
	// Dead reports whether a registry version records the person's death.
	Dead(cf string) bool
	// Err returns the first failure of a lookup; the run stops on it.
	Err() error

	// The streams come in the order each one names, keys compared byte by
	// byte, on every engine: the findings of a run are then in the same
	// order whatever the store and its query plans.

	// EachCurrentPerson streams the current registry versions ordered by
	// Comune and codice fiscale.
	EachCurrentPerson(ctx context.Context, comuni []string, fn func(csi.PersonVersion) error) error
	// EachIrregularHousehold streams, ordered by Comune and code, the
	// households that do not have exactly one head.
	EachIrregularHousehold(ctx context.Context, comuni []string, fn func(Household) error) error
	// EachAccesso streams the accessi ordered by Comune and id.
	EachAccesso(ctx context.Context, comuni []string, fn func(csi.Accesso) error) error
	// EachCartella streams the cartelle ordered by Comune, codice fiscale
	// and id.
	EachCartella(ctx context.Context, comuni []string, fn func(csi.Cartella) error) error
	// EachIntervento streams the interventi ordered by Comune and id.
	EachIntervento(ctx context.Context, comuni []string, fn func(csi.Intervento) error) error
	// Close releases the reader.
	Close()
}
