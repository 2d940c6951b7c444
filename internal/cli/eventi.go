package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/spf13/cobra"
)

func newCmdEventi(f *Factory) *cobra.Command {
	cmd := newGroup("eventi", f.T("Record the meetings, courses and working groups of the plan"),
		"  csi eventi add --tipo incontro_istituzionale --data 2022-03-15 --ambito Desio --ruolo politici=4 --ruolo dirigenti=3\n  csi eventi import eventi-2022.csv\n  csi eventi list --ambito Desio")
	cmd.AddCommand(NewCmdEventiAdd(f, nil), newCmdEventiImport(f), newCmdEventiList(f), newCmdEventiShow(f), newCmdEventiRemove(f))
	return cmd
}

func eventiTable(evs []csi.Evento) Table {
	t := Table{Headers: []string{"id", "data", "tipo", "ambiti", "comuni", "partecipanti", "titolo"}}
	for _, e := range evs {
		t.Rows = append(t.Rows, []string{strconv.FormatInt(e.ID, 10), e.Data, e.Tipo, strings.Join(e.Ambiti, ", "),
			strings.Join(e.Comuni, ", "), strconv.Itoa(e.Partecipanti), e.Titolo})
	}
	return t
}

func eventoDetail(e *csi.Evento) Detail {
	var ruoli []string
	for _, r := range csi.RuoliPartecipanti {
		if n, ok := e.PerRuolo[r]; ok {
			ruoli = append(ruoli, r+"="+strconv.Itoa(n))
		}
	}
	return Detail{Fields: [][2]string{{"id", strconv.FormatInt(e.ID, 10)}, {"tipo", e.Tipo}, {"data", e.Data}, {"titolo", e.Titolo},
		{"ambiti", strings.Join(e.Ambiti, ", ")}, {"comuni", strings.Join(e.Comuni, ", ")}, {"partecipanti", strconv.Itoa(e.Partecipanti)},
		{"per_ruolo", strings.Join(ruoli, ", ")}, {"accreditamento", e.Accreditamento}, {"note", e.Note}}}
}

// EventiAddOptions are the flags of `csi eventi add`.
type EventiAddOptions struct {
	Input csi.EventoInput
	Ruoli []string // role=N
}

// NewCmdEventiAdd builds `csi eventi add`; runF replaces the action in tests.
func NewCmdEventiAdd(f *Factory, runF func(*EventiAddOptions) error) *cobra.Command {
	opts := &EventiAddOptions{}
	cmd := &cobra.Command{
		Use:   "add --tipo TIPO --data DATA (--ambito A | --comune C)...",
		Short: f.T("Record one meeting, course or working-group session"),
		Long: f.T(`Record one event of the plan's process indicators.

--tipo is one of: incontro_istituzionale (with politicians, dirigenti and posizioni
organizzative), corso_assistenti_sociali (give --accreditamento, the Ordine regionale's
accreditation id), corso_amministrativi, formazione_debiti (training on the debiti
informativi), tavolo_linee_guida (Linee Guida 2.0 working groups), altro.
--ambito and --comune name the Ambiti and Comuni involved and may be repeated; a
Comune brings its Ambito, and --ambito tutti stands for all of them.
--partecipanti is the number of participants; --ruolo ROLE=N counts them by role
(politici, dirigenti, posizioni_organizzative, assistenti_sociali, amministrativi,
altri) and, without --partecipanti, makes up the total.`),
		Example: f.T(`  csi eventi add --tipo incontro_istituzionale --data 2022-03-15 --ambito Desio --ruolo politici=4 --ruolo dirigenti=3
  csi eventi add --tipo corso_assistenti_sociali --data 15/06/2022 --ambito tutti --partecipanti 42 --accreditamento CROAS-2022-118
  csi eventi add --tipo tavolo_linee_guida --data 2023-02-01 --comune Lissone --comune Seregno --partecipanti 9 --titolo "Tavolo 2"`),
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Input.Tipo == "" || opts.Input.Data == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--tipo and --data are required").
					WithHint("e.g. csi eventi add --tipo formazione_debiti --data 2022-05-10 --ambito Monza --partecipanti 12")}
			}
			opts.Input.PerRuolo = map[string]string{}
			for _, r := range opts.Ruoli {
				k, v, ok := strings.Cut(r, "=")
				if !ok {
					return &usageError{csi.Errorf(csi.EINVALID, "--ruolo %q is not ROLE=N", r).WithHint("e.g. --ruolo politici=3")}
				}
				opts.Input.PerRuolo[strings.TrimSpace(k)] = v
			}
			if runF != nil {
				return runF(opts)
			}
			return eventiAddRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Input.Tipo, "tipo", "", f.T("event type (required; see above)"))
	dateVar(fl, &opts.Input.Data, "data", f.T("day of the event, YYYY-MM-DD or DD/MM/YYYY (required)"))
	fl.StringVar(&opts.Input.Titolo, "titolo", "", f.T("title of the event"))
	fl.StringArrayVar(&opts.Input.Ambiti, "ambito", nil, f.T("Ambito involved (repeatable; tutti for all)"))
	fl.StringArrayVar(&opts.Input.Comuni, "comune", nil, f.T("Comune involved, ISTAT code or name (repeatable)"))
	fl.StringVar(&opts.Input.Partecipanti, "partecipanti", "", f.T("number of participants"))
	fl.StringArrayVar(&opts.Ruoli, "ruolo", nil, f.T("participants of a role, ROLE=N (repeatable)"))
	fl.StringVar(&opts.Input.Accreditamento, "accreditamento", "", f.T("accreditation id of the Ordine regionale (corso_assistenti_sociali)"))
	fl.StringVar(&opts.Input.Note, "note", "", f.T("notes (no personal data)"))
	_ = cmd.RegisterFlagCompletionFunc("tipo", fixedCompletion(csi.EventoTipi...))
	return cmd
}

