package cli

import (
	"context"
	"os"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

// ValidateOptions are the flags of `csi validate`.
type ValidateOptions struct {
	Scope   csi.ValidateScope
	Ruleset string
	FailOn  string
}

// NewCmdValidate builds `csi validate`; runF replaces the action in tests.
func NewCmdValidate(f *Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [--ambito A | --comune C]",
		Short: f.T("Check the records against the regional guidelines and report what to fix"),
		Long: f.T(`Check the registry and the social records in scope (default: everything) against a
ruleset (default: the built-in dgr-2457-2019; 'csi rules list' explains each rule).

On a terminal the report shows the findings per rule and per Comune, then the first 20
findings of each rule; -o json, csv and junit print every finding. Each run is
recorded: 'csi validate history' shows progress between runs. Like a linter, the
exit code is 3 when errors exist (--fail-on error, the default), so a CI job or cron
script stops on them; --fail-on warning stops on warnings too, and --fail-on none
only reports. In -o junit, warnings are failures only with --fail-on warning.`),
		Example: `  csi validate --ambito Desio
  csi validate --comune 108033 -o csv > da-correggere.csv
  csi validate -o junit > validate.xml
  csi validate --fail-on none -o json > tutto.json
  csi validate --ruleset regole-ambito.yaml`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Scope.Ambito != "" && opts.Scope.Comune != "" {
				return &usageError{csi.Errorf(csi.EINVALID, "give --ambito or --comune, not both").WithHint("a Comune already implies its Ambito")}
			}
			if opts.FailOn != csi.SeverityError && opts.FailOn != csi.SeverityWarning && opts.FailOn != failOnNone {
				return &usageError{csi.Errorf(csi.EINVALID, "--fail-on must be error, warning or none, not %q", opts.FailOn).
					WithHint("--fail-on error (the default) stops on errors only; --fail-on none only reports")}
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV, "junit"),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Scope.Ambito, "ambito", "", f.T("only the records of this Ambito"))
	fl.StringVar(&opts.Scope.Comune, "comune", "", f.T("only the records of this Comune"))
	fl.StringVar(&opts.Ruleset, "ruleset", "", f.T("ruleset file (default: the built-in dgr-2457-2019)"))
	fl.StringVar(&opts.FailOn, "fail-on", csi.SeverityError, f.T("exit 3 when findings of this severity or worse exist: error|warning|none"))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion(csi.SeverityError, csi.SeverityWarning, failOnNone))
	cmd.AddCommand(newCmdValidateHistory(f))
	return cmd
}

func validateRun(ctx context.Context, f *Factory, opts *ValidateOptions) error {
	req, err := validationRequest(opts)
	if err != nil {
		return err
	}
	svc, err := f.Services(ctx)
	if err != nil {
		return err
	}
	sink := f.newFindingSink("", "")
	sink.failWarnings = opts.FailOn == csi.SeverityWarning
	run, sum, err := svc.RunValidation(ctx, req, sink.add)
	if err != nil {
		return err
	}
	sink.ruleset, sink.version = run.Ruleset, run.RulesetVersion
	if err := sink.finish(run, sum); err != nil {
		return err
	}
	return f.failOn(opts.FailOn, sum)
}

// validationRequest reads a --ruleset file here, on the user's machine, so
// that a remote validation runs the very ruleset the user has.
func validationRequest(opts *ValidateOptions) (csi.ValidationRequest, error) {
	req := csi.ValidationRequest{Scope: opts.Scope, Ruleset: opts.Ruleset}
	if opts.Ruleset == "" || opts.Ruleset == csi.BuiltinRuleset {
		return req, nil
	}
	data, err := os.ReadFile(opts.Ruleset)
	if err != nil {
		return req, csi.Errorf(csi.EBADFILE, "cannot read the ruleset %s", opts.Ruleset).WithHint("give a ruleset file, or omit --ruleset for the built-in dgr-2457-2019")
	}
	req.RulesetData = data
	return req, nil
}

// failOnNone is the --fail-on value that only reports.
const failOnNone = "none"

func (f *Factory) failOn(level string, sum *csi.ValidationSummary) error {
	n := 0
	switch level {
	case csi.SeverityError:
		n = sum.Errors
	case csi.SeverityWarning:
		n = sum.Errors + sum.Warnings
	}
	if n == 0 {
		return nil
	}
	return &exitError{code: ExitValidation, msg: f.T("validation failed: %d findings at or above %s", n, f.severityWord(level))}
}

func newCmdValidateHistory(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "history",
		Short:   f.T("List past validation runs, newest first"),
		Example: "  csi validate history\n  csi validate history -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			runs, err := svc.ValidationHistory(cmd.Context())
			if err != nil {
				return err
			}
			i := strconv.Itoa
			t := Table{Headers: []string{"id", "at", "actor", "ruleset", "ruleset_version", "scope", "checked", "errors", "warnings"}}
			for _, r := range runs {
				t.Rows = append(t.Rows, []string{strconv.FormatInt(r.ID, 10), r.At, r.Actor, r.Ruleset, r.RulesetVersion, r.Scope,
					i(r.Checked), i(r.Errors), i(r.Warnings)})
			}
			return f.PrintList(runs, t, "no validation has run yet")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}
