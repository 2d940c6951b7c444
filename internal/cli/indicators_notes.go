package cli

import (
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// printNotes writes what a result without data is missing on stderr (a
// diagnostic, like the result's description when piped), even with -q:
// a process indicator must not print zeros silently.
func (f *Factory) printNotes(notes []csi.IndicatorNote) {
	for _, n := range notes {
		fmt.Fprintf(f.IO.ErrOut, "%s\n", f.T("note: %s", f.noteText(n)))
	}
}

// noteText says a note in the user's language.
func (f *Factory) noteText(n csi.IndicatorNote) string {
	switch n.Code {
	case csi.NoteNotRecorded:
		return f.T("nothing recorded for %s in the period and scope: record it with '%s'", n.Subject, n.Command)
	case csi.NoteNoData:
		return f.T("no data for %s: no cartella was opened or closed that year, so its figures are not a finding; load the records with '%s'", n.Subject, n.Command)
	}
	return n.Message
}
