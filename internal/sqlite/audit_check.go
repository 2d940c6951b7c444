package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// The audit summaries that name the row they record (see finishImport,
// finishRecordImport, AssignReferente and the validation run).
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
func (db *DB) crossCheck(ctx context.Context, s *auditSeen) (string, error) {
	checks := []struct {
		query string
		ok    func(id int64, key string, n int) bool
		what  func(id int64, key string, n int) string
	}{
		{"SELECT id, '', 0 FROM imports", func(id int64, _ string, _ int) bool { return s.imports[id] },
			func(id int64, _ string, _ int) string { return fmt.Sprintf("import %d", id) }},
		{"SELECT id, name, revoked_at <> '' FROM tokens", func(_ int64, k string, rev int) bool { return s.tokens[k] && (rev == 0 || s.revoked[k]) },
			func(id int64, _ string, _ int) string {
				return fmt.Sprintf("token %d (its creation or revocation)", id)
			}},
		{"SELECT id, '', 0 FROM referenti", func(id int64, _ string, _ int) bool { return s.referents[id] },
			func(id int64, _ string, _ int) string { return fmt.Sprintf("referent %d", id) }},
		{"SELECT id, '', 0 FROM validation_runs", func(id int64, _ string, _ int) bool { return s.validations[id] },
			func(id int64, _ string, _ int) string { return fmt.Sprintf("validation run %d", id) }},
		{"SELECT 0, istat, count(*) FROM comune_history GROUP BY istat", func(_ int64, k string, n int) bool { return s.comuneEvents[k] >= n },
			func(_ int64, k string, n int) string {
				return fmt.Sprintf("the %d onboarding and status change(s) of Comune %s", n, k)
			}},
	}
	for _, c := range checks {
		p, err := db.firstUnlogged(ctx, c.query, c.ok, c.what)
		if err != nil || p != "" {
			return p, err
		}
	}
	return "", nil
}

func (db *DB) firstUnlogged(ctx context.Context, query string, ok func(int64, string, int) bool, what func(int64, string, int) string) (string, error) {
	rows, err := db.db.QueryContext(ctx, query)
	if err != nil {
		return "", mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		var n int
		if err := rows.Scan(&id, &key, &n); err != nil {
			return "", err
		}
		if !ok(id, key, n) {
			return what(id, key, n) + " has no audit entry: the log was wiped, cut or rebuilt", nil
		}
	}
	return "", rows.Err()
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
func (db *DB) AuditHead(ctx context.Context) (*AuditAnchor, error) {
	a := &AuditAnchor{}
	err := db.db.QueryRowContext(ctx, "SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1").Scan(&a.Entries, &a.Hash, &a.At)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, mapErr(err)
	}
	return a, nil
}

// AnchorByHash returns the anchor of the entry with that hash, or
// ENOTFOUND when the log has none (it was rewritten, or the hash is wrong).
func (db *DB) AnchorByHash(ctx context.Context, hash string) (*AuditAnchor, error) {
	a := &AuditAnchor{Hash: hash}
	err := db.db.QueryRowContext(ctx, "SELECT id, at FROM audit WHERE hash = ?", hash).Scan(&a.Entries, &a.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, csi.Errorf(csi.ECONFLICT, "audit log tampered: no entry has the anchor's hash %s", hash).
			WithHint("the log was rewritten since the anchor was taken, or the hash was mistyped: restore the store from a backup and investigate")
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return a, nil
}

// VerifyAnchor verifies the whole chain (as VerifyAudit) and that the
// entry at the anchor's count still has the anchor's hash, so that the
// log extends the one the anchor was taken from. An attacker who cut the
// tail and recomputed the chain cannot produce that hash.
func (db *DB) VerifyAnchor(ctx context.Context, a AuditAnchor) (*csi.AuditVerification, error) {
	v, err := db.VerifyAudit(ctx)
	if err != nil || a.Entries == 0 {
		return v, err
	}
	var hash string
	err = db.db.QueryRowContext(ctx, "SELECT hash FROM audit WHERE id = ?", a.Entries).Scan(&hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		v.OK, v.BadID = false, a.Entries
		v.Problem = fmt.Sprintf("the log has %d entries, fewer than the %d of the anchor: its tail was cut", v.Entries, a.Entries)
	case err != nil:
		return nil, mapErr(err)
	case hash != a.Hash:
		v.OK, v.BadID = false, a.Entries
		v.Problem = fmt.Sprintf("entry %d no longer has the anchor's hash: the log was rewritten", a.Entries)
	}
	return v, nil
}
