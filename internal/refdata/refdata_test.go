package refdata

import "testing"

func TestComuniMBTotals(t *testing.T) {
	cs, err := ComuniMB()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 55 {
		t.Fatalf("got %d Comuni, want 55", len(cs))
	}
	total := 0
	perAmbito := map[string]int{}
	for _, c := range cs {
		total += c.Popolazione2020
		perAmbito[c.Ambito]++
	}
	if total != 870193 {
		t.Errorf("population %d, want 870193", total)
	}
	want := map[string]int{"Carate Brianza": 13, "Desio": 7, "Monza": 3, "Seregno": 10, "Vimercate": 22}
	for a, n := range want {
		if perAmbito[a] != n {
			t.Errorf("Ambito %s has %d Comuni, want %d", a, perAmbito[a], n)
		}
	}
}

func TestNationalTables(t *testing.T) {
	it, err := ComuniItalia()
	if err != nil {
		t.Fatal(err)
	}
	if len(it) != 7904 {
		t.Errorf("got %d Italian Comuni, want 7904", len(it))
	}
	st, err := StatiEsteri()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range st {
		if s.Belfiore == "Z100" && s.Nome == "Albania" {
			found = true
		}
	}
	if !found || len(st) < 200 {
		t.Errorf("foreign states table incomplete: %d rows, Albania found %v", len(st), found)
	}
}

func TestIsComuneIstat(t *testing.T) {
	for code, want := range map[string]bool{"108023": true, "008033": true, "015100": false, "8033": false, "": false} {
		if got := IsComuneIstat(code); got != want {
			t.Errorf("IsComuneIstat(%q) = %v, want %v", code, got, want)
		}
	}
}
