package csi

import (
	"strings"
	"testing"
)

// Two Comuni of one name (Samone is in Turin's province and in Trento's)
// are ambiguous by that name: the resolver must not pick the first.
func TestResolveComuneHomonyms(t *testing.T) {
	cs := []Comune{{Istat: "001233", Nome: "Samone"}, {Istat: "022165", Nome: "Samone"}, {Istat: "108033", Nome: "Monza"}}
	_, err := ResolveComune(cs, "samone")
	if err == nil || !strings.Contains(err.Error(), `"samone" matches 2 Comuni: Samone (001233), Samone (022165)`) {
		t.Fatalf("homonyms: %v", err)
	}
	if c, err := ResolveComune(cs, "022165"); err != nil || c.Istat != "022165" {
		t.Fatalf("by code: %+v %v", c, err)
	}
	if c, err := ResolveComune(cs, "monza"); err != nil || c.Istat != "108033" {
		t.Fatalf("unique name: %+v %v", c, err)
	}
}
