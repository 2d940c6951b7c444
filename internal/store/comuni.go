package store

import (
	"context"
	"errors"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Comuni reads and writes Comuni, Ambiti, referents and tokens. The
// reads see one consistent state each; every change runs in one
// transaction through ChangeComuni.
type Comuni interface {
	// LoadComuni reads every Comune, the status timelines and the Ambiti.
	LoadComuni(ctx context.Context) (*ComuniState, error)
	// ComuneOn resolves ref (an ISTAT code or a name, as csi.ResolveComune)
	// to one Comune with the status in effect on day (YYYY-MM-DD) and the
	// changes scheduled after it: what another capability checks before it
	// writes for a Comune.
	ComuneOn(ctx context.Context, ref, day string) (csi.Comune, error)
	// ComuneHistory returns a Comune's events in the order they were recorded.
	ComuneHistory(ctx context.Context, istat string) ([]csi.ComuneEvent, error)
	// LoadReferenti returns the current referents, or every term with
	// history, ordered by Ambito, start and id.
	LoadReferenti(ctx context.Context, history bool) ([]csi.Referente, error)
	// LoadTokens returns every token ordered by name; Status is left empty.
	LoadTokens(ctx context.Context) ([]csi.Token, error)
	// TokenByHash returns the token whose secret hashes to hash, or nil.
	TokenByHash(ctx context.Context, hash string) (*TokenRow, error)
	// TouchToken records that token id was last used at (RFC 3339).
	TouchToken(ctx context.Context, id int64, at string) error
	// ChangeComuni runs fn in one write transaction, committed when fn
	// returns nil and rolled back otherwise.
	ChangeComuni(ctx context.Context, fn func(ComuniTx) error) error
}

// ComuniTx is what a change of the Comuni, referents or tokens reads and
// writes inside its transaction.
type ComuniTx interface {
	// State reads what LoadComuni reads, inside the transaction.
	State(ctx context.Context) (*ComuniState, error)
	// SaveComune writes c's Ambito, status, registry mode, dates and contact.
	SaveComune(ctx context.Context, c csi.Comune) error
	// AddComuneEvent appends e to the history of the Comune istat.
	AddComuneEvent(ctx context.Context, istat string, e csi.ComuneEvent) error
	// CurrentReferent returns the open term of an Ambito, or nil.
	CurrentReferent(ctx context.Context, ambito string) (*csi.Referente, error)
	// InsertReferent stores a new term and returns its id.
	InsertReferent(ctx context.Context, r csi.Referente) (int64, error)
	// CloseReferent ends term id on day to.
	CloseReferent(ctx context.Context, id int64, to string) error
	// TokenByName returns the token with that name, or nil.
	TokenByName(ctx context.Context, name string) (*csi.Token, error)
	// InsertToken stores t with the hash of its secret and returns its id;
	// a name already used is ErrDuplicate.
	InsertToken(ctx context.Context, t csi.Token, hash string) (int64, error)
	// SetTokenRevoked records that token id was revoked at (RFC 3339).
	SetTokenRevoked(ctx context.Context, id int64, at string) error
	// AppendAudit chains an entry for the actor in ctx (csi.NewAuditEntry).
	AppendAudit(ctx context.Context, target, summary string) error
	// InsertAmbito adds an Ambito named nome.
	InsertAmbito(ctx context.Context, nome string) error
	// InsertComune adds c to the catalogue (istat, belfiore, nome, Ambito,
	// population), not onboarded.
	InsertComune(ctx context.Context, c csi.Comune) error
}

// ErrDuplicate is a write that would repeat a unique key (a token name).
var ErrDuplicate = errors.New("store: duplicate key")

// ComuniState is the Comuni as stored.
type ComuniState struct {
	// Comuni is every Comune ordered by folded name; Status is the status
	// of the last change written (see Timelines) and Scheduled is empty.
	Comuni []csi.Comune
	// Timelines are the status changes of each Comune with a history, by
	// ISTAT code, in the order they take effect.
	Timelines map[string]csi.StatusTimeline
	// Ambiti are the names of the Ambiti, in order.
	Ambiti []string
}

// TokenRow is a token as stored, with the Ambito its Comune is in now
// (for an operator's token).
type TokenRow struct {
	csi.Token
	ComuneAmbito string
}

// StatusEvent reports whether a history event changes a Comune's status,
// and to which one; a status event's detail reads "active -> suspended".
// Engines build ComuniState.Timelines with it.
func StatusEvent(event, detail string) (string, bool) {
	switch event {
	case "onboarded":
		return csi.StatusActive, true
	case "offboarded":
		return csi.StatusLeft, true
	case "status":
		_, to, _ := strings.Cut(detail, "-> ")
		return to, true
	}
	return "", false
}

// On returns the Comuni with the status in effect on day and the changes
// scheduled after it; a Comune without status history keeps its column.
func (s *ComuniState) On(day string) []csi.Comune {
	out := make([]csi.Comune, len(s.Comuni))
	for i, c := range s.Comuni {
		out[i] = s.comuneOn(c, day)
	}
	return out
}

func (s *ComuniState) comuneOn(c csi.Comune, day string) csi.Comune {
	if t, ok := s.Timelines[c.Istat]; ok {
		c.Status, c.Scheduled = t.StatusOn(day), t.Scheduled(day)
	}
	return c
}

// Resolve is csi.ResolveComune over the state, with the status on day:
// what every engine's ComuneOn returns.
func (s *ComuniState) Resolve(ref, day string) (csi.Comune, error) {
	c, err := csi.ResolveComune(s.Comuni, ref)
	if err != nil {
		return c, err
	}
	return s.comuneOn(c, day), nil
}
