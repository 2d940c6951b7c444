package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// TestHistoryDetailAndModeInItalian: the details csi writes in a Comune's
// history and an import's mode read Italian on a terminal, stay as stored
// (English, the codes) when piped and in English.
func TestHistoryDetailAndModeInItalian(t *testing.T) {
	history := []csi.ComuneEvent{
		{Date: "2024-01-01", Event: "onboarded", Detail: "anagrafe automatic", Actor: "a"},
		{Date: "2024-02-01", Event: "anagrafe", Detail: "none -> manual", Actor: "a"},
		{Date: "2024-03-01", Event: "contact", Detail: "contact changed", Actor: "a"},
		{Date: "2024-04-01", Event: "status", Detail: "active -> suspended", Actor: "a"},
		{Date: "2024-05-01", Event: "offboarded", Detail: "left the shared CSI", Actor: "a"},
		{Date: "2024-06-01", Event: "ambito", Detail: "Monza -> Desio", Actor: "a"},
	}
	show := func(lang i18n.Lang, tty bool) string {
		var b bytes.Buffer
		f := &Factory{IO: &IOStreams{Out: &b, OutTTY: tty, Width: 200}, Output: FormatTable}
		f.setLang(lang)
		if err := f.writeDetail(f.comuneDetail(&csi.ComuneDetail{Comune: csi.Comune{Istat: "108033"}, History: history})); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	it := show(i18n.Italian, true)
	for _, want := range []string{"anagrafe automatica", "nessuna -> manuale", "contatto modificato", "attivo -> sospeso", "uscito dalla CSI condivisa", "Monza -> Desio"} {
		if !strings.Contains(it, want) {
			t.Errorf("Italian terminal: no %q in\n%s", want, it)
		}
	}
	for _, out := range []string{show(i18n.English, true), show(i18n.Italian, false)} {
		for _, e := range history {
			if !strings.Contains(out, e.Detail) {
				t.Errorf("no stored detail %q in\n%s", e.Detail, out)
			}
		}
	}

	modes := map[i18n.Lang][3]string{
		i18n.Italian: {"anagrafe completa", "solo variazioni", "aggiornamento"},
		i18n.English: {"snapshot", "delta", "upsert"},
	}
	for lang, want := range modes {
		f := &Factory{IO: &IOStreams{Out: &bytes.Buffer{}}}
		f.setLang(lang)
		for i, m := range []string{csi.ModeSnapshot, csi.ModeDelta, "upsert"} {
			if got := f.modeText(m); got != want[i] {
				t.Errorf("%v: modeText(%s) = %q, want %q", lang, m, got, want[i])
			}
		}
	}
}
