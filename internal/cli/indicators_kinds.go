package cli

import (
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

// indicatorTable is the human layout of a result as an output Table: cells
// in machine text, each column's kind said (the indicator's percentage
// column a percentage, amounts money, other numbers counts or decimals),
// so that the output path writes them in the chosen language.
func indicatorTable(def csi.IndicatorDef, res *csi.IndicatorResult, bar bool, p *i18n.Printer) Table {
	lt := indicators.Layout(def, res, indicators.Format{Bar: bar})
	return Table{Headers: lt.Headers, Rows: lt.Rows, Kinds: indicatorKinds(def, lt), Title: res.Indicator, Meta: indicatorMeta(res, p)}
}

// indicatorKinds returns the kind of each column of an indicator layout.
func indicatorKinds(def csi.IndicatorDef, lt indicators.Table) []i18n.Kind {
	ks := make([]i18n.Kind, len(lt.Headers))
	for i, h := range lt.Headers {
		if i >= len(lt.Numeric) || !lt.Numeric[i] {
			ks[i] = inferKind(h, column(lt.Rows, i))
			if ks[i].Numeric() {
				ks[i] = i18n.Text // a number the indicator does not call one is a code
			}
			continue
		}
		switch {
		case h == def.Percent:
			ks[i] = i18n.Percent
		case anyWord(headerWords(h), moneyWords):
			ks[i] = i18n.Money
		case anyCell(column(lt.Rows, i), func(c string) bool { return strings.Contains(c, ".") }):
			ks[i] = i18n.Number
		default:
			ks[i] = i18n.Count
		}
	}
	return ks
}

// indicatorMeta is what a result is, for the head of an xlsx sheet: the
// title and the lines of indicators.LocalMeta, in the reader's language.
func indicatorMeta(res *csi.IndicatorResult, p *i18n.Printer) [][2]string {
	return append([][2]string{{p.T("title"), indicators.LocalizedTitle(res.Indicator, res.Title, p.Lang())}}, indicators.LocalMeta(res, p)...)
}

func column(rows [][]string, i int) []string {
	col := make([]string, 0, len(rows))
	for _, r := range rows {
		if i < len(r) {
			col = append(col, r[i])
		}
	}
	return col
}

func anyCell(cells []string, pred func(string) bool) bool {
	for _, c := range cells {
		if pred(c) {
			return true
		}
	}
	return false
}

// indicatorMarkdown writes a result as a Markdown section whose cells are
// written in the chosen language, numbers right-aligned.
func (f *Factory) indicatorMarkdown(def csi.IndicatorDef, res *csi.IndicatorResult) error {
	t := indicatorTable(def, res, false, f.tr)
	lt := indicators.Table{Headers: humanHeaders(t.Headers, f.Lang), Rows: humanCells(t, t.Kinds, f.Lang)}
	for _, k := range t.Kinds {
		lt.Numeric = append(lt.Numeric, k.Numeric())
	}
	return indicators.WriteMarkdownLayout(f.IO.Out, f.tr, "## "+indicators.LocalizedTitle(res.Indicator, res.Title, f.Lang), indicators.Localized(def, f.Lang), res, "", lt)
}
