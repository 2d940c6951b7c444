package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/indicators"
)

// css is the whole style sheet: inline, no fonts or images to fetch, and a
// print layout (A4, no navigation, tables not split across pages).
const css = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #2b6cb0; padding-bottom: .3rem; }
h2 { font-size: 1.15rem; margin-top: 2.2rem; color: #2a4365; }
p.meta, dl.meta, p.definition { color: #4a5568; font-size: .85rem; }
p.sentence { font-size: 1rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; }
th, td { border: 1px solid #cbd5e0; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #edf2f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg.chart rect { fill: #2b6cb0; }
svg.chart text { fill: #1a202c; }
nav ol { columns: 2; font-size: .9rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  section.indicator { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`

// WriteHTML writes the report as one self-contained HTML file: inline
// style sheet and SVG charts, no script, nothing fetched from a network.
func (r *Report) WriteHTML(w io.Writer) error {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(r.Title()), css)
	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n<p class=\"meta\">Generated %s from store snapshot %s.</p>\n<p>%s</p>\n</header>\n",
		esc(r.Title()), esc(r.GeneratedAt), esc(r.Snapshots()), esc(r.Intro()))
	b.WriteString("<nav>\n<ol>\n")
	for i, s := range r.Sections {
		fmt.Fprintf(&b, "<li><a href=\"#s%d\">%s</a></li>\n", i+1, esc(Heading(s.Result)))
	}
	b.WriteString("</ol>\n</nav>\n")
	for i, s := range r.Sections {
		writeSection(&b, i+1, s)
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSection(b *strings.Builder, n int, s Section) {
	esc := html.EscapeString
	res := s.Result
	fmt.Fprintf(b, "<section class=\"indicator\" id=\"s%d\" data-indicator=\"%s\" data-version=\"%s\">\n<h2>%d. %s</h2>\n",
		n, esc(res.Indicator), esc(res.Version), n, esc(Heading(res)))
	if s.Sentence != "" {
		fmt.Fprintf(b, "<p class=\"sentence\">%s</p>\n", esc(s.Sentence))
	}
	if svg := SVG(Heading(res), Bars(res)); svg != "" {
		fmt.Fprintf(b, "<figure>%s</figure>\n", svg)
	}
	t := indicators.Layout(s.Def, res, indicators.Format{Group: true})
	if len(t.Rows) > 0 {
		b.WriteString("<table>\n<thead><tr>")
		for _, h := range t.Headers {
			fmt.Fprintf(b, "<th>%s</th>", esc(indicators.Title(h)))
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, row := range t.Rows {
			b.WriteString("<tr>")
			for i, c := range row {
				if i < len(t.Numeric) && t.Numeric[i] {
					fmt.Fprintf(b, "<td class=\"num\">%s</td>", esc(c))
				} else {
					fmt.Fprintf(b, "<td>%s</td>", esc(c))
				}
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	b.WriteString("<dl class=\"meta\">")
	for _, kv := range indicators.Meta(res) {
		if kv[0] != "generated" {
			fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>", esc(kv[0]), esc(kv[1]))
		}
	}
	fmt.Fprintf(b, "</dl>\n<p class=\"definition\">%s</p>\n</section>\n", esc(s.Def.Definition))
}
