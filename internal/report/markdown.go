package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as one Markdown document: the same
// parts, sentences and tables as the HTML, without the charts.
func (d *Document) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s %s · %s %s\n\n%s\n\n", d.Title, d.labels.Generated, d.GeneratedText(), d.labels.Snapshot, d.Snapshot, d.Intro)
	if d.Suppression != "" {
		fmt.Fprintf(&b, "%s\n\n", d.Suppression)
	}
	for i, p := range d.Parts {
		n := fmt.Sprint(i + 1)
		if p.ID == PartAnnex {
			n = "A"
		}
		fmt.Fprintf(&b, "## %s. %s\n\n", n, p.Heading)
		if p.Sentence != "" {
			fmt.Fprintf(&b, "*%s*\n\n", p.Sentence)
		}
		for _, blk := range p.Blocks {
			writeMarkdownBlock(&b, d, blk)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownBlock(b *strings.Builder, d *Document, blk Block) {
	fmt.Fprintf(b, "### %s %s\n\n%s\n\n", blk.ID, blk.Heading, blk.Sentence)
	if blk.NoData != "" && blk.NoData != blk.Sentence {
		fmt.Fprintf(b, "> %s\n\n", blk.NoData)
	}
	if blk.Note != "" && blk.Note != blk.Sentence {
		fmt.Fprintf(b, "> %s\n\n", blk.Note)
	}
	if blk.Table != nil {
		markdownTable(b, blk.Table)
		b.WriteString("\n")
	}
	if blk.Annex != "" {
		fmt.Fprintf(b, "%s: %s.\n\n", d.labels.SeeAnnex, blk.Annex)
	}
	if len(blk.Meta) > 0 {
		var parts []string
		for _, m := range blk.Meta {
			parts = append(parts, m.Label+": "+m.Value)
		}
		fmt.Fprintf(b, "%s\n\n", strings.Join(parts, " · "))
	}
}

// markdownTable writes t as a GitHub-flavoured Markdown table.
func markdownTable(b *strings.Builder, t *Table) {
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	b.WriteString("|")
	for _, h := range t.Headers {
		b.WriteString(" " + esc.Replace(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Headers {
		if i < len(t.Numeric) && t.Numeric[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + esc.Replace(c) + " |")
		}
		b.WriteString("\n")
	}
}
