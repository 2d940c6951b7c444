package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/golden"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
)

func row(kv ...any) csi.IndicatorRow {
	var r csi.IndicatorRow
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1]
		if n, ok := v.(int); ok {
			v = int64(n)
		}
		r.Set(kv[i].(string), v)
	}
	return r
}

func result(name string, p csi.IndicatorParams, rows ...csi.IndicatorRow) *csi.IndicatorResult {
	def, _ := indicators.Find(name)
	return &csi.IndicatorResult{Indicator: name, Version: def.Version, Title: def.Title, Params: p,
		Snapshot: csi.NewSnapshot(4, 6), Rows: rows}
}

var ambiti = []string{"Carate Brianza", "Desio", "Monza", "Seregno", "Vimercate"}

// accessiRows are the seed's table 1 (2018-2020) beside made-up figures
// for the period before.
func accessiRows() []csi.IndicatorRow {
	var rows []csi.IndicatorRow
	for _, p := range []struct {
		label string
		n     []int
	}{{"2015-2017", []int{1900, 2100, 5000, 800, 2000}}, {"2018-2020", []int{4225, 3154, 8623, 1277, 3457}}} {
		tot := 0
		for i, a := range ambiti {
			rows = append(rows, row("periodo", p.label, "ambito", a, "accessi", p.n[i]))
			tot += p.n[i]
		}
		rows = append(rows, row("periodo", p.label, "ambito", csi.TotalLabel, "accessi", tot))
	}
	return rows
}

func fasce(y int, lt1, mid, gt2 int) *csi.IndicatorResult {
	tot := lt1 + mid + gt2
	pct := func(n int) csi.Dec { return csi.DecOf(float64(n)*100/float64(tot), 2) }
	return result("comuni-fasce", csi.IndicatorParams{Year: y, By: csi.ByProvincia},
		row("fascia", "<1%", "comuni", lt1, "percentuale", pct(lt1)), row("fascia", "1-2%", "comuni", mid, "percentuale", pct(mid)),
		row("fascia", ">2%", "comuni", gt2, "percentuale", pct(gt2)), row("fascia", csi.TotalLabel, "comuni", tot, "percentuale", pct(tot)))
}

// coverageRows say which years have records: every year but noData.
func coverageRows(years []string, noData string) *csi.IndicatorResult {
	var rows []csi.IndicatorRow
	for _, y := range years {
		n := 10
		if y == noData {
			n = 0
		}
		rows = append(rows, row("periodo", y, "ambito", csi.TotalLabel, "accessi", n))
	}
	return result(coverageAccessi, csi.IndicatorParams{Period: years, By: csi.ByProvincia}, rows...)
}

// accessiComuni is a per-Comune table in the store's order (by ISTAT
// code), with a name that needs escaping.
func accessiComuni() *csi.IndicatorResult {
	return result("accessi-segretariato", csi.IndicatorParams{Period: []string{"2018-2020"}, By: csi.ByComune},
		row("periodo", "2018-2020", "ambito", "Vimercate", "comune", "108002", "nome", "Aicurzio", "accessi", 3),
		row("periodo", "2018-2020", "ambito", "Monza", "comune", "108033", "nome", "Monza <b>&</b>", "accessi", 8623),
		row("periodo", "2018-2020", "ambito", "Desio", "comune", "108023", "nome", "Desio", "accessi", 0),
		row("periodo", "2018-2020", "ambito", csi.TotalLabel, "comune", "", "nome", "", "accessi", 8626))
}

