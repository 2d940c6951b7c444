package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/spf13/cobra"
)

// comuniAddOptions are the flags of `csi comuni add`.
type comuniAddOptions struct {
	File        string
	Ambito      string
	Popolazione string
	DryRun      bool
}

var comuniAddSchema = dialect.Schema{Kind: "comuni", Columns: []dialect.Column{
	{Name: "istat", Aliases: []string{"codice_istat", "cod_istat", "comune"}, Required: true},
	{Name: "ambito", Aliases: []string{"ambito_territoriale", "ambito_sociale"}, Required: true},
	{Name: "popolazione", Aliases: []string{"residenti", "abitanti", "population"}, Required: true},
}}

func newCmdComuniAdd(f *Factory) *cobra.Command {
	opts := &comuniAddOptions{}
	cmd := &cobra.Command{
		Use:   "add ISTAT --ambito NAME --popolazione N | -f FILE.csv",
		Short: f.T("Add Comuni of any Italian province to the catalogue"),
		Long: f.T(`Add Comuni of any Italian province to the catalogue of the shared CSI, not yet
onboarded: name and Belfiore code come from the national reference table, and an
Ambito named for the first time is created.

With -f FILE.csv many Comuni are added at once: one row per Comune with the columns
istat, ambito and popolazione. The whole file is one transaction: when any row is
rejected (an unknown ISTAT code, a bad population, a Comune already in the catalogue
with another Ambito or population) nothing is written, every rejected row is
reported with its line and field, and the exit code is 4. A row identical to what
is stored is unchanged, so the same file added twice is a no-op. --dry-run checks
everything and writes nothing. Then onboard them with 'csi comuni onboard'.`),
		Example: f.T(`  csi comuni add 097042 --ambito Lecco --popolazione 47000   # one Comune of the province of Lecco
  csi comuni add -f comuni-lombardia.csv --dry-run           # check the file, write nothing
  csi comuni add -f comuni-lombardia.csv -o json             # add them, summary as JSON
  csi comuni onboard -f adesioni.csv                         # then onboard them`),
		Args: func(cmd *cobra.Command, args []string) error {
			if (opts.File != "" && len(args) == 0) || (opts.File == "" && len(args) == 1) {
				return nil
			}
			return &usageError{csi.Errorf(csi.EINVALID, "give either one ISTAT code or -f FILE.csv").
				WithHint("e.g. 'csi comuni add 097042 --ambito Lecco --popolazione 47000' or 'csi comuni add -f comuni.csv'")}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return comuniAddRun(cmd, f, opts, args)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.File, "file", "f", "", f.T("CSV file with one Comune per row: istat, ambito, popolazione"))
	fl.StringVar(&opts.Ambito, "ambito", "", f.T("Ambito of the Comune (created when new)"))
	fl.StringVar(&opts.Popolazione, "popolazione", "", f.T("resident population of the Comune"))
	fl.BoolVar(&opts.DryRun, "dry-run", false, f.T("check everything and write nothing"))
	return cmd
}

func comuniAddRun(cmd *cobra.Command, f *Factory, opts *comuniAddOptions, args []string) error {
	ctx := cmd.Context()
	in := csi.AddComuniInput{File: opts.File, DryRun: opts.DryRun}
	if opts.File == "" {
		if !cmd.Flags().Changed("ambito") || !cmd.Flags().Changed("popolazione") {
			return &usageError{csi.Errorf(csi.EINVALID, "--ambito and --popolazione are required with an ISTAT code").
				WithHint("e.g. 'csi comuni add %s --ambito Lecco --popolazione 47000'", args[0])}
		}
		in.Rows = []csi.ComuneAdd{{Istat: args[0], Ambito: opts.Ambito, Popolazione: opts.Popolazione}}
	} else {
		rows, err := readComuniAdd(ctx, opts.File)
		if err != nil {
			return err
		}
		in.Rows = rows
	}
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	res, err := db.AddComuni(ctx, in)
	if err != nil {
		return err
	}
	if opts.File == "" && len(res.Rejects) == 1 {
		r := res.Rejects[0]
		return csi.Errorf(csi.EINVALID, "%s: %s", flagOf(r.Field), r.Reason).WithHint("run 'csi comuni list' to see the catalogue")
	}
	return f.printAdd(res)
}

// flagOf names the command-line argument a reject's field came from.
func flagOf(field string) string {
	if field == "istat" {
		return "ISTAT"
	}
	return "--" + field
}

// readComuniAdd reads the rows of a Comuni file, in the dialect it is in.
func readComuniAdd(ctx context.Context, path string) ([]csi.ComuneAdd, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s: %v", path, errors.Unwrap(err)).WithHint("check the file name")
	}
	defer file.Close()
	r, err := dialect.Open(file, comuniAddSchema, dialect.Options{File: path}, nil)
	if err != nil {
		return nil, fileError(err)
	}
	var rows []csi.ComuneAdd
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fileError(err)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rows = append(rows, csi.ComuneAdd{Line: row.Line, Istat: row.Get(0), Ambito: row.Get(1), Popolazione: row.Get(2)})
	}
}

// printAdd reports what comuni add did; rejects make exit code 4.
func (f *Factory) printAdd(res *csi.AddComuniResult) error {
	for _, r := range res.Rejects {
		f.info("%s:%d: %s: %s", res.File, r.Line, r.Field, r.Reason)
	}
	ambiti := strings.Join(res.AmbitiCreated, ", ")
	d := Detail{Fields: [][2]string{
		{"added", strconv.Itoa(res.Added)}, {"unchanged", strconv.Itoa(res.Unchanged)},
		{"ambiti_created", ambiti}, {"rejected", strconv.Itoa(len(res.Rejects))}, {"dry_run", strconv.FormatBool(res.DryRun)},
	}}
	if err := f.PrintDetail(res, d); err != nil {
		return err
	}
	switch {
	case len(res.Rejects) > 0:
		return &exitError{code: ExitRejected, msg: f.T("error: %d rows rejected; nothing was written", len(res.Rejects))}
	case res.DryRun:
		f.info("%s", f.T("dry run: nothing was written"))
	}
	return nil
}
