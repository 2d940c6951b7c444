package indicators

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

func TestParsePeriods(t *testing.T) {
	ps, err := ParsePeriods([]string{"2015-2017, 2018-2020", "2021"})
	want := []Period{{2015, 2017}, {2018, 2020}, {2021, 2021}}
	if err != nil || !reflect.DeepEqual(ps, want) {
		t.Fatalf("got %v, %v", ps, err)
	}
	if ps[2].Label() != "2021" || ps[0].Label() != "2015-2017" || ps[1].Start() != "2018-01-01" || ps[1].End() != "2020-12-31" {
		t.Errorf("labels or bounds wrong: %v", ps)
	}
	for _, bad := range []string{"2020-2018", "20-21", "2020/2021", "1800-1801", "x"} {
		if _, err := ParsePeriod(bad); csi.ErrorCode(err) != csi.EINVALID {
			t.Errorf("%q: %v, want invalid", bad, err)
		}
	}
}

func TestNormalize(t *testing.T) {
	def, _ := Find("anagrafe-automatica")
	p, err := Normalize(def, csi.IndicatorParams{}, "2024-06-30")
	want := csi.IndicatorParams{At: "2024-06-30", Days: 45, By: csi.ByAmbito}
	if err != nil || !reflect.DeepEqual(p, want) {
		t.Errorf("defaults: got %+v, %v; want %+v", p, err, want)
	}
	def, _ = Find("accessi-segretariato")
	p, _ = Normalize(def, csi.IndicatorParams{Period: []string{"2018-2020,2021"}}, "2024-06-30")
	if !reflect.DeepEqual(p.Period, []string{"2018-2020", "2021"}) {
		t.Errorf("periods not split: %v", p.Period)
	}
	for _, tt := range []struct {
		name string
		p    csi.IndicatorParams
		want string
	}{
		{"accessi-segretariato", csi.IndicatorParams{Year: 2020}, "does not take --year"},
		{"cartelle-popolazione", csi.IndicatorParams{Period: []string{"2020"}}, "does not take --period"},
		{"comuni-fasce", csi.IndicatorParams{By: csi.ByAmbito}, "--by ambito"},
		{"cartelle-aperte-dal", csi.IndicatorParams{Since: "01/01/2022"}, "not a date"},
		{"popolazione", csi.IndicatorParams{SuppressBelow: -1}, "positive"},
	} {
		def, _ := Find(tt.name)
		if _, err := Normalize(def, tt.p, "2024-06-30"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %+v: %v, want %q", tt.name, tt.p, err, tt.want)
		}
	}
}

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

