package csi

import (
	"context"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Onboarding statuses of a Comune.
const (
	StatusNotOnboarded = "not_onboarded"
	StatusActive       = "active"
	StatusSuspended    = "suspended"
	StatusLeft         = "left"
)

// Ways a Comune's registry reaches the CSI.
const (
	AnagrafeAutomatic = "automatic"
	AnagrafeManual    = "manual"
)

// Comune is one of the Comuni of the province and its onboarding state.
type Comune struct {
	Istat        string `json:"istat"`
	Belfiore     string `json:"belfiore"`
	Nome         string `json:"nome"`
	Ambito       string `json:"ambito"`
	Popolazione  int    `json:"popolazione"`
	Status       string `json:"status"`
	Anagrafe     string `json:"anagrafe"`
	OnboardedOn  string `json:"onboarded_on"`
	OffboardedOn string `json:"offboarded_on"`
	Contact      string `json:"contact"`
	// Scheduled lists the status changes recorded with a later date than
	// today, which take effect on their date ("left from 2027-06-30").
	Scheduled string `json:"scheduled,omitempty"`
}

// ComuneEvent is one entry of a Comune's history.
type ComuneEvent struct {
	Date    string `json:"date"`
	Event   string `json:"event"`
	Detail  string `json:"detail"`
	Actor   string `json:"actor"`
	Created string `json:"created_at"`
}

// ComuneDetail is a Comune with its history.
type ComuneDetail struct {
	Comune
	History []ComuneEvent `json:"history"`
}

// ComuneFilter narrows ListComuni.
type ComuneFilter struct {
	Ambito string
	Status string
}

// OnboardInput is what onboarding a Comune needs.
type OnboardInput struct {
	Comune   string // ISTAT code or name
	Anagrafe string
	Date     string
	Contact  string
}

// ComuneUpdate changes a Comune; nil fields are left as they are.
type ComuneUpdate struct {
	Comune   string
	Ambito   *string
	Anagrafe *string
	Contact  *string
	Status   *string
	Date     string // effective date of the change
}

// ComuneService manages the Comuni.
type ComuneService interface {
	ListComuni(ctx context.Context, f ComuneFilter) ([]Comune, error)
	FindComune(ctx context.Context, ref string) (*ComuneDetail, error)
	OnboardComune(ctx context.Context, in OnboardInput) (*Comune, error)
	UpdateComune(ctx context.Context, in ComuneUpdate) (*Comune, error)
	OffboardComune(ctx context.Context, ref, date string) (*Comune, error)
	// AddComuni registers Comuni of any province in the catalogue.
	AddComuni(ctx context.Context, in AddComuniInput) (*AddComuniResult, error)
	// OnboardComuni onboards many Comuni in one transaction, each on its
	// own: a failed one does not stop the others. One result per input.
	OnboardComuni(ctx context.Context, ins []OnboardInput) ([]OnboardResult, error)
}

// Validate checks the onboarding input values.
func (in OnboardInput) Validate() error {
	if err := ValidateAnagrafe(in.Anagrafe); err != nil {
		return err
	}
	if in.Date != "" {
		if _, err := ParseDay("--date", in.Date); err != nil {
			return err
		}
	}
	return nil
}

// ValidateAnagrafe checks a registry mode value.
func ValidateAnagrafe(s string) error {
	if s != AnagrafeAutomatic && s != AnagrafeManual {
		return Errorf(EINVALID, "--anagrafe must be automatic or manual, not %q", s).
			WithHint("automatic = the Comune sends scheduled registry extracts")
	}
	return nil
}

// ValidateStatus checks a status value given by the user.
func ValidateStatus(s string) error {
	switch s {
	case StatusNotOnboarded, StatusActive, StatusSuspended, StatusLeft:
		return nil
	}
	return Errorf(EINVALID, "unknown status %q", s).
		WithHint("use one of: not_onboarded, active, suspended, left")
}

// foldTransformer returns a new accent-stripping chain: a transform.Chain
// keeps state between calls, so sharing one across goroutines (the
// server's requests, parallel tests) corrupts it and panics.
func foldTransformer() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// FoldName lower-cases a name and strips accents and punctuation, so that
// "Besana in Brianza", "BESANA IN BRIANZA" and "besana-in-brianza" compare equal.
func FoldName(s string) string {
	t, _, err := transform.String(foldTransformer(), s)
	if err != nil {
		t = s
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(t) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}
