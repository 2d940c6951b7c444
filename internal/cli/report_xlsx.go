package cli

import (
	"fmt"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/report"
)

// reportSheets returns a sheet per table the report computed, in the
// report's order, with the part and the sentence that reads it in the
// sheet's metadata: typed cells from the indicator's own layout.
func reportSheets(doc *report.Document, p *i18n.Printer) []Table {
	var ts []Table
	for i, s := range doc.Sections {
		def, err := indicators.Find(s.Result.Indicator)
		if err != nil {
			continue // not in this binary's catalogue: nothing to lay out
		}
		t := indicatorTable(def, s.Result, false, p) // its title is dropped: the section says it
		t.Title = fmt.Sprintf("%d %s", i+1, s.Result.Indicator)
		t.Meta = append([][2]string{{p.T("section"), s.Heading}, {p.T("reading"), s.Sentence}}, t.Meta[1:]...)
		ts = append(ts, t)
	}
	return ts
}
