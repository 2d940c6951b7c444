package indicators

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// geoRows builds cartelle-aperte-dal rows: geography, aperte (ancora_aperte
// the same).
func geoRows(kv ...any) []csi.IndicatorRow {
	var rows []csi.IndicatorRow
	for i := 0; i+1 < len(kv); i += 2 {
		r := row("aperte", kv[i+1], "ancora_aperte", kv[i+1])
		r.Geo = kv[i].(string)
		rows = append(rows, r)
	}
	return rows
}

// twoAmbiti: Ambito A has Comuni a1, a2, a3; Ambito B has b1; MB is both.
var twoAmbiti = map[string]string{
	"comune:a1": "ambito:A", "comune:a2": "ambito:A", "comune:a3": "ambito:A", "comune:b1": "ambito:B",
	"ambito:A": "provincia:MB", "ambito:B": "provincia:MB",
}

// reads returns how each row shows aperte: the value, <N or c.
func reads(rows []csi.IndicatorRow, n int) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		out[r.Geo] = RowCell(r, "aperte", n, false)
	}
	return out
}

// leaks says whether any small count of ref can be worked out once w is
// applied, by the audit Protect itself runs.
func leaks(def csi.IndicatorDef, ref []csi.IndicatorRow, w Withheld) bool {
	t := newTable(def, ref, twoAmbiti, w.n)
	for i, c := range t.cells {
		if compl, ok := w.cells[c]; ok {
			t.state[i] = small
			if compl {
				t.state[i] = complementary
			}
		}
	}
	return len(t.audit()) > 0
}

func TestProtectWithholdsTheSmallestSibling(t *testing.T) {
	def, _ := Find("cartelle-aperte-dal")
	ref := geoRows("comune:a1", 3, "comune:a2", 10, "comune:a3", 20, "comune:b1", 40, "ambito:A", 33, "ambito:B", 40, "provincia:MB", 73)
	if got := reads(ref, 5); got["comune:a1"] != "3" {
		t.Fatalf("reference changed: %v", got)
	}
	w := Protect(def, ref, twoAmbiti, 5)
	rows := geoRows("comune:a1", 3, "comune:a2", 10, "comune:a3", 20, "ambito:A", 33)
	w.Apply(def, csi.IndicatorParams{}, rows)
	// 33 - 10 - 20 would give a1's 3: a2, the next smallest, is withheld too.
	want := map[string]string{"comune:a1": "<5", "comune:a2": "c", "comune:a3": "20", "ambito:A": "33"}
	if got := reads(rows, 5); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if !reflect.DeepEqual(rows[1].Complementary, []string{"ancora_aperte", "aperte"}) {
		t.Errorf("complementary keys: %v", rows[1].Complementary)
	}
	if leaks(def, ref, w) {
		t.Error("a small count can still be worked out")
	}
}

func TestProtectBreaksBounds(t *testing.T) {
	// Four Comuni with 1 each make an Ambito of 4: four counts of at least
	// 1 adding up to at most 4 are all 1, though nothing is subtracted.
	parents := map[string]string{"ambito:A": "provincia:MB"}
	ref := geoRows("ambito:A", 4, "provincia:MB", 4)
	for _, c := range []string{"c1", "c2", "c3", "c4"} {
		parents["comune:"+c] = "ambito:A"
		ref = append(ref, geoRows("comune:"+c, 1)...)
	}
	def, _ := Find("cartelle-aperte-dal")
	t0 := newTable(def, ref, parents, 5)
	if len(t0.audit()) == 0 {
		t.Fatal("the audit misses the bound")
	}
	w := Protect(def, ref, parents, 5)
	var compl int
	for _, c := range w.cells {
		if c {
			compl++
		}
	}
	if compl == 0 {
		t.Errorf("no count reads c: %v", w.cells)
	}
	t1 := newTable(def, ref, parents, 5)
	for i, c := range t1.cells {
		if isC, ok := w.cells[c]; ok {
			t1.state[i] = small
			if isC {
				t1.state[i] = complementary
			}
		}
	}
	if l := t1.audit(); len(l) > 0 {
		t.Errorf("still worked out: %v", t1.cells[l[0].id])
	}
}

