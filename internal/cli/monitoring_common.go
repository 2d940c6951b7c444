package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
)

// readRows reads every row of a register's CSV file, in the dialect it is
// in (spec §4), through each.
func readRows(ctx context.Context, path string, schema dialect.Schema, each func(*dialect.Row)) error {
	file, err := os.Open(path)
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s: %v", path, errors.Unwrap(err)).WithHint("check the file name")
	}
	defer file.Close()
	r, err := dialect.Open(file, schema, dialect.Options{File: path}, nil)
	if err != nil {
		return fileError(err)
	}
	for {
		row, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		each(row)
	}
}

// splitCell splits a cell that lists several values (Ambiti, Comuni) at
// ',', ';' or '|'.
func splitCell(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// printRejects reports the rejected rows of a register import on stderr,
// each with its file, line and field; any reject makes exit code 4.
func (f *Factory) printRejects(file string, rejects []csi.AddReject) error {
	for _, r := range rejects {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: %s: %s\n", file, r.Line, r.Field, r.Reason)
	}
	if len(rejects) > 0 {
		return &exitError{code: ExitRejected, msg: f.T("error: %d rows rejected; nothing was written", len(rejects))}
	}
	return nil
}

// confirmRemove asks before a removal: on a terminal it prompts, off one
// it needs --yes, so that a script never removes by accident.
func (f *Factory) confirmRemove(yes bool, what string) (bool, error) {
	if yes {
		return true, nil
	}
	if !f.IO.InTTY {
		return false, &usageError{csi.Errorf(csi.EINVALID, "removing %s needs confirmation", what).
			WithHint("pass --yes to confirm it in a script")}
	}
	fmt.Fprint(f.IO.ErrOut, f.T("Remove %s? [y/N] ", what))
	if !f.confirmedIT() {
		f.info("%s", f.T("nothing was removed"))
		return false, nil
	}
	return true, nil
}

// confirmedIT reads a yes/no answer in English or Italian.
func (f *Factory) confirmedIT() bool {
	var line string
	fmt.Fscanln(f.IO.In, &line)
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "s", "si", "sì":
		return true
	}
	return false
}

// parseID reads an id argument.
func parseID(s, list string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, &usageError{csi.Errorf(csi.EINVALID, "%q is not an id", s).WithHint("run '%s' to see the ids", list)}
	}
	return id, nil
}
