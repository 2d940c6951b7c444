package store

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// Audit appends to and reads the hash-chained audit log. Entries are
// chained by the engine as it writes them (csi.AuditEntry.ChainHash), one
// after the other even when several processes write the same store.
type Audit interface {
	// AppendAudit chains one entry for the actor in ctx, in its own
	// transaction.
	AppendAudit(ctx context.Context, target, summary string) error
	// LoadAudit returns the entries whose time is on or after since
	// ("" for all), in id order.
	LoadAudit(ctx context.Context, since string) ([]csi.AuditEntry, error)
	// ScanAudit reads, in one consistent snapshot, every entry in id order
	// (each passed to fn with the previous hash it was stored with), then
	// the head and what the store holds that the log must account for.
	ScanAudit(ctx context.Context, fn func(e csi.AuditEntry, prevHash string) error) (*AuditSnapshot, error)
	// AuditEntryByID returns the entry with that id, or nil.
	AuditEntryByID(ctx context.Context, id int64) (*csi.AuditEntry, error)
	// AuditEntryByHash returns the entry with that hash, or nil.
	AuditEntryByHash(ctx context.Context, hash string) (*csi.AuditEntry, error)
	// LastAuditEntry returns the entry with the highest id, or nil.
	LastAuditEntry(ctx context.Context) (*csi.AuditEntry, error)
}

// AuditSnapshot is what ScanAudit reads besides the entries.
type AuditSnapshot struct {
	// HeadID and HeadHash are the head row: the last entry recorded.
	// HasHead is false when the store has no head row.
	HasHead  bool
	HeadID   int64
	HeadHash string
	// Imports, Referents and Validations are the ids of the stored imports
	// (registry and records), referent terms and validation runs.
	Imports, Referents, Validations []int64
	// Tokens are the stored tokens (ID, Name and RevokedAt are set).
	Tokens []csi.Token
	// ComuneEvents counts the history events of each Comune (ISTAT code).
	ComuneEvents map[string]int
}