func eventiAddRun(ctx context.Context, f *Factory, opts *EventiAddOptions) error {
	svc, err := f.Services(ctx)
	if err != nil {
		return err
	}
	e, err := svc.AddEvento(ctx, opts.Input)
	if err != nil {
		return err
	}
	if f.Output == FormatTable {
		f.info("%s", f.T("recorded event %s: %s on %s", strconv.FormatInt(e.ID, 10), e.Tipo, e.Data))
	}
	return f.PrintList(e, eventiTable([]csi.Evento{*e}), "")
}

// eventiSchema is the CSV form of events: one event per row.
var eventiSchema = dialect.Schema{Kind: "eventi", Columns: []dialect.Column{
	{Name: "tipo", Aliases: []string{"tipo_evento", "tipologia"}, Required: true},
	{Name: "data", Aliases: []string{"data_evento", "giorno"}, Required: true},
	{Name: "titolo", Aliases: []string{"descrizione", "oggetto"}},
	{Name: "ambiti", Aliases: []string{"ambito", "ambito_territoriale"}},
	{Name: "comuni", Aliases: []string{"comune"}},
	{Name: "partecipanti", Aliases: []string{"n_partecipanti", "numero_partecipanti"}},
	{Name: "politici"}, {Name: "dirigenti"}, {Name: "posizioni_organizzative", Aliases: []string{"po"}},
	{Name: "assistenti_sociali"}, {Name: "amministrativi"}, {Name: "altri"},
	{Name: "accreditamento", Aliases: []string{"id_accreditamento", "codice_accreditamento"}},
	{Name: "note"},
}}

// eventoRow turns a CSV row into an event input.
func eventoRow(row *dialect.Row) csi.EventoInput {
	in := csi.EventoInput{Line: row.Line, Tipo: row.Get(0), Data: row.Get(1), Titolo: row.Get(2), Ambiti: splitCell(row.Get(3)),
		Comuni: splitCell(row.Get(4)), Partecipanti: row.Get(5), Accreditamento: row.Get(12), Note: row.Get(13), PerRuolo: map[string]string{}}
	for i, role := range csi.RuoliPartecipanti {
		if v := strings.TrimSpace(row.Get(6 + i)); v != "" {
			in.PerRuolo[role] = v
		}
	}
	return in
}

