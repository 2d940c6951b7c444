package app

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

var scopeComuni = []csi.Comune{
	{Istat: "108028", Nome: "Lissone", Ambito: "Monza"},
	{Istat: "108033", Nome: "Monza", Ambito: "Monza"},
	{Istat: "108039", Nome: "Renate", Ambito: "Carate Brianza"},
	{Istat: "108012", Nome: "Carate Brianza", Ambito: "Carate Brianza"},
	{Istat: "108050", Nome: "Vimercate", Ambito: "Vimercate"},
	{Istat: "108010", Nome: "Busnago", Ambito: "Vimercate"},
	{Istat: "108011", Nome: "Camparada", Ambito: "Vimercate"},
}

var scopeAmbiti = []string{"Carate Brianza", "Desio", "Monza", "Seregno", "Vimercate"}

func TestFindComune(t *testing.T) {
	for _, tt := range []struct{ ref, want, err string }{
		{"108028", "108028", ""},
		{" lissone ", "108028", ""},
		{"MONZA", "108033", ""},  // exact, though Monza is no prefix of another
		{"rena", "108039", ""},   // a unique part of a name
		{"carate", "108012", ""}, // part of one name only
		{"108999", "", "no Comune with ISTAT code 108999"},
		{"roma", "", `no Comune matches "roma"`},
		{"  ", "", "empty Comune name"},
		{"ca", "", `"ca" matches 3 Comuni: Camparada (108011), Carate Brianza (108012), Vimercate (108050)`},
	} {
		c, err := findComune(scopeComuni, tt.ref)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: %v, want %q", tt.ref, err, tt.err)
			}
			continue
		}
		if err != nil || c.Istat != tt.want {
			t.Errorf("%q: %s %v, want %s", tt.ref, c.Istat, err, tt.want)
		}
	}
}

func TestFindAmbito(t *testing.T) {
	for _, tt := range []struct{ ref, want string }{
		{"carate", "Carate Brianza"}, {"CARATE BRIANZA", "Carate Brianza"}, {"vim", "Vimercate"}, {"s", "Seregno"},
	} {
		if got, err := csi.ResolveAmbito(scopeAmbiti, tt.ref); err != nil || got != tt.want {
			t.Errorf("%q: %q %v, want %q", tt.ref, got, err, tt.want)
		}
	}
	_, err := csi.ResolveAmbito(scopeAmbiti, "x")
	if err == nil {
		t.Fatal("no error for an unknown Ambito")
	}
	if e, ok := err.(*csi.Error); !ok || e.Code != csi.ENOTFOUND || !strings.Contains(e.Hint, "Carate Brianza, Desio, Monza, Seregno, Vimercate") {
		t.Errorf("%#v", err)
	}
}

func TestIndicatorScopeGeography(t *testing.T) {
	p := csi.IndicatorParams{By: csi.ByComune, Comune: "lissone"}
	sc, err := resolveIndicatorScope(scopeComuni, scopeAmbiti, &p)
	if err != nil {
		t.Fatal(err)
	}
	if p.Comune != "108028" || sc.Comune != "108028" || sc.geography(p.By) != "Comune Lissone (108028), by comune" {
		t.Errorf("%+v %+v %q", p, sc, sc.geography(p.By))
	}
	p = csi.IndicatorParams{By: csi.ByAmbito, Ambito: "vim"}
	if sc, err = resolveIndicatorScope(scopeComuni, scopeAmbiti, &p); err != nil || p.Ambito != "Vimercate" ||
		sc.geography(p.By) != "Ambito Vimercate, by ambito" {
		t.Errorf("%+v %v %q", p, err, sc.geography(p.By))
	}
	parents := geoParents(scopeComuni)
	if parents["comune:108028"] != "ambito:Monza" || parents["ambito:Monza"] != "provincia:MB" {
		t.Errorf("%v", parents)
	}
}
