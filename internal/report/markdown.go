package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// Section is one computed table of the report.
type Section struct {
	Def      csi.IndicatorDef
	Result   *csi.IndicatorResult
	Sentence string
}

// Report is the whole document.
type Report struct {
	Period        indicators.Period
	GeneratedAt   string
	SuppressBelow int
	Sections      []Section
}

// New assembles a report from computed results, generating each sentence.
func New(p indicators.Period, generatedAt string, suppressBelow int, results []*csi.IndicatorResult) (*Report, error) {
	r := &Report{Period: p, GeneratedAt: generatedAt, SuppressBelow: suppressBelow}
	for _, res := range results {
		def, err := indicators.Find(res.Indicator)
		if err != nil {
			return nil, err
		}
		r.Sections = append(r.Sections, Section{Def: def, Result: res, Sentence: Sentence(res)})
	}
	return r, nil
}

// Title is the document's title.
func (r *Report) Title() string {
	return "CSI monitoring report " + r.Period.Label() + " — Provincia di " + csi.ProvinceName
}

// Snapshots lists the distinct store revisions the tables were computed on.
func (r *Report) Snapshots() string {
	var revs []string
	seen := map[string]bool{}
	for _, s := range r.Sections {
		if rev := s.Result.Snapshot.Revision; !seen[rev] {
			seen[rev] = true
			revs = append(revs, rev)
		}
	}
	return strings.Join(revs, ", ")
}

// Intro is the opening paragraph.
func (r *Report) Intro() string {
	s := fmt.Sprintf("This document gathers the %d tables of the indicator catalogue for %s, for the annual monitoring and the biennial evaluation report of the Cartella Sociale Informatizzata: per Ambito with the province total where the indicator allows it, year-based indicators once per year. Percentages have two decimals; the Ambito of a record is the current Ambito of its Comune.",
		len(r.Sections), r.Period.Label())
	if r.SuppressBelow > 1 {
		s += fmt.Sprintf(" Counts from 1 to %d are withheld and read <%d; a count withheld so that none of them can be worked out from the others reads %s.",
			r.SuppressBelow-1, r.SuppressBelow, indicators.Complementary)
	}
	return s
}

// Heading is a section's title with what distinguishes it from the other
// tables of the same indicator.
func Heading(res *csi.IndicatorResult) string {
	p := res.Params
	switch {
	case p.Year != 0:
		return fmt.Sprintf("%s, %d", res.Title, p.Year)
	case len(p.Period) > 0:
		return fmt.Sprintf("%s, %s", res.Title, strings.Join(p.Period, ", "))
	case p.Since != "":
		return fmt.Sprintf("%s, %s to %s", res.Title, p.Since, p.At)
	case p.At != "":
		return fmt.Sprintf("%s, %s", res.Title, p.At)
	}
	return res.Title
}

// WriteMarkdown writes the report as one Markdown document.
func (r *Report) WriteMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "# %s\n\n", r.Title())
	fmt.Fprintf(w, "Generated %s from store snapshot %s.\n\n%s\n\n", r.GeneratedAt, r.Snapshots(), r.Intro())
	for i, s := range r.Sections {
		heading := fmt.Sprintf("## %d. %s", i+1, Heading(s.Result))
		if err := indicators.WriteMarkdownSection(w, heading, s.Def, s.Result, s.Sentence); err != nil {
			return err
		}
	}
	return nil
}
