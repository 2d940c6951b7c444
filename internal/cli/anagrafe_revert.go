package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

// AnagrafeRevertOptions are the flags of `csi anagrafe revert`.
type AnagrafeRevertOptions struct {
	ImportID int64
	Yes      bool
	DryRun   bool
	// CanPrompt is set when stdin and stderr are a terminal: without
	// --yes, the revert then asks for confirmation.
	CanPrompt bool
}

// NewCmdAnagrafeRevert builds `csi anagrafe revert`; runF replaces the action in tests.
func NewCmdAnagrafeRevert(f *Factory, runF func(*AnagrafeRevertOptions) error) *cobra.Command {
	opts := &AnagrafeRevertOptions{}
	cmd := &cobra.Command{
		Use:         "revert IMPORT_ID",
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
		Short:       f.T("Undo a Comune's latest registry import"),
		Long: f.T(`Undo a Comune's latest registry import, in one transaction: the versions it created
are removed and the versions it closed (changed, absent or cancelled people) are
current again, as before the import. The import leaves the import log, so that a
corrected extract (or the same file, with the right --as-of) can be imported; the
revert itself is recorded in the audit log.

Only the latest import of its Comune can be reverted (the later ones were built on
it): revert newer imports first. 'csi anagrafe imports --comune C' lists the ids.
On a terminal the command shows what it would undo and asks for confirmation;
elsewhere it needs --yes. --dry-run shows what it would undo and changes nothing.`),
		Example: `  csi anagrafe imports --comune Monza
  csi anagrafe revert 42 --dry-run
  csi anagrafe revert 42 --yes -o json`,
		Args: exactArgs(1, "the id of the import to revert"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return &usageError{csi.Errorf(csi.EINVALID, "the import id must be a positive integer, not %q", args[0]).
					WithHint("csi anagrafe imports lists the imports with their ids")}
			}
			opts.ImportID = id
			opts.CanPrompt = f.canPrompt()
			if !opts.Yes && !opts.DryRun && !opts.CanPrompt {
				return &usageError{csi.Errorf(csi.EINVALID, "reverting import %s changes the registry: confirm with --yes", fmt.Sprint(id)).
					WithHint("run it on a terminal to be asked, pass --yes in scripts, or see what it would undo with --dry-run")}
			}
			if runF != nil {
				return runF(opts)
			}
			return anagrafeRevertRun(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, f.T("revert without asking for confirmation"))
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, f.T("show what the revert would undo, change nothing"))
	return cmd
}

// canPrompt reports whether the command can ask a question and read the answer.
func (f *Factory) canPrompt() bool {
	in, ok := f.IO.In.(*os.File)
	return ok && isTerminal(in) && f.IO.ErrTTY
}

func anagrafeRevertRun(ctx context.Context, f *Factory, opts *AnagrafeRevertOptions) error {
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	if !opts.Yes && !opts.DryRun {
		sum, err := db.RevertImport(ctx, csi.RevertRequest{ImportID: opts.ImportID, DryRun: true})
		if err != nil {
			return err
		}
		fmt.Fprint(f.IO.ErrOut, f.T("reverting import %s of %s (%s, %s as of %s) will remove %d versions and reopen %d.\nRevert it? [y/N] ",
			strconv.FormatInt(sum.ImportID, 10), sum.Comune, sum.File, f.modeText(sum.Mode), f.Lang.Cell(i18n.Date, sum.AsOf), sum.Removed, sum.Reopened))
		if !f.confirmed() {
			f.info("nothing was reverted")
			return nil
		}
	}
	sum, err := db.RevertImport(ctx, csi.RevertRequest{ImportID: opts.ImportID, DryRun: opts.DryRun})
	if err != nil {
		return err
	}
	return f.printRevert(sum)
}

// confirmed reads a yes/no answer from stdin; only "y", "yes", "s", "si"
// or "sì" is a yes.
func (f *Factory) confirmed() bool {
	line, _ := bufio.NewReader(f.IO.In).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes" || a == "s" || a == "si" || a == "sì"
}

func (f *Factory) printRevert(s *csi.RevertSummary) error {
	if done, err := f.Export(s, func() Table { return revertTable(s) }); done {
		return err
	}
	fmt.Fprintln(f.IO.Out, f.revertText(s))
	return nil
}

func revertTable(s *csi.RevertSummary) Table {
	i := strconv.Itoa
	return Table{
		Headers: []string{"import_id", "comune", "file", "mode", "as_of", "removed", "reopened", "dry_run"},
		Rows: [][]string{{strconv.FormatInt(s.ImportID, 10), s.Comune, s.File, s.Mode, s.AsOf, i(s.Removed), i(s.Reopened),
			strconv.FormatBool(s.DryRun)}},
	}
}

// revertText says in one line what a revert did or would do.
func (f *Factory) revertText(s *csi.RevertSummary) string {
	id, asOf := strconv.FormatInt(s.ImportID, 10), f.Lang.Cell(i18n.Date, s.AsOf)
	if s.DryRun {
		return f.T("dry run: reverting import %s of %s (%s, %s as of %s) would remove %d versions and reopen %d; nothing was changed", id, s.Comune, s.File, f.modeText(s.Mode), asOf, s.Removed, s.Reopened)
	}
	return f.T("reverted import %s of %s (%s, %s as of %s): %d versions removed, %d reopened", id, s.Comune, s.File, f.modeText(s.Mode), asOf, s.Removed, s.Reopened)
}

// importMode is an import's mode as the import log's table shows it: a
// reverted import says so.
func importMode(r csi.ImportRecord) string {
	if r.Kind == "anagrafe-reverted" {
		return r.Mode + " (reverted)"
	}
	return r.Mode
}

// modeText is an import's mode (snapshot, delta, upsert) as the summaries
// say it: the value itself in English, what it means to the offices in
// Italian (i18n's values of the mode column, which the tables on a
// terminal show too).
func (f *Factory) modeText(mode string) string { return f.Lang.Value("mode", mode) }