// sample is a small report of 2018-2020 with 2020 without records: the
// accessi beside the period before, the bands of 2017 and 2020, a
// per-Comune annex and the coverage.
func sample(lang i18n.Lang, suppress int) Input {
	years := []string{"2015", "2016", "2017", "2018", "2019", "2020"}
	items := []Item{
		{"accessi-segretariato", csi.IndicatorParams{Period: []string{"2015-2017", "2018-2020"}, By: csi.ByAmbito}, PartStato, UseBody},
		{"accessi-segretariato", csi.IndicatorParams{Period: []string{"2018-2020"}, By: csi.ByComune}, PartAnnex, UseAnnex},
		{"comuni-fasce", csi.IndicatorParams{Year: 2017, By: csi.ByProvincia}, PartStato, UseBody},
		{"comuni-fasce", csi.IndicatorParams{Year: 2019, By: csi.ByProvincia}, PartStato, UseBody},
		{"comuni-fasce", csi.IndicatorParams{Year: 2020, By: csi.ByProvincia}, PartStato, UseBody},
		{coverageAccessi, csi.IndicatorParams{Period: years, By: csi.ByProvincia}, "", UseCoverage},
	}
	acc := result("accessi-segretariato", items[0].Params, accessiRows()...)
	acc.Params.Period = []string{"2015-2017", "2018-2020"}
	results := []*csi.IndicatorResult{acc, accessiComuni(), fasce(2017, 50, 3, 2), fasce(2019, 45, 5, 5), fasce(2020, 45, 5, 5), coverageRows(years, "2020")}
	if suppress > 1 {
		for _, res := range results {
			def, _ := indicators.Find(res.Indicator)
			res.Params.SuppressBelow = suppress
			indicators.Suppress(def, res.Rows, suppress)
		}
	}
	var cat []csi.IndicatorDef
	for _, name := range []string{"accessi-segretariato", "comuni-fasce"} {
		def, _ := indicators.Find(name)
		cat = append(cat, def)
	}
	return Input{
		Catalogue: cat,
		Period:    indicators.Period{From: 2018, To: 2020}, GeneratedAt: "2024-06-30T10:00:00Z", SuppressBelow: suppress,
		Printer: i18n.NewPrinter(lang), Items: items, Results: results, RegistryKnown: true,
		Registry: []csi.AnagrafeStatus{
			{Istat: "108002", Nome: "Aicurzio", Ambito: "Vimercate", LastImport: "2022-04-02T08:00:00Z", AsOf: "2022-04-01", Residents: 2100},
			{Istat: "108023", Nome: "Desio", Ambito: "Desio"},
		},
	}
}

