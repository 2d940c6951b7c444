package report

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

// words writes the report's texts and numbers in one language.
type words struct {
	p    *i18n.Printer
	lang i18n.Lang
	// suppressBelow is the report's --suppress-below (0: none).
	suppressBelow int
}

func newWords(p *i18n.Printer, suppressBelow int) *words {
	return &words{p: p, lang: p.Lang(), suppressBelow: suppressBelow}
}

// num writes a count (8.823 in Italian).
func (w *words) num(n int64) string { return w.lang.Int(n) }

// dec writes a decimal with the decimals it has (1,01 in Italian).
func (w *words) dec(d csi.Dec) string {
	s := string(d)
	places := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		places = len(s) - i - 1
	}
	return w.lang.Decimal(d.Float(), places)
}

// share writes part/whole as a percentage, no decimals (one below 10).
func (w *words) share(part, whole int64) string {
	if whole == 0 {
		return w.lang.Percent(0, 0)
	}
	v := float64(part) * 100 / float64(whole)
	if v < 10 && v != 0 {
		return w.lang.Percent(v, 1)
	}
	return w.lang.Percent(v, 0)
}

// change writes the change from before (not zero) to now as a signed
// percentage (+12,3%).
func (w *words) change(before, now int64) string {
	v := float64(now-before) * 100 / float64(before)
	s := w.lang.Percent(v, 1)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// date writes a YYYY-MM-DD date for people (30/06/2024 in Italian).
func (w *words) date(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return w.lang.Date(t)
}

var (
	intCell  = regexp.MustCompile(`^-?\d+$`)
	decCell  = regexp.MustCompile(`^-?\d+\.(\d+)$`)
	dateCell = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// cell rewrites a cell laid out by package indicators (plain digits,
// ISO dates, yes/no) for people; withheld cells ("<5", "c") stay.
func (w *words) cell(s string, numeric bool) string {
	switch {
	case numeric && intCell.MatchString(s):
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return w.num(n)
		}
	case numeric && decCell.MatchString(s):
		return w.dec(csi.Dec(s))
	case dateCell.MatchString(s):
		return w.date(s)
	case s == "yes":
		return w.p.T("yes")
	case s == "no":
		return w.p.T("no")
	}
	return s
}

// value writes one row value for a chart or sentence: "<N" or "c" when
// withheld.
func (w *words) value(r csi.IndicatorRow, key string) (float64, string, bool) {
	if r.IsComplementary(key) {
		return 0, indicators.Complementary, false
	}
	if r.IsSuppressed(key) {
		return 0, "<" + strconv.Itoa(w.suppressBelow), false
	}
	switch v := r.Get(key).(type) {
	case int64:
		return float64(v), w.num(v), true
	case csi.Dec:
		return v.Float(), w.dec(v), true
	}
	return 0, "", false
}

// header turns a snake_case key into a column heading in lang
// ("saldo_iniziale" → "Saldo iniziale", "Opening balance" in English).
func header(lang i18n.Lang, key string) string {
	s := lang.Header(key)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// langOf returns the language a document names.
func langOf(s string) i18n.Lang {
	if l, err := i18n.Parse(s); err == nil {
		return l
	}
	return i18n.Italian
}
