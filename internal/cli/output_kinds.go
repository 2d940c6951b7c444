package cli

import (
	"regexp"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/i18n"
)

// Kind is what a column of a Table holds (see i18n.Kind).
type Kind = i18n.Kind

// Cell kinds, re-exported so that commands can declare Table.Kinds
// without importing i18n.
const (
	KindText    = i18n.Text
	KindCount   = i18n.Count
	KindNumber  = i18n.Number
	KindPercent = i18n.Percent
	KindMoney   = i18n.Money
	KindDate    = i18n.Date
	KindTime    = i18n.Time
)

// columnKinds returns the kind of every column of t: Kinds where the
// command declares them, inferred from the header and the cells
// otherwise (inferKind), so that a command that declares nothing still
// prints its counts and dates like every other.
func (t Table) columnKinds() []i18n.Kind {
	ks := make([]i18n.Kind, len(t.Headers))
	for i, h := range t.Headers {
		if i < len(t.Kinds) {
			ks[i] = t.Kinds[i]
			continue
		}
		col := make([]string, 0, len(t.Rows))
		for _, r := range t.Rows {
			if i < len(r) {
				col = append(col, r[i])
			}
		}
		ks[i] = inferKind(h, col)
	}
	return ks
}

// codeWords are header words of columns whose digits are codes or ids,
// never quantities: an ISTAT code 108033 must not read 108.033.
var codeWords = map[string]bool{"id": true, "istat": true, "codice": true, "code": true, "cod": true,
	"cf": true, "anno": true, "year": true, "version": true, "versione": true, "line": true, "riga": true,
	"cap": true, "civico": true, "protocollo": true, "belfiore": true, "comune": true, "seed": true,
	"port": true, "periodo": true, "period": true, "revision": true, "snapshot": true, "famiglia": true}

// moneyWords and percentWords are header words of amounts and shares.
var (
	moneyWords   = map[string]bool{"importo": true, "amount": true, "euro": true, "spesa": true}
	percentWords = map[string]bool{"percentuale": true, "percent": true, "pct": true}
)

var (
	machineInt = regexp.MustCompile(`^-?(0|[1-9]\d*)$`)
	machineDec = regexp.MustCompile(`^-?(0|[1-9]\d*)\.\d+$`)
)

// inferKind guesses the kind of a column: dates and instants by their
// form; numbers by their form unless a header word says the digits are a
// code (codeWords), amounts and percentages by a header word.
func inferKind(header string, cells []string) i18n.Kind {
	var seen []string
	for _, c := range cells {
		if c != "" {
			seen = append(seen, c)
		}
	}
	words := headerWords(header)
	switch {
	case len(seen) == 0:
		return i18n.Text
	case all(seen, isISODate):
		return i18n.Date
	case all(seen, isInstant):
		return i18n.Time
	case anyWord(words, codeWords):
		return i18n.Text
	case !all(seen, func(s string) bool { return machineInt.MatchString(s) || machineDec.MatchString(s) }):
		return i18n.Text
	case anyWord(words, moneyWords):
		return i18n.Money
	case anyWord(words, percentWords):
		return i18n.Percent
	case all(seen, machineInt.MatchString):
		return i18n.Count
	}
	return i18n.Number
}

func headerWords(h string) []string {
	return strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return r == '_' || r == ' ' || r == '-' })
}

func anyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

func all(cells []string, pred func(string) bool) bool {
	for _, c := range cells {
		if !pred(c) {
			return false
		}
	}
	return true
}

func isISODate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func isInstant(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// humanCells returns t's rows written for people in lang: each cell in
// its column's kind (see i18n.Lang.Cell).
func humanCells(t Table, kinds []i18n.Kind, lang i18n.Lang) [][]string {
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			k := i18n.Text
			if j < len(kinds) {
				k = kinds[j]
			}
			if k == i18n.Text && j < len(t.Headers) {
				c = lang.Value(t.Headers[j], c)
			}
			rows[i][j] = lang.Cell(k, c)
		}
	}
	return rows
}

// Human writes the machine text raw of kind k as people read it in the
// chosen language: for messages and summaries that print a figure or a
// date outside a table, so that it reads as it does in the tables.
func (f *Factory) Human(k Kind, raw string) string { return f.Lang.Cell(k, raw) }
