package cli

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
	"github.com/spf13/cobra"
)

func newCmdRecords(f *Factory) *cobra.Command {
	cmd := newGroup("records", f.T("Import the social records: accessi, cartelle, interventi"),
		"  csi records import cartelle cartelle-2024.csv\n  csi records import interventi interventi.csv --dry-run")
	cmd.AddCommand(NewCmdRecordsImport(f, nil))
	return cmd
}

// RecordsImportOptions are the flags of `csi records import`.
type RecordsImportOptions struct {
	File        string
	Request     csi.RecordImport
	Maps        []string // --map: files, or column=HEADER pairs
	RejectsFile string
}

// NewCmdRecordsImport builds `csi records import`; runF replaces the action in tests.
func NewCmdRecordsImport(f *Factory, runF func(*RecordsImportOptions) error) *cobra.Command {
	opts := &RecordsImportOptions{}
	cmd := &cobra.Command{
		Use:   "import accessi|cartelle|interventi|valutazioni-sina|sinba FILE",
		Short: f.T("Import a file of accessi, cartelle or interventi (upsert by Comune and id)"),
		Long: f.T(`Import a file of social records in one transaction. Each row is one record keyed by
its Comune and id (software numbers records per Comune): a new one is inserted, a known
one updated when its values changed, never moved to another person.

  accessi     id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
  cartelle    id_cartella, codice_fiscale, comune, data_apertura, data_chiusura,
              motivo_chiusura, area, case_manager
  interventi  id_intervento, id_cartella, codice_prestazione, carattere, data_inizio,
              data_fine, importo_mensile, data_erogazione, importo, misura, presa_in_carico,
              comune (optional: without it, the Comune of the only cartella with that id)

The file dialect is detected as for the registry (encoding, delimiter, dates, amounts
with decimal comma or point; --map, --encoding, --delimiter). An ambiguous amount such
as 1,250 is read with the decimal separator of the file's other amounts, and rejected
when none shows it. A row is rejected only
when it cannot be stored: no id, an unreadable date or amount, a Comune and id repeated
in the file, a wrong number of fields, or a known record given to another person. Codes, consistency and references are checked by
'csi validate', so that everything to fix is in one report. Import cartelle before
their interventi.`) + "\n\n" + f.T(`For the SIUSS flows to INPS ('csi siuss'), interventi may carry the optional columns
protocollo_domanda, presenza_prova_mezzi (1-4), numero_protocollo_dsu, anno_protocollo_dsu,
data_dsu, data_evento, quota_ente, quota_utente, quota_ssn, quota_richiesta, soglia_isee,
ore_servizio_mensile (decimal hours), area_utenza (1-3) and denominazione_prestazione;
a file without them imports as before. Two more kinds:

  valutazioni-sina  id_valutazione, codice_fiscale, comune, data_valutazione (one per
                    person and date), the SINA answers (mobilita, attivita_vita_quotidiana,
                    ...), invalidita_civile and necessita_interventi (lists)
  sinba             id_cartella, comune, the SINBA fields of the child (months as MM/YYYY),
                    prestazioni and famiglia (lists)

Lists separate their codes with '|', '+' or spaces (e.g. 2|6 or A2.07 A2.08).`),
		Example: `  csi records import accessi accessi-2024.csv
  csi records import cartelle cartelle.csv --rejects scarti.csv
  csi records import interventi interventi.csv --dry-run -o json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := exactArgs(2, "a kind (accessi, cartelle or interventi) and a file")(cmd, args); err != nil {
				return err
			}
			if _, ok := records.Find(args[0]); !ok {
				return &usageError{csi.Errorf(csi.EINVALID, "unknown record kind %q", args[0]).
					WithHint("use accessi, cartelle or interventi")}
			}
			return nil
		},
		ValidArgs: records.KindNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Request.Kind, opts.File = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return recordsImportRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Request.DryRun, "dry-run", false, f.T("compute and print the summary; write nothing to the store (--rejects FILE still receives the rejected rows)"))
	fl.StringVar(&opts.RejectsFile, "rejects", "", f.T("write rejected rows to this CSV file (line, column, reason, raw)"))
	fl.StringArrayVar(&opts.Maps, "map", nil, mapUsage(f))
	fl.StringVar(&opts.Request.Encoding, "encoding", "", f.T("utf-8|windows-1252|iso-8859-1 (default: detected)"))
	fl.StringVar(&opts.Request.Delimiter, "delimiter", "", f.T("';' ',' tab or '|' (default: detected)"))
	return cmd
}

func recordsImportRun(ctx context.Context, f *Factory, opts *RecordsImportOptions) error {
	req := opts.Request
	return f.runImport(ctx, importFiles{opts.File, opts.Maps, opts.RejectsFile}, &req.ImportOptions,
		func(db csi.Services, src csi.Source) (*csi.ImportSummary, error) {
			return db.ImportRecords(ctx, req, src)
		})
}
