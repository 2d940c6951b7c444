package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/csi-mb/csi/internal/i18n"
)

func wideTable() Table {
	return Table{
		Headers: []string{"livello", "codice", "nome", "popolazione", "fonte_popolazione", "cartelle_aperte", "percentuale", ""},
		Kinds:   []Kind{KindText, KindText, KindText, KindCount, KindText, KindCount, KindPercent, KindText},
		Rows: [][]string{
			{"comune", "108033", "Monza", "123456", "anagrafe", "1234", "1.01", "██████████████████"},
			{"comune", "108047", "Veduggio con Colzano", "4400", "riferimento ISTAT 1/1/2020", "12", "0.27", "█████"},
		},
	}
}

// drawAt renders t on a terminal width columns wide.
func drawAt(t *testing.T, tbl Table, width int, lang i18n.Lang) string {
	t.Helper()
	var b bytes.Buffer
	f := &Factory{IO: &IOStreams{Out: &b, OutTTY: true, Width: width}, Lang: lang}
	if err := f.writeTable(&b, tbl); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLayoutFits: a table wider than the terminal loses its bar column
// and wraps its text columns; numbers never wrap and stay right-aligned;
// when even that is too wide, one block per row.
func TestLayoutFits(t *testing.T) {
	wide := drawAt(t, wideTable(), 0, i18n.Italian)
	if !strings.Contains(wide, "██████") || !strings.Contains(wide, "123.456") || !strings.Contains(wide, "1,01%") {
		t.Fatalf("unlimited width: %s", wide)
	}
	for _, width := range []int{80} {
		got := drawAt(t, wideTable(), width, i18n.Italian)
		for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if lipgloss.Width(line) > width {
				t.Errorf("width %d: line %q is %d wide", width, line, lipgloss.Width(line))
			}
		}
		if strings.Contains(got, "█") {
			t.Errorf("width %d kept the bar column:\n%s", width, got)
		}
		if !strings.Contains(got, " 123.456 ") || !strings.Contains(got, "    4.400 ") {
			t.Errorf("width %d: the count is wrapped or not right-aligned:\n%s", width, got)
		}
		if !strings.Contains(got, "POPOLAZIONE") || strings.Contains(got, "NOME  Veduggio") {
			t.Errorf("width %d: not one line per row:\n%s", width, got)
		}
	}
	if got := drawAt(t, wideTable(), 100, i18n.Italian); !strings.HasPrefix(got, "╭") || strings.Contains(got, "█") {
		t.Errorf("width 100: want the bordered table without its bar:\n%s", got)
	}
	if got := drawAt(t, wideTable(), 80, i18n.Italian); strings.HasPrefix(got, "╭") {
		t.Errorf("width 80: want the borderless layout:\n%s", got)
	}
	narrow := drawAt(t, wideTable(), 60, i18n.English)
	if strings.HasPrefix(narrow, "╭") || !strings.Contains(narrow, "POPULATION         123,456") {
		t.Errorf("width 60: want one block per row:\n%s", narrow)
	}
	for _, line := range strings.Split(narrow, "\n") {
		if strings.HasPrefix(line, "NAME") && !strings.Contains(line, "Veduggio con Colzano") && !strings.Contains(line, "Monza") {
			t.Errorf("width 60: block line %q", line)
		}
	}
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"riferimento ISTAT 1/1/2020", 12, "riferimento\nISTAT\n1/1/2020"},
		{"FONTE POPOLAZIONE", 11, "FONTE\nPOPOLAZIONE"},
		{"anna.verdi@comune.desio.mb.it", 10, "anna.verdi\n@comune.de\nsio.mb.it"},
		{"short", 10, "short"},
	} {
		if got := wrapText(tc.in, tc.width); got != tc.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

// TestInferKind: counts and dates are recognised by their form, codes by
// their header, amounts and percentages by a header word.
func TestInferKind(t *testing.T) {
	for _, tc := range []struct {
		header string
		cells  []string
		want   Kind
	}{
		{"popolazione", []string{"870193", "", "12"}, KindCount},
		{"istat", []string{"108033"}, KindText},
		{"id", []string{"12"}, KindText},
		{"bad_id", []string{"12"}, KindText},
		{"comune", []string{"108033"}, KindText},
		{"as_of", []string{"2020-01-01", ""}, KindDate},
		{"last_import", []string{"2024-06-30T10:00:00Z"}, KindTime},
		{"importo", []string{"12.50", "3"}, KindMoney},
		{"percentuale", []string{"1.01"}, KindPercent},
		{"mediana", []string{"12.5"}, KindNumber},
		{"cap", []string{"20900"}, KindText},
		{"popolazione", []string{"015149"}, KindText},
		{"nome", []string{"Desio"}, KindText},
		{"rows", nil, KindText},
	} {
		if got := inferKind(tc.header, tc.cells); got != tc.want {
			t.Errorf("inferKind(%q, %q) = %v, want %v", tc.header, tc.cells, got, tc.want)
		}
	}
}
