// Package cli is the command-line interface of csi: the root command, the
// Factory of dependencies, output formats, exit codes and help topics.
package cli

import (
	"context"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

// Main runs csi with the process's arguments and environment and returns
// the exit code.
func Main() int {
	ctx, stop := signalContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := startCPUProfile(os.Getenv)
	defer stopProfile()
	return Run(ctx, os.Args[1:], SystemIO(), os.Getenv)
}

// signalContext is signal.NotifyContext that remembers which signal came,
// as the context's cause, so that the exit code can tell SIGINT (130) from
// SIGTERM (143).
func signalContext(parent context.Context, sigs ...os.Signal) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		select {
		case s := <-ch:
			cancel(&signalCause{sig: s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() { signal.Stop(ch); cancel(nil) }
}

// Run runs one csi command line; tests call it in-process.
func Run(ctx context.Context, args []string, io *IOStreams, getenv func(string) string) int {
	f := NewFactory(io, getenv)
	defer f.Close()
	// The language is chosen before the tree is built: help texts are
	// written in it.
	if err := f.langFromArgs(args); err != nil {
		f.printError(err)
		return exitCode(err)
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	err = withSignalCause(ctx, err)
	if err != nil {
		f.printError(err)
	}
	return exitCode(err)
}

// NewCmdRoot builds the whole command tree, in f's language.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "csi",
		Short: f.T("Administer the Cartella Sociale Informatizzata of Monza e Brianza"),
		Long: f.T(`csi administers the shared Cartella Sociale Informatizzata (CSI) of the 55 Comuni
of the Province of Monza e Brianza: onboarding of Comuni, Ambito referents,
registry (anagrafe) imports and the audit log, from a local SQLite store or, with
--remote URL, from a 'csi serve' server with the same commands and output.`),
		Example: `  csi ambiti list
  csi comuni onboard Lissone --anagrafe automatic --date 2024-01-15
  csi referenti assign --ambito Desio --name "Anna Verdi" --email anna.verdi@comune.desio.mb.it`,
		Version:           buildVersion(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return f.prepare(cmd) },
	}
	// Set before translateCobra: cobra's completion command keeps the
	// writer it finds when it is added.
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{plainFlagError(err, f)} })
	addGlobalFlags(root, f)
	root.AddCommand(
		newCmdInit(f), NewCmdDemo(f, nil), newCmdDB(f), newCmdComuni(f), newCmdAmbiti(f), newCmdReferenti(f),
		newCmdAnagrafe(f), newCmdRecords(f), NewCmdValidate(f, nil), newCmdRules(f), newCmdAudit(f), newCmdToken(f), newCmdIndicators(f), NewCmdReport(f, nil),
		NewCmdServe(f, nil),
		newCmdSiuss(f), newCmdDebiti(f),
	)
	root.AddCommand(newCmdEventi(f), newCmdOperatori(f), newCmdCanali(f))
	addHelpTopics(root, f)
	translateCobra(root, f)
	return root
}

func addGlobalFlags(root *cobra.Command, f *Factory) {
	p := root.PersistentFlags()
	p.StringVar(&f.DBPath, "db", "", f.T("store file (env CSI_DB; default $XDG_DATA_HOME/csi/csi.db)"))
	p.StringVarP(&f.Output, "output", "o", FormatTable, f.T("output format: table|json|csv|xlsx"))
	p.StringVar(&f.OutFile, "out", "", f.T("the file -o xlsx writes, readable by you only (default stdout, when it is not a terminal)"))
	p.StringVar(&f.CSVSep, "csv-sep", ",", f.T("field separator of -o csv: , ; | or tab (env CSI_CSV_SEP)"))
	p.BoolVar(&f.CSVBOM, "csv-bom", false, f.T("start -o csv with a UTF-8 byte order mark, for Excel (env CSI_CSV_BOM)"))
	p.StringVar(&f.Actor, "actor", "", f.T("who is acting, for the audit log (env CSI_ACTOR; default the OS user)"))
	p.BoolVar(&f.NoColor, "no-color", false, f.T("disable colour (also NO_COLOR)"))
	p.StringVar(&f.Progress, "progress", "auto", f.T("progress display: auto|bar|plain|none"))
	p.BoolVarP(&f.Quiet, "quiet", "q", false, f.T("print only results and errors"))
	p.StringVar(&f.Remote, "remote", "", f.T("run against this csi serve server, e.g. https://csi.example.it:8787 (env CSI_REMOTE)"))
	p.StringVar(&f.Token, "token", "", f.T("API token for --remote (env CSI_TOKEN, better: a flag shows in the process list)"))
	// Run has read --lang already (langFromArgs); the flag is declared so
	// that cobra accepts it, lists it and completes it.
	p.String("lang", "", f.T("language of messages and help: it|en (env CSI_LANG, else the locale; default it)"))
	_ = root.RegisterFlagCompletionFunc("output", fixedCompletion("table", "json", "csv", "xlsx"))
	_ = root.RegisterFlagCompletionFunc("csv-sep", fixedCompletion(",", ";", "|", "tab"))
	_ = root.RegisterFlagCompletionFunc("progress", fixedCompletion("auto", "bar", "plain", "none"))
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion("it", "en"))
}

