package report

import (
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// Document is the whole report, ready to render: every text in the
// report's language, every number formatted for people. Its JSON form is
// part of `csi report -o json`.
type Document struct {
	Lang          string `json:"lang"`
	Title         string `json:"title"`
	Period        string `json:"period"`
	Previous      string `json:"previous_period"`
	GeneratedAt   string `json:"generated_at"`
	Snapshot      string `json:"snapshot"`
	SuppressBelow int    `json:"suppress_below,omitempty"`
	// Intro is the paragraph under the title; Suppression says how withheld
	// counts read, when some are.
	Intro       string `json:"intro"`
	Suppression string `json:"suppression,omitempty"`
	Parts       []Part `json:"parts"`
	// Sections are the computed results the parts were made from, one per
	// table computed, with the heading and sentence that read it.
	Sections []Section `json:"sections"`
	// labels are the document's fixed words (contents, figure, source…).
	labels labels
}

// Part is one section of the plan's structure (premessa, stato dell'arte,
// process indicators…): a heading, a sentence that sums it up, its blocks.
type Part struct {
	ID       string  `json:"id"`
	Heading  string  `json:"heading"`
	Sentence string  `json:"sentence"`
	Blocks   []Block `json:"blocks"`
}

// Block is one table of the report with what reads it: the sentence that
// states the finding, the words that replace a table without data, the
// note of an indicator with nothing recorded, the table and its chart.
type Block struct {
	ID        string `json:"id"`
	Indicator string `json:"indicator,omitempty"`
	Version   string `json:"version,omitempty"`
	Heading   string `json:"heading"`
	Sentence  string `json:"sentence"`
	// NoData says, in words, which period or year has no data; the rows of
	// those years are not shown.
	NoData string `json:"no_data,omitempty"`
	// Note is the indicator's own note (what to record, with which command).
	Note string `json:"note,omitempty"`
	// Annex is the id of the annex block holding the full table.
	Annex string `json:"annex,omitempty"`
	Table *Table `json:"table,omitempty"`
	Chart *Chart `json:"chart,omitempty"`
	// Meta states what the table is: indicator, parameters, population
	// source and snapshot.
	Meta []Meta `json:"meta,omitempty"`
	// key identifies an annex block until blocks are numbered.
	key string
}

// Meta is one "label: value" line under a table.
type Meta struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Table is a table laid out for people: formatted cells, the numeric
// columns aligned right.
type Table struct {
	Headers []string   `json:"headers"`
	Numeric []bool     `json:"numeric"`
	Rows    [][]string `json:"rows"`
}

// Chart is a horizontal bar chart: one group of bars per label, one bar
// per series (a period, a year, a measure), on one axis with its unit.
type Chart struct {
	Title  string     `json:"title"`
	Axis   string     `json:"axis"`
	Series []string   `json:"series"`
	Groups []BarGroup `json:"groups"`
}

// BarGroup is the bars of one label.
type BarGroup struct {
	Label string  `json:"label"`
	Bars  []Value `json:"bars"`
}

// Value is one bar: its value, and the text printed beside it ("<5" for a
// withheld count, which has no bar).
type Value struct {
	Value float64 `json:"value"`
	Text  string  `json:"text"`
	Shown bool    `json:"shown"`
}

// labels are the fixed words of a rendered document.
type labels struct {
	Contents, Generated, Snapshot, SeeAnnex string
}

// Section is one computed result of the report: which part it went to,
// the heading and sentence of its block, and the result itself (the JSON
// of 'csi indicators show').
type Section struct {
	Part     string               `json:"part"`
	Heading  string               `json:"heading"`
	Sentence string               `json:"sentence"`
	Result   *csi.IndicatorResult `json:"result"`
}

// GeneratedText is when the report was made, for people: 30/06/2024 10:00
// UTC in Italian, RFC 3339 in English (the JSON keeps RFC 3339).
func (d *Document) GeneratedText() string {
	return langOf(d.Lang).Cell(i18n.Time, d.GeneratedAt)
}
