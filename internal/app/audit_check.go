package app

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// The audit summaries that name the row they record (see the imports,
// AssignReferente and the validation run).
var (
	auditImportRE     = regexp.MustCompile(`\bimport (\d+)\b`)
	auditReferentRE   = regexp.MustCompile(`^referent (\d+) assigned\b`)
	auditValidationRE = regexp.MustCompile(`^validation (\d+) with\b`)
)

// auditSeen collects, while the chain is walked, what the log records:
// the imports, referents and validation runs it names, the tokens it
// created or revoked and the Comune events of each Comune.
type auditSeen struct {
	imports, referents, validations map[int64]bool
	tokens, revoked                 map[string]bool
	comuneEvents                    map[string]int
}

func newAuditSeen() *auditSeen {
	return &auditSeen{imports: map[int64]bool{}, referents: map[int64]bool{}, validations: map[int64]bool{},
		tokens: map[string]bool{}, revoked: map[string]bool{}, comuneEvents: map[string]int{}}
}

// add records one entry.
func (s *auditSeen) add(e csi.AuditEntry) {
	if m := auditImportRE.FindStringSubmatch(e.Summary); m != nil {
		s.imports[atoi64(m[1])] = true
	} else if istat, ok := strings.CutPrefix(e.Target, "comune "); ok {
		s.comuneEvents[istat]++
	}
	if m := auditReferentRE.FindStringSubmatch(e.Summary); m != nil {
		s.referents[atoi64(m[1])] = true
	}
	if m := auditValidationRE.FindStringSubmatch(e.Summary); m != nil {
		s.validations[atoi64(m[1])] = true
	}
	if name, ok := strings.CutPrefix(e.Target, "token "); ok {
		s.tokens[name] = true
		if e.Summary == "revoked" {
			s.revoked[name] = true
		}
	}
}

func atoi64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// crossCheck compares the store's imports, tokens, referents, validation
// runs and Comune history with what the log recorded, and returns the
// first one the log does not account for ("" when all are): a log that was
// wiped, cut or rebuilt without them is caught even if its chain verifies.
func crossCheck(snap *store.AuditSnapshot, s *auditSeen) string {
	const unlogged = " has no audit entry: the log was wiped, cut or rebuilt"
	for _, id := range snap.Imports {
		if !s.imports[id] {
			return fmt.Sprintf("import %d", id) + unlogged
		}
	}
	for _, t := range snap.Tokens {
		if !s.tokens[t.Name] || (t.RevokedAt != "" && !s.revoked[t.Name]) {
			return fmt.Sprintf("token %d (its creation or revocation)", t.ID) + unlogged
		}
	}
	for _, id := range snap.Referents {
		if !s.referents[id] {
			return fmt.Sprintf("referent %d", id) + unlogged
		}
	}
	for _, id := range snap.Validations {
		if !s.validations[id] {
			return fmt.Sprintf("validation run %d", id) + unlogged
		}
	}
	istats := make([]string, 0, len(snap.ComuneEvents))
	for istat := range snap.ComuneEvents {
		istats = append(istats, istat)
	}
	sort.Strings(istats)
	for _, istat := range istats {
		if n := snap.ComuneEvents[istat]; s.comuneEvents[istat] < n {
			return fmt.Sprintf("the %d onboarding and status change(s) of Comune %s", n, istat) + unlogged
		}
	}
	return ""
}
