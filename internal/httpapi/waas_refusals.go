package httpapi

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// Defaults of the audit of refused WaaS calls (see refusalAudit).
const (
	DefaultWaaSRefusalWindow  = time.Minute
	DefaultWaaSRefusalSources = 1024
)

// refusalAudit bounds what refused WaaS calls write to the audit log: a
// flood of bad vouchers must not flood the audit chain (nor hold the
// store's writer). Per ente, source address and reason (endpoint, check
// and status)
// the first refusal is audited at once; the ones that follow within the
// window are counted, and their count is audited in one entry when the
// window ends. So a source gets at most two entries per reason per window,
// and the counts of the entries add up to the refusals. At most sources
// keys are tracked at once: past them, refusals from new addresses share
// one key per ente and reason ("many addresses"), so memory stays bounded.
type refusalAudit struct {
	services WaaSServices
	logger   *slog.Logger
	window   time.Duration
	sources  int

	mu   sync.Mutex
	runs map[refusalKey]*refusalRun
}

type refusalKey struct {
	belfiore, source, route, check string
	status                         int
}

// refusalRun is a window of refusals of one key: how many more came after
// the first.
type refusalRun struct {
	more  int
	timer *time.Timer
}

func newRefusalAudit(services WaaSServices, logger *slog.Logger, window time.Duration, sources int) *refusalAudit {
	if window <= 0 {
		window = DefaultWaaSRefusalWindow
	}
	if sources <= 0 {
		sources = DefaultWaaSRefusalSources
	}
	return &refusalAudit{services: services, logger: logger, window: window, sources: sources, runs: map[refusalKey]*refusalRun{}}
}

// refused records one refused call: audited now when it opens a window,
// counted otherwise. ctx carries the request's audit context.
func (a *refusalAudit) refused(ctx context.Context, belfiore, source, route, check string, status int) {
	k := refusalKey{belfiore: belfiore, source: source, route: route, check: check, status: status}
	a.mu.Lock()
	if _, ok := a.runs[k]; !ok && len(a.runs) >= a.sources {
		k.source = "" // the shared key of addresses past the tracked ones
	}
	if run, ok := a.runs[k]; ok {
		run.more++
		a.mu.Unlock()
		return
	}
	run := &refusalRun{}
	run.timer = time.AfterFunc(a.window, func() { a.close(k, run) })
	a.runs[k] = run
	a.mu.Unlock()
	actor := "waas caller " + source
	if k.source == "" {
		actor = "waas caller (many addresses)"
	}
	a.write(csi.WithActor(context.WithoutCancel(ctx), csi.Actor{Name: actor, Command: route}),
		csi.WaaSRefusal{Belfiore: belfiore, Route: route, Check: check, Status: status, Source: k.source})
}

// close ends the window of k: the refusals counted in it get their entry.
func (a *refusalAudit) close(k refusalKey, run *refusalRun) {
	a.mu.Lock()
	if a.runs[k] != run {
		a.mu.Unlock()
		return // already closed by flush
	}
	delete(a.runs, k)
	more := run.more
	a.mu.Unlock()
	if more == 0 {
		return
	}
	actor := "waas caller " + k.source
	if k.source == "" {
		actor = "waas caller (many addresses)"
	}
	a.write(csi.WithActor(context.Background(), csi.Actor{Name: actor, Command: k.route}),
		csi.WaaSRefusal{Belfiore: k.belfiore, Route: k.route, Check: k.check, Status: k.status, Source: k.source,
			More: more, Window: a.window})
}

// flush closes every open window now (the server is stopping).
func (a *refusalAudit) flush() {
	a.mu.Lock()
	runs := make(map[refusalKey]*refusalRun, len(a.runs))
	for k, run := range a.runs {
		run.timer.Stop()
		runs[k] = run
	}
	a.mu.Unlock()
	for k, run := range runs {
		a.close(k, run)
	}
}

// write audits; a failure to audit is logged, not answered.
func (a *refusalAudit) write(ctx context.Context, r csi.WaaSRefusal) {
	if err := a.services.AuditWaaSRefusal(ctx, r); err != nil {
		a.logger.Error("cannot audit a refused WaaS call", "route", r.Route, "error_type", fmt.Sprintf("%T", err))
	}
}
