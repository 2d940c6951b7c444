package app

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.AuditService = (*Services)(nil)

// ListAudit returns the audit entries from the date since (YYYY-MM-DD, "" for all).
func (s *Services) ListAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	if since != "" {
		if _, err := csi.ParseDay("--since", since); err != nil {
			return nil, err
		}
	}
	return s.st.LoadAudit(ctx, since)
}

// VerifyAudit walks the whole chain and reports the first entry that was
// edited, removed or inserted out of order; then it checks the head and
// that every import, token, referent, validation run and Comune event in
// the store has its entry (see crossCheck). All of it reads one snapshot.
func (s *Services) VerifyAudit(ctx context.Context) (*csi.AuditVerification, error) {
	v := &csi.AuditVerification{OK: true}
	seen := newAuditSeen()
	prev, want := "", int64(1)
	snap, err := s.st.ScanAudit(ctx, func(e csi.AuditEntry, prevHash string) error {
		v.Entries++
		seen.add(e)
		if p := chainProblem(e, want, prev, prevHash); p != "" && v.OK {
			v.OK, v.Problem, v.BadID = false, p, e.ID
		}
		prev, want = e.Hash, e.ID+1
		return nil
	})
	if err != nil {
		return nil, err
	}
	if v.OK {
		checkHead(v, snap, want-1, prev)
	}
	if v.OK {
		if p := crossCheck(snap, seen); p != "" {
			v.OK, v.Problem = false, p
		}
	}
	return v, nil
}

func chainProblem(e csi.AuditEntry, wantID int64, prev, prevHash string) string {
	switch {
	case e.ID != wantID:
		return fmt.Sprintf("entries %d to %d are missing", wantID, e.ID-1)
	case prevHash != prev:
		return fmt.Sprintf("entry %d does not follow entry %d", e.ID, e.ID-1)
	case e.ChainHash(prev) != e.Hash:
		return fmt.Sprintf("entry %d was modified", e.ID)
	}
	return ""
}

// checkHead checks that the head row names the last entry of the chain: a
// cut tail leaves a head that points past it.
func checkHead(v *csi.AuditVerification, snap *store.AuditSnapshot, lastID int64, lastHash string) {
	if !snap.HasHead && lastID == 0 {
		return
	}
	if !snap.HasHead || snap.HeadID != lastID || snap.HeadHash != lastHash {
		v.OK, v.BadID = false, lastID+1
		v.Problem = fmt.Sprintf("the log ends at entry %d but entry %d was recorded", lastID, snap.HeadID)
	}
}

// AuditAnchor is the head of the audit log at one moment: how many entries
// it had and the hash of the last one. Kept outside the store, it proves
// later that the log still extends it (VerifyAnchor).
type AuditAnchor struct {
	Entries int64  `json:"entries"`
	Hash    string `json:"hash"`
	At      string `json:"at"`
}

// AuditHead returns the current head of the log.
func (s *Services) AuditHead(ctx context.Context) (*AuditAnchor, error) {
	e, err := s.st.LastAuditEntry(ctx)
	if err != nil || e == nil {
		return &AuditAnchor{}, err
	}
	return &AuditAnchor{Entries: e.ID, Hash: e.Hash, At: e.At}, nil
}

// AnchorByHash returns the anchor of the entry with that hash, or
// ECONFLICT when the log has none (it was rewritten, or the hash is wrong).
func (s *Services) AnchorByHash(ctx context.Context, hash string) (*AuditAnchor, error) {
	e, err := s.st.AuditEntryByHash(ctx, hash)
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, csi.Errorf(csi.ECONFLICT, "audit log tampered: no entry has the anchor's hash %s", hash).
			WithHint("the log was rewritten since the anchor was taken, or the hash was mistyped: restore the store from a backup and investigate")
	}
	return &AuditAnchor{Entries: e.ID, Hash: hash, At: e.At}, nil
}

// VerifyAnchor verifies the whole chain (as VerifyAudit) and that the
// entry at the anchor's count still has the anchor's hash, so that the
// log extends the one the anchor was taken from. An attacker who cut the
// tail and recomputed the chain cannot produce that hash.
func (s *Services) VerifyAnchor(ctx context.Context, a AuditAnchor) (*csi.AuditVerification, error) {
	v, err := s.VerifyAudit(ctx)
	if err != nil || a.Entries == 0 {
		return v, err
	}
	e, err := s.st.AuditEntryByID(ctx, a.Entries)
	switch {
	case err != nil:
		return nil, err
	case e == nil:
		v.OK, v.BadID = false, a.Entries
		v.Problem = fmt.Sprintf("the log has %d entries, fewer than the %d of the anchor: its tail was cut", v.Entries, a.Entries)
	case e.Hash != a.Hash:
		v.OK, v.BadID = false, a.Entries
		v.Problem = fmt.Sprintf("entry %d no longer has the anchor's hash: the log was rewritten", a.Entries)
	}
	return v, nil
}
