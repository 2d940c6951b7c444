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
	"github.com/csi-mb/csi/internal/memlimit"
	"github.com/csi-mb/csi/internal/safefile"
	"github.com/spf13/cobra"
)

func newCmdAnagrafe(f *Factory) *cobra.Command {
	cmd := newGroup("anagrafe", f.T("Import the Comuni's registry extracts and query the registry"),
		"  csi anagrafe import anagrafe-monza.csv --comune Monza --as-of 2024-06-30\n  csi anagrafe status")
	cmd.AddCommand(NewCmdAnagrafeImport(f, nil), newCmdAnagrafeStatus(f), newCmdAnagrafeHistory(f),
		newCmdAnagrafeResidents(f), newCmdAnagrafeImports(f), NewCmdAnagrafeRevert(f, nil))
	return cmd
}

// AnagrafeImportOptions are the flags of `csi anagrafe import`.
type AnagrafeImportOptions struct {
	File        string
	Request     csi.AnagrafeImport
	Maps        []string // --map: files, or column=HEADER pairs
	RejectsFile string
	Manifest    string // --manifest: many files, see anagrafe_multi.go
	FailFast    bool
}

// NewCmdAnagrafeImport builds `csi anagrafe import`; runF replaces the action in tests.
func NewCmdAnagrafeImport(f *Factory, runF func(*AnagrafeImportOptions) error) *cobra.Command {
	opts := &AnagrafeImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE --comune ISTAT|NAME | --manifest FILE",
		Short: f.T("Import a Comune's registry extract (snapshot or delta)"),
		Long: f.T(`Import a Comune's registry (anagrafe) extract, in one transaction.

The file may be UTF-8 (with or without BOM) or Windows-1252/ISO-8859-1, delimited by
';', ',', tab or '|', with dates as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY: all detected
and reported. Headers are matched after normalisation and through known aliases
(cf, cod_fiscale, data_di_nascita, ...); --map adds your own: a file of column=header
lines, or a column=HEADER pair, repeatable.

--mode snapshot (default): the file is the complete registry as of --as-of (default
today; more than a day in the future needs --force). New people are inserted,
changed people get a new version, unchanged people are untouched, and residents
missing from the file are closed on --as-of (never deleted). A snapshot that would
close more than 10%% of the residents is refused unless --allow-mass-exit.
'csi anagrafe revert IMPORT_ID' undoes a Comune's latest import.
--mode delta: only the rows present change; a row with data_cancellazione closes
that person.

Rows that cannot be stored (bad codice fiscale, empty required field, bad date, a CF
repeated in the file) are rejected, counted and, with --rejects FILE, written out with
their line, column and reason; the rest is imported and the exit code is 4 (when
every row is rejected, nothing is written, and the exit code is 4 too). The same
file imported twice is a no-op. --dry-run computes everything and writes nothing.`) + "\n\n" + manifestHelp(f),
		Example: `  csi anagrafe import anagrafe-monza-2024-06.csv --comune Monza --as-of 2024-06-30
  csi anagrafe import estratto.csv --comune 108023 --dry-run -o json
  csi anagrafe import variazioni.csv --comune Desio --mode delta --rejects scarti.csv
  csi anagrafe import export.txt --comune Lissone --map colonne.map
  csi anagrafe import --manifest estratti-2024-06.csv --as-of 2024-06-30`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Manifest != "" {
				return checkManifestArgs(args, opts)
			}
			return exactArgs(1, "the extract file")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Manifest != "" {
				if runF != nil {
					return runF(opts)
				}
				return anagrafeMultiRun(cmd.Context(), f, opts)
			}
			opts.File = args[0]
			if opts.Request.Comune == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--comune is required").
					WithHint("name the Comune the extract belongs to, e.g. --comune 108033")}
			}
			if runF != nil {
				return runF(opts)
			}
			return anagrafeImportRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Request.Comune, "comune", "", f.T("the Comune of the extract: ISTAT code or name (required)"))
	fl.StringVar(&opts.Request.Mode, "mode", csi.ModeSnapshot, f.T("snapshot|delta"))
	dateVar(fl, &opts.Request.AsOf, "as-of", f.T("date of the extract, YYYY-MM-DD (default today; more than a day ahead needs --force)"))
	fl.BoolVar(&opts.Request.DryRun, "dry-run", false, f.T("compute and print the summary; write nothing to the store (--rejects FILE still receives the rejected rows)"))
	fl.BoolVar(&opts.Request.AllowMassExit, "allow-mass-exit", false, f.T("let a snapshot close more than 10%% of the residents"))
	fl.StringVar(&opts.RejectsFile, "rejects", "", f.T("write rejected rows to this CSV file (line, column, reason, raw)"))
	fl.StringArrayVar(&opts.Maps, "map", nil, mapUsage(f))
	fl.BoolVar(&opts.Request.Force, "force", false, f.T("accept an --as-of more than a day in the future"))
	fl.StringVar(&opts.Request.Encoding, "encoding", "", f.T("utf-8|windows-1252|iso-8859-1 (default: detected)"))
	fl.StringVar(&opts.Request.Delimiter, "delimiter", "", f.T("';' ',' tab or '|' (default: detected)"))
	addManifestFlags(f, cmd, opts)
	_ = cmd.RegisterFlagCompletionFunc("mode", fixedCompletion(csi.ModeSnapshot, csi.ModeDelta))
	_ = cmd.RegisterFlagCompletionFunc("encoding", fixedCompletion("utf-8", "windows-1252", "iso-8859-1"))
	return cmd
}

