package report

import (
	_ "embed"
	"html/template"
	"io"
	"strconv"
)

//go:embed report.html.tmpl
var htmlSource string

// page is the HTML template: html/template escapes every text and
// attribute by its context, so no value of the store can become markup.
var page = template.Must(template.New("report").Parse(htmlSource))

// css is the whole style sheet, inline: nothing to fetch. On a phone the
// tables scroll inside their box and the charts scale to the width; in
// print, A4 pages, each part on a new page, no row split across pages,
// table headers repeated, no contents list.
const css = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; border-bottom: 2px solid #2b6cb0; padding-bottom: .3rem; margin-top: .5rem; }
h2 { font-size: 1.25rem; margin-top: 2.4rem; color: #2a4365; }
h3 { font-size: 1.02rem; margin: 1.8rem 0 .4rem; color: #1a365d; }
p.meta { color: #4a5568; font-size: .8rem; overflow-wrap: anywhere; }
p.lead { font-size: 1rem; font-style: italic; }
p.sentence { font-size: 1rem; margin: .3rem 0 .6rem; }
p.nodata, p.note { border-left: 4px solid #dd6b20; background: #fffaf0; padding: .4rem .6rem; margin: .5rem 0; }
p.note, p.sentence.empty { border-left: 4px solid #2b6cb0; background: #ebf8ff; padding: .4rem .6rem; }
p.suppression { font-size: .9rem; color: #4a5568; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: .6rem 0; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #cbd5e0; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #edf2f7; }
td:first-child { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: .8rem 0; max-width: 40rem; }
figcaption { font-size: .8rem; color: #4a5568; }
svg.chart { display: block; width: 100%; height: auto; font-size: 13px; }
svg.chart rect.s0 { fill: #2b6cb0; }
svg.chart rect.s1 { fill: #dd6b20; }
svg.chart rect.s2 { fill: #38a169; }
svg.chart rect.s3 { fill: #805ad5; }
svg.chart text { fill: #1a202c; }
svg.chart text.value, svg.chart text.tick { font-size: 11px; fill: #4a5568; }
svg.chart line { stroke: #4a5568; stroke-width: 1; }
nav ol { padding-left: 1.4rem; }
a { color: #2b6cb0; }
@media (max-width: 30rem) { h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; } body { padding: .6rem; } }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section.part { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure, tr, p.sentence { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
}
`

// htmlView is the document as the template reads it.
type htmlView struct {
	*Document
	CSS    template.CSS
	Labels labels
	Parts  []htmlPart
}

type htmlPart struct {
	Part
	Number string
	Anchor string
	Blocks []htmlBlock
}

type htmlBlock struct {
	Block
	Drawing *Drawing
	View    *tableView
	AnnexID string
}

// tableView is a table with each cell's alignment.
type tableView struct {
	Label string
	Head  []cellView
	Body  [][]cellView
}

type cellView struct {
	Text string
	Num  bool
}

// WriteHTML writes the report as one self-contained HTML file: the style
// sheet and the SVG charts inline, no script, nothing fetched from a
// network; lang is the report's language.
func (d *Document) WriteHTML(w io.Writer) error {
	v := htmlView{Document: d, CSS: template.CSS(css), Labels: d.labels}
	wd := &words{lang: langOf(d.Lang)}
	for i, p := range d.Parts {
		hp := htmlPart{Part: p, Number: strconv.Itoa(i + 1), Anchor: "p-" + p.ID}
		if p.ID == PartAnnex {
			hp.Number = "A"
		}
		for _, b := range p.Blocks {
			hb := htmlBlock{Block: b, AnnexID: b.Annex}
			if b.Chart != nil {
				dr := wd.draw(b.Chart)
				hb.Drawing = &dr
			}
			if b.Table != nil {
				hb.View = viewOf(b.Table, b.Heading)
			}
			hp.Blocks = append(hp.Blocks, hb)
		}
		v.Parts = append(v.Parts, hp)
	}
	return page.Execute(w, v)
}

func viewOf(t *Table, label string) *tableView {
	v := &tableView{Label: label}
	num := func(i int) bool { return i < len(t.Numeric) && t.Numeric[i] }
	for i, h := range t.Headers {
		v.Head = append(v.Head, cellView{h, num(i)})
	}
	for _, r := range t.Rows {
		var row []cellView
		for i, c := range r {
			row = append(row, cellView{c, num(i)})
		}
		v.Body = append(v.Body, row)
	}
	return v
}
