package sqlite

import (
	"bytes"
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

var _ csi.ValidationService = (*DB)(nil)

// RunValidation loads the request's ruleset (the built-in one, or the file
// content it carries) and validates the store with it.
func (db *DB) RunValidation(ctx context.Context, req csi.ValidationRequest, emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	rs, err := loadRuleset(req)
	if err != nil {
		return nil, nil, err
	}
	// The run ends by recording itself: a store that cannot take that
	// record is refused first, saying why a check needs to write.
	if err := db.checkBeforeWrite(ctx); err != nil {
		if strings.Contains(csi.ErrorMessage(err), " cannot be written: ") {
			return nil, nil, db.readOnlyFor("csi validate records each run in the store's history")
		}
		return nil, nil, err
	}
	return db.Validate(ctx, req.Scope, rs, emit)
}

func loadRuleset(req csi.ValidationRequest) (*rules.Ruleset, error) {
	if req.RulesetData == nil {
		if req.Ruleset != "" && req.Ruleset != csi.BuiltinRuleset {
			return nil, csi.Errorf(csi.ENOTFOUND, "no built-in ruleset %q", req.Ruleset).
				WithHint("omit --ruleset for the built-in %s, or give a ruleset file", csi.BuiltinRuleset)
		}
		return rules.Builtin()
	}
	rs, err := rules.Load(bytes.NewReader(req.RulesetData), req.Ruleset)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%v", err).WithHint("fix the ruleset file; 'csi rules list' shows the known rule ids")
	}
	return rs, nil
}