func checkImportFlags(o *csi.ImportOptions) error {
	if o.Encoding != "" {
		enc, err := dialect.ParseEncoding(o.Encoding)
		if err != nil {
			return csi.Errorf(csi.EINVALID, "--encoding %q is not supported", o.Encoding).WithHint("use utf-8, windows-1252 or iso-8859-1")
		}
		o.Encoding = enc
	}
	if o.Delimiter != "" {
		if _, err := dialect.ParseDelimiter(o.Delimiter); err != nil {
			return csi.Errorf(csi.EINVALID, "--delimiter %q is not supported", o.Delimiter).WithHint("use ';', ',', tab or '|'")
		}
	}
	return nil
}

// mapUsage is the help of every importer's --map flag.
func mapUsage(f *Factory) string {
	return f.T("a file of column=header lines, or one column=HEADER pair (repeatable) naming the file's own headers")
}

// readMaps merges the --map values: each is a file of column=header lines
// or, when no such file exists and it has an '=', one column=HEADER pair.
// A column mapped twice is an error.
func readMaps(values []string) (map[string]string, error) {
	if len(values) == 0 {
		return nil, nil
	}
	all := map[string]string{}
	for _, v := range values {
		m, err := readMap(v)
		if err != nil {
			return nil, err
		}
		for k, h := range m {
			if _, dup := all[k]; dup {
				return nil, csi.Errorf(csi.EINVALID, "--map: %q is already mapped", k).WithHint("keep one mapping per column")
			}
			all[k] = h
		}
	}
	return all, nil
}

// readMap reads one --map value.
func readMap(v string) (map[string]string, error) {
	fh, err := os.Open(v)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(v, "=") {
			return nil, csi.Errorf(csi.EBADFILE, "cannot read the map file %s", v).
				WithHint("check the --map path, or give a pair: --map codice_fiscale=HEADER")
		}
		m, err := dialect.ParseMapFile(strings.NewReader(v), "--map")
		if err != nil {
			return nil, fileError(err)
		}
		return m, nil
	}
	defer fh.Close()
	m, err := dialect.ParseMapFile(fh, v)
	if err != nil {
		return nil, fileError(err)
	}
	return m, nil
}

// fileSource opens a local file for an importer, which reads it twice.
func fileSource(path string) (csi.Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return csi.Source{}, csi.Errorf(csi.EBADFILE, "cannot read %s: %v", path, errors.Unwrap(err)).WithHint("check the file name")
	}
	if st.IsDir() {
		return csi.Source{}, csi.Errorf(csi.EBADFILE, "%s is a folder, not a file", path).WithHint("give the extract file")
	}
	return csi.Source{Name: path, Size: st.Size(), Open: func() (io.ReadCloser, error) { return os.Open(path) }}, nil
}

func anagrafeImportRun(ctx context.Context, f *Factory, opts *AnagrafeImportOptions) error {
	req := opts.Request
	return f.runImport(ctx, importFiles{opts.File, opts.Maps, opts.RejectsFile}, &req.ImportOptions,
		func(db csi.Services, src csi.Source) (*csi.ImportSummary, error) {
			return db.ImportAnagrafe(ctx, req, src)
		})
}

