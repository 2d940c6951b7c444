package indicators

import (
	"fmt"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
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

// WriteMarkdownLayout writes one result as a Markdown section under the
// heading line: the sentence (if any), the table already laid out, its
// cells and headers written by the caller in p's language, what the
// result is, and the definition.
func WriteMarkdownLayout(w io.Writer, p *i18n.Printer, heading string, def csi.IndicatorDef, res *csi.IndicatorResult, sentence string, t Table) error {
	fmt.Fprintf(w, "%s\n\n", heading)
	if sentence != "" {
		fmt.Fprintf(w, "%s\n\n", sentence)
	}
	if len(t.Rows) == 0 {
		fmt.Fprint(w, p.T("No data in scope.")+"\n\n")
	} else {
		if err := MarkdownTable(w, t); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	meta := LocalMeta(res, p)
	for _, kv := range meta[:len(meta)-1] { // not when it was generated
		fmt.Fprintf(w, "- %s: %s\n", kv[0], kv[1])
	}
	_, err := fmt.Fprintf(w, "- %s: %s\n\n", p.T("definition"), def.Definition)
	return err
}
