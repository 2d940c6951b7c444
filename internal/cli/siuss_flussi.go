package cli

import (
	"context"
	"strconv"

	"github.com/csi-mb/csi/internal/app"
	"github.com/spf13/cobra"
)

// addSiussRegisterCommands adds the export and the register's commands to
// the `csi siuss` group.
func addSiussRegisterCommands(cmd *cobra.Command, f *Factory) {
	flussi := newGroup("flussi", f.T("List and show the flows of the register of debiti informativi"),
		"  csi siuss flussi list --ente 108033 --stato ready\n  csi siuss flussi show F704.PS.20240630.0000001 --xml")
	flussi.AddCommand(NewCmdSiussFlussiList(f, nil), NewCmdSiussFlussiShow(f, nil))
	esiti := newGroup("esiti", f.T("Record INPS's outcomes of the flows"),
		"  csi siuss esiti import esiti-giugno.csv")
	esiti.AddCommand(NewCmdSiussEsitiImport(f, nil))
	cmd.AddCommand(NewCmdSiussExport(f, nil), flussi, esiti, NewCmdSiussAnnulla(f, nil))
}

// SiussFlussiListOptions are the flags of `csi siuss flussi list`.
type SiussFlussiListOptions struct{ Query app.SiussFlowQuery }

// NewCmdSiussFlussiList builds `csi siuss flussi list`; runF replaces the action in tests.
func NewCmdSiussFlussiList(f *Factory, runF func(*SiussFlussiListOptions) error) *cobra.Command {
	opts := &SiussFlussiListOptions{}
	cmd := &cobra.Command{
		Use:   "list [--ente ISTAT|--ambito A] [--stato S] [--from D --to D]",
		Short: f.T("List the flows of the register"),
		Long: f.T(`List the flows csi produced, in the order INPS reads them (their timestamp),
with their state: ready (written), acquired (INPS collected it over WaaS), then
INPS's outcome: OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA or ERRORE_GENERICO.
--from and --to select by the day in the flow id.`),
		Example: "  csi siuss flussi list\n  csi siuss flussi list --ambito Desio --stato RICHIESTA_INVALIDA -o csv\n  csi siuss flussi list --ente Monza --from 2024-06-01 --to 2024-06-30 -o json",
		Args:    exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			svc, err := f.appServices(cmd.Context())
			if err != nil {
				return err
			}
			flows, err := svc.ListSiussFlows(cmd.Context(), opts.Query)
			if err != nil {
				return err
			}
			return f.PrintList(flows, flowsTable(flows), "no flows in the register match; 'csi siuss export' writes them")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Query.Ente, "ente", "", f.T("only the flows of this Comune (ISTAT code or name)"))
	fl.StringVar(&opts.Query.Ambito, "ambito", "", f.T("only the flows of the Comuni of this Ambito"))
	fl.StringVar(&opts.Query.Tipo, "tipo", "", f.T("only ps or sinba flows"))
	fl.StringVar(&opts.Query.Stato, "stato", "", f.T("only flows in this state (ready, acquired, OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA, ERRORE_GENERICO)"))
	dateVar(fl, &opts.Query.From, "from", f.T("only flows of this day or later, YYYY-MM-DD"))
	dateVar(fl, &opts.Query.To, "to", f.T("only flows of this day or earlier, YYYY-MM-DD"))
	_ = cmd.RegisterFlagCompletionFunc("stato", fixedCompletion("ready", "acquired", "OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"))
	return cmd
}

func flowsTable(flows []app.SiussFlowInfo) Table {
	t := Table{Headers: []string{"id_flusso", "tipo", "operazione", "mode", "comune", "ts_flusso", "voci", "stato", "id_acquisizione_siuss"}}
	for _, fl := range flows {
		t.Rows = append(t.Rows, []string{fl.ID, fl.Tipo, fl.Operazione, fl.Mode, fl.Comune, fl.TSFlusso,
			strconv.Itoa(fl.Voci), fl.Stato, fl.IDAcquisizione})
	}
	return t
}

// SiussFlussiShowOptions are the flags of `csi siuss flussi show`.
type SiussFlussiShowOptions struct {
	ID  string
	XML bool
}

// NewCmdSiussFlussiShow builds `csi siuss flussi show`; runF replaces the action in tests.
func NewCmdSiussFlussiShow(f *Factory, runF func(*SiussFlussiShowOptions) error) *cobra.Command {
	opts := &SiussFlussiShowOptions{}
	cmd := &cobra.Command{
		Use:   "show ID [--xml]",
		Short: f.T("Show one flow: its state, the records it carries and INPS's outcomes"),
		Long: f.T(`Show one flow of the register: its state, the records it carries
(intervento and year, or cartella) and every outcome INPS sent for it. --xml
prints the flow itself, as it was sent: it holds personal data, keep it safe.`),
		Example: "  csi siuss flussi show F704.PS.20240630.0000001\n  csi siuss flussi show F704.PS.20240630.0000001 --xml > flusso.xml",
		Args:    exactArgs(1, "a flow id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return siussShowRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	cmd.Flags().BoolVar(&opts.XML, "xml", false, f.T("print the flow's XML as it was sent"))
	return cmd
}

func siussShowRun(ctx context.Context, f *Factory, opts *SiussFlussiShowOptions) error {
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	d, err := svc.ShowSiussFlow(ctx, opts.ID)
	if err != nil {
		return err
	}
	if opts.XML {
		_, err := f.IO.Out.Write(d.XML)
		return err
	}
	items := Table{Headers: []string{"comune", "record", "anno"}}
	for _, it := range d.Items {
		items.Rows = append(items.Rows, []string{it.Comune, it.Record, yearCell(it.Anno)})
	}
	esiti := Table{Headers: []string{"codice_esito", "descrizione_esito", "id_acquisizione_siuss", "fonte", "ricevuto"}}
	for _, e := range d.EsitiRicevuti {
		esiti.Rows = append(esiti.Rows, []string{e.Codice, e.Descrizione, e.IDAcquisizione, e.Fonte, e.Ricevuto})
	}
	fields := [][2]string{{"id_flusso", d.ID}, {"tipo", d.Tipo}, {"operazione", d.Operazione}, {"annulla", d.Annulla},
		{"mode", d.Mode}, {"ente", d.Ente}, {"comune", d.Comune}, {"ts_flusso", d.TSFlusso}, {"stato", d.Stato},
		{"descrizione_esito", d.Esito}, {"id_acquisizione_siuss", d.IDAcquisizione}, {"sha256", d.SHA256},
		{"periodo", d.From + " .. " + d.To}, {"creato", d.CreatedAt}, {"acquisito", d.AcquiredAt},
		{"esito_ricevuto", d.EsitoAt}, {"operatore_csi", d.Actor}}
	return f.PrintDetail(d, Detail{Fields: fields, Sections: []Section{
		{Title: f.T("Records"), Table: items}, {Title: f.T("Outcomes"), Table: esiti}}})
}