// langFromArgs applies a --lang in args (before "--", as pflag reads it):
// a value other than it or en is a usage error, except in a shell's
// completion request, where it may be the word being completed.
func (f *Factory) langFromArgs(args []string) error {
	completing := len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
	for i, a := range args {
		var v string
		switch {
		case a == "--":
			return nil
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		default:
			continue
		}
		l, err := i18n.Parse(v)
		if err != nil && completing {
			continue
		}
		if err != nil {
			return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--lang must be it or en, not %q", v)).
				WithHint("%s", f.T("write --lang it for Italian or --lang en for English"))}
		}
		f.setLang(l)
	}
	return nil
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// prepare resolves the global settings and puts the actor in the context.
func (f *Factory) prepare(cmd *cobra.Command) error {
	if f.DBPath == "" {
		f.DBPath = f.Getenv("CSI_DB")
	}
	if f.DBPath == "" {
		f.DBPath = DefaultDBPath(f.Getenv)
	}
	if f.NoColor {
		f.IO.Color = false
	}
	switch f.Progress {
	case "auto", "bar", "plain", "none":
	default:
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--progress must be auto, bar, plain or none, not %q", f.Progress))}
	}
	if err := checkDeclaredFormat(cmd, f.Output); err != nil {
		return err
	}
	if err := f.checkOutput(cmd); err != nil {
		return err
	}
	if err := f.resolveRemote(cmd); err != nil {
		return err
	}
	name := strings.TrimPrefix(cmd.CommandPath(), "csi ")
	f.command = name
	cmd.SetContext(csi.WithActor(cmd.Context(), csi.Actor{Name: f.ActorName(), Command: name}))
	return nil
}

// exactArgs is cobra.ExactArgs with a usage error that names what is missing.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &usageError{csi.Errorf(csi.EINVALID, "%s expects %s", cmd.CommandPath(), what).
				WithHint("see 'csi %s --help'", strings.TrimPrefix(cmd.CommandPath(), "csi "))}
		}
		return nil
	}
}

// pflagError returns pflag's message for an unknown flag or a missing
// value as a domain error with the same English text, so that it is
// printed in the user's language; any other error as it is.
func pflagError(err error) error {
	msg := err.Error()
	var e *csi.Error
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		e = csi.Errorf(csi.EINVALID, "unknown flag: %s", m[1])
	} else if m := unknownShorthand.FindStringSubmatch(msg); m != nil {
		e = csi.Errorf(csi.EINVALID, "unknown shorthand flag: '%s' in %s", m[1], m[2])
	} else if m := flagNeedsValue.FindStringSubmatch(msg); m != nil {
		e = csi.Errorf(csi.EINVALID, "flag needs an argument: %s", m[1])
	}
	if e == nil || e.Message != msg {
		return err
	}
	return e
}

// pflag's messages for an unknown flag, an unknown shorthand and a flag
// given without its value.
var (
	unknownFlag      = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	unknownShorthand = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-\S+)$`)
	flagNeedsValue   = regexp.MustCompile(`^flag needs an argument: (.+)$`)
)

// badNumberFlag matches pflag's message for a flag value that is not a
// number, which ends in the Go parser's own words.
var badNumberFlag = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv\.Parse(Int|Uint|Float): .*$`)

// plainFlagError rewrites pflag's message for a non-numeric value of a
// numeric flag in the user's terms.
func plainFlagError(err error, f *Factory) error {
	if d := dateFlagError(err, f); d != nil {
		return d
	}
	m := badNumberFlag.FindStringSubmatch(err.Error())
	if m == nil {
		return pflagError(err)
	}
	return csi.Errorf(csi.EINVALID, "%s", f.T("%s %q is not a number", m[2], m[1])).
		WithHint("%s", f.T("write it in digits; see the command's --help"))
}
