package csi_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func TestDec(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		f      float64
		places int
		want   csi.Dec
	}{{1.005, 2, "1.00"}, {12.5, 1, "12.5"}, {0, 2, "0.00"}, {-3.14159, 3, "-3.142"}, {7, 0, "7"}} {
		if got := csi.DecOf(c.f, c.places); got != c.want {
			t.Errorf("DecOf(%v, %d) = %q, want %q", c.f, c.places, got, c.want)
		}
	}
	if f := csi.Dec("12.50").Float(); f != 12.5 {
		t.Errorf("Float = %v", f)
	}
	for d, want := range map[csi.Dec]string{"1.50": "1.50", "": "null", "-0.25": "-0.25"} {
		b, err := json.Marshal(d)
		if err != nil || string(b) != want {
			t.Errorf("Marshal(%q) = %s, %v; want %s", d, b, err, want)
		}
	}
}

// TestIndicatorRowJSON: keys in their order, Dec as a number with its
// decimals, nil as null, "<" and "%" unescaped, and the suppressed and
// complementary markers after the values; and back again.
func TestIndicatorRowJSON(t *testing.T) {
	t.Parallel()
	var r csi.IndicatorRow
	r.Set("comune", "Desio").Set("fascia", "<1%").Set("cartelle", int64(12)).
		Set("tasso", csi.Dec("1.50")).Set("minori", nil).Set("anziani", nil).Set("attivo", true)
	r.Suppressed = []string{"minori", "anziani"}
	r.Complementary = []string{"anziani"}
	b, err := marshalPlain(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"comune":"Desio","fascia":"<1%","cartelle":12,"tasso":1.50,"minori":null,"anziani":null,"attivo":true,` +
		`"suppressed":["minori","anziani"],"complementary":["anziani"]}`
	if string(b) != want {
		t.Fatalf("Marshal:\n got %s\nwant %s", b, want)
	}
	var back csi.IndicatorRow
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	r.Geo = "" // not written out
	if !reflect.DeepEqual(back, r) {
		t.Fatalf("Unmarshal:\n got %#v\nwant %#v", back, r)
	}
	if !back.IsSuppressed("minori") || back.IsComplementary("minori") || !back.IsComplementary("anziani") || back.IsSuppressed("cartelle") {
		t.Error("suppression markers lost")
	}
	if back.Int("cartelle") != 12 || back.Int("tasso") != 1 || back.Int("comune") != 0 || back.Str("comune") != "Desio" || back.Get("none") != nil {
		t.Error("accessors")
	}
}

// marshalPlain encodes v as an encoder that does not escape HTML does
// (json.Marshal escapes "<" again after MarshalJSON).
func marshalPlain(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

func TestIndicatorRowJSONPlain(t *testing.T) {
	t.Parallel()
	var r csi.IndicatorRow
	r.Set("n", int64(0))
	b, err := json.Marshal(r)
	if err != nil || string(b) != `{"n":0}` {
		t.Fatalf("a row without withheld values: %s %v", b, err)
	}
	var empty csi.IndicatorRow
	if b, _ := json.Marshal(empty); string(b) != `{}` {
		t.Fatalf("an empty row: %s", b)
	}
	// In a result, rows keep their order and form.
	res := csi.IndicatorResult{Rows: []csi.IndicatorRow{r}}
	b, _ = json.Marshal(res)
	var back csi.IndicatorResult
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back.Rows, res.Rows) {
		t.Fatalf("result rows: %s -> %#v %v", b, back.Rows, err)
	}
}

func TestIndicatorRowUnmarshalRefuses(t *testing.T) {
	t.Parallel()
	for _, s := range []string{`[]`, `"x"`, `{"a":}`, `{"suppressed":"minori"}`, `{"a":1`} {
		var r csi.IndicatorRow
		if err := json.Unmarshal([]byte(s), &r); err == nil {
			t.Errorf("%s: accepted as %#v", s, r)
		}
	}
}
