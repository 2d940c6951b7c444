package report

import (
	"math"
	"slices"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// series is one set of bars of a chart: a period's or a year's result.
type series struct {
	name string
	res  *csi.IndicatorResult
}

// chart builds the chart of a block from its results, choosing it from
// the indicator's shape: per year, the flows (opened, closed); per
// category or per place, the measure, one bar per series. There is no
// chart when there is nothing to compare: fewer than two labels, or no
// value above zero. A withheld value has no bar, only its text.
func (w *words) chart(def csi.IndicatorDef, title string, ss []series) *Chart {
	if len(ss) == 0 {
		return nil
	}
	if len(ss) == 1 {
		ss = splitPeriods(ss[0])
	}
	sh := shapeOf(def, ss[0].res)
	var c *Chart
	if len(sh.flows) > 0 {
		c = w.flowChart(sh, ss[len(ss)-1].res)
	} else {
		c = w.measureChart(sh, ss)
	}
	if c == nil || len(c.Groups) < 2 || !anyAboveZero(c) || allEqual(c) {
		return nil
	}
	c.Title = title
	return c
}

// splitPeriods turns one result over several periods into one series per
// period.
func splitPeriods(s series) []series {
	var periods []string
	for _, r := range s.res.Rows {
		if p := r.Str("periodo"); p != "" && !slices.Contains(periods, p) {
			periods = append(periods, p)
		}
	}
	if len(periods) < 2 || rowKeys(s.res)["anno"] {
		return []series{s}
	}
	var out []series
	for _, p := range periods {
		out = append(out, series{p, withRows(s.res, where(s.res.Rows, "periodo", p))})
	}
	return out
}

// flowChart draws, per year, the flows of the total level.
func (w *words) flowChart(sh shape, res *csi.IndicatorResult) *Chart {
	c := &Chart{Axis: w.p.T("number per year")}
	for _, f := range sh.flows {
		c.Series = append(c.Series, header(w.p.Lang(), f))
	}
	for _, r := range totalLevel(res.Rows) {
		g := BarGroup{Label: w.cell(cellText(r.Get("anno")), false)}
		for _, f := range sh.flows {
			v, text, ok := w.value(r, f)
			g.Bars = append(g.Bars, Value{v, text, ok})
		}
		c.Groups = append(c.Groups, g)
	}
	return c
}

// measureChart draws the measure per label, one bar per series.
func (w *words) measureChart(sh shape, ss []series) *Chart {
	if sh.measure == "" || sh.label == "" {
		return nil
	}
	c := &Chart{Axis: w.axis(sh.measure)}
	index := map[string]int{}
	for i, s := range ss {
		if len(ss) > 1 {
			c.Series = append(c.Series, s.name)
		}
		for _, r := range chartRows(sh, s.res) {
			label := r.Str(sh.label)
			j, ok := index[label]
			if !ok {
				j = len(c.Groups)
				index[label] = j
				c.Groups = append(c.Groups, BarGroup{Label: label, Bars: make([]Value, len(ss))})
			}
			v, text, shown := w.value(r, sh.measure)
			c.Groups[j].Bars[i] = Value{v, text, shown}
		}
	}
	return c
}

// chartRows picks the rows a chart compares: the categories of the total
// level, or the places at the table's level (without the totals).
func chartRows(sh shape, res *csi.IndicatorResult) []csi.IndicatorRow {
	keys := rowKeys(res)
	if sh.category {
		// The categories of the province: the Totale of each, when the
		// table repeats them per Ambito, else the categories themselves.
		if t := where(res.Rows, "ambito", csi.TotalLabel); len(t) > 1 {
			return t
		}
		if t := where(res.Rows, "livello", csi.ByProvincia); len(t) > 1 {
			return t
		}
		return parts(res.Rows)
	}
	if keys["livello"] && res.Params.By != "" {
		return where(res.Rows, "livello", res.Params.By)
	}
	return parts(res.Rows)
}

// axis is the title of a chart's axis: what the measure is, and its unit.
func (w *words) axis(measure string) string {
	switch {
	case measure == "percentuale":
		return w.p.T("%s (per cent)", header(w.p.Lang(), measure))
	case measure == "importo":
		return w.p.T("%s (euro)", header(w.p.Lang(), measure))
	case measure == "mediana_giorni" || measure == "giorni":
		return w.p.T("%s (days)", header(w.p.Lang(), measure))
	}
	return w.p.T("%s (count)", header(w.p.Lang(), measure))
}

// allEqual says whether every bar shows the same value: nothing to compare.
func allEqual(c *Chart) bool {
	first, seen := 0.0, false
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			if !b.Shown {
				return false
			}
			if seen && b.Value != first {
				return false
			}
			first, seen = b.Value, true
		}
	}
	return true
}

func anyAboveZero(c *Chart) bool {
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			if b.Shown && b.Value > 0 {
				return true
			}
		}
	}
	return false
}

func cellText(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	}
	return ""
}

// niceTop returns a round upper end for an axis from 0 to top, and the
// step of its ticks (1, 2 or 5 times a power of ten, four steps or so;
// whole numbers for counts).
func niceTop(top float64, whole bool) (float64, float64) {
	if top <= 0 {
		return 1, 1
	}
	raw := top / 4
	if whole {
		raw = max(raw, 1)
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return math.Ceil(top/step) * step, step
}
