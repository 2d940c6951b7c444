package report

import (
	"fmt"
	"unicode/utf8"
)

// Chart geometry, in SVG user units: the chart scales to the width of the
// page (a phone shows it smaller, never wider than the screen).
const (
	svgWidth    = 480
	svgLabelW   = 140
	svgValueW   = 52
	svgBarH     = 14
	svgBarGap   = 2
	svgGroupGap = 8
	svgTop      = 8
	svgAxisH    = 40
	svgLegendH  = 20
	svgMaxLabel = 20
)

// Drawing is a chart laid out for the SVG template.
type Drawing struct {
	Width, Height int
	Title, Axis   string
	Legend        []Mark
	Labels        []Mark
	Bars          []Mark
	Ticks         []Tick
	AxisX, AxisY  float64
	AxisEnd       float64
	AxisMid       float64
	TitleY        float64
	PlotW         float64
}

// Mark is one text or one bar of a drawing.
type Mark struct {
	X, Y, W, H float64
	// TX, TY place the mark's text.
	TX, TY     float64
	Class      string
	Text, Full string
}

// Tick is one graduation of the axis.
type Tick struct {
	X, Y1, Y2, TY float64
	Text          string
}

// draw lays c out: labels on the left, bars on one axis from zero, the
// value beside each bar, the graduated axis and its title below, a legend
// above when there are several series.
func (w *words) draw(c *Chart) Drawing {
	d := Drawing{Width: svgWidth, Title: c.Title, Axis: c.Axis, AxisX: svgLabelW, PlotW: svgWidth - svgLabelW - svgValueW}
	top, whole := 0.0, true
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			if b.Shown {
				top = max(top, b.Value)
				whole = whole && b.Value == float64(int64(b.Value))
			}
		}
	}
	end, step := niceTop(top, whole)
	y := float64(svgTop)
	if len(c.Series) > 1 {
		for i, s := range c.Series {
			x := float64(svgLabelW + i*110)
			d.Legend = append(d.Legend, Mark{X: x, Y: y, W: 12, H: 12, TX: x + 16, TY: y + 10, Class: fmt.Sprintf("s%d", i%4), Text: s})
		}
		y += svgLegendH
	}
	for _, g := range c.Groups {
		n := float64(len(g.Bars))
		h := n*svgBarH + (n-1)*svgBarGap
		label, full := g.Label, ""
		if utf8.RuneCountInString(label) > svgMaxLabel {
			full = label
			label = string([]rune(label)[:svgMaxLabel-1]) + "…"
		}
		d.Labels = append(d.Labels, Mark{X: svgLabelW - 6, Y: y + h/2 + 4, Text: label, Full: full})
		for i, b := range g.Bars {
			by := y + float64(i)*(svgBarH+svgBarGap)
			bw := 0.0
			if b.Shown && end > 0 {
				bw = b.Value / end * d.PlotW
			}
			d.Bars = append(d.Bars, Mark{X: svgLabelW, Y: by, W: bw, H: svgBarH, TX: svgLabelW + bw + 4, TY: by + 11, Class: fmt.Sprintf("s%d", i%4), Text: b.Text})
		}
		y += h + svgGroupGap
	}
	d.AxisY, d.AxisEnd, d.AxisMid, d.TitleY = y, svgLabelW+d.PlotW, svgLabelW+d.PlotW/2, y+32
	for i := 0; float64(i)*step <= end+step/2; i++ {
		v := float64(i) * step
		d.Ticks = append(d.Ticks, Tick{X: svgLabelW + v/end*d.PlotW, Y1: y, Y2: y + 4, TY: y + 15, Text: w.tick(v, step)})
	}
	d.Height = int(y) + svgAxisH
	return d
}

// tick writes an axis graduation with the decimals its step needs.
func (w *words) tick(v, step float64) string {
	places := 0
	for s := step; s < 1 && places < 3; s *= 10 {
		places++
	}
	return w.lang.Decimal(v, places)
}
