package cli

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

func TestIndicatorsShowFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    IndicatorsShowOptions
		wantErr bool
	}{
		{args: []string{"accessi-segretariato"}, want: IndicatorsShowOptions{Name: "accessi-segretariato"}},
		{args: []string{"cartelle-movimento", "--period", "2015-2017,2018-2020", "--period", "2021", "--by", "ambito"},
			want: IndicatorsShowOptions{Name: "cartelle-movimento", Params: csi.IndicatorParams{Period: []string{"2015-2017", "2018-2020", "2021"}, By: "ambito"}}},
		{args: []string{"cartelle-popolazione", "--year", "2020", "--comune", "Lissone", "--suppress-below", "5"},
			want: IndicatorsShowOptions{Name: "cartelle-popolazione", Params: csi.IndicatorParams{Year: 2020, Comune: "Lissone", SuppressBelow: 5}}},
		{args: []string{"anagrafe-automatica", "--at", "2024-06-30", "--days", "30", "--ambito", "Desio"},
			want: IndicatorsShowOptions{Name: "anagrafe-automatica", Params: csi.IndicatorParams{At: "2024-06-30", Days: 30, Ambito: "Desio"}}},
		{args: []string{}, wantErr: true},
		{args: []string{"a", "b"}, wantErr: true},
	}
	for _, tt := range tests {
		f, _ := testFactory()
		f.Output = FormatTable
		got, err := parseFlags(f, NewCmdIndicatorsShow, tt.args)
		if tt.wantErr {
			if err == nil || exitCode(err) != ExitUsage {
				t.Errorf("%v: got %v, want a usage error", tt.args, err)
			}
			continue
		}
		if err != nil || got == nil || !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v: got %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
}

func TestReportFlags(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		output string
		want   *ReportOptions
	}{
		{[]string{"--period", "2022-2023"}, FormatTable, &ReportOptions{Period: "2022-2023"}},
		{[]string{"--period", "2023", "--suppress-below", "5"}, FormatHTML, &ReportOptions{Period: "2023", SuppressBelow: 5}},
		{[]string{}, FormatTable, nil},
		// An undeclared -o (csv) is refused before RunE by the root's
		// check: testdata/script/report.txtar runs it through the CLI.
	} {
		f, _ := testFactory()
		f.Output = tt.output
		got, err := parseFlags(f, NewCmdReport, tt.args)
		if tt.want == nil {
			if err == nil || exitCode(err) != ExitUsage {
				t.Errorf("%v -o %s: got %v, want a usage error", tt.args, tt.output, err)
			}
			continue
		}
		if err != nil || got == nil || *got != *tt.want {
			t.Errorf("%v: got %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
}

// TestReadmeIndicatorCatalogue fails when the README's catalogue table
// misses an indicator or gives it other parameters or levels.
func TestReadmeIndicatorCatalogue(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range indicators.Catalogue() {
		var ps []string
		for _, p := range d.Params {
			ps = append(ps, "--"+p)
		}
		row := "| `" + d.Name + "` | `" + strings.Join(ps, " ") + "` | " + strings.Join(d.By, ", ") + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md's indicator table lacks the row %q", row)
		}
	}
}
