package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/spf13/cobra"
)

// SiussExportOptions are the flags of `csi siuss export`.
type SiussExportOptions struct {
	Request   app.SiussExportRequest
	Tipo      string
	Mode      string
	Out       string
	CodesFile string
}

// NewCmdSiussExport builds `csi siuss export`; runF replaces the action in tests.
func NewCmdSiussExport(f *Factory, runF func(*SiussExportOptions) error) *cobra.Command {
	opts := &SiussExportOptions{}
	cmd := &cobra.Command{
		Use:   "export --tipo ps|sinba [--ente ISTAT|--ambito A] --from D --to D --out DIR",
		Short: f.T("Write the SIUSS flows owed to INPS and record them in the register"),
		Long: f.T(`Write the SIUSS flows of a Comune (--ente), of the Comuni of an Ambito
(--ambito) or of every Comune (neither) for a period: PS-PSA-SINA flows of the benefits (--tipo ps) or SINBA
flows of the children taken in charge (--tipo sinba). Every record is checked
first as 'csi siuss check' does: a record SIUSS would refuse stays out, and the
output names the rules it breaks (exit 4).

--mode waas (default) writes one flow per beneficiary and prestazione, as the
WaaS channel requires; --mode upload one file per Comune for the web upload.
Periodic benefits are split per calendar year. Each flow gets the id
{Belfiore}.PS.{YYYYMMDD}.{counter} (or .SINBA.) and a unique timestamp, and goes
into the register (see 'csi siuss flussi'). A record already accepted by INPS,
or in a flow still waiting for INPS's outcome, is not exported again; after a
refusal it goes in a new flow. Files are written with mode 0600 into --out
(created 0700) only when the register has recorded them. --dry-run writes and
records nothing.`),
		Example: `  csi siuss export --tipo ps --ente 108033 --from 2024-01-01 --to 2024-06-30 --out flussi/ --operatore RSSMRA80A01F704F
  CSI_OPERATORE=RSSMRA80A01F704F csi siuss export --tipo sinba --ambito Desio --from 2024-01-01 --to 2024-12-31 --out flussi/ --mode upload
  csi siuss export --tipo ps --ambito Monza --from 2024-01-01 --to 2024-12-31 --out flussi/ --dry-run -o json`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.complete(f); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return siussExportRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Tipo, "tipo", "", f.T("flow type: ps (benefits) or sinba (children) (required)"))
	fl.StringVar(&opts.Request.Ente, "ente", "", f.T("the Comune whose flows to write (ISTAT code or name)"))
	fl.StringVar(&opts.Request.Ambito, "ambito", "", f.T("write the flows of every Comune of this Ambito"))
	dateVar(fl, &opts.Request.From, "from", f.T("first day of the period, YYYY-MM-DD (required)"))
	dateVar(fl, &opts.Request.To, "to", f.T("last day of the period, YYYY-MM-DD (required)"))
	fl.StringVar(&opts.Out, "out", "", f.T("folder for the flow files (created if missing) (required unless --dry-run)"))
	fl.StringVar(&opts.Mode, "mode", "waas", f.T("waas: one flow per record; upload: one file per Comune"))
	fl.BoolVar(&opts.Request.DryRun, "dry-run", false, f.T("show what would be written; write and record nothing"))
	fl.StringVar(&opts.Request.Operatore, "operatore", "", f.T("codice fiscale of the operator sending the flows (env CSI_OPERATORE)"))
	fl.StringVar(&opts.CodesFile, "codes", "", f.T("SIUSS code table file replacing the embedded one (env CSI_SIUSS_CODES)"))
	_ = cmd.RegisterFlagCompletionFunc("tipo", fixedCompletion("ps", "sinba"))
	_ = cmd.RegisterFlagCompletionFunc("mode", fixedCompletion("waas", "upload"))
	return cmd
}

// complete checks the flags that need no store and fills the defaults.
func (o *SiussExportOptions) complete(f *Factory) error {
	if o.Tipo == "" || o.Request.From == "" || o.Request.To == "" || (o.Out == "" && !o.Request.DryRun) {
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--tipo, --from, --to and --out are required")).
			WithHint("%s", f.T("e.g. csi siuss export --tipo ps --ente 108033 --from 2024-01-01 --to 2024-06-30 --out flussi/"))}
	}
	if o.Request.Operatore == "" {
		o.Request.Operatore = f.Getenv("CSI_OPERATORE")
	}
	o.Request.Tipo, o.Request.Mode = siuss.Tipo(strings.ToUpper(o.Tipo)), siuss.Mode(strings.ToLower(o.Mode))
	return nil
}

