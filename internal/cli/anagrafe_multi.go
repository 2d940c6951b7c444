package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/memlimit"
	"github.com/spf13/cobra"
)

// The multi-file registry import: `csi anagrafe import --manifest FILE`
// imports many Comuni's extracts in one process, over one connection to
// the store, each file exactly as `csi anagrafe import FILE --comune X`
// would (its own transaction, import record and audit entry).

// manifestSchema is the manifest's columns: the Comune and its extract,
// and optionally the extract's date, mode and rejects file. Other columns
// (the generator's nome, provincia, rows) are ignored.
var manifestSchema = dialect.Schema{Kind: "manifest", Columns: []dialect.Column{
	{Name: "comune", Aliases: []string{"istat", "codice_istat"}, Required: true},
	{Name: "file", Aliases: []string{"path", "estratto", "percorso"}, Required: true},
	{Name: "as_of", Aliases: []string{"data", "data_estratto", "date"}},
	{Name: "mode", Aliases: []string{"modalita"}},
	{Name: "rejects", Aliases: []string{"scarti"}},
}}

// manifestEntry is one line of a manifest: an extract to import.
type manifestEntry struct {
	line    int
	comune  string
	file    string // as written in the manifest
	path    string // resolved against the manifest's folder
	asOf    string
	mode    string
	rejects string // resolved, or ""
}

// MultiImportEntry is the outcome of one file of a multi-file import, as
// -o json prints it.
type MultiImportEntry struct {
	Line     int                `json:"line"`
	Comune   string             `json:"comune"`
	File     string             `json:"file"`
	Outcome  string             `json:"outcome"` // imported, noop, dry_run, rejected, failed, skipped
	ExitCode int                `json:"exit_code"`
	Error    string             `json:"error,omitempty"`
	Hint     string             `json:"hint,omitempty"`
	Summary  *csi.ImportSummary `json:"summary,omitempty"`
}

// MultiImport is the -o json document of a multi-file import.
type MultiImport struct {
	Files    int                `json:"files"`
	Imported int                `json:"imported"`
	Failed   int                `json:"failed"`
	ExitCode int                `json:"exit_code"`
	Imports  []MultiImportEntry `json:"imports"`
}

// addManifestFlags adds the multi-file flags to `csi anagrafe import`.
func addManifestFlags(f *Factory, cmd *cobra.Command, opts *AnagrafeImportOptions) {
	fl := cmd.Flags()
	fl.StringVar(&opts.Manifest, "manifest", "", f.T("import many Comuni's extracts listed in this CSV file (comune,file[,as_of,mode,rejects]), each in its own transaction"))
	fl.BoolVar(&opts.FailFast, "fail-fast", false, f.T("with --manifest, stop at the first file that fails (rows rejected do not stop it)"))
}

// checkManifestArgs checks the command line of a multi-file import.
func checkManifestArgs(args []string, opts *AnagrafeImportOptions) error {
	bad := func(err *csi.Error) error {
		return &usageError{err.WithHint("with --manifest the manifest names each file and its Comune; see 'csi anagrafe import --help'")}
	}
	switch {
	case len(args) > 0:
		return bad(csi.Errorf(csi.EINVALID, "--manifest takes no FILE argument"))
	case opts.Request.Comune != "":
		return bad(csi.Errorf(csi.EINVALID, "--manifest and --comune do not go together"))
	case opts.RejectsFile != "":
		return bad(csi.Errorf(csi.EINVALID, "--manifest and --rejects do not go together: give a rejects column in the manifest"))
	}
	return nil
}

// readManifest reads and checks a whole manifest before anything is
// imported: a line without a Comune or a file, a bad date or mode, a file
// that does not exist, or a Comune listed twice stops the import with the
// manifest's line named.
func readManifest(path string) ([]manifestEntry, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read the manifest %s: %v", path, errors.Unwrap(err)).WithHint("check the --manifest path")
	}
	defer fh.Close()
	r, err := dialect.Open(fh, manifestSchema, dialect.Options{File: path}, nil)
	if err != nil {
		return nil, fileError(err)
	}
	dir := filepath.Dir(path)
	var out []manifestEntry
	var missing csi.Messages
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileError(err)
		}
		e, err := manifestRow(path, dir, row)
		if err != nil {
			return nil, err
		}
		if st, err := os.Stat(e.path); err != nil || st.IsDir() {
			missing = append(missing, csi.Errorf(csi.EBADFILE, "line %s: %s", strconv.Itoa(e.line), e.file))
		}
		out = append(out, e)
	}
	if len(missing) > 0 {
		return nil, csi.Errorf(csi.EBADFILE, "%s: %d files not found: %s", path, len(missing), firstN(missing, 5)).
			WithHint("the manifest's paths are relative to its folder; nothing was imported")
	}
	if len(out) == 0 {
		return nil, csi.Errorf(csi.EBADFILE, "the manifest %s has a header but no files", path).WithHint("list one Comune and its extract per line")
	}
	return out, nil
}

