package siuss

import (
	"fmt"
	"testing"
)

// TestSplitPerYear: a periodic benefit over several years becomes one
// prestazione per calendar year, each within its year, with that year's months.
func TestSplitPerYear(t *testing.T) {
	for _, tc := range []struct {
		name, start, end string
		want             []string // "start end months"
	}{
		{"two years", "2023-10-15", "2024-03-31", []string{"2023-10-15 2023-12-31 3", "2024-01-01 2024-03-31 3"}},
		{"three years", "2022-12-01", "2024-01-10", []string{"2022-12-01 2022-12-31 1", "2023-01-01 2023-12-31 12", "2024-01-01 2024-01-10 1"}},
		{"one year", "2024-02-01", "2024-11-30", []string{"2024-02-01 2024-11-30 10"}},
		{"one day", "2024-12-31", "2024-12-31", []string{"2024-12-31 2024-12-31 1"}},
		{"31 December to 1 January", "2023-12-31", "2024-01-01", []string{"2023-12-31 2023-12-31 1", "2024-01-01 2024-01-01 1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := goodPeriodica()
			p.DataInizio, p.DataFine, p.PeriodoErogazione = tc.start, tc.end, 0
			got, err := SplitPerYear(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d pieces, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, q := range got {
				if s := fmt.Sprintf("%s %s %d", q.DataInizio, q.DataFine, q.PeriodoErogazione); s != tc.want[i] {
					t.Errorf("piece %d: %s, want %s", i, s, tc.want[i])
				}
				if *q.ImportoMensile != *p.ImportoMensile || q.ID != p.ID {
					t.Errorf("piece %d: monthly %s id %s, want %s %s", i, q.ImportoMensile, q.ID, p.ImportoMensile, p.ID)
				}
			}
		})
	}
}

// TestSplitTwoYearsGivesTwoValidFlows: the two pieces of a benefit spanning
// two years pass the checks and make two WaaS flows that validate, while the
// unsplit benefit is refused.
func TestSplitTwoYearsGivesTwoValidFlows(t *testing.T) {
	enc := NewEncoder(testCodes(t))
	p := goodPeriodica()
	p.DataInizio, p.DataFine, p.PeriodoErogazione = "2023-06-01", "2024-05-31", 0
	p.Importo = dec("3846.00") // 12 months × 320.50
	if _, err := enc.EncodePS(WaaSFlow("F704.PS.20240630.0000001", goodEnte(), goodBeneficiario(), p), ModeWaaS); err == nil {
		t.Error("the unsplit two-year benefit was encoded")
	}
	pieces, err := SplitPerYear(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2", len(pieces))
	}
	for i, q := range pieces {
		data, err := enc.EncodePS(WaaSFlow(fmt.Sprintf("F704.PS.20240630.%07d", i+1), goodEnte(), goodBeneficiario(), q), ModeWaaS)
		if err != nil {
			t.Fatalf("piece %d: %v", i, err)
		}
		mustValidate(t, xsdPS, data)
	}
	if a, b := *pieces[0].Importo, *pieces[1].Importo; a != 7*32050 || b != 5*32050 {
		t.Errorf("totals %s and %s, want 7 and 5 months of 320.50", a, b)
	}
}

// TestSplitPerYearLeavesOthers: one-off and open-ended benefits come back as they are.
func TestSplitPerYearLeavesOthers(t *testing.T) {
	open := goodPeriodica()
	open.DataFine = ""
	for _, p := range []Prestazione{goodOccasionale(), open} {
		got, err := SplitPerYear(p)
		if err != nil || len(got) != 1 || got[0].DataFine != p.DataFine || got[0].PeriodoErogazione != p.PeriodoErogazione {
			t.Errorf("%s: %+v %v, want it unchanged", p.ID, got, err)
		}
	}
	bad := goodPeriodica()
	bad.DataInizio, bad.DataFine = "2024-05-01", "2024-04-30"
	if _, err := SplitPerYear(bad); err == nil {
		t.Error("an end before the start was split")
	}
}
