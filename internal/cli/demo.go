package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/synth"
	"github.com/spf13/cobra"
)

// DemoOptions are the flags of `csi demo`.
type DemoOptions struct {
	DB      string // the store to create; empty for a temporary one
	Out     string // where to keep the generated files; empty for a temporary folder
	Seed    int64
	History bool    // load the 2014 registry extracts too
	Scale   float64 // registry scale, for tests
	// SkipSiuss leaves out the SIUSS export step (benchmarks export later
	// on a copy of the store).
	SkipSiuss bool
}

// NewCmdDemo builds `csi demo`; runF replaces the action in tests.
func NewCmdDemo(f *Factory, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{}
	cmd := &cobra.Command{
		Use:   "demo [--db FILE] [--out DIR] [--seed N]",
		Short: f.T("Run the whole job on a synthetic province and print the seed's tables"),
		Long: f.T(`Generate a synthetic province of Monza e Brianza (no real person: 55 Comuni, 870,193
residents on 1/1/2020, accessi, cartelle and interventi 2014-2022), load it into a fresh
store through the real commands, validate it and print the four tables of the seed
document: accessi-segretariato and cartelle-movimento for 2015-2017 and 2018-2020,
cartelle-popolazione and comuni-fasce for 2020.

The steps are those of the coordinator: onboard the 55 Comuni (some load the registry
automatically, some by hand), assign a referent per Ambito, import every Comune's
registry extract as of 2020-01-01 and a quarter's update of one Comune per Ambito with
'csi anagrafe import', the records with 'csi records import', then 'csi validate'
(only its summary is printed; a handful of problems are planted on purpose) and
'csi indicators show'.

The registry history starts on 1/1/2020, so validation warns (cartella-residente)
about every cartella opened before: --history also loads each Comune's extract as of
2014-01-01 first, so that those people are known on their opening day, and the updated
Comuni's extracts of 1/1/2021 and 1/1/2022; it takes about twice as long.

The store is temporary and removed at the end unless --db names a new file, which is
kept for further commands (a file that already holds data is refused). The generated
files go to a temporary folder unless --out keeps them. Progress goes to stderr; -o
json prints one document with the validation summary and the four indicator results.
The same --seed gives the same province.`),
		Example: f.T(`  csi demo
  csi demo --db demo.db --out demo-files     # keep the store and the files
  csi --db demo.db indicators show cartelle-popolazione --year 2020 --by comune
  csi demo -o json | jq '.indicators[3].rows'`),
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("db") {
				opts.DB = f.DBPath
			}
			if !(opts.Scale > 0 && opts.Scale <= 4) {
				return &usageError{csi.Errorf(csi.EINVALID, "--scale must be in (0, 4]").WithHint("omit --scale for the real populations")}
			}
			if runF != nil {
				return runF(opts)
			}
			return demoRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Out, "out", "", f.T("keep the generated files in this folder"))
	fl.Int64Var(&opts.Seed, "seed", 1, f.T("random seed of the synthetic province"))
	fl.BoolVar(&opts.History, "history", false, f.T("also load every Comune's 2014 registry extract (slower)"))
	fl.Float64Var(&opts.Scale, "scale", 1, f.T("registry scale (1 = the real populations)"))
	fl.BoolVar(&opts.SkipSiuss, "skip-siuss", false, f.T("leave out the SIUSS export step"))
	_ = fl.MarkHidden("scale")
	return cmd
}

// demoSteps is the number of progress steps.
const demoSteps = 7

// demo is one run of `csi demo`.
type demo struct {
	f     *Factory
	opts  *DemoOptions
	dir   string
	step  int
	start time.Time
	m     *synth.Manifest   // set once the generation ended
	mon   *synth.Monitoring // the process registers
	// told says the generation's progress line was printed.
	told bool
	// endedAt, when set, is the time since start the next progress line gives.
	endedAt time.Duration
	// counts of what the imports did, for the progress lines
	rows, rejected int
	// siuss is what the SIUSS export step did
	siuss *demoSiuss
}

func demoRun(ctx context.Context, f *Factory, opts *DemoOptions) (err error) {
	d := &demo{f: f, opts: opts, start: time.Now()}
	cleanup, err := d.prepare()
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		cleanup()
		if err != nil && opts.DB != "" { // a half-loaded store is of no use
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(opts.DB + suffix)
			}
		}
	}()
	g := d.startGenerate()
	defer g.wait() // before cleanup: the generator may still be writing
	if err := d.load(ctx, g); err != nil {
		return err
	}
	sum, err := d.validate(ctx)
	if err != nil {
		return err
	}
	if d.siuss, err = d.siussExport(ctx); err != nil {
		return err
	}
	return d.print(ctx, sum)
}

// prepare chooses the folder and the store and returns what removes the
// temporary ones.
func (d *demo) prepare() (func(), error) {
	var remove []string
	cleanup := func() {
		for _, p := range remove {
			os.RemoveAll(p)
		}
	}
	if d.opts.DB != "" && !postgres.IsURL(d.opts.DB) {
		st, err := os.Stat(d.opts.DB)
		switch {
		case err == nil && (st.Size() > 0 || st.IsDir()):
			return nil, csi.Errorf(csi.ECONFLICT, "%s already exists and is not empty: the demo needs a fresh store", d.opts.DB).
				WithHint("give --db a new file name, or omit --db for a temporary store")
		case err == nil:
			os.Remove(d.opts.DB) // an empty file: the store is created in its place
		}
	}
	tmp, err := os.MkdirTemp("", "csi-demo-")
	if err != nil {
		return nil, err
	}
	remove = append(remove, tmp)
	d.dir = filepath.Join(tmp, "files")
	if d.opts.Out != "" {
		d.dir = d.opts.Out
	}
	if err := os.MkdirAll(filepath.Join(d.dir, "anagrafe"), 0o700); err != nil {
		cleanup()
		return nil, csi.Errorf(csi.EBADFILE, "cannot create the folder %s", d.dir).WithHint("choose a writable --out folder")
	}
	db := d.opts.DB
	if db == "" {
		db = filepath.Join(tmp, "demo.db")
	}
	d.f.Close()
	d.f.DBPath, d.f.Scratch = db, d.opts.DB == ""
	return cleanup, nil
}