func siussExportRun(ctx context.Context, f *Factory, opts *SiussExportOptions) error {
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	if opts.Request.Codes, err = siussCodeTable(f, opts.CodesFile); err != nil {
		return err
	}
	var sink *dirSink
	if !opts.Request.DryRun {
		if sink, err = newDirSink(opts.Out); err != nil {
			return err
		}
		sink.background = true
		defer sink.Discard()
	}
	res, err := svc.ExportSiuss(ctx, opts.Request, sinkOrNil(sink))
	if err != nil {
		return err
	}
	if sink != nil {
		if err := sink.Publish(); err != nil {
			return err
		}
	}
	if err := f.printExport(res, opts.Out); err != nil {
		return err
	}
	if len(res.Rifiutati) > 0 {
		return &exitError{code: ExitRejected, msg: f.T("warning: %d record(s) refused by the SIUSS checks; 'csi siuss check' lists what to fix", len(res.Rifiutati))}
	}
	return nil
}

// sinkOrNil keeps a nil *dirSink from becoming a non-nil interface.
func sinkOrNil(s *dirSink) app.SiussFlowSink {
	if s == nil {
		return nil
	}
	return s
}

// printExport prints an export: the flows, the refusals by rule and the
// refused records; JSON is the result as it is.
func (f *Factory) printExport(res *app.SiussExportResult, dir string) error {
	if done, err := f.Export(res, nil); done {
		return err
	}
	f.info("%s", exportLine(f, res, dir))
	flows := Table{Headers: []string{"id_flusso", "comune", "voci", "ts_flusso", "file"}}
	for _, fl := range res.Flussi {
		file := ""
		if fl.ID != "" {
			file = flowFile(dir, fl.ID)
		}
		flows.Rows = append(flows.Rows, []string{fl.ID, fl.Comune, strings.Join(fl.Voci, " "), tsFlusso(fl.TS), file})
	}
	rules := Table{Headers: []string{"rule", "records", "fix"}}
	for _, r := range res.PerRegola {
		rules.Rows = append(rules.Rows, []string{r.Rule, strconv.Itoa(r.Count), ruleFix(r.Rule)})
	}
	refused := Table{Headers: []string{"comune", "record", "anno", "rules"}}
	for _, r := range res.Rifiutati {
		refused.Rows = append(refused.Rows, []string{r.Comune, r.Record, yearCell(r.Anno), strings.Join(r.Rules, " ")})
	}
	return f.writeDetail(Detail{
		Fields: [][2]string{{"tipo", res.Tipo}, {"mode", res.Mode}, {"scope", res.Scope}, {"period", res.From + " .. " + res.To},
			{"flussi", strconv.Itoa(len(res.Flussi))}, {"rifiutati", strconv.Itoa(len(res.Rifiutati))},
			{"accettati", strconv.Itoa(res.Saltati.Accettati)}, {"in_attesa", strconv.Itoa(res.Saltati.InAttesa)},
			{"modificati", strings.Join(res.Saltati.Modificati, ", ")}},
		Sections: []Section{
			{Title: f.T("Flows"), Table: flows},
			{Title: f.T("Refused by rule"), Table: rules},
			{Title: f.T("Refused records"), Table: refused},
		},
	})
}

func exportLine(f *Factory, res *app.SiussExportResult, dir string) string {
	if res.DryRun {
		return f.T("dry run: %d flow(s) would be written, %d record(s) refused; nothing was written", len(res.Flussi), len(res.Rifiutati))
	}
	return f.T("%d flow(s) written to %s and recorded in the register; %d record(s) refused", len(res.Flussi), dir, len(res.Rifiutati))
}

func tsFlusso(ms int64) string {
	if ms == 0 {
		return ""
	}
	return app.TSFlusso(ms)
}

func yearCell(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// ruleFix returns the fix of a SIUSS rule.
func ruleFix(id string) string {
	for _, r := range siuss.Rules() {
		if r.ID == id {
			return r.Fix
		}
	}
	return ""
}

// flowFile is the path of a flow's file in dir.
func flowFile(dir, id string) string { return filepath.Join(dir, id+".xml") }
