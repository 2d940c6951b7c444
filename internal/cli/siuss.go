package cli

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/spf13/cobra"
)

// newCmdSiuss builds `csi siuss`, the debiti informativi to INPS's SIUSS.
func newCmdSiuss(f *Factory) *cobra.Command {
	cmd := newGroup("siuss", f.T("Debiti informativi to INPS (SIUSS): check the records, export the flows, keep their register"),
		"  csi siuss check --ambito Desio --from 2024-01-01 --to 2024-12-31\n  csi siuss export --tipo ps --ambito Desio --from 2024-01-01 --to 2024-12-31 --out flussi/\n  csi siuss prestazioni")
	cmd.AddCommand(NewCmdSiussCheck(f, nil), newCmdSiussPrestazioni(f))
	addSiussRegisterCommands(cmd, f)
	return cmd
}

// SiussCheckOptions are the flags of `csi siuss check`.
type SiussCheckOptions struct {
	Request   csi.SiussCheckRequest
	CodesFile string
	FailOn    string
}

// NewCmdSiussCheck builds `csi siuss check`; runF replaces the action in tests.
func NewCmdSiussCheck(f *Factory, runF func(*SiussCheckOptions) error) *cobra.Command {
	opts := &SiussCheckOptions{}
	cmd := &cobra.Command{
		Use:   "check --ente ISTAT|--ambito A --from DATE --to DATE",
		Short: f.T("Check the interventi and SINBA records that the SIUSS flows would carry"),
		Long: f.T(`Check, before anything is sent to INPS, the records that the SIUSS flows of an ente
(a Comune, --ente) or of an Ambito's Comuni would carry for a period: the sending ente
and operator, each intervento's beneficiary as the registry knew them on the benefit's
date, its prestazione (a periodic one split per calendar year, as it is sent) with its
SINA assessment, and each child's SINBA record. It runs the ruleset siuss ('csi rules
list --ruleset siuss' lists its rules) with the same report as 'csi validate': every
finding names the intervento (or the cartella of a SINBA record), the SIUSS field and
the fix. The exit code is 3 when findings reach --fail-on (default error).

The operator who sends is --operatore or CSI_OPERATORE; prestazione codes are looked up
in the embedded SIUSS code table or in --codes FILE (or CSI_SIUSS_CODES): see 'csi siuss
prestazioni'. The run is recorded: 'csi validate history' lists it.`),
		Example: `  csi siuss check --ambito Desio --from 2024-01-01 --to 2024-12-31
  csi siuss check --ente 108033 --from 2024-01-01 --to 2024-06-30 -o csv > da-correggere.csv
  CSI_OPERATORE=PRTCRL85A60F704O csi siuss check --ente Monza --from 2024-01-01 --to 2024-12-31 -o junit`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkSiussFlags(f, opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return siussCheckRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV, "junit"),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Request.Scope.Comune, "ente", "", f.T("the sending Comune (ISTAT code or name)"))
	fl.StringVar(&opts.Request.Scope.Ambito, "ambito", "", f.T("every Comune of this Ambito"))
	dateVar(fl, &opts.Request.From, "from", f.T("first day of the period (YYYY-MM-DD)"))
	dateVar(fl, &opts.Request.To, "to", f.T("last day of the period (YYYY-MM-DD)"))
	fl.StringVar(&opts.Request.Operatore, "operatore", "", f.T("codice fiscale of the operator who sends the flows (env CSI_OPERATORE)"))
	fl.StringVar(&opts.CodesFile, "codes", "", f.T("SIUSS code table file replacing the embedded one (env CSI_SIUSS_CODES)"))
	fl.StringVar(&opts.FailOn, "fail-on", csi.SeverityError, f.T("exit 3 when findings of this severity or worse exist: error|warning|none"))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(csi.SeverityError, csi.SeverityWarning, failOnNone))
	return cmd
}

// checkSiussFlags validates the flags and fills the defaults from the
// environment.
func checkSiussFlags(f *Factory, opts *SiussCheckOptions) error {
	r := &opts.Request
	switch {
	case (r.Scope.Comune == "") == (r.Scope.Ambito == ""):
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("give --ente or --ambito, one of them")).
			WithHint("%s", f.T("--ente names one Comune (ISTAT code or name), --ambito all the Comuni of an Ambito"))}
	case r.From == "" || r.To == "":
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("give the period with --from and --to")).
			WithHint("%s", f.T("e.g. --from 2024-01-01 --to 2024-12-31"))}
	case opts.FailOn != csi.SeverityError && opts.FailOn != csi.SeverityWarning && opts.FailOn != failOnNone:
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--fail-on must be error, warning or none, not %q", opts.FailOn)).
			WithHint("%s", f.T("--fail-on error (the default) stops on errors only; --fail-on none only reports"))}
	}
	if r.Operatore == "" {
		r.Operatore = f.Getenv("CSI_OPERATORE")
	}
	return nil
}

func siussCheckRun(ctx context.Context, f *Factory, opts *SiussCheckOptions) error {
	req := opts.Request
	var err error
	if req.Codes, req.CodesName, err = siussCodesFile(f, opts.CodesFile); err != nil {
		return err
	}
	svc, err := f.siussService(ctx)
	if err != nil {
		return err
	}
	sink := f.newFindingSink("", "")
	sink.failWarnings = opts.FailOn == csi.SeverityWarning
	sink.withFix, sink.command = true, "csi siuss check"
	run, sum, err := svc.CheckSiuss(ctx, req, sink.add)
	if err != nil {
		return err
	}
	sink.ruleset, sink.version = run.Ruleset, run.RulesetVersion
	if err := sink.finish(run, sum); err != nil {
		return err
	}
	return f.failOn(opts.FailOn, sum)
}

