package cli

import (
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/spf13/cobra"
)

func newCmdOperatori(f *Factory) *cobra.Command {
	cmd := newGroup("operatori", f.T("Load the CSI platform's list of operator accounts"),
		"  csi operatori import utenti-csi-2022-12-31.csv\n  csi operatori list --ambito Desio")
	cmd.AddCommand(newCmdOperatoriImport(f), newCmdOperatoriList(f))
	return cmd
}

// operatoriSchema is the platform's accounts export: one account per row.
var operatoriSchema = dialect.Schema{Kind: "operatori", Columns: []dialect.Column{
	{Name: "id", Aliases: []string{"id_operatore", "operatore", "utente", "id_utente", "username", "login", "account"}, Required: true},
	{Name: "comune", Aliases: []string{"istat", "codice_istat", "comune_istat", "ente"}, Required: true},
	{Name: "ruolo", Aliases: []string{"profilo", "qualifica"}, Required: true},
	{Name: "ultimo_accesso", Aliases: []string{"data_ultimo_accesso", "last_login", "ultimo_login"}},
}}

func newCmdOperatoriImport(f *Factory) *cobra.Command {
	in := csi.ImportOperatoriInput{}
	cmd := &cobra.Command{
		Use:   "import FILE.csv",
		Short: f.T("Replace the list of operator accounts with the platform's export"),
		Long: f.T(`Replace the list of operator accounts with the CSI platform's export: one account per
row with the columns id, comune (ISTAT code or name), ruolo and ultimo_accesso (the
day of the account's last access, if any).

The file is a snapshot: it REPLACES the whole list (with --ambito, the list of that
Ambito's Comuni only; a referent's import is always of their Ambito). Accounts missing
from the file are no longer listed. Each account's last access is kept after the list
is replaced: 'csi indicators show operatori-attivi' counts the accounts active in a
period, so import the list at least once a year (e.g. on 31 December).

No name is stored or printed: the account id (often a person's user name) is kept
only as a pseudonymous code (op-...), the same for the same id. When any row is
rejected nothing is written and the exit code is 4; --dry-run checks everything and
writes nothing.`),
		Example: f.T(`  csi operatori import utenti-csi-2022-12-31.csv --dry-run
  csi operatori import utenti-desio.csv --ambito Desio -o json`),
		Args: exactArgs(1, "one CSV file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			in.File, in.Rows = args[0], nil
			err := readRows(ctx, args[0], operatoriSchema, func(r *dialect.Row) {
				in.Rows = append(in.Rows, csi.OperatoreInput{Line: r.Line, ID: r.Get(0), Comune: r.Get(1), Ruolo: r.Get(2), UltimoAccesso: r.Get(3)})
			})
			if err != nil {
				return err
			}
			svc, err := f.Services(ctx)
			if err != nil {
				return err
			}
			res, err := svc.ImportOperatori(ctx, in)
			if err != nil {
				return err
			}
			return f.printOperatoriImport(res)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	cmd.Flags().StringVar(&in.Ambito, "ambito", "", f.T("the file is the list of this Ambito only"))
	cmd.Flags().BoolVar(&in.DryRun, "dry-run", false, f.T("check everything and write nothing"))
	return cmd
}

func (f *Factory) printOperatoriImport(res *csi.ImportOperatoriResult) error {
	d := Detail{Fields: [][2]string{{"file", res.File}, {"scope", res.Scope}, {"before", strconv.Itoa(res.Before)},
		{"after", strconv.Itoa(res.After)}, {"accessi_nuovi", strconv.Itoa(res.Accessi)}, {"rejected", strconv.Itoa(len(res.Rejects))},
		{"dry_run", strconv.FormatBool(res.DryRun)}, {"replaced", strconv.FormatBool(res.Replaced)}}}
	if err := f.PrintDetail(res, d); err != nil {
		return err
	}
	if err := f.printRejects(res.File, res.Rejects); err != nil {
		return err
	}
	switch {
	case res.DryRun:
		f.info("%s", f.T("dry run: nothing was written; the operator list (%s) would have %s accounts instead of %s",
			res.Scope, strconv.Itoa(res.After), strconv.Itoa(res.Before)))
	case res.Replaced:
		f.info("%s", f.T("the operator list (%s) was replaced: %s accounts instead of %s", res.Scope, strconv.Itoa(res.After), strconv.Itoa(res.Before)))
	}
	return nil
}

func newCmdOperatoriList(f *Factory) *cobra.Command {
	var fl csi.OperatoreFilter
	cmd := &cobra.Command{
		Use:     "list",
		Short:   f.T("List the current operator accounts (pseudonymous codes)"),
		Example: "  csi operatori list --ambito Desio\n  csi operatori list --comune Lissone -o csv",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			ops, err := svc.ListOperatori(cmd.Context(), fl)
			if err != nil {
				return err
			}
			t := Table{Headers: []string{"codice", "comune", "ambito", "ruolo", "ultimo_accesso"}}
			for _, o := range ops {
				t.Rows = append(t.Rows, []string{o.Codice, o.Comune, o.Ambito, o.Ruolo, o.UltimoAccesso})
			}
			return f.PrintList(ops, t, "no operator accounts; load them with 'csi operatori import FILE'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&fl.Ambito, "ambito", "", f.T("only the Comuni of this Ambito"))
	cmd.Flags().StringVar(&fl.Comune, "comune", "", f.T("only this Comune (ISTAT code or name)"))
	return cmd
}
