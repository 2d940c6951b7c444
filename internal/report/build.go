package report

import (
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

// maxBodyRows is the most rows a table of the body shows: a longer one
// shows its totals in the body and goes whole to the annex.
const maxBodyRows = 16

// Input is what a report is built from: the plan's computations and their
// results (one per item, in order), and the registry status of each
// Comune when the caller may read it.
type Input struct {
	Period        indicators.Period
	GeneratedAt   string
	SuppressBelow int
	Printer       *i18n.Printer
	Items         []Item
	Results       []*csi.IndicatorResult
	Registry      []csi.AnagrafeStatus
	RegistryKnown bool
	// Catalogue is the list of indicators the annex describes (nil: the
	// whole catalogue).
	Catalogue []csi.IndicatorDef
}

// builder assembles a Document.
type builder struct {
	*words
	in         Input
	cur, prev  indicators.Period
	covered    map[int]bool
	lastUpdate string
	annex      []Block
	annexed    map[string]bool
	sections   []Section
}

// Build assembles the report: the premessa, the parts of the plan with
// a block per table, and the annex.
func Build(in Input) (*Document, error) {
	b := &builder{words: newWords(in.Printer, in.SuppressBelow), in: in, cur: in.Period, prev: Previous(in.Period), annexed: map[string]bool{}}
	b.covered = coverageOf(in.Items, in.Results)
	b.lastUpdate = lastRegistryUpdate(in.Registry, in.Results)
	doc := &Document{
		Lang: string(b.lang), Period: b.cur.Label(), Previous: b.prev.Label(),
		GeneratedAt: in.GeneratedAt, Snapshot: snapshots(in.Results), SuppressBelow: in.SuppressBelow,
		Title: b.p.T("CSI monitoring report %s — Provincia di %s", b.cur.Label(), csi.ProvinceName),
	}
	doc.Intro = b.p.T("The report of the Cartella Sociale Informatizzata for %s, in the plan's structure: the data sources, the state of play compared with %s, the input, process, output and outcome indicators, and an annex with the tables per Comune.", b.cur.Label(), b.prev.Label())
	if in.SuppressBelow > 1 {
		doc.Suppression = b.p.T("Counts from 1 to %s are withheld and read <%s; a count withheld so that none of them can be worked out from the others reads %s.",
			strconv.Itoa(in.SuppressBelow-1), strconv.Itoa(in.SuppressBelow), indicators.Complementary)
	}
	doc.labels = labels{
		Contents: b.p.T("Contents"), Generated: b.p.T("Generated"), Snapshot: b.p.T("store snapshot"),
		SeeAnnex: b.p.T("Full table in the annex"),
	}
	doc.Parts = append(doc.Parts, b.premessa())
	for _, id := range []string{PartStato, PartInput, PartProcesso, PartOutput, PartOutcome, PartAltri} {
		if p, ok := b.part(id); ok {
			doc.Parts = append(doc.Parts, p)
		}
	}
	doc.Parts = append(doc.Parts, b.annexPart())
	doc.Sections = b.sections
	number(doc)
	return doc, nil
}

// number gives every block its number (2.1, A.3) by its place.
func number(doc *Document) {
	for i := range doc.Parts {
		p := &doc.Parts[i]
		for j := range p.Blocks {
			if p.ID == PartAnnex {
				p.Blocks[j].ID = "A." + strconv.Itoa(j+1)
			} else {
				p.Blocks[j].ID = strconv.Itoa(i+1) + "." + strconv.Itoa(j+1)
			}
		}
	}
	// A body block names its annex table by the id that table now has.
	ids := map[string]string{}
	for _, b := range doc.Parts[len(doc.Parts)-1].Blocks {
		ids[b.key] = b.ID
	}
	for i := range doc.Parts {
		for j := range doc.Parts[i].Blocks {
			if k := doc.Parts[i].Blocks[j].Annex; k != "" {
				doc.Parts[i].Blocks[j].Annex = ids[k]
			}
		}
	}
}

// snapshots lists the distinct store revisions the tables were computed on.
func snapshots(results []*csi.IndicatorResult) string {
	var revs []string
	seen := map[string]bool{}
	for _, r := range results {
		if rev := r.Snapshot.Revision; !seen[rev] {
			seen[rev] = true
			revs = append(revs, rev)
		}
	}
	return strings.Join(revs, ", ")
}

// partHeadings are the headings of the parts.
func (b *builder) heading(id string) string {
	switch id {
	case PartPremessa:
		return b.p.T("Introduction: data sources")
	case PartStato:
		return b.p.T("State of play: the published tables")
	case PartInput:
		return b.p.T("Input indicators")
	case PartProcesso:
		return b.p.T("Process indicators")
	case PartOutput:
		return b.p.T("Output indicators")
	case PartOutcome:
		return b.p.T("Outcome indicators")
	case PartAltri:
		return b.p.T("Other indicators of the catalogue")
	}
	return b.p.T("Annex: tables per Comune")
}

// part builds the blocks of one part of the body, in catalogue order; a
// year-based table of the stato dell'arte is one block for both years.
func (b *builder) part(id string) (Part, bool) {
	p := Part{ID: id, Heading: b.heading(id)}
	done := map[int]bool{}
	for i, it := range b.in.Items {
		if it.Part != id || it.Use != UseBody || done[i] {
			continue
		}
		group := []int{i}
		if id == PartStato && it.Params.Year != 0 {
			for j := i + 1; j < len(b.in.Items); j++ {
				o := b.in.Items[j]
				if o.Name == it.Name && o.Use == UseBody {
					group = append(group, j)
				}
			}
		}
		for _, j := range group {
			done[j] = true
		}
		blk, ok := b.block(group)
		if ok {
			p.Blocks = append(p.Blocks, blk)
			for _, j := range group {
				b.sections = append(b.sections, Section{id, blk.Heading, blk.Sentence, b.in.Results[j]})
			}
		}
		b.annexOf(it.Name)
	}
	if len(p.Blocks) == 0 {
		return p, false
	}
	p.Sentence = b.partSentence(p)
	return p, true
}

// partSentence sums a part up.
func (b *builder) partSentence(p Part) string {
	switch p.ID {
	case PartStato:
		return b.p.T("The plan's published tables for %s, each beside %s.", b.cur.Label(), b.prev.Label())
	case PartAltri:
		return b.p.T("The other indicators of the catalogue, for %s.", b.cur.Label())
	}
	with, notes := 0, 0
	for _, blk := range p.Blocks {
		if blk.Table != nil && blk.NoData == "" {
			with++
		}
		if blk.Note != "" {
			notes++
		}
	}
	s := b.p.T("%s of the %s tables of this part have data for %s.", strconv.Itoa(with), strconv.Itoa(len(p.Blocks)), b.cur.Label())
	if notes > 0 {
		s += " " + b.p.T("Where nothing is recorded, the table's note says what to record, and with which command.")
	}
	return s
}