// manifestRow reads one line of a manifest.
func manifestRow(path, dir string, row *dialect.Row) (manifestEntry, error) {
	e := manifestEntry{line: row.Line, comune: strings.TrimSpace(row.Get(0)), file: strings.TrimSpace(row.Get(1)),
		mode: strings.TrimSpace(row.Get(3)), rejects: strings.TrimSpace(row.Get(4))}
	bad := func(field string, why error) error {
		return csi.Errorf(csi.EBADFILE, "%s line %s, %s: %v", path, strconv.Itoa(row.Line), field, why).WithHint("fix the manifest; nothing was imported")
	}
	if e.comune == "" {
		return e, bad("comune", csi.Errorf(csi.EBADFILE, "empty"))
	}
	if e.file == "" {
		return e, bad("file", csi.Errorf(csi.EBADFILE, "empty"))
	}
	if d := strings.TrimSpace(row.Get(2)); d != "" {
		day, err := dialect.ParseDate(d)
		if err != nil {
			return e, bad("as_of", err)
		}
		e.asOf = day
	}
	if e.mode != "" && e.mode != csi.ModeSnapshot && e.mode != csi.ModeDelta {
		return e, bad("mode", csi.Errorf(csi.EBADFILE, "must be snapshot or delta, not %q", e.mode))
	}
	e.path = resolveAgainst(dir, e.file)
	if e.rejects != "" {
		e.rejects = resolveAgainst(dir, e.rejects)
	}
	return e, nil
}

// resolveAgainst makes a relative path of the manifest relative to its folder.
func resolveAgainst(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// firstN keeps the first n messages, and says how many more there are.
func firstN(items csi.Messages, n int) csi.Messages {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], csi.Errorf(csi.EBADFILE, "and %d more", len(items)-n))
}

// checkManifestComuni refuses a manifest that lists a Comune twice (by
// ISTAT code or by name): the two extracts would be imported one after the
// other, and the order of a manifest is not the order of their dates.
// A Comune the store does not know is left to its import to report. The
// Comuni are read once, and resolved as each import resolves its own.
func checkManifestComuni(ctx context.Context, db csi.Services, path string, entries []manifestEntry) error {
	all, err := db.ListComuni(ctx, csi.ComuneFilter{})
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for _, e := range entries {
		key := e.comune
		if c, err := csi.ResolveComune(all, e.comune); err == nil {
			key = c.Istat
		}
		if first, dup := seen[key]; dup {
			return &usageError{csi.Errorf(csi.EINVALID, "%s line %s: Comune %s is already on line %s", path, strconv.Itoa(e.line), key, strconv.Itoa(first)).
				WithHint("list each Comune once per manifest; import its later extracts with another run")}
		}
		seen[key] = e.line
	}
	return nil
}

// anagrafeMultiRun imports every file of the manifest, one after the
// other over one connection, and prints one line per file.
func anagrafeMultiRun(ctx context.Context, f *Factory, opts *AnagrafeImportOptions) error {
	base := opts.Request
	if err := checkImportFlags(&base.ImportOptions); err != nil {
		return err
	}
	var err error
	if base.Map, err = readMaps(opts.Maps); err != nil {
		return err
	}
	entries, err := readManifest(opts.Manifest)
	if err != nil {
		return err
	}
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	if err := checkManifestComuni(ctx, db, opts.Manifest, entries); err != nil {
		return err
	}
	if f.Getenv("GOMEMLIMIT") == "" {
		defer memlimit.Set(importMemoryLimit)()
	}
	res := MultiImport{Files: len(entries), Imports: make([]MultiImportEntry, 0, len(entries))}
	stop := false
	for i, e := range entries {
		out := MultiImportEntry{Line: e.line, Comune: e.comune, File: e.file}
		if stop {
			out.Outcome = "skipped"
			res.Imports = append(res.Imports, out)
			continue
		}
		if f.newProgress(0, "") != nil {
			fmt.Fprintln(f.IO.ErrOut, f.T("csi: file %s of %s: %s (Comune %s)", strconv.Itoa(i+1), strconv.Itoa(len(entries)), e.file, e.comune))
		}
		sum, err := importOne(ctx, f, db, base, e)
		if ctx.Err() != nil {
			return f.multiInterrupted(ctx, &res, entries[i:])
		}
		out.Summary = sum
		switch {
		case err != nil:
			out.Outcome, out.ExitCode = "failed", exitCode(err)
			out.Error, out.Hint = csi.ErrorMessage(err), csi.ErrorHint(err)
			out.Summary = nil
			res.Failed++
			fmt.Fprintln(f.IO.ErrOut, f.T("%s (Comune %s):", e.file, e.comune))
			f.printError(err)
			stop = opts.FailFast
		case sum.Rejected > 0:
			out.Outcome, out.ExitCode = "rejected", ExitRejected
			if !sum.Noop && !allRejected(sum) {
				res.Imported++
			}
		case sum.Noop:
			out.Outcome = "noop"
		case sum.DryRun:
			out.Outcome = "dry_run"
		default:
			out.Outcome = "imported"
			res.Imported++
		}
		res.ExitCode = worseExit(res.ExitCode, out.ExitCode)
		res.Imports = append(res.Imports, out)
	}
	return f.printMultiImport(&res)
}

