package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
)

// maxListedRejects is how many rejected rows the text summary lists.
const maxListedRejects = 20

func (f *Factory) writeSummaryText(s *csi.ImportSummary) {
	w := f.IO.Out
	if s.Noop {
		target := s.Comune
		if s.Kind != "anagrafe" {
			target = s.Kind
		}
		fmt.Fprintf(w, "no-op: %s was already imported for %s (import %d); nothing changed\n", s.File, target, s.ImportID)
		return
	}
	verb := "imported"
	if s.DryRun {
		verb = "dry run: would import"
	}
	if allRejected(s) {
		verb = "nothing imported from"
	}
	if s.Kind == "anagrafe" {
		fmt.Fprintf(w, "%s %s into %s (%s as of %s)\n", verb, s.File, s.Comune, s.Mode, s.AsOf)
	} else {
		fmt.Fprintf(w, "%s %s (%s)\n", verb, s.File, s.Kind)
	}
	bom := ""
	if s.BOM {
		bom = " with BOM"
	}
	if s.FallbackLines > 0 {
		bom += " (" + dialect.FallbackNote(s.Fallback, s.FallbackLines) + ")"
	}
	delim := "'" + s.Delimiter + "'"
	if s.Delimiter == "tab" {
		delim = "tab"
	}
	fmt.Fprintf(w, "  dialect:  %s%s, delimiter %s, %s line endings\n", s.Encoding, bom, delim, s.LineEnding)
	fmt.Fprintf(w, "  columns:  %d recognised", len(s.Columns))
	if len(s.UnknownColumns) > 0 {
		fmt.Fprintf(w, ", ignored: %s", strings.Join(s.UnknownColumns, ", "))
	}
	fmt.Fprintln(w)
	closed := ""
	if s.Kind == "anagrafe" {
		closed = fmt.Sprintf(" %d closed,", s.Closed)
	}
	fmt.Fprintf(w, "  rows:     %d read: %d inserted, %d updated, %d unchanged,%s %d rejected\n",
		s.Rows, s.Inserted, s.Updated, s.Unchanged, closed, s.Rejected)
	fmt.Fprintf(w, "  sha256:   %s\n", s.SHA256)
	switch {
	case allRejected(s):
		fmt.Fprintln(w, "  nothing was written: every row was rejected")
	case s.DryRun:
		fmt.Fprintln(w, "  nothing was written (--dry-run)")
	}
	f.writeRejects(s)
}

// allRejected reports whether an import refused every row it read, and so
// wrote nothing.
func allRejected(s *csi.ImportSummary) bool {
	return !s.Noop && s.Rows > 0 && s.Rejected == s.Rows
}

// rejectedWarning is the message of exit code 4.
func rejectedWarning(s *csi.ImportSummary) string {
	if s.Noop {
		return fmt.Sprintf("warning: import %d of this file rejected %d of %d rows, and they are still not in the store; fix them and import the corrected file", s.ImportID, s.Rejected, s.Rows)
	}
	if allRejected(s) && s.Rows == 1 {
		return "warning: the only row was rejected, nothing was imported; --rejects FILE lists it"
	}
	if allRejected(s) {
		return fmt.Sprintf("warning: all %d rows rejected, nothing was imported; --rejects FILE lists them", s.Rows)
	}
	return fmt.Sprintf("warning: %d of %d rows rejected, the others were imported; --rejects FILE lists them", s.Rejected, s.Rows)
}

func (f *Factory) writeRejects(s *csi.ImportSummary) {
	if s.Rejected == 0 {
		return
	}
	t := Table{Headers: []string{"line", "column", "reason"}}
	for i, r := range s.Rejects {
		if i == maxListedRejects {
			break
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Line), r.Column, r.Reason})
	}
	fmt.Fprintf(f.IO.Out, "\nrejected rows")
	if s.Rejected > len(t.Rows) {
		fmt.Fprintf(f.IO.Out, " (first %d of %d; --rejects FILE writes them all)", len(t.Rows), s.Rejected)
	}
	fmt.Fprintln(f.IO.Out, ":")
	_ = f.writeTable(f.IO.Out, t)
}