func TestSuppress(t *testing.T) {
	def, _ := Find("cartelle-popolazione")
	rows := []csi.IndicatorRow{
		row("codice", "A", "popolazione", 3, "cartelle_aperte", 2, "nuove_anno", 0, "percentuale", csi.Dec("66.67")),
		row("codice", "B", "popolazione", 900, "cartelle_aperte", 5, "nuove_anno", 4, "percentuale", csi.Dec("0.56")),
	}
	Suppress(def, rows, 5)
	if got := string(must(rows[0].MarshalJSON())); got != `{"codice":"A","popolazione":3,"cartelle_aperte":null,"nuove_anno":0,"percentuale":null,"suppressed":["cartelle_aperte","percentuale"]}` {
		t.Errorf("A: %s", got)
	}
	if got := string(must(rows[1].MarshalJSON())); got != `{"codice":"B","popolazione":900,"cartelle_aperte":5,"nuove_anno":null,"percentuale":0.56,"suppressed":["nuove_anno"]}` {
		t.Errorf("B: %s", got)
	}
	if c := Cell(rows[0].Get("cartelle_aperte"), rows[0].IsSuppressed("cartelle_aperte"), 5, true); c != "<5" {
		t.Errorf("cell %q, want <5", c)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestCell(t *testing.T) {
	for _, tt := range []struct {
		v     any
		group bool
		want  string
	}{
		{int64(870193), true, "870,193"}, {int64(870193), false, "870193"}, {int64(-1234), true, "-1,234"},
		{int64(12), true, "12"}, {csi.Dec("1234567.50"), true, "1,234,567.50"}, {nil, true, ""}, {"x", true, "x"},
	} {
		if got := Cell(tt.v, false, 0, tt.group); got != tt.want {
			t.Errorf("Cell(%v, %v) = %q, want %q", tt.v, tt.group, got, tt.want)
		}
	}
}

func TestLayoutSeedTables(t *testing.T) {
	acc := &csi.IndicatorResult{Indicator: "accessi-segretariato", Params: csi.IndicatorParams{By: csi.ByAmbito}, Rows: []csi.IndicatorRow{
		row("periodo", "2015-2017", "ambito", "Desio", "accessi", 4644), row("periodo", "2015-2017", "ambito", "Totale", "accessi", 4644),
		row("periodo", "2018-2020", "ambito", "Desio", "accessi", 3154), row("periodo", "2018-2020", "ambito", "Totale", "accessi", 3154),
	}}
	def, _ := Find(acc.Indicator)
	got := Layout(def, acc, Format{Group: true})
	want := Table{Headers: []string{"periodo", "Desio", "Totali"}, Rows: [][]string{{"2015-2017", "4,644", "4,644"}, {"2018-2020", "3,154", "3,154"}},
		Numeric: []bool{false, true, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("accessi layout:\n%+v\nwant\n%+v", got, want)
	}
	mov := &csi.IndicatorResult{Indicator: "cartelle-movimento", Params: csi.IndicatorParams{By: csi.ByProvincia}, Rows: []csi.IndicatorRow{
		row("periodo", "2019-2020", "anno", 2019, "saldo_iniziale", 1, "aperte", 2, "chiuse", 0, "saldo_finale", 3),
		row("periodo", "2019-2020", "anno", 2020, "saldo_iniziale", 3, "aperte", 1, "chiuse", 1, "saldo_finale", 3),
		row("periodo", "2021", "anno", 2021, "saldo_iniziale", 3, "aperte", 5, "chiuse", 2, "saldo_finale", 6),
	}}
	def, _ = Find(mov.Indicator)
	got = Layout(def, mov, Format{})
	want = Table{Headers: []string{"periodo", "saldo_iniziale", "anno_1_pic", "anno_1_chiuse", "anno_2_pic", "anno_2_chiuse", "saldo_finale"},
		Rows:    [][]string{{"2019-2020", "1", "2", "0", "1", "1", "3"}, {"2021", "3", "5", "2", "", "", "6"}},
		Numeric: []bool{false, true, true, true, true, true, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("movimento layout:\n%+v\nwant\n%+v", got, want)
	}
}

func TestMarkdownTable(t *testing.T) {
	var b bytes.Buffer
	_ = MarkdownTable(&b, Table{Headers: []string{"fascia", "comuni"}, Rows: [][]string{{"a|b", "1"}}, Numeric: []bool{false, true}})
	want := "| fascia | comuni |\n|---|---:|\n| a\\|b | 1 |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestCatalogueItalian fails when an indicator of the catalogue has no
// Italian title or definition, or the Italian holds what is not one.
func TestCatalogueItalian(t *testing.T) {
	for _, def := range Catalogue() {
		it := Localized(def, i18n.Italian)
		if it.Title == def.Title || it.Title == "" || it.Definition == def.Definition || it.Definition == "" {
			t.Errorf("%s: no Italian title or definition", def.Name)
		}
		if en := Localized(def, i18n.English); en.Title != def.Title || en.Definition != def.Definition {
			t.Errorf("%s: English is not the catalogue's", def.Name)
		}
		if got := LocalizedTitle(def.Name, def.Title, i18n.Italian); got != it.Title {
			t.Errorf("%s: LocalizedTitle %q, want %q", def.Name, got, it.Title)
		}
	}
}
