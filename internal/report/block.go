package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

// block builds the block of one or more computations of an indicator
// (several: the years a table of the stato dell'arte compares).
func (b *builder) block(idx []int) (Block, bool) {
	it := b.in.Items[idx[0]]
	def, err := indicators.Find(it.Name)
	if err != nil {
		return Block{}, false
	}
	if len(idx) > 1 {
		return b.yearsBlock(def, idx), true
	}
	res := b.in.Results[idx[0]]
	blk := b.header(def, res)
	// A register with nothing recorded: the note (what to record, with
	// which command) is the finding, not a table of zeros.
	if notRecorded(notesOf(res), res.Rows) {
		blk.Sentence = blk.Note
		return blk, true
	}
	cur, before := b.labelsOf(it)
	missing := b.missing(def, it)
	rows := dropYears(res.Rows, missing)
	if len(missing) > 0 {
		blk.NoData = b.noData(missing)
	}
	// The period the table is about has no data: the wording replaces the
	// sentence, and the table too unless it shows the period before.
	curMissing := slices.Contains(missing, cur)
	if curMissing && (len(rows) == 0 || !rowKeys(res)["periodo"]) {
		blk.Sentence = blk.NoData
		return blk, true
	}
	shown := withRows(res, rows)
	blk.Sentence = b.sentence(reading{def: def, res: shown, cur: cur, before: before})
	if curMissing {
		blk.Sentence = blk.NoData
	}
	blk.Table = b.table(def, shown)
	if blk.Table != nil && len(blk.Table.Rows) > maxBodyRows {
		if t := totalLevel(rows); len(t) < len(rows) {
			full := blk
			full.key = "long:" + blk.Heading
			b.annex = append(b.annex, full)
			blk.Annex = full.key
			blk.Table = b.table(def, withRows(res, t))
		}
	}
	blk.Chart = b.chart(def, blk.Heading, []series{{cur, shown}})
	return blk, true
}

// yearsBlock builds the block of a year-based table compared across
// years: one table with a row group per year, one chart with a bar per
// year; a year without data is left out and said so.
func (b *builder) yearsBlock(def csi.IndicatorDef, idx []int) Block {
	last := b.in.Results[idx[len(idx)-1]]
	blk := b.header(def, last)
	var years []string
	for _, i := range idx {
		years = append(years, strconv.Itoa(b.in.Items[i].Params.Year))
	}
	blk.Heading = b.title(def, last) + ", " + strings.Join(years, " / ")
	q := last.Params
	q.Year = 0
	blk.Meta[1].Value = b.p.T("years %s", strings.Join(years, ", "))
	if rest := b.params(q); rest != "" {
		blk.Meta[1].Value += "; " + rest
	}
	var missing, kept []string
	var ss []series
	var rs []*csi.IndicatorResult
	for k, i := range idx {
		if !b.hasData(b.in.Items[i].Params.Year) {
			missing = append(missing, years[k])
			continue
		}
		kept = append(kept, years[k])
		ss = append(ss, series{years[k], b.in.Results[i]})
		rs = append(rs, b.in.Results[i])
	}
	if len(missing) > 0 {
		blk.NoData = b.noData(missing)
	}
	if len(rs) == 0 {
		blk.Sentence = blk.NoData
		return blk
	}
	in := reading{def: def, res: rs[len(rs)-1], cur: kept[len(kept)-1]}
	if len(rs) > 1 {
		in.prev, in.before = rs[0], kept[0]
	}
	if kept[len(kept)-1] != years[len(years)-1] {
		blk.Sentence = blk.NoData
	} else {
		blk.Sentence = b.sentence(in)
	}
	blk.Table = b.table(def, stack(rs, kept))
	blk.Chart = b.chart(def, blk.Heading, ss)
	return blk
}

// header starts a block: its heading, the indicator, what the table is.
func (b *builder) header(def csi.IndicatorDef, res *csi.IndicatorResult) Block {
	blk := Block{Indicator: res.Indicator, Version: res.Version, Heading: b.qualified(def, res), Meta: b.meta(res)}
	blk.Note = b.noteText(notesOf(res))
	return blk
}

