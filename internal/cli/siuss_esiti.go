package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

// SiussEsitiImportOptions are the flags of `csi siuss esiti import`.
type SiussEsitiImportOptions struct{ File string }

// NewCmdSiussEsitiImport builds `csi siuss esiti import`; runF replaces the action in tests.
func NewCmdSiussEsitiImport(f *Factory, runF func(*SiussEsitiImportOptions) error) *cobra.Command {
	opts := &SiussEsitiImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: f.T("Record the outcomes INPS gave the flows (CSV or JSON)"),
		Long: f.T(`Record in the register the outcomes INPS gave the flows, e.g. those of a web
upload. FILE is a CSV with the columns id_flusso, codice_esito, descrizione and
id_acquisizione_siuss (also codice_siuss), or JSON: a list of such objects, or
INPS's {"elenco_esiti": [...]}. codice_esito is OK, DATI_NON_TROVATI,
RICHIESTA_INVALIDA or ERRORE_GENERICO. Importing the same outcomes again changes
nothing; an outcome of a flow the register does not have is recorded as such
and reported. A file with an unusable row is refused whole.`),
		Example: "  csi siuss esiti import esiti-giugno.csv\n  csi siuss esiti import esiti.json -o json",
		Args:    exactArgs(1, "the esiti file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return siussEsitiRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	return cmd
}

func siussEsitiRun(ctx context.Context, f *Factory, opts *SiussEsitiImportOptions) error {
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	fh, err := os.Open(opts.File)
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s", opts.File).WithHint("check the file name and its permissions")
	}
	defer fh.Close()
	res, err := svc.ImportSiussEsiti(ctx, filepath.Base(opts.File), fh)
	if err != nil {
		return err
	}
	if done, err := f.Export(res, nil); done {
		return err
	}
	f.info("%s", f.T("%d outcome(s) read: %d recorded, %d already known, %d of flows not in the register",
		res.Esiti, res.Registrati, res.Invariati, len(res.Sconosciuti)))
	codes := make([]string, 0, len(res.PerEsito))
	for c := range res.PerEsito {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	t := Table{Headers: []string{"codice_esito", "flussi"}}
	for _, c := range codes {
		t.Rows = append(t.Rows, []string{c, strconv.Itoa(res.PerEsito[c])})
	}
	unknown := Table{Headers: []string{"id_flusso"}}
	for _, id := range res.Sconosciuti {
		unknown.Rows = append(unknown.Rows, []string{id})
	}
	return f.writeDetail(Detail{
		Fields: [][2]string{{"file", res.File}, {"esiti", strconv.Itoa(res.Esiti)}, {"registrati", strconv.Itoa(res.Registrati)},
			{"invariati", strconv.Itoa(res.Invariati)}, {"sconosciuti", strconv.Itoa(len(res.Sconosciuti))}},
		Sections: []Section{{Title: f.T("Recorded by outcome"), Table: t}, {Title: f.T("Flows not in the register"), Table: unknown}},
	})
}

// SiussAnnullaOptions are the flags of `csi siuss annulla`.
type SiussAnnullaOptions struct {
	ID, Out, Operatore string
	Yes                bool
}

// NewCmdSiussAnnulla builds `csi siuss annulla`; runF replaces the action in tests.
func NewCmdSiussAnnulla(f *Factory, runF func(*SiussAnnullaOptions) error) *cobra.Command {
	opts := &SiussAnnullaOptions{}
	cmd := &cobra.Command{
		Use:   "annulla ID --out DIR",
		Short: f.T("Cancel at INPS the records of an accepted flow (TipoOperazione C)"),
		Long: f.T(`Write the cancellation of a PS flow INPS accepted (OK): a new flow with the same
records and TipoOperazione C, recorded in the register like any other. Once INPS
accepts the cancellation, the next 'csi siuss export' sends the records again
as they are now: this is how an accepted record is corrected. SINBA records have
no cancellation. Asks for confirmation; --yes confirms in a script.`),
		Example: "  csi siuss annulla F704.PS.20240630.0000001 --out flussi/ --operatore RSSMRA80A01F704F\n  csi siuss annulla F704.PS.20240630.0000001 --out flussi/ --yes",
		Args:    exactArgs(1, "the id of the accepted flow"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if opts.Out == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--out is required")).
					WithHint("%s", f.T("give the folder the cancellation flow is written to"))}
			}
			if opts.Operatore == "" {
				opts.Operatore = f.Getenv("CSI_OPERATORE")
			}
			if runF != nil {
				return runF(opts)
			}
			return siussAnnullaRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", f.T("folder for the cancellation flow's file (required)"))
	cmd.Flags().StringVar(&opts.Operatore, "operatore", "", f.T("codice fiscale of the operator sending the flows (env CSI_OPERATORE)"))
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, f.T("do not ask for confirmation (scripts)"))
	return cmd
}

func siussAnnullaRun(ctx context.Context, f *Factory, opts *SiussAnnullaOptions) error {
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	if err := f.confirm(opts.Yes, f.T("Cancel at INPS the records of flow %s", opts.ID)); err != nil {
		return err
	}
	sink, err := newDirSink(opts.Out)
	if err != nil {
		return err
	}
	defer sink.Discard()
	c, err := svc.AnnullaSiussFlow(ctx, opts.ID, opts.Operatore, sink)
	if err != nil {
		return err
	}
	if err := sink.Publish(); err != nil {
		return err
	}
	if done, err := f.Export(c, nil); done {
		return err
	}
	f.info("%s", f.T("cancellation flow %s written to %s; send it, then export the corrected records once INPS accepts it", c.ID, opts.Out))
	return f.writeDetail(Detail{Fields: [][2]string{{"id_flusso", c.ID}, {"annulla", opts.ID}, {"comune", c.Comune},
		{"ts_flusso", tsFlusso(c.TS)}, {"voci", strings.Join(c.Voci, " ")}, {"file", flowFile(opts.Out, c.ID)}}})
}

// confirm asks a yes/no question on a terminal; off one it needs --yes,
// so that a script never makes the change by accident.
func (f *Factory) confirm(yes bool, question string) error {
	if yes {
		return nil
	}
	if !f.IO.InTTY {
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("this change needs confirmation")).
			WithHint("%s", f.T("pass --yes to confirm it in a script"))}
	}
	fmt.Fprint(f.IO.ErrOut, f.T("%s? [y/N] ", question))
	line, _ := bufio.NewReader(f.IO.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "s", "si", "sì":
		return nil
	}
	return &exitError{code: ExitError, msg: f.T("cancelled: nothing was changed")}
}
