package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/i18n"
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
		fmt.Fprintln(w, f.T("no-op: %s was already imported for %s (import %s); nothing changed", s.File, target, strconv.FormatInt(s.ImportID, 10)))
		return
	}
	asOf := f.Lang.Cell(i18n.Date, s.AsOf)
	switch {
	case allRejected(s) && s.Kind == "anagrafe":
		fmt.Fprintln(w, f.T("nothing imported from %s into %s (%s as of %s)", s.File, s.Comune, f.modeText(s.Mode), asOf))
	case allRejected(s):
		fmt.Fprintln(w, f.T("nothing imported from %s (%s)", s.File, s.Kind))
	case s.DryRun && s.Kind == "anagrafe":
		fmt.Fprintln(w, f.T("dry run: would import %s into %s (%s as of %s)", s.File, s.Comune, f.modeText(s.Mode), asOf))
	case s.DryRun:
		fmt.Fprintln(w, f.T("dry run: would import %s (%s)", s.File, s.Kind))
	case s.Kind == "anagrafe":
		fmt.Fprintln(w, f.T("imported %s into %s (%s as of %s)", s.File, s.Comune, f.modeText(s.Mode), asOf))
	default:
		fmt.Fprintln(w, f.T("imported %s (%s)", s.File, s.Kind))
	}
	bom := ""
	if s.BOM {
		bom = f.T(" with BOM")
	}
	if s.FallbackLines > 0 {
		bom += " (" + dialect.FallbackNote(s.Fallback, s.FallbackLines) + ")"
	}
	delim := "'" + s.Delimiter + "'"
	if s.Delimiter == "tab" {
		delim = "tab"
	}
	fmt.Fprintln(w, f.T("  dialect:  %s%s, delimiter %s, %s line endings", s.Encoding, bom, delim, s.LineEnding))
	if len(s.UnknownColumns) > 0 {
		fmt.Fprintln(w, f.T("  columns:  %d recognised, ignored: %s", len(s.Columns), strings.Join(s.UnknownColumns, ", ")))
	} else {
		fmt.Fprintln(w, f.T("  columns:  %d recognised", len(s.Columns)))
	}
	if s.Kind == "anagrafe" {
		fmt.Fprintln(w, f.T("  rows:     %d read: %d inserted, %d updated, %d unchanged, %d closed, %d rejected",
			s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Closed, s.Rejected))
	} else {
		fmt.Fprintln(w, f.T("  rows:     %d read: %d inserted, %d updated, %d unchanged, %d rejected",
			s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Rejected))
	}
	fmt.Fprintf(w, "  sha256:   %s\n", s.SHA256)
	switch {
	case allRejected(s):
		fmt.Fprintln(w, f.T("  nothing was written: every row was rejected"))
	case s.DryRun:
		fmt.Fprintln(w, f.T("  nothing was written (--dry-run)"))
	}
	f.writeRejects(s)
}

// allRejected reports whether an import refused every row it read, and so
// wrote nothing.
func allRejected(s *csi.ImportSummary) bool {
	return !s.Noop && s.Rows > 0 && s.Rejected == s.Rows
}

// rejectedWarning is the message of exit code 4.
func (f *Factory) rejectedWarning(s *csi.ImportSummary) string {
	if s.Noop {
		return f.T("warning: import %s of this file rejected %d of %d rows, and they are still not in the store; fix them and import the corrected file", strconv.FormatInt(s.ImportID, 10), s.Rejected, s.Rows)
	}
	if allRejected(s) && s.Rows == 1 {
		return f.T("warning: the only row was rejected, nothing was imported; --rejects FILE lists it")
	}
	if allRejected(s) {
		return f.T("warning: all %d rows rejected, nothing was imported; --rejects FILE lists them", s.Rows)
	}
	if s.DryRun {
		return f.T("warning: %d of %d rows would be rejected; --rejects FILE lists them", s.Rejected, s.Rows)
	}
	return f.T("warning: %d of %d rows rejected, the others were imported; --rejects FILE lists them", s.Rejected, s.Rows)
}

func (f *Factory) writeRejects(s *csi.ImportSummary) {
	if s.Rejected == 0 {
		return
	}
	t := Table{Headers: []string{f.T("line"), f.T("column"), f.T("reason")}}
	for i, r := range s.Rejects {
		if i == maxListedRejects {
			break
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Line), r.Column, f.tr.Known(r.Reason)})
	}
	if s.Rejected > len(t.Rows) {
		fmt.Fprintln(f.IO.Out, "\n"+f.T("rejected rows (first %d of %d; --rejects FILE writes them all):", len(t.Rows), s.Rejected))
	} else {
		fmt.Fprintln(f.IO.Out, "\n"+f.T("rejected rows:"))
	}
	_ = f.writeTable(f.IO.Out, t)
}