// labelsOf returns the label of the current period of an item's table,
// and of the previous one when the table compares two.
func (b *builder) labelsOf(it Item) (cur, before string) {
	switch {
	case it.Params.Year != 0:
		return strconv.Itoa(it.Params.Year), ""
	case len(it.Params.Period) > 1:
		return it.Params.Period[len(it.Params.Period)-1], it.Params.Period[0]
	case len(it.Params.Period) == 1:
		return it.Params.Period[0], ""
	}
	return b.cur.Label(), ""
}

// missing returns the periods and years of an item's table that have no
// data. Only the tables of records are read so (those that count records,
// or share them out over the residents): the registers of the process
// (meetings, courses, referents) and the registry have their own dates,
// and their zeros are findings.
func (b *builder) missing(def csi.IndicatorDef, it Item) []string {
	if (len(def.Counts) == 0 && !def.UsesPopulation) || it.Part == PartInput || it.Part == PartProcesso {
		return nil
	}
	var out []string
	if it.Params.Year != 0 && !b.hasData(it.Params.Year) {
		out = append(out, strconv.Itoa(it.Params.Year))
	}
	for _, label := range it.Params.Period {
		p, err := indicators.ParsePeriod(label)
		if err != nil {
			continue
		}
		var none []string
		for _, y := range p.Years() {
			if !b.hasData(y) {
				none = append(none, strconv.Itoa(y))
			}
		}
		switch {
		case len(none) == len(p.Years()):
			out = append(out, label)
		case len(none) > 0:
			out = append(out, none...)
		}
	}
	if len(it.Params.Period) == 0 && it.Params.Year == 0 && it.Params.Since != "" {
		var none []string
		for _, y := range b.cur.Years() {
			if !b.hasData(y) {
				none = append(none, strconv.Itoa(y))
			}
		}
		if len(none) == len(b.cur.Years()) {
			none = []string{b.cur.Label()}
		}
		out = append(out, none...)
	}
	return out
}

