package cli

import (
	"fmt"

	"github.com/csi-mb/csi/internal/report"
)

// reportSheets are the tables of the report in -o xlsx, one sheet per
// section: its heading, sentence and metadata above the table.
func reportSheets(rep *report.Report) []Table {
	var ts []Table
	for i, s := range rep.Sections {
		t := indicatorTable(s.Def, s.Result, false)
		t.Title = fmt.Sprintf("%d %s", i+1, s.Result.Indicator)
		t.Meta = append([][2]string{{"section", report.Heading(s.Result)}, {"reading", s.Sentence}}, t.Meta[1:]...)
		ts = append(ts, t)
	}
	return ts
}