func TestProtectDoesNotDependOnRowOrder(t *testing.T) {
	def, _ := Find("cartelle-aperte-dal")
	ref := geoRows("comune:a1", 3, "comune:a2", 7, "comune:a3", 7, "comune:b1", 2, "ambito:A", 17, "ambito:B", 2, "provincia:MB", 19)
	want := Protect(def, ref, twoAmbiti, 5)
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		rnd.Shuffle(len(ref), func(i, j int) { ref[i], ref[j] = ref[j], ref[i] })
		if got := Protect(def, ref, twoAmbiti, 5); !reflect.DeepEqual(got.cells, want.cells) {
			t.Fatalf("order changed the decision: %v, then %v", want.cells, got.cells)
		}
	}
	if leaks(def, ref, want) {
		t.Error("a small count can still be worked out")
	}
}

func TestProtectWithholdsDerivedValues(t *testing.T) {
	def, _ := Find("cartelle-popolazione")
	mk := func(geo string, open int, pct string) csi.IndicatorRow {
		r := row("popolazione", 1000, "cartelle_aperte", open, "nuove_anno", 0, "percentuale", csi.Dec(pct))
		r.Geo = geo
		return r
	}
	ref := []csi.IndicatorRow{mk("comune:b1", 2, "0.20"), mk("ambito:B", 2, "0.20"), mk("comune:a1", 6, "0.60"), mk("comune:a2", 30, "3.00"),
		mk("comune:a3", 30, "3.00"), mk("ambito:A", 66, "2.20"), mk("provincia:MB", 68, "1.70")}
	w := Protect(def, ref, twoAmbiti, 5)
	w.Apply(def, csi.IndicatorParams{}, ref)
	// b1 and B are the same count (2): the province minus A would give it,
	// so A's, or one of its Comuni's, is withheld with its percentage.
	var withheld int
	for _, r := range ref {
		if r.IsComplementary("cartelle_aperte") {
			withheld++
			if r.Get("percentuale") != nil || !r.IsComplementary("percentuale") {
				t.Errorf("%s: percentage shown beside a withheld count: %v", r.Geo, r.Values)
			}
		}
	}
	if withheld == 0 {
		t.Errorf("no complementary count: %v", ref)
	}
	if ref[0].Get("popolazione") != int64(1000) {
		t.Errorf("population withheld: %v", ref[0].Values)
	}
}

func TestProtectBalance(t *testing.T) {
	def, _ := Find("cartelle-movimento")
	mk := func(year, si, a, c, sf int) csi.IndicatorRow {
		r := row("periodo", "2018-2019", "anno", year, "saldo_iniziale", si, "aperte", a, "chiuse", c, "saldo_finale", sf)
		r.Geo = "provincia:MB"
		return r
	}
	// 2018: 20 + 3 - 0 = 23 would give the 3 opened.
	ref := []csi.IndicatorRow{mk(2018, 20, 3, 0, 23), mk(2019, 23, 10, 8, 25)}
	w := Protect(def, ref, nil, 5)
	w.Apply(def, csi.IndicatorParams{}, ref)
	if ref[0].Get("aperte") != nil {
		t.Fatalf("small count shown: %v", ref[0].Values)
	}
	if len(ref[0].Complementary)+len(ref[1].Complementary) == 0 {
		t.Errorf("nothing withheld beside aperte: %v %v", ref[0].Values, ref[1].Values)
	}
}

func TestProtectNothingBelowTwo(t *testing.T) {
	def, _ := Find("cartelle-aperte-dal")
	ref := geoRows("comune:a1", 1, "ambito:A", 1)
	for _, n := range []int{0, 1} {
		w := Protect(def, ref, twoAmbiti, n)
		rows := geoRows("comune:a1", 1, "ambito:A", 1)
		w.Apply(def, csi.IndicatorParams{}, rows)
		if rows[0].Get("aperte") != int64(1) || len(rows[0].Suppressed) > 0 {
			t.Errorf("n=%d withheld %v", n, rows[0].Suppressed)
		}
	}
}
