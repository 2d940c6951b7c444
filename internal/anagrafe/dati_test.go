package anagrafe

import (
	"encoding/json"
	"testing"
)

func TestDatiRoundTrip(t *testing.T) {
	var v [NumCols]string
	vals := []string{"D'Angelo", "Zoë \"la\" piccola", "F", "2010-01-05", "D286", "100", "Via Po\n2° piano\\A",
		"3", "20900", "0001", "1", "1", "2010-01-05", "1", "", "\x01tab\there"}
	for i, c := range DatiCols {
		v[c] = vals[i]
	}
	s := datiJSON(&v)
	var viaJSON []string
	if err := json.Unmarshal([]byte(s), &viaJSON); err != nil {
		t.Fatalf("Encode wrote invalid JSON %q: %v", s, err)
	}
	got, err := DecodeDati(s)
	if err != nil {
		t.Fatal(err)
	}
	for i := range vals {
		if got[i] != vals[i] || viaJSON[i] != vals[i] {
			t.Errorf("value %d: decoded %q, json %q, want %q", i, got[i], viaJSON[i], vals[i])
		}
	}
	for _, bad := range []string{"", "[]", `["a"]`, `["a",`, `{"a":1}`, `["\q"` + `,"","","","","","","","","","","","","","",""]`} {
		if _, err := DecodeDati(bad); err == nil {
			t.Errorf("DecodeDati(%q) accepted", bad)
		}
	}
}

func FuzzDecodeDati(f *testing.F) {
	f.Add(`["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p"]`)
	f.Fuzz(func(t *testing.T, s string) {
		vals, err := DecodeDati(s)
		if err != nil {
			return
		}
		var v [NumCols]string
		for i, c := range DatiCols {
			v[c] = vals[i]
		}
		again, err := DecodeDati(datiJSON(&v))
		if err != nil || again != vals {
			t.Fatalf("round trip of %q: %q, %v", s, again, err)
		}
	})
}
