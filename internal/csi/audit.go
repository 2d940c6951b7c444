package csi

import "context"

// AuditEntry is one entry of the append-only audit log.
type AuditEntry struct {
	ID      int64  `json:"id"`
	At      string `json:"at"`
	Actor   string `json:"actor"`
	Command string `json:"command"`
	Target  string `json:"target"`
	Summary string `json:"summary"`
	// Remote and RequestID identify the API request that made the entry;
	// they are empty for local commands.
	Remote    string `json:"remote"`
	RequestID string `json:"request_id"`
	Hash      string `json:"hash"`
}

// AuditVerification is the result of checking the hash chain.
type AuditVerification struct {
	OK      bool   `json:"ok"`
	Entries int64  `json:"entries"`
	Problem string `json:"problem"`
	BadID   int64  `json:"bad_id"`
}

// AuditService reads and verifies the audit log.
type AuditService interface {
	ListAudit(ctx context.Context, since string) ([]AuditEntry, error)
	VerifyAudit(ctx context.Context) (*AuditVerification, error)
}