// importFiles are the files named on an import's command line.
type importFiles struct {
	data    string
	maps    []string
	rejects string
}

// runImport does what every importer's command does around the import
// itself: check the flags, open the files, show progress, bound the Go heap,
// put the rejects file in place only if the import did something, and
// print the summary.
func (f *Factory) runImport(ctx context.Context, files importFiles, o *csi.ImportOptions,
	do func(csi.Services, csi.Source) (*csi.ImportSummary, error)) error {
	if err := checkImportFlags(o); err != nil {
		return err
	}
	src, err := fileSource(files.data)
	if err != nil {
		return err
	}
	if o.Map, err = readMaps(files.maps); err != nil {
		return err
	}
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	// Keep the Go heap small: imports stream, and what they must hold (the
	// current residents of a Comune) is compact. GOMEMLIMIT overrides.
	if f.Getenv("GOMEMLIMIT") == "" {
		defer memlimit.Set(importMemoryLimit)()
	}
	sum, err := f.importSource(src, files.rejects, o, func(src csi.Source) (*csi.ImportSummary, error) { return do(db, src) })
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	return f.printImportSummary(sum)
}

// importSource runs one import of src with its options o: progress shown,
// rejected rows written to the rejects file (if named), which is put in
// place only if the import did something.
func (f *Factory) importSource(src csi.Source, rejects string, o *csi.ImportOptions,
	do func(csi.Source) (*csi.ImportSummary, error)) (*csi.ImportSummary, error) {
	rej, err := openRejects(rejects)
	if err != nil {
		return nil, err
	}
	o.Rejects = rej.writer()
	prog := f.newProgress(src.Size, f.T("rows"))
	o.Progress = prog.callback()
	sum, err := do(src)
	prog.done()
	return sum, rej.finish(sum, err)
}

// importMemoryLimit is the soft limit of the Go heap during an import; the
// store's page cache (32 MiB) comes on top.
const importMemoryLimit = 64 << 20

// rejectsFile is the --rejects output: written to a private temporary file
// beside it, which replaces it only when the import succeeds and is not a
// no-op, so that a failed or repeated import leaves it as it was.
type rejectsFile struct {
	fh *safefile.File
}

func openRejects(path string) (*rejectsFile, error) {
	if path == "" {
		return &rejectsFile{}, nil
	}
	fh, err := safefile.Create(path)
	if csi.ErrorCode(err) == csi.EBADFILE {
		return nil, csi.Errorf(csi.EBADFILE, "cannot write the rejects file %s", path).WithHint("choose a writable path for --rejects")
	}
	if err != nil {
		return nil, err
	}
	return &rejectsFile{fh: fh}, nil
}

func (r *rejectsFile) writer() io.Writer {
	if r.fh == nil {
		return nil
	}
	return r.fh
}

func (r *rejectsFile) finish(sum *csi.ImportSummary, importErr error) error {
	if r.fh == nil {
		return importErr
	}
	if importErr != nil || sum == nil || sum.Noop {
		r.fh.Abort()
		return importErr
	}
	return r.fh.Commit()
}

func (f *Factory) printImportSummary(s *csi.ImportSummary) error {
	done, err := f.Export(s, func() Table { return summaryTable(s) })
	if err != nil {
		return err
	}
	if !done {
		f.writeSummaryText(s)
	}
	// A re-run of a file whose rows were refused stays exit 4: those rows
	// are still not in the store, and a nightly job must not turn green.
	if s.Rejected > 0 {
		return &exitError{code: ExitRejected, msg: f.rejectedWarning(s)}
	}
	return nil
}

func summaryTable(s *csi.ImportSummary) Table {
	i := strconv.Itoa
	return Table{
		Headers: []string{"kind", "comune", "mode", "file", "sha256", "encoding", "delimiter", "rows", "inserted", "updated", "unchanged", "closed", "rejected", "dry_run", "noop"},
		Rows: [][]string{{s.Kind, s.Comune, s.Mode, s.File, s.SHA256, s.Encoding, s.Delimiter, i(s.Rows), i(s.Inserted), i(s.Updated),
			i(s.Unchanged), i(s.Closed), i(s.Rejected), strconv.FormatBool(s.DryRun), strconv.FormatBool(s.Noop)}},
	}
}