// progress prints a step line on stderr, in the user's language: format
// is a catalog key (a literal, as for T). The step ended now, or at
// endedAt when that is set (a step that ended while another ran).
func (d *demo) progress(format string, args ...any) {
	at := time.Since(d.start)
	if d.endedAt > 0 {
		at, d.endedAt = d.endedAt, 0
	}
	d.step++
	if d.f.Quiet {
		return
	}
	fmt.Fprintln(d.f.IO.ErrOut, d.f.T("csi demo: [%s/%s] %s (%ss)", strconv.Itoa(d.step), strconv.Itoa(demoSteps), d.f.T(format, args...),
		d.f.Lang.Decimal(at.Seconds(), 1)))
}

// where names the files' folder for the progress line.
func (d *demo) where() string {
	if d.opts.Out != "" {
		return d.opts.Out
	}
	return d.f.T("a temporary folder")
}

// quiet returns a Factory on the same store whose output goes to out (or
// nowhere), as a script running the commands with -o json would see it.
func (d *demo) quiet(out io.Writer) *Factory {
	if out == nil {
		out = io.Discard
	}
	sub := *d.f
	sub.IO = &IOStreams{In: d.f.IO.In, Out: out, ErrOut: io.Discard}
	sub.Output, sub.Quiet, sub.Progress = FormatJSON, true, "none"
	return &sub
}

// load creates the store and runs the onboarding, referent and import
// commands on the generated files, each extract as soon as it is written.
func (d *demo) load(ctx context.Context, g *demoGen) error {
	head, err := g.header()
	if err != nil {
		return err
	}
	quiet := d.f.Quiet
	d.f.Quiet = true
	err = d.f.freshStore(ctx)
	if err == nil {
		_, _, err = d.f.createStore(ctx)
	}
	d.f.Quiet = quiet
	if err != nil {
		return err
	}
	if err := onboardFile(ctx, d.quiet(nil), filepath.Join(d.dir, "comuni.csv")); err != nil {
		return err
	}
	for _, r := range head.referenti {
		in := csi.AssignInput{Ambito: r.Ambito, Nome: r.Nome, Email: r.Email, Comune: r.Comune, From: r.From}
		if err := assignRun(ctx, d.quiet(nil), &AssignOptions{Input: in}); err != nil {
			return err
		}
	}
	if err := d.loadMonitoring(ctx); err != nil {
		return err
	}
	d.generated(g, false)
	d.progress("onboarded %d Comuni, assigned %d Ambito referents, recorded %d events, %d operator accounts in %d lists and %d channels",
		len(head.comuni), len(head.referenti), d.mon.Events, d.mon.Accounts, len(d.mon.Operatori), len(d.mon.Canali))
	if err := d.importRegistry(ctx, g); err != nil {
		return err
	}
	return d.importRecords(ctx)
}

// importRegistry runs `csi anagrafe import` on every extract, in the
// order the generator writes them, then waits for the rest of the files.
func (d *demo) importRegistry(ctx context.Context, g *demoGen) error {
	d.rows, d.rejected = 0, 0
	n := 0
	for r := range g.files {
		opts := &AnagrafeImportOptions{File: filepath.Join(d.dir, filepath.FromSlash(r.File)),
			Request: csi.AnagrafeImport{Comune: r.Comune, Mode: r.Mode, AsOf: r.AsOf}}
		err := d.capture(func(sub *Factory) error { return anagrafeImportRun(ctx, sub, opts) })
		if err != nil {
			return err
		}
		n++
		d.generated(g, false)
	}
	if err := d.generated(g, true); err != nil {
		return err
	}
	d.progress("imported %d registry extracts with csi anagrafe import: %d rows, %d rejected", n, d.rows, d.rejected)
	return nil
}

// importRecords runs `csi records import` on the record files.
func (d *demo) importRecords(ctx context.Context) error {
	d.rows, d.rejected = 0, 0
	for _, r := range d.m.Records {
		opts := &RecordsImportOptions{File: filepath.Join(d.dir, r.File), Request: csi.RecordImport{Kind: r.Kind}}
		err := d.capture(func(sub *Factory) error { return recordsImportRun(ctx, sub, opts) })
		if err != nil {
			return err
		}
	}
	d.progress("imported accessi, cartelle, interventi, valutazioni-sina and sinba with csi records import: %d rows, %d rejected", d.rows, d.rejected)
	return nil
}

// capture runs an import command with JSON output and adds up its summary.
func (d *demo) capture(run func(*Factory) error) error {
	var out bytes.Buffer
	err := run(d.quiet(&out))
	var sum struct{ Rows, Rejected int }
	if jerr := json.Unmarshal(out.Bytes(), &sum); jerr == nil {
		d.rows += sum.Rows
		d.rejected += sum.Rejected
	}
	return err
}
