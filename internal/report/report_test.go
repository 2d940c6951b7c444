package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
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

func accessi() *csi.IndicatorResult {
	return &csi.IndicatorResult{Indicator: "accessi-segretariato", Version: "1", Title: "Accesses to the segretariato sociale",
		Params: csi.IndicatorParams{Period: []string{"2018-2020"}, By: csi.ByAmbito},
		Rows: []csi.IndicatorRow{
			row("periodo", "2018-2020", "ambito", "Carate Brianza", "accessi", 4225),
			row("periodo", "2018-2020", "ambito", "Desio", "accessi", 3154),
			row("periodo", "2018-2020", "ambito", "Monza", "accessi", 8623),
			row("periodo", "2018-2020", "ambito", "Seregno", "accessi", 1277),
			row("periodo", "2018-2020", "ambito", "Vimercate", "accessi", 3457),
			row("periodo", "2018-2020", "ambito", "Totale", "accessi", 20736),
		}}
}

func TestSentenceAccessi(t *testing.T) {
	// The seed's table 1, 2018-2020: Monza 8,623 of 20,736 = 41.6%.
	got := Sentence(accessi())
	want := "In 2018-2020 the segretariato sociale recorded 20,736 accesses: Monza accounts for 42% of them; the fewest are in Seregno (6.2%)."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSentenceSkipsWithheldValues(t *testing.T) {
	res := accessi()
	res.Params.SuppressBelow = 5000
	def, _ := indicators.Find(res.Indicator)
	indicators.Suppress(def, res.Rows, 5000)
	// Only Monza (8,623) and the total stay: the sentence may name no
	// withheld figure.
	got := Sentence(res)
	if strings.Contains(got, "Seregno") || !strings.Contains(got, "Monza accounts for 42%") {
		t.Errorf("sentence uses a withheld figure: %s", got)
	}
	res.Rows[5].Values[2], res.Rows[5].Suppressed = nil, []string{"accessi"}
	if got := Sentence(res); !strings.Contains(got, "withheld") {
		t.Errorf("no total, yet: %s", got)
	}
}

func TestSentenceFasce(t *testing.T) {
	res := &csi.IndicatorResult{Indicator: "comuni-fasce", Params: csi.IndicatorParams{Year: 2020}, Rows: []csi.IndicatorRow{
		row("fascia", "<1%", "comuni", 45), row("fascia", "1-2%", "comuni", 5), row("fascia", ">2%", "comuni", 5), row("fascia", "Totale", "comuni", 55)}}
	want := "Of the 55 Comuni, 45 have open cartelle for under 1% of their residents at the end of 2020, 5 between 1% and 2%, 5 over 2%."
	if got := Sentence(res); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestPlanCoversTheCatalogue(t *testing.T) {
	p, _ := indicators.ParsePeriod("2022-2023")
	items := Plan(p, "2024-06-30", 0)
	seen := map[string]int{}
	for _, it := range items {
		seen[it.Name]++
		def, err := indicators.Find(it.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := indicators.Normalize(def, it.Params, "2024-06-30"); err != nil {
			t.Errorf("%s %+v: %v", it.Name, it.Params, err)
		}
	}
	for _, def := range indicators.Catalogue() {
		if seen[def.Name] == 0 {
			t.Errorf("%s is not in the report", def.Name)
		}
	}
	if seen["cartelle-popolazione"] != 2 || seen["comuni-fasce"] != 2 {
		t.Errorf("year-based indicators not once per year: %v", seen)
	}
	// A period that has not ended is read at today.
	for _, it := range Plan(indicators.Period{From: 2024, To: 2025}, "2024-06-30", 0) {
		if it.Name == "ambiti-referente" && it.Params.At != "2024-06-30" {
			t.Errorf("ambiti-referente at %s, want today", it.Params.At)
		}
	}
}

func TestSVGEscapesAndScales(t *testing.T) {
	svg := SVG(`a <b> & "c"`, []Bar{{"Monza & <x>", 10, "10"}, {"Desio", 5, "5"}})
	if strings.Contains(svg, "<x>") || !strings.Contains(svg, "Monza &amp; &lt;x&gt;") {
		t.Errorf("label not escaped: %s", svg)
	}
	if !strings.Contains(svg, `width="330.0"`) || !strings.Contains(svg, `width="165.0"`) {
		t.Errorf("bars not proportional: %s", svg)
	}
	if SVG("none", nil) != "" {
		t.Error("an empty chart draws something")
	}
}

func TestHTMLSelfContained(t *testing.T) {
	var results []*csi.IndicatorResult
	for _, def := range indicators.Catalogue() {
		res := accessi()
		res.Indicator, res.Title = def.Name, def.Title
		if def.Name != "accessi-segretariato" {
			res.Rows = nil
		}
		results = append(results, res)
	}
	rep, err := New(indicators.Period{From: 2018, To: 2020}, "2024-06-30T10:00:00Z", 0, results)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, def := range indicators.Catalogue() {
		if !strings.Contains(out, `data-indicator="`+def.Name+`"`) {
			t.Errorf("%s missing", def.Name)
		}
	}
	if !strings.Contains(out, "<svg") || !strings.Contains(out, "@media print") {
		t.Error("no chart or no print style")
	}
	if m := regexp.MustCompile(`https?:|<script|<link|src=|url\(`).FindString(out); m != "" {
		t.Errorf("external reference %q in the HTML", m)
	}
	var md bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| 2018-2020 | 4,225 | 3,154 | 8,623 | 1,277 | 3,457 | 20,736 |") {
		t.Errorf("Markdown lacks the seed's layout:\n%s", md.String())
	}
}
