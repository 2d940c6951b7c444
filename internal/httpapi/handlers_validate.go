package httpapi

import (
	"context"
	"io"
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

// ValidationResult ends a validation stream: the run and its counts.
type ValidationResult struct {
	Run     *csi.ValidationRun     `json:"run"`
	Summary *csi.ValidationSummary `json:"summary"`
}

// validate runs a validation and streams its findings as they come. A body,
// when present, is the ruleset file and the ruleset parameter its name;
// without a body, ruleset names a built-in ruleset.
func (s *Server) validate(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	req, err := validationQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	if a, ok := svc.(validationAuthorizer); ok {
		if err := a.authorizeValidation(r.Context(), req.Scope); err != nil {
			return err
		}
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(data) > 0 {
		req.RulesetData = data
	}
	st := newEventStream(w, w.Header().Get(RequestIDHeader), s.cfg.ProgressEvery)
	defer st.keepAlive(s.cfg.KeepaliveEvery)()
	run, sum, err := svc.RunValidation(r.Context(), req, func(f csi.Finding) error { return st.finding(f) })
	return st.finish(r.Context(), ValidationResult{Run: run, Summary: sum}, err)
}

// validationAuthorizer is implemented by the scoped services: it refuses a
// validation its caller may not run, before the ruleset body is read.
type validationAuthorizer interface {
	authorizeValidation(ctx context.Context, scope csi.ValidateScope) error
}

func validationHistory(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	runs, err := svc.ValidationHistory(r.Context())
	return ok(w, runs, err)
}