// siussService returns the SIUSS service of the local store: the remote
// API has no SIUSS routes, so --remote is a usage error.
func (f *Factory) siussService(ctx context.Context) (csi.SiussService, error) {
	if f.Remote != "" {
		return nil, &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("csi siuss works on a local store only: the remote API has no SIUSS routes")).
			WithHint("%s", f.T("run it on the server's machine with --db; unset CSI_REMOTE"))}
	}
	st, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	return servicesOver(st, f.Now), nil
}

// siussCodesFile reads the code table file named by --codes or
// CSI_SIUSS_CODES; nil when neither is set (the embedded table).
func siussCodesFile(f *Factory, file string) ([]byte, string, error) {
	if file == "" {
		file = f.Getenv("CSI_SIUSS_CODES")
	}
	if file == "" {
		return nil, "", nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, "", csi.Errorf(csi.EBADFILE, "%s", f.T("cannot read the SIUSS code table %s", file)).
			WithHint("%s", f.T("give a code table file (see 'csi siuss prestazioni -o json'), or unset --codes and CSI_SIUSS_CODES for the embedded one"))
	}
	return data, file, nil
}

// siussCodeTable returns the embedded code table or the local file's.
func siussCodeTable(f *Factory, file string) (*siuss.CodeTable, error) {
	data, name, err := siussCodesFile(f, file)
	if err != nil || data == nil {
		if err != nil {
			return nil, err
		}
		return siuss.BuiltinCodes()
	}
	t, err := siuss.LoadCodes(bytes.NewReader(data))
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%s: %v", name, err).WithHintFrom(err)
	}
	return t, nil
}

func newCmdSiussPrestazioni(f *Factory) *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "prestazioni",
		Short: f.T("List the SIUSS code table: code, name, presa in carico, area"),
		Long: f.T(`List the SIUSS prestazioni code table that 'csi siuss check' and the flows use: each
code's name as sent (DenominazionePrestazione, 10-200 characters), whether SIUSS takes it
only for a person in charge, its area utenza (1 famiglia e minori, 2 disabilità e non
autosufficienza, 3 povertà; 0 when it depends on the person), whether a periodic benefit
with it needs data_evento, and whether its name is a placeholder. The table is embedded
and versioned; a local YAML file of the same shape (version, source, prestazioni)
replaces it: --codes FILE or CSI_SIUSS_CODES.`),
		Example: "  csi siuss prestazioni\n  csi siuss prestazioni -o csv > prestazioni.csv\n  csi siuss prestazioni --codes tabella-inps.yaml",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := siussCodeTable(f, file)
			if err != nil {
				return err
			}
			return f.printSiussCodes(t)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&file, "codes", "", f.T("SIUSS code table file replacing the embedded one (env CSI_SIUSS_CODES)"))
	return cmd
}

func (f *Factory) printSiussCodes(t *siuss.CodeTable) error {
	codes := t.All()
	tab := Table{Headers: []string{"codice", "denominazione", "presa_in_carico", "area", "data_evento", "provvisoria"}}
	yes := func(b bool) string { return strconv.FormatBool(b) }
	for _, c := range codes {
		tab.Rows = append(tab.Rows, []string{c.Codice, c.Denominazione, yes(c.PresaInCarico), strconv.Itoa(c.Area), yes(c.DataEvento), yes(c.Provvisoria)})
	}
	data := map[string]any{"version": t.Version, "source": t.Source, "prestazioni": codes}
	if done, err := f.Export(data, func() Table { return tab }); done {
		return err
	}
	f.info("%s", f.T("SIUSS code table %s: %d codes", t.Version, len(codes)))
	return f.writeTable(f.IO.Out, tab)
}

// siussRuleset is the catalogue of the SIUSS pre-flight checks as a
// ruleset, for 'csi rules list|show --ruleset siuss'.
func siussRuleset() (*rules.Ruleset, error) {
	codes, err := siuss.BuiltinCodes()
	if err != nil {
		return nil, err
	}
	rs := &rules.Ruleset{Name: csi.SiussRuleset, Version: codes.Version,
		Source: "INPS, PS_PSA_SINA201812.xsd, SINBA.xsd and Specifica Tecnica WaaS-SIUSS 2.0.1"}
	for _, r := range siuss.Rules() {
		rs.Rules = append(rs.Rules, rules.Rule{ID: r.ID, Kind: siussRuleKind(r.ID), Severity: rules.Severity(r.Severity),
			Title: r.Title, Source: "SIUSS", Description: r.Title, Fix: r.Fix})
	}
	return rs, nil
}

// siussRuleKind is the record kind a SIUSS rule is about.
func siussRuleKind(id string) string {
	switch {
	case strings.HasPrefix(id, "siuss-ente-") || id == "siuss-operatore-cf":
		return siuss.KindEnte
	case strings.HasPrefix(id, "siuss-flusso-") || id == "siuss-waas-singolo":
		return siuss.KindFlusso
	case strings.HasPrefix(id, "siuss-sinba-"):
		return siuss.KindSINBA
	}
	return csi.KindIntervento
}