func newCmdEventiImport(f *Factory) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE.csv",
		Short: f.T("Record a file of events, all or none"),
		Long: f.T(`Record a CSV file of events, one per row, with the columns tipo and data (required),
titolo, ambiti, comuni (several separated by ',' ';' or '|'; ambiti may read tutti),
partecipanti, the counts by role politici, dirigenti, posizioni_organizzative,
assistenti_sociali, amministrativi, altri, accreditamento and note. Encoding,
delimiter and date format are detected as for every import.

The file is one transaction: when any row is rejected nothing is written, every
rejected row is reported with its line and field, and the exit code is 4. A row equal
to an event already recorded is unchanged, so the same file imported twice is a
no-op. --dry-run checks everything and writes nothing.`),
		Example: f.T(`  csi eventi import eventi-2022.csv --dry-run
  csi eventi import eventi-2022.csv -o json`),
		Args: exactArgs(1, "one CSV file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			in := csi.ImportEventiInput{File: args[0], DryRun: dryRun}
			if err := readRows(ctx, args[0], eventiSchema, func(r *dialect.Row) { in.Rows = append(in.Rows, eventoRow(r)) }); err != nil {
				return err
			}
			svc, err := f.Services(ctx)
			if err != nil {
				return err
			}
			res, err := svc.ImportEventi(ctx, in)
			if err != nil {
				return err
			}
			return f.printEventiImport(res)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, f.T("check everything and write nothing"))
	return cmd
}

func (f *Factory) printEventiImport(res *csi.ImportEventiResult) error {
	d := Detail{Fields: [][2]string{{"file", res.File}, {"added", strconv.Itoa(res.Added)}, {"unchanged", strconv.Itoa(res.Unchanged)},
		{"rejected", strconv.Itoa(len(res.Rejects))}, {"dry_run", strconv.FormatBool(res.DryRun)}}}
	if err := f.PrintDetail(res, d); err != nil {
		return err
	}
	if err := f.printRejects(res.File, res.Rejects); err != nil {
		return err
	}
	if res.DryRun {
		f.info("%s", f.T("dry run: nothing was written"))
	}
	return nil
}

func newCmdEventiList(f *Factory) *cobra.Command {
	var fl csi.EventoFilter
	cmd := &cobra.Command{
		Use:     "list",
		Short:   f.T("List the recorded events, by date"),
		Example: "  csi eventi list\n  csi eventi list --tipo corso_assistenti_sociali --from 2022-01-01 --to 2022-12-31 -o csv",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			evs, err := svc.ListEventi(cmd.Context(), fl)
			if err != nil {
				return err
			}
			return f.PrintList(evs, eventiTable(evs), "no events recorded; see 'csi eventi add --help'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&fl.Tipo, "tipo", "", f.T("only events of this type"))
	cmd.Flags().StringVar(&fl.Ambito, "ambito", "", f.T("only events involving this Ambito"))
	cmd.Flags().StringVar(&fl.Comune, "comune", "", f.T("only events involving this Comune"))
	dateVar(cmd.Flags(), &fl.From, "from", f.T("only events from this day, YYYY-MM-DD"))
	dateVar(cmd.Flags(), &fl.To, "to", f.T("only events up to this day, YYYY-MM-DD"))
	_ = cmd.RegisterFlagCompletionFunc("tipo", fixedCompletion(csi.EventoTipi...))
	return cmd
}

func newCmdEventiShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "show ID",
		Short:   f.T("Show one event"),
		Example: "  csi eventi show 3 -o json",
		Args:    exactArgs(1, "an event id (see 'csi eventi list')"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "csi eventi list")
			if err != nil {
				return err
			}
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			e, err := svc.FindEvento(cmd.Context(), id)
			if err != nil {
				return err
			}
			return f.PrintDetail(e, eventoDetail(e))
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func newCmdEventiRemove(f *Factory) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:     "remove ID",
		Short:   f.T("Remove an event recorded by mistake"),
		Long:    f.T("Remove an event recorded by mistake. It asks for confirmation; --yes confirms in a script. The removal is in the audit log."),
		Example: "  csi eventi remove 3\n  csi eventi remove 3 --yes",
		Args:    exactArgs(1, "an event id (see 'csi eventi list')"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "csi eventi list")
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			svc, err := f.Services(ctx)
			if err != nil {
				return err
			}
			e, err := svc.FindEvento(ctx, id)
			if err != nil {
				return err
			}
			what := f.T("event %s (%s on %s)", args[0], e.Tipo, e.Data)
			if ok, err := f.confirmRemove(yes, what); !ok || err != nil {
				return err
			}
			if e, err = svc.RemoveEvento(ctx, id); err != nil {
				return err
			}
			if f.Output == FormatTable {
				f.info("%s", f.T("removed %s", what))
			}
			return f.PrintList(e, eventiTable([]csi.Evento{*e}), "")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, f.T("do not ask for confirmation (scripts)"))
	return cmd
}
