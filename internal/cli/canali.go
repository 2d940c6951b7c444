package cli

import (
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdCanali(f *Factory) *cobra.Command {
	cmd := newGroup("canali", f.T("Record the interoperability channels between the CSI and other databases"),
		"  csi canali add --controparte isee_inps --stato richiesto --data 2022-02-01\n  csi canali update 1 --stato attivo --data 2022-11-15\n  csi canali list")
	cmd.AddCommand(newCmdCanaliAdd(f), newCmdCanaliUpdate(f), newCmdCanaliList(f))
	return cmd
}

func canaliTable(cs []csi.Canale, history bool) Table {
	t := Table{Headers: []string{"id", "controparte", "descrizione", "ambito", "comune", "stato", "dal", "note"}}
	for _, c := range cs {
		base := []string{strconv.FormatInt(c.ID, 10), c.Controparte, c.Descrizione, c.Ambito, c.Comune}
		if !history {
			t.Rows = append(t.Rows, append(base, c.Stato, c.Dal, c.Note))
			continue
		}
		for _, h := range c.Storia {
			t.Rows = append(t.Rows, append(append([]string{}, base...), h.Stato, h.Data, h.Note))
		}
	}
	return t
}

func newCmdCanaliAdd(f *Factory) *cobra.Command {
	var in csi.CanaleInput
	cmd := &cobra.Command{
		Use:   "add --controparte C [--ambito A | --comune C]",
		Short: f.T("Record a new interoperability channel and its first status"),
		Long: f.T(`Record a channel between the CSI and another database, and its first status.

--controparte is one of: isee_inps, gepi, anagrafe_sanitaria_ats, protocollo_comunale,
agenzia_entrate, anpr, altro. A channel is provincial, or of an Ambito (--ambito) or a
Comune (--comune; e.g. a Comune's protocollo). --stato is its first status (default
richiesto): richiesto, autorizzato, in_test, attivo, sospeso; --data the day (default
today). Record each later status with 'csi canali update'.`),
		Example: f.T(`  csi canali add --controparte gepi --stato richiesto --data 2022-01-20 --note "in attesa di autorizzazione dal Ministero"
  csi canali add --controparte protocollo_comunale --comune Lissone --descrizione "Protocollo di Lissone"`),
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in.Controparte == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--controparte is required").WithHint("e.g. csi canali add --controparte isee_inps")}
			}
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			c, err := svc.AddCanale(cmd.Context(), in)
			if err != nil {
				return err
			}
			if f.Output == FormatTable {
				f.info("%s", f.T("recorded channel %s: %s, %s from %s", strconv.FormatInt(c.ID, 10), c.Controparte, c.Stato, c.Dal))
			}
			return f.PrintList(c, canaliTable([]csi.Canale{*c}, false), "")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&in.Controparte, "controparte", "", f.T("the other database (required; see above)"))
	fl.StringVar(&in.Descrizione, "descrizione", "", f.T("a short description"))
	fl.StringVar(&in.Ambito, "ambito", "", f.T("the channel is of this Ambito"))
	fl.StringVar(&in.Comune, "comune", "", f.T("the channel is of this Comune (ISTAT code or name)"))
	fl.StringVar(&in.Stato, "stato", "", f.T("first status (default richiesto)"))
	dateVar(fl, &in.Data, "data", f.T("day of the status, YYYY-MM-DD (default today)"))
	fl.StringVar(&in.Note, "note", "", f.T("notes (no personal data)"))
	_ = cmd.RegisterFlagCompletionFunc("controparte", fixedCompletion(csi.Controparti...))
	_ = cmd.RegisterFlagCompletionFunc("stato", fixedCompletion(csi.CanaleStati...))
	return cmd
}

func newCmdCanaliUpdate(f *Factory) *cobra.Command {
	var in csi.CanaleUpdate
	cmd := &cobra.Command{
		Use:   "update ID (--stato S [--data D] | --note N)",
		Short: f.T("Record a channel's new status, or change its notes"),
		Long: f.T(`Record a channel's new status from --data (default today), which may not come before
its current status; --note goes with the status. Without --stato, --note replaces the
channel's notes. Every status stays in the history ('csi canali list --history').`),
		Example: "  csi canali update 1 --stato autorizzato --data 2022-06-01\n  csi canali update 1 --note \"referente INPS: ufficio convenzioni\"",
		Args:    exactArgs(1, "a channel id (see 'csi canali list')"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "csi canali list")
			if err != nil {
				return err
			}
			if in.Stato == "" && !cmd.Flags().Changed("note") {
				return &usageError{csi.Errorf(csi.EINVALID, "give --stato or --note").WithHint("e.g. csi canali update %s --stato attivo", args[0])}
			}
			in.ID = id
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			c, err := svc.UpdateCanale(cmd.Context(), in)
			if err != nil {
				return err
			}
			if f.Output == FormatTable {
				f.info("%s", f.T("channel %s: %s from %s", args[0], c.Stato, c.Dal))
			}
			return f.PrintList(c, canaliTable([]csi.Canale{*c}, false), "")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&in.Stato, "stato", "", f.T("new status: richiesto|autorizzato|in_test|attivo|sospeso"))
	dateVar(cmd.Flags(), &in.Data, "data", f.T("day of the status, YYYY-MM-DD (default today)"))
	cmd.Flags().StringVar(&in.Note, "note", "", f.T("notes (no personal data)"))
	_ = cmd.RegisterFlagCompletionFunc("stato", fixedCompletion(csi.CanaleStati...))
	return cmd
}

func newCmdCanaliList(f *Factory) *cobra.Command {
	var fl csi.CanaleFilter
	var history bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   f.T("List the channels with their current status (or every status with --history)"),
		Example: "  csi canali list\n  csi canali list --ambito Desio --history -o csv",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			cs, err := svc.ListCanali(cmd.Context(), fl)
			if err != nil {
				return err
			}
			return f.PrintList(cs, canaliTable(cs, history), "no channels recorded; see 'csi canali add --help'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&fl.Ambito, "ambito", "", f.T("the provincial channels and those of this Ambito"))
	cmd.Flags().StringVar(&fl.Comune, "comune", "", f.T("the provincial channels and those of this Comune and its Ambito"))
	cmd.Flags().StringVar(&fl.Controparte, "controparte", "", f.T("only channels with this counterpart"))
	cmd.Flags().StringVar(&fl.Stato, "stato", "", f.T("only channels in this status"))
	cmd.Flags().BoolVar(&history, "history", false, f.T("one row per status, oldest first"))
	return cmd
}
