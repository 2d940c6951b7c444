package cli

import (
	"context"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

func newCmdReferenti(f *Factory) *cobra.Command {
	cmd := newGroup("referenti", f.T("Assign and list the operational referent of each Ambito"),
		"  csi referenti list\n  csi referenti assign --ambito Desio --name \"Anna Verdi\" --email anna.verdi@comune.desio.mb.it")
	cmd.AddCommand(NewCmdAssign(f, nil), newCmdReferentiList(f), newCmdReferentiEnd(f))
	return cmd
}

func referentiTable(rs []csi.Referente) Table {
	t := Table{Headers: []string{"id", "ambito", "nome", "email", "phone", "comune", "from", "to"}}
	for _, r := range rs {
		t.Rows = append(t.Rows, []string{strconv.FormatInt(r.ID, 10), r.Ambito, r.Nome, r.Email, r.Phone, r.Comune, r.From, r.To})
	}
	return t
}

// AssignOptions are the flags of `csi referenti assign`.
type AssignOptions struct{ Input csi.AssignInput }

// NewCmdAssign builds `csi referenti assign`; runF replaces the action in tests.
func NewCmdAssign(f *Factory, runF func(*AssignOptions) error) *cobra.Command {
	opts := &AssignOptions{}
	cmd := &cobra.Command{
		Use:   "assign --ambito A --name N --email E",
		Short: f.T("Make someone the current referent of an Ambito"),
		Long: f.T(`Make someone the current referent of an Ambito from --from (default today).
An Ambito has at most one current referent: to hand over, pass --replace, which
ends the previous term the day before --from. --comune, if given, is the Comune
employing the referent and must belong to the Ambito.`),
		Example: `  csi referenti assign --ambito Desio --name "Anna Verdi" --email anna.verdi@comune.desio.mb.it --comune Desio
  csi referenti assign --ambito Desio --name "Luca Neri" --email l.neri@comune.nova.mb.it --from 2025-01-01 --replace`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Input.Ambito == "" || opts.Input.Nome == "" || opts.Input.Email == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--ambito, --name and --email are required").
					WithHint("e.g. csi referenti assign --ambito Desio --name \"Anna Verdi\" --email anna.verdi@comune.desio.mb.it")}
			}
			if runF != nil {
				return runF(opts)
			}
			return assignRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Input.Ambito, "ambito", "", f.T("Ambito (required)"))
	fl.StringVar(&opts.Input.Nome, "name", "", f.T("full name (required)"))
	fl.StringVar(&opts.Input.Email, "email", "", f.T("email address (required)"))
	fl.StringVar(&opts.Input.Phone, "phone", "", f.T("phone number"))
	fl.StringVar(&opts.Input.Comune, "comune", "", f.T("Comune of employment (ISTAT code or name)"))
	dateVar(fl, &opts.Input.From, "from", f.T("start of the term, YYYY-MM-DD (default today)"))
	fl.BoolVar(&opts.Input.Replace, "replace", false, f.T("end the current referent's term the day before --from"))
	return cmd
}

func assignRun(ctx context.Context, f *Factory, opts *AssignOptions) error {
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	r, err := db.AssignReferente(ctx, opts.Input)
	if err != nil {
		return err
	}
	if f.Output == FormatTable {
		f.info("referent of %s from %s", r.Ambito, f.Lang.Cell(i18n.Date, r.From))
	}
	return f.PrintList(r, referentiTable([]csi.Referente{*r}), "")
}

func newCmdReferentiList(f *Factory) *cobra.Command {
	var history bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   f.T("List the current referents (or every term with --history)"),
		Example: "  csi referenti list\n  csi referenti list --history -o csv",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			rs, err := db.ListReferenti(cmd.Context(), history)
			if err != nil {
				return err
			}
			return f.PrintList(rs, referentiTable(rs), "no referents assigned yet; see 'csi referenti assign --help'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().BoolVar(&history, "history", false, f.T("include ended terms"))
	return cmd
}

func newCmdReferentiEnd(f *Factory) *cobra.Command {
	var ambito, date string
	cmd := &cobra.Command{
		Use:     "end --ambito A --date D",
		Short:   f.T("End the current referent's term of an Ambito"),
		Example: "  csi referenti end --ambito Seregno --date 2024-12-31",
		Args:    exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ambito == "" || date == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--ambito and --date are required").
					WithHint("e.g. csi referenti end --ambito Seregno --date 2024-12-31")}
			}
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			r, err := db.EndReferente(cmd.Context(), ambito, date)
			if err != nil {
				return err
			}
			if f.Output == FormatTable {
				f.info("ended the term of the referent of %s on %s", r.Ambito, f.Lang.Cell(i18n.Date, r.To))
			}
			return f.PrintList(r, referentiTable([]csi.Referente{*r}), "")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&ambito, "ambito", "", f.T("Ambito (required)"))
	dateVar(cmd.Flags(), &date, "date", f.T("last day of the term, YYYY-MM-DD (required)"))
	return cmd
}
