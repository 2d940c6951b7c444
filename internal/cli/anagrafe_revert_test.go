package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnagrafeRevertFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    AnagrafeRevertOptions
		wantErr bool
	}{
		{args: []string{"5", "--yes"}, want: AnagrafeRevertOptions{ImportID: 5, Yes: true}},
		{args: []string{"12", "-y"}, want: AnagrafeRevertOptions{ImportID: 12, Yes: true}},
		{args: []string{"5", "--dry-run"}, want: AnagrafeRevertOptions{ImportID: 5, DryRun: true}},
		{args: []string{"5"}, wantErr: true}, // not a terminal: --yes needed
		{args: []string{"0", "--yes"}, wantErr: true},
		{args: []string{"x", "--yes"}, wantErr: true},
		{args: []string{}, wantErr: true},
	}
	for _, tt := range tests {
		f, _ := testFactory()
		f.Output = FormatTable
		got, err := parseFlags(f, NewCmdAnagrafeRevert, tt.args)
		if tt.wantErr {
			if err == nil || exitCode(err) != ExitUsage {
				t.Errorf("%v: got %v, want a usage error", tt.args, err)
			}
			continue
		}
		if err != nil || got == nil || *got != tt.want {
			t.Errorf("%v: got %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
}

// TestAnagrafeRevertAsksOnATerminal: without --yes, the revert shows what
// it will undo and goes ahead only on a yes.
func TestAnagrafeRevertAsksOnATerminal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	file := filepath.Join(dir, "v1.csv")
	data := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\nBRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;F704\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "108033")
	runCSI(t, db, "anagrafe", "import", file, "--comune", "108033", "--as-of", "2024-06-30")
	for _, tc := range []struct{ answer, out, count string }{
		{"n\n", "", "1\n"},
		{"\n", "", "1\n"},
		{"yes\n", "reverted import 1 of 108033 (" + file + ", snapshot as of 2024-06-30): 1 version removed, 0 reopened\n", "0\n"},
	} {
		var out, errOut bytes.Buffer
		f := NewFactory(&IOStreams{In: strings.NewReader(tc.answer), Out: &out, ErrOut: &errOut}, enEnv(nil))
		f.DBPath, f.Output = db, FormatTable
		err := anagrafeRevertRun(context.Background(), f, &AnagrafeRevertOptions{ImportID: 1, CanPrompt: true})
		if err != nil {
			t.Fatalf("answer %q: %v", tc.answer, err)
		}
		if !strings.Contains(errOut.String(), "will remove 1 version and reopen 0.\nRevert it? [y/N] ") {
			t.Errorf("answer %q: prompt %q", tc.answer, errOut.String())
		}
		if out.String() != tc.out {
			t.Errorf("answer %q: output %q, want %q", tc.answer, out.String(), tc.out)
		}
		if got := runCSI(t, db, "anagrafe", "residents", "--comune", "108033", "--at", "2024-06-30", "--count"); got != tc.count {
			t.Errorf("answer %q: %q residents, want %q", tc.answer, got, tc.count)
		}
	}
}