func build(t *testing.T, in Input) *Document {
	t.Helper()
	doc, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func part(doc *Document, id string) *Part {
	for i := range doc.Parts {
		if doc.Parts[i].ID == id {
			return &doc.Parts[i]
		}
	}
	return nil
}

func TestStructure(t *testing.T) {
	doc := build(t, sample(i18n.English, 0))
	var ids []string
	for _, p := range doc.Parts {
		ids = append(ids, p.ID)
	}
	// No input, process or output indicator was computed: those parts are
	// left out; the premessa and the annex are always there.
	if want := []string{PartPremessa, PartStato, PartAnnex}; !slices.Equal(ids, want) {
		t.Fatalf("parts %v, want %v", ids, want)
	}
	stato := part(doc, PartStato)
	if len(stato.Blocks) != 2 {
		t.Fatalf("stato dell'arte: %d blocks, want accessi and one block for the three years of the bands", len(stato.Blocks))
	}
	acc := stato.Blocks[0]
	want := "In 2018-2020 the segretariato sociale recorded 20,736 accesses, against 11,800 in 2015-2017 (+75.7%); Monza accounts for 42% of them."
	if acc.Sentence != want {
		t.Errorf("accessi sentence\n got %s\nwant %s", acc.Sentence, want)
	}
	if acc.Chart == nil || len(acc.Chart.Series) != 2 || len(acc.Chart.Groups) != 5 || acc.Chart.Axis != "Accesses (count)" {
		t.Errorf("accessi chart: %+v", acc.Chart)
	}
	// 2020 has no records: its bands read "no data", the sentence says so
	// instead of reading 2019, and its rows are not shown.
	bands := stato.Blocks[1]
	if want := "No data for 2020: last registry update 2022-04-01."; bands.NoData != want || bands.Sentence != want {
		t.Errorf("bands: no data %q, sentence %q; want %q", bands.NoData, bands.Sentence, want)
	}
	for _, r := range bands.Table.Rows {
		if r[0] == "2020" {
			t.Errorf("a row of 2020, the year without data: %v", r)
		}
	}
	if got := doc.Parts[0].Blocks[0].Table.Rows; len(got) != 3 || got[2][0] != csi.TotalLabel || got[2][2] != "1" {
		t.Errorf("premessa's registry table: %v", got)
	}
}

func TestNoDataItalian(t *testing.T) {
	doc := build(t, sample(i18n.Italian, 0))
	bands := part(doc, PartStato).Blocks[1]
	if want := "Nessun dato per il 2020: ultimo aggiornamento dell'anagrafe 01/04/2022."; bands.NoData != want {
		t.Errorf("got %q, want %q", bands.NoData, want)
	}
	acc := part(doc, PartStato).Blocks[0]
	if !strings.HasPrefix(acc.Sentence, "Nel 2018-2020 il segretariato sociale ha registrato 20.736 accessi, contro 11.800 nel 2015-2017 (+75,7%)") {
		t.Errorf("Italian sentence: %s", acc.Sentence)
	}
}

func TestAnnexSortedAndNamed(t *testing.T) {
	doc := build(t, sample(i18n.English, 0))
	annex := part(doc, PartAnnex)
	blk := annex.Blocks[0]
	if blk.ID != "A.1" || !strings.HasSuffix(blk.Heading, ", per Comune") {
		t.Fatalf("first annex block: %s %s", blk.ID, blk.Heading)
	}
	var names []string
	for _, r := range blk.Table.Rows {
		names = append(names, r[2])
	}
	// Sorted by Ambito, then name; the Totale row is not a Comune.
	if want := []string{"Desio", "Monza <b>&</b>", "Aicurzio"}; !slices.Equal(names, want) {
		t.Errorf("Comuni %v, want %v", names, want)
	}
	if last := annex.Blocks[len(annex.Blocks)-1]; len(last.Table.Rows) != 2 || last.Table.Rows[1][0] != "comuni-fasce" {
		t.Errorf("the catalogue's table has %d rows", len(last.Table.Rows))
	}
}

func TestSuppressionEverywhere(t *testing.T) {
	doc := build(t, sample(i18n.English, 2000))
	acc := part(doc, PartStato).Blocks[0]
	cells := strings.Join(acc.Table.Rows[0], " ") + " " + strings.Join(acc.Table.Rows[1], " ")
	if !strings.Contains(cells, "<2000") {
		t.Errorf("no withheld cell in %s", cells)
	}
	for _, g := range acc.Chart.Groups {
		for _, b := range g.Bars {
			if (b.Text == "<2000" || b.Text == indicators.Complementary) && (b.Shown || b.Value != 0) {
				t.Errorf("%s: a withheld value has a bar: %+v", g.Label, b)
			}
		}
	}
	// Seregno's 1,277 is withheld: the sentence may not quote it.
	if strings.Contains(acc.Sentence, "1,277") || strings.Contains(acc.Sentence, "Seregno") {
		t.Errorf("sentence quotes a withheld figure: %s", acc.Sentence)
	}
	if !strings.Contains(doc.Suppression, "Counts from 1 to 1999 are withheld and read <2000") {
		t.Errorf("suppression note: %s", doc.Suppression)
	}
	for _, r := range part(doc, PartAnnex).Blocks[0].Table.Rows {
		if r[2] == "Aicurzio" && r[3] != "<2000" {
			t.Errorf("Aicurzio's 3 accesses shown in the annex: %v", r)
		}
	}
}

func TestGenericSentence(t *testing.T) {
	// An indicator the report knows nothing of: the total of its first
	// count and its largest part.
	def := csi.IndicatorDef{Name: "incontri-istituzionali", Columns: []string{"periodo", "ambito", "incontri", "partecipanti"}, Counts: []string{"incontri", "partecipanti"}}
	res := &csi.IndicatorResult{Indicator: def.Name, Params: csi.IndicatorParams{Period: []string{"2022-2023"}, By: csi.ByAmbito}, Rows: []csi.IndicatorRow{
		row("periodo", "2022-2023", "ambito", "Desio", "incontri", 2, "partecipanti", 30),
		row("periodo", "2022-2023", "ambito", "Monza", "incontri", 5, "partecipanti", 41),
		row("periodo", "2022-2023", "ambito", csi.TotalLabel, "incontri", 7, "partecipanti", 71)}}
	w := newWords(i18n.NewPrinter(i18n.English), 0)
	if got, want := w.sentence(reading{def: def, res: res, cur: "2022-2023"}), "Meetings in all: 7; the most in Monza (5)."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	c := w.chart(def, "t", []series{{"2022-2023", res}})
	if c == nil || len(c.Groups) != 2 || c.Groups[1].Label != "Monza" || c.Axis != "Meetings (count)" {
		t.Errorf("chart %+v", c)
	}
	if got := Group(def); got != "" {
		t.Errorf("group %q of an entry without one", got)
	}
}

func TestNotes(t *testing.T) {
	// The notes as a result's JSON carries them (csi indicators show).
	res := map[string]any{"rows": []any{}, "notes": []map[string]string{
		{"code": noteNotRecorded, "subject": "incontro_istituzionale", "command": "csi eventi add --tipo incontro_istituzionale"},
		{"code": "other", "message": "a note of a kind the report does not know"}}}
	notes := notesOf(res)
	w := newWords(i18n.NewPrinter(i18n.Italian), 0)
	want := "Non risulta nulla di registrato per incontro_istituzionale nel periodo: registrarlo con 'csi eventi add --tipo incontro_istituzionale'. a note of a kind the report does not know"
	if got := w.noteText(notes); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	zero := []csi.IndicatorRow{row("periodo", "2023", "livello", "provincia", "incontri", 0, "partecipanti", 0)}
	if !notRecorded(notes, zero) {
		t.Error("a register of zeros with a not_recorded note is not 'nothing recorded'")
	}
	if notRecorded(notes, []csi.IndicatorRow{row("periodo", "2023", "incontri", 1)}) || notRecorded(nil, zero) {
		t.Error("a count, or no note, is 'nothing recorded'")
	}
	if notesOf(map[string]any{"rows": nil}) != nil {
		t.Error("notes out of nothing")
	}
}

func TestPlan(t *testing.T) {
	p, _ := indicators.ParsePeriod("2022-2023")
	items := Plan(p, "2024-06-30", 5)
	seen := map[string]int{}
	for _, it := range items {
		if it.Params.SuppressBelow != 5 {
			t.Errorf("%s: suppress-below %d", it.Name, it.Params.SuppressBelow)
		}
		def, err := indicators.Find(it.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := indicators.Normalize(def, it.Params, "2024-06-30"); err != nil {
			t.Errorf("%s %+v: %v", it.Name, it.Params, err)
		}
		if it.Use == UseBody {
			seen[it.Name]++
		}
		switch {
		case it.Name == "accessi-segretariato" && it.Use == UseBody:
			if want := []string{"2020-2021", "2022-2023"}; !slices.Equal(it.Params.Period, want) {
				t.Errorf("accessi beside %v, want %v", it.Params.Period, want)
			}
		case it.Name == "cartelle-popolazione" && it.Use == UseAnnex:
			if it.Params.Year != 2023 || it.Params.By != csi.ByComune {
				t.Errorf("per-Comune cartelle-popolazione %+v", it.Params)
			}
		}
	}
	for _, def := range indicators.Catalogue() {
		if seen[def.Name] == 0 {
			t.Errorf("%s is not in the report", def.Name)
		}
	}
	if seen["cartelle-popolazione"] != 2 || seen["comuni-fasce"] != 2 {
		t.Errorf("the published year-based tables not at the end of both periods: %v", seen)
	}
	if got := PartOf(csi.IndicatorDef{Source: "seed table 3"}); got != PartStato {
		t.Errorf("a seed table in %s", got)
	}
}

func TestHTML(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Italian, i18n.English} {
		var b bytes.Buffer
		if err := build(t, sample(lang, 0)).WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{`<html lang="` + string(lang) + `">`, `<meta name="viewport" content="width=device-width, initial-scale=1">`,
			`<svg class="chart"`, "@media print", "break-before: page", "overflow-x: auto", `data-indicator="comuni-fasce"`, "Monza &lt;b&gt;&amp;&lt;/b&gt;"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q", lang, want)
			}
		}
		if strings.Contains(out, "Monza <b>") {
			t.Errorf("%s: a Comune's name became markup", lang)
		}
		if m := regexp.MustCompile(`https?:|<script|<link|<img|src=|@import|url\(`).FindString(out); m != "" {
			t.Errorf("%s: external reference %q", lang, m)
		}
	}
}

// TestGoldens keeps the whole Markdown, in both languages, and the JSON
// of the sample report.
func TestGoldens(t *testing.T) {
	for _, c := range []struct {
		file string
		lang i18n.Lang
		sup  int
	}{{"sample_en.md", i18n.English, 0}, {"sample_it.md", i18n.Italian, 0}, {"sample_it_suppressed.md", i18n.Italian, 2000}} {
		var b bytes.Buffer
		if err := build(t, sample(c.lang, c.sup)).WriteMarkdown(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", c.file), b.Bytes())
	}
	js, err := json.MarshalIndent(build(t, sample(i18n.English, 0)), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "sample_en.json"), append(js, '\n'))
}
