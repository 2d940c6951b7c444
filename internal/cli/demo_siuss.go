package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/siuss"
)

// The demo's SIUSS step: the PS flows of every Ambito in WaaS mode, as
// an Ambito's monthly routine would send them, for the last year of the
// synthetic records.
const (
	demoSiussFrom = "2022-01-01"
	demoSiussTo   = "2022-12-31"
)

// demoOperatore is the synthetic operator who sends the demo's flows.
var demoOperatore = "DMOPRT80A01F704" + string(codicefiscale.CheckChar("DMOPRT80A01F704"))

// demoSiuss is what the demo's SIUSS export did, for its output.
type demoSiuss struct {
	// Check is the summary of csi siuss check over the same period.
	Check     csi.ValidationSummary `json:"check"`
	From      string                `json:"from"`
	To        string                `json:"to"`
	Mode      string                `json:"mode"`
	Flussi    int                   `json:"flussi"`
	Rifiutati int                   `json:"rifiutati"`
	PerRegola []app.SiussRuleCount  `json:"per_regola"`
}

// siussExport runs `csi siuss export --tipo ps --mode waas` for every
// Comune into the demo's folder.
func (d *demo) siussExport(ctx context.Context) (*demoSiuss, error) {
	if d.opts.SkipSiuss {
		d.progress("left out the SIUSS export (--skip-siuss)")
		return nil, nil
	}
	svc, err := d.f.appServices(ctx)
	if err != nil {
		return nil, err
	}
	_, check, err := svc.CheckSiuss(ctx, csi.SiussCheckRequest{From: demoSiussFrom, To: demoSiussTo, Operatore: demoOperatore},
		func(csi.Finding) error { return nil })
	if err != nil {
		return nil, err
	}
	sink, err := newDirSink(filepath.Join(d.dir, "flussi"))
	if err != nil {
		return nil, err
	}
	sink.background = true
	defer sink.Discard()
	res, err := svc.ExportSiuss(ctx, app.SiussExportRequest{Tipo: siuss.TipoPS, Mode: siuss.ModeWaaS,
		From: demoSiussFrom, To: demoSiussTo, Operatore: demoOperatore}, sink)
	if err == nil {
		err = sink.Publish()
	}
	if err != nil {
		return nil, err
	}
	out := &demoSiuss{Check: *check, From: demoSiussFrom, To: demoSiussTo, Mode: string(siuss.ModeWaaS), Flussi: len(res.Flussi),
		Rifiutati: len(res.Rifiutati), PerRegola: res.PerRegola}
	d.progress("checked the SIUSS records of %s with csi siuss check (%d errors, %d warnings) and exported the PS flows with csi siuss export (waas): %d flows, %d records refused",
		demoSiussTo[:4], check.Errors, check.Warnings, out.Flussi, out.Rifiutati)
	return out, nil
}

// printSiuss prints the export's summary after the validation's.
func (d *demo) printSiuss(s *demoSiuss) {
	if s == nil {
		return
	}
	out := d.f.IO.Out
	fmt.Fprintln(out, "\n"+d.f.T("SIUSS check (csi siuss check --from %s --to %s): %d errors, %d warnings", s.From, s.To, s.Check.Errors, s.Check.Warnings))
	fmt.Fprintln(out, d.f.T("SIUSS (csi siuss export --tipo ps --mode %s, %s..%s): %d flows written, %d records refused",
		s.Mode, d.f.Lang.Cell(i18n.Date, s.From), d.f.Lang.Cell(i18n.Date, s.To), s.Flussi, s.Rifiutati))
	for _, r := range s.PerRegola {
		fmt.Fprintf(out, "  %-30s %s\n", r.Rule, d.f.Lang.Int(int64(r.Count)))
	}
}
