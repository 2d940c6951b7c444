package cli

import (
	"context"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
)

// This file is the transition's scaffolding: delete it (and localServices)
// once app.Services implements every csi.Services method, and let
// servicesOver return app.New(st) for every engine.

// portServices serve an engine other than SQLite: the methods app
// implements come from it (depth 1); the rest, promoted from one level
// deeper, say that the command does not run on this engine yet.
type portServices struct {
	*app.Services
	notPorted
}

// notPorted puts unported one level below app.Services, so that app wins.
type notPorted struct{ unported }

var _ csi.Services = portServices{}

// notOnEngine is the error of a command whose logic is still SQLite-only.
func notOnEngine(engine string) error {
	return csi.Errorf(csi.EUNAVAILABLE, "this command does not run on a %s store yet", engine).
		WithHint("run it on a SQLite store (--db FILE), or use a csi that has it on %s", engine)
}

// unported implements csi.Services with notOnEngine for each method.
type unported struct{ engine string }

func (u unported) err() error { return notOnEngine(u.engine) }

func (u unported) ListComuni(context.Context, csi.ComuneFilter) ([]csi.Comune, error) {
	return nil, u.err()
}
func (u unported) FindComune(context.Context, string) (*csi.ComuneDetail, error) {
	return nil, u.err()
}
func (u unported) OnboardComune(context.Context, csi.OnboardInput) (*csi.Comune, error) {
	return nil, u.err()
}
func (u unported) UpdateComune(context.Context, csi.ComuneUpdate) (*csi.Comune, error) {
	return nil, u.err()
}
func (u unported) OffboardComune(context.Context, string, string) (*csi.Comune, error) {
	return nil, u.err()
}
func (u unported) AddComuni(context.Context, csi.AddComuniInput) (*csi.AddComuniResult, error) {
	return nil, u.err()
}
func (u unported) OnboardComuni(context.Context, []csi.OnboardInput) ([]csi.OnboardResult, error) {
	return nil, u.err()
}
func (u unported) ListAmbiti(context.Context) ([]csi.Ambito, error) { return nil, u.err() }
func (u unported) FindAmbito(context.Context, string) (*csi.AmbitoDetail, error) {
	return nil, u.err()
}
func (u unported) AssignReferente(context.Context, csi.AssignInput) (*csi.Referente, error) {
	return nil, u.err()
}
func (u unported) ListReferenti(context.Context, bool) ([]csi.Referente, error) {
	return nil, u.err()
}
func (u unported) EndReferente(context.Context, string, string) (*csi.Referente, error) {
	return nil, u.err()
}
func (u unported) ImportAnagrafe(context.Context, csi.AnagrafeImport, csi.Source) (*csi.ImportSummary, error) {
	return nil, u.err()
}
func (u unported) AnagrafeStatus(context.Context) ([]csi.AnagrafeStatus, error) {
	return nil, u.err()
}
func (u unported) PersonHistory(context.Context, string) ([]csi.PersonVersion, error) {
	return nil, u.err()
}
func (u unported) Residents(context.Context, string, string, func(csi.PersonVersion) error) error {
	return u.err()
}
func (u unported) CountResidents(context.Context, string, string) (int, error) { return 0, u.err() }
func (u unported) ListImports(context.Context, string) ([]csi.ImportRecord, error) {
	return nil, u.err()
}
func (u unported) RevertImport(context.Context, csi.RevertRequest) (*csi.RevertSummary, error) {
	return nil, u.err()
}
func (u unported) ImportRecords(context.Context, csi.RecordImport, csi.Source) (*csi.ImportSummary, error) {
	return nil, u.err()
}
func (u unported) ListAudit(context.Context, string) ([]csi.AuditEntry, error) { return nil, u.err() }
func (u unported) VerifyAudit(context.Context) (*csi.AuditVerification, error) {
	return nil, u.err()
}
func (u unported) RunValidation(context.Context, csi.ValidationRequest, func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	return nil, nil, u.err()
}
func (u unported) ValidationHistory(context.Context) ([]csi.ValidationRun, error) {
	return nil, u.err()
}
func (u unported) ListIndicators(context.Context) ([]csi.IndicatorDef, error) { return nil, u.err() }
func (u unported) ComputeIndicator(context.Context, string, csi.IndicatorParams) (*csi.IndicatorResult, error) {
	return nil, u.err()
}