// dropYears leaves out the rows of the periods without data (a year
// without data inside a period keeps its rows: the period's layout has a
// column per year).
func dropYears(rows []csi.IndicatorRow, missing []string) []csi.IndicatorRow {
	if len(missing) == 0 {
		return rows
	}
	var out []csi.IndicatorRow
	for _, r := range rows {
		if slices.Contains(missing, r.Str("periodo")) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// noData says, in words, that periods or years have no data, and when
// the registry was last updated.
func (b *builder) noData(labels []string) string {
	what := strings.Join(labels, ", ")
	if b.lastUpdate == "" {
		return b.p.T("No data for %s: no registry update is on record.", what)
	}
	return b.p.T("No data for %s: last registry update %s.", what, b.date(b.lastUpdate))
}

// table lays a result out for people in the report's language.
func (b *builder) table(def csi.IndicatorDef, res *csi.IndicatorResult) *Table {
	if len(res.Rows) == 0 {
		return nil
	}
	lt := indicators.Layout(def, res, indicators.Format{})
	t := &Table{Numeric: lt.Numeric}
	for _, h := range lt.Headers {
		t.Headers = append(t.Headers, header(b.p.Lang(), h))
	}
	kinds := columnKinds(def, lt)
	for _, r := range lt.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			if kinds[i] == i18n.Text && i < len(lt.Headers) {
				c = b.lang.Value(lt.Headers[i], c) // a code's name: riferimento ISTAT in English
			}
			row[i] = b.kindCell(kinds[i], c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// columnKinds says what each column of a layout holds, as the terminal
// tables do: the indicator's percentage column a percentage, amounts
// money, decimals numbers, other numbers counts, ISO dates dates. A year
// is a number, but written as a year (2023, not 2.023).
func columnKinds(def csi.IndicatorDef, lt indicators.Table) []i18n.Kind {
	ks := make([]i18n.Kind, len(lt.Headers))
	for i, h := range lt.Headers {
		col := make([]string, 0, len(lt.Rows))
		for _, r := range lt.Rows {
			if i < len(r) {
				col = append(col, r[i])
			}
		}
		numeric := i < len(lt.Numeric) && lt.Numeric[i] && !isYearKey(h)
		switch {
		case !numeric:
			ks[i] = i18n.Text
			if allCells(col, dateCell.MatchString) {
				ks[i] = i18n.Date
			}
		case h == def.Percent:
			ks[i] = i18n.Percent
		case h == "importo" || strings.HasPrefix(h, "importo_") || strings.HasSuffix(h, "_euro"):
			ks[i] = i18n.Money
		case !allCells(col, intCell.MatchString):
			ks[i] = i18n.Number
		default:
			ks[i] = i18n.Count
		}
	}
	return ks
}

// allCells reports whether pred holds for every cell that holds a value
// (not empty, not withheld, not a dash), and for at least one.
func allCells(cells []string, pred func(string) bool) bool {
	seen := false
	for _, c := range cells {
		if c == "" || c == "—" || c == "-" || c == indicators.Complementary || strings.HasPrefix(c, "<") {
			continue
		}
		if !pred(c) {
			return false
		}
		seen = true
	}
	return seen
}

// kindCell writes a cell of kind k for people in the report's language;
// yes and no are words, withheld cells ("<5", "c") stay.
func (b *builder) kindCell(k i18n.Kind, c string) string {
	switch c {
	case "yes":
		return b.p.T("yes")
	case "no":
		return b.p.T("no")
	}
	return b.lang.Cell(k, c)
}

// annexOf adds to the annex the per-Comune tables of an indicator, once.
func (b *builder) annexOf(name string) {
	if b.annexed[name] {
		return
	}
	b.annexed[name] = true
	def, err := indicators.Find(name)
	if err != nil {
		return
	}
	for i, it := range b.in.Items {
		if it.Name != name || it.Use != UseAnnex {
			continue
		}
		res := b.in.Results[i]
		missing := b.missing(def, Item{Name: name, Params: it.Params, Part: PartAltri})
		rows := comuneRows(dropYears(res.Rows, missing))
		if len(rows) == 0 || slices.Contains(missing, strconv.Itoa(it.Params.Year)) || slices.Contains(missing, b.cur.Label()) ||
			notRecorded(notesOf(res), res.Rows) {
			continue
		}
		blk := b.header(def, res)
		blk.Heading = b.p.T("%s, per Comune", blk.Heading)
		if len(missing) > 0 {
			blk.NoData = b.noData(missing)
		}
		shown := withRows(res, rows)
		blk.Sentence = b.annexSentence(def, shown)
		blk.Table = b.table(def, shown)
		b.annex = append(b.annex, blk)
		b.sections = append(b.sections, Section{PartAnnex, blk.Heading, blk.Sentence, res})
	}
}

// annexSentence reads a per-Comune table: the Comune with the most, and
// how many have none.
func (b *builder) annexSentence(def csi.IndicatorDef, res *csi.IndicatorResult) string {
	m := measureOf(def, res)
	best, bv, ok := largest(res.Rows, "nome", m)
	n := b.num(int64(len(comuneSet(res.Rows))))
	if m == "" || !ok {
		return b.p.T("%s Comuni, sorted by Ambito and name.", n)
	}
	if bv == 0 {
		return b.p.T("Sorted by Ambito and name: none of the %s Comuni records any %s.", n, indicators.Title(m))
	}
	zero := map[string]bool{}
	for _, r := range res.Rows {
		if v, ok := r.Get(m).(int64); ok && v == 0 {
			zero[r.Str("nome")] = true
		}
	}
	var bt string
	for _, r := range res.Rows {
		if r.Str("nome") == best {
			_, bt, _ = b.value(r, m)
			break
		}
	}
	return b.p.T("Sorted by Ambito and name: the most %s is in %s (%s); %s of the %s Comuni record none.",
		indicators.Title(m), best, bt, b.num(int64(len(zero))), n)
}

func comuneSet(rows []csi.IndicatorRow) map[string]bool {
	set := map[string]bool{}
	for _, r := range rows {
		set[r.Str("codice")+r.Str("comune")] = true
	}
	return set
}

// isYearKey says whether a column holds years: anno, anno_iniziale…, not
// the per-year counts of a seed layout (anno_1_pic).
func isYearKey(k string) bool {
	if k == "anno" {
		return true
	}
	rest, ok := strings.CutPrefix(k, "anno_")
	return ok && rest != "" && (rest[0] < '0' || rest[0] > '9')
}
