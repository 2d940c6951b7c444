package indicators

import (
	"fmt"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Title turns a snake_case header into words ("saldo_iniziale" → "saldo
// iniziale").
func Title(h string) string { return strings.ReplaceAll(h, "_", " ") }

// MarkdownTable writes t as a GitHub-flavoured Markdown table.
func MarkdownTable(w io.Writer, t Table) error {
	var b strings.Builder
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	b.WriteString("|")
	for _, h := range t.Headers {
		b.WriteString(" " + esc.Replace(Title(h)) + " |")
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
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes one result as a Markdown section: a heading, the
// sentence (if any), the table in its human layout, what the result is,
// and the definition.
func WriteMarkdown(w io.Writer, def csi.IndicatorDef, res *csi.IndicatorResult, sentence string) error {
	return WriteMarkdownSection(w, "## "+res.Title, def, res, sentence)
}

// WriteMarkdownSection is WriteMarkdown under the given heading line.
func WriteMarkdownSection(w io.Writer, heading string, def csi.IndicatorDef, res *csi.IndicatorResult, sentence string) error {
	return WriteMarkdownLayout(w, heading, def, res, sentence, Layout(def, res, Format{Group: true}))
}

// WriteMarkdownLayout is WriteMarkdownSection with the table already laid
// out, its cells written by the caller (in the reader's language).
func WriteMarkdownLayout(w io.Writer, heading string, def csi.IndicatorDef, res *csi.IndicatorResult, sentence string, t Table) error {
	fmt.Fprintf(w, "%s\n\n", heading)
	if sentence != "" {
		fmt.Fprintf(w, "%s\n\n", sentence)
	}
	if len(t.Rows) == 0 {
		fmt.Fprint(w, "No data in scope.\n\n")
	} else {
		if err := MarkdownTable(w, t); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	for _, kv := range Meta(res) {
		if kv[0] == "generated" {
			continue
		}
		fmt.Fprintf(w, "- %s: %s\n", kv[0], kv[1])
	}
	_, err := fmt.Fprintf(w, "- definition: %s\n\n", def.Definition)
	return err
}
