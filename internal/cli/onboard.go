package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"strconv"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

// OnboardOptions are the flags of `csi comuni onboard`.
type OnboardOptions struct {
	Input csi.OnboardInput
	File  string
}

// NewCmdOnboard builds `csi comuni onboard`; runF replaces the action in tests.
func NewCmdOnboard(f *Factory, runF func(*OnboardOptions) error) *cobra.Command {
	opts := &OnboardOptions{}
	cmd := &cobra.Command{
		Use:   "onboard ISTAT|NAME | -f FILE.csv",
		Short: f.T("Onboard a Comune (or many from a CSV file) into the shared CSI"),
		Long: f.T(`Onboard a Comune: it joins the shared CSI on --date (default today), with its
registry reaching the CSI automatically (scheduled extracts) or manually.

With -f FILE.csv many Comuni are onboarded at once: one row per Comune with the
columns comune (ISTAT code or name), and optionally anagrafe, date, contact. Each
row is applied on its own and reported; a failed row does not stop the others, and
the exit code is 4 when any row failed.`),
		Example: `  csi comuni onboard 108028 --anagrafe automatic --date 2024-01-15 --contact "Ufficio servizi sociali"
  csi comuni onboard "Besana in Brianza" --anagrafe manual
  csi comuni onboard -f adesioni.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if (opts.File != "" && len(args) == 0) || (opts.File == "" && len(args) == 1) {
				return nil
			}
			return &usageError{csi.Errorf(csi.EINVALID, "give either one Comune or -f FILE.csv").
				WithHint("e.g. 'csi comuni onboard 108028' or 'csi comuni onboard -f adesioni.csv'")}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Input.Comune = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return onboardRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Input.Anagrafe, "anagrafe", csi.AnagrafeAutomatic, f.T("how the registry reaches the CSI: automatic|manual"))
	dateVar(fl, &opts.Input.Date, "date", f.T("date joined, YYYY-MM-DD (default today)"))
	fl.StringVar(&opts.Input.Contact, "contact", "", f.T("contact person or office at the Comune"))
	fl.StringVarP(&opts.File, "file", "f", "", f.T("CSV file with one Comune per row"))
	_ = cmd.RegisterFlagCompletionFunc("anagrafe", fixedCompletion(csi.AnagrafeAutomatic, csi.AnagrafeManual))
	return cmd
}

func onboardRun(ctx context.Context, f *Factory, opts *OnboardOptions) error {
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	if opts.File != "" {
		return onboardFile(ctx, f, opts.File)
	}
	c, err := db.OnboardComune(ctx, opts.Input)
	if err != nil {
		return err
	}
	return f.printComune(c, f.T("onboarded %s (%s) on %s", c.Nome, c.Istat, f.Lang.Cell(i18n.Date, c.OnboardedOn)))
}

// OnboardOutcome is the result of one row of an onboarding file.
type OnboardOutcome struct {
	Line    int    `json:"line"`
	Comune  string `json:"comune"`
	Istat   string `json:"istat"`
	Outcome string `json:"outcome"`
	Message string `json:"message"`
}

var onboardSchema = dialect.Schema{Kind: "onboarding", Columns: []dialect.Column{
	{Name: "comune", Aliases: []string{"istat", "codice_istat", "nome", "nome_comune"}, Required: true},
	{Name: "anagrafe", Aliases: []string{"modalita_anagrafe", "registry"}},
	{Name: "date", Aliases: []string{"data", "data_adesione", "onboarded_on"}},
	{Name: "contact", Aliases: []string{"contatto", "referente_comune"}},
}}

func onboardFile(ctx context.Context, f *Factory, path string) error {
	file, err := os.Open(path)
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s: %v", path, errors.Unwrap(err)).WithHint("check the file name")
	}
	defer file.Close()
	r, err := dialect.Open(file, onboardSchema, dialect.Options{File: path}, nil)
	if err != nil {
		return fileError(err)
	}
	var out []OnboardOutcome
	var ins []csi.OnboardInput
	var sent []int // the index in out of each input sent
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fileError(err)
		}
		o, in := onboardRow(row)
		if o.Outcome == "" {
			sent = append(sent, len(out))
			ins = append(ins, in)
		}
		out = append(out, o)
	}
	if err := onboardAll(ctx, f, out, ins, sent); err != nil {
		return err
	}
	if err := f.printOutcomes(out); err != nil {
		return err
	}
	failed := 0
	for _, o := range out {
		if o.Outcome != "onboarded" {
			failed++
		}
	}
	if failed > 0 {
		return &exitError{code: ExitRejected, msg: f.T("error: %d of %d rows failed", failed, len(out))}
	}
	return nil
}

// onboardAll onboards the rows read well in one call, which reads the
// Comuni once for the whole file, and fills in their outcomes.
func onboardAll(ctx context.Context, f *Factory, out []OnboardOutcome, ins []csi.OnboardInput, sent []int) error {
	if len(ins) == 0 {
		return nil
	}
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	res, err := db.OnboardComuni(ctx, ins)
	if err != nil {
		return err
	}
	for k, r := range res {
		o := &out[sent[k]]
		if r.Comune == nil {
			o.Outcome, o.Message = "failed", r.Error
			continue
		}
		o.Istat, o.Outcome, o.Message = r.Comune.Istat, "onboarded", "on "+r.Comune.OnboardedOn
	}
	return nil
}

// onboardRow reads one row of an onboarding file: the input to onboard,
// or a failed outcome when the row cannot be read.
func onboardRow(row *dialect.Row) (OnboardOutcome, csi.OnboardInput) {
	o := OnboardOutcome{Line: row.Line, Comune: row.Get(0)}
	in := csi.OnboardInput{Anagrafe: row.Get(1), Contact: row.Get(3)}
	comune, err := onboardIstat(row.Get(0))
	if err != nil {
		o.Outcome, o.Message = "failed", "comune "+err.Error()
		return o, in
	}
	in.Comune = comune
	if in.Anagrafe == "" {
		in.Anagrafe = csi.AnagrafeAutomatic
	}
	if d := row.Get(2); d != "" {
		day, err := dialect.ParseDate(d)
		if err != nil {
			o.Outcome, o.Message = "failed", "date: "+err.Error()
			return o, in
		}
		in.Date = day
	}
	return o, in
}

// onboardIstat reads the comune column as the registry and records files
// do: an ISTAT code that lost its leading zeros in a spreadsheet is padded
// back when the result is a known code, and a pre-2009 code of a Comune of
// Monza e Brianza is its current one; a name is left as written.
func onboardIstat(s string) (string, error) {
	s, err := dialect.PadISTAT(s, anagrafe.KnownIstat)
	if err != nil {
		return "", err
	}
	if cur, ok := anagrafe.OldCodes[s]; ok {
		return cur, nil
	}
	return s, nil
}

func (f *Factory) printOutcomes(out []OnboardOutcome) error {
	t := Table{Headers: []string{"line", "comune", "istat", "outcome", "message"}}
	for _, o := range out {
		t.Rows = append(t.Rows, []string{strconv.Itoa(o.Line), o.Comune, o.Istat, o.Outcome, o.Message})
	}
	if out == nil {
		out = []OnboardOutcome{}
	}
	return f.PrintList(out, t, "the file has no data rows")
}

// fileError turns a dialect error into a domain error with its hint.
func fileError(err error) error {
	var de *dialect.Error
	if errors.As(err, &de) {
		return de.Domain(csi.EBADFILE)
	}
	return err
}