// importOne imports one file of a manifest as `csi anagrafe import` would
// import it alone: its rejects file is put in place only if the import did
// something.
func importOne(ctx context.Context, f *Factory, db csi.Services, base csi.AnagrafeImport, e manifestEntry) (*csi.ImportSummary, error) {
	req := base
	req.Comune = e.comune
	if e.asOf != "" {
		req.AsOf = e.asOf
	}
	if e.mode != "" {
		req.Mode = e.mode
	}
	src, err := fileSource(e.path)
	if err != nil {
		return nil, err
	}
	src.Name = e.file
	return f.importSource(src, e.rejects, &req.ImportOptions, func(src csi.Source) (*csi.ImportSummary, error) {
		return db.ImportAnagrafe(ctx, req, src)
	})
}

// multiInterrupted reports a multi-file import stopped by a signal: the
// files imported before stay imported, the one being imported was rolled
// back, the rest were not tried.
func (f *Factory) multiInterrupted(ctx context.Context, res *MultiImport, rest []manifestEntry) error {
	code := exitCode(withSignalCause(ctx, ctx.Err()))
	for k, e := range rest {
		out := MultiImportEntry{Line: e.line, Comune: e.comune, File: e.file, Outcome: "skipped"}
		if k == 0 {
			out.Outcome, out.ExitCode, out.Error = "failed", code, "interrupted"
		}
		res.Imports = append(res.Imports, out)
	}
	res.Failed++
	res.ExitCode = code
	if done, err := f.Export(res, func() Table { return multiImportTable(res) }); !done && err == nil {
		_ = f.writeTable(f.IO.Out, multiImportTable(res))
	}
	return &exitError{code: code, msg: f.T("error: interrupted; %d of %d files were imported before, the one being imported was left as it was",
		res.Imported, res.Files)}
}

// exitRank orders the exit codes of the files of a multi-file import: the
// worst one is the command's.
var exitRank = map[int]int{ExitOK: 0, ExitRejected: 1, ExitValidation: 2, ExitError: 3, ExitUsage: 4, ExitAuth: 5, ExitUnreachable: 6}

func worseExit(a, b int) int {
	if exitRank[b] > exitRank[a] {
		return b
	}
	return a
}

func (f *Factory) printMultiImport(res *MultiImport) error {
	done, err := f.Export(res, func() Table { return multiImportTable(res) })
	if err != nil {
		return err
	}
	if !done {
		if err := f.writeTable(f.IO.Out, multiImportTable(res)); err != nil {
			return err
		}
	}
	switch res.ExitCode {
	case ExitOK:
		return nil
	case ExitRejected:
		return &exitError{code: ExitRejected, msg: f.T("warning: rows were rejected in %d of %d files; a rejects column in the manifest writes them out",
			countOutcome(res, "rejected"), res.Files)}
	}
	return &exitError{code: res.ExitCode, msg: f.T("error: %d of %d files failed and were left as they were; the others were imported",
		res.Failed, res.Files)}
}

func countOutcome(res *MultiImport, outcome string) int {
	n := 0
	for _, e := range res.Imports {
		if e.Outcome == outcome {
			n++
		}
	}
	return n
}

func multiImportTable(res *MultiImport) Table {
	t := Table{Headers: []string{"line", "comune", "file", "outcome", "import_id", "rows", "inserted", "updated", "unchanged", "closed", "rejected", "error"}}
	i := strconv.Itoa
	for _, e := range res.Imports {
		row := []string{i(e.Line), e.Comune, e.File, e.Outcome, "", "", "", "", "", "", "", e.Error}
		if s := e.Summary; s != nil {
			row[1] = s.Comune
			if s.ImportID > 0 {
				row[4] = strconv.FormatInt(s.ImportID, 10)
			}
			row[5], row[6], row[7], row[8], row[9], row[10] = i(s.Rows), i(s.Inserted), i(s.Updated), i(s.Unchanged), i(s.Closed), i(s.Rejected)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// manifestHelp is the paragraph of `csi anagrafe import --help` on --manifest.
func manifestHelp(f *Factory) string {
	return f.T(`--manifest FILE imports many Comuni's extracts in one run, one after the other over
one connection to the store. FILE is a CSV file with a header and the columns comune
(ISTAT code or name) and file, and optionally as_of and mode, which override --as-of
and --mode for that line, and rejects, that file's --rejects; other columns are ignored
and paths are relative to the manifest's folder. The whole manifest is checked first:
every file must exist and each Comune appear once. Then each file is imported as if
alone, in its own transaction with its own import record; a file that fails does not
stop the others, unless --fail-fast. One line per file is printed (-o json: one entry
per file), and the exit code is the worst of the files'.`)
}
