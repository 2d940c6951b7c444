package cli

import (
	"bytes"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func testFactory() (*Factory, *bytes.Buffer) {
	var errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &errOut}
	return NewFactory(io, enEnv(nil)), &errOut
}

func TestOnboardFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    OnboardOptions
		wantErr bool
	}{
		{args: []string{"108033"}, want: OnboardOptions{Input: csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}}},
		{args: []string{"Monza", "--anagrafe", "manual", "--date", "2024-01-02", "--contact", "Ufficio"},
			want: OnboardOptions{Input: csi.OnboardInput{Comune: "Monza", Anagrafe: "manual", Date: "2024-01-02", Contact: "Ufficio"}}},
		{args: []string{"-f", "a.csv"}, want: OnboardOptions{File: "a.csv", Input: csi.OnboardInput{Anagrafe: "automatic"}}},
		{args: []string{"-f", "a.csv", "Monza"}, wantErr: true},
		{args: []string{}, wantErr: true},
		{args: []string{"a", "b"}, wantErr: true},
	}
	for _, tt := range tests {
		f, _ := testFactory()
		got, err := parseFlags(f, NewCmdOnboard, tt.args)
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

func TestAssignFlags(t *testing.T) {
	f, _ := testFactory()
	var got *AssignOptions
	cmd := NewCmdAssign(f, func(o *AssignOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--ambito", "Desio", "--name", "Anna", "--email", "a@b.it", "--replace", "--from", "2025-01-01", "--comune", "Desio"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := csi.AssignInput{Ambito: "Desio", Nome: "Anna", Email: "a@b.it", Replace: true, From: "2025-01-01", Comune: "Desio"}
	if got == nil || got.Input != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	cmd = NewCmdAssign(f, func(*AssignOptions) error { t.Fatal("runF called without --email"); return nil })
	cmd.SetArgs([]string{"--ambito", "Desio", "--name", "Anna"})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); exitCode(err) != ExitUsage {
		t.Fatalf("missing --email: %v", err)
	}
}

func TestValidateEmail(t *testing.T) {
	for s, ok := range map[string]bool{
		"anna.verdi@comune.desio.mb.it": true, "a@b.it": true,
		"not-an-email": false, "Anna <a@b.it>": false, "a@b": false, "": false, "a@@b.it": false,
	} {
		if err := csi.ValidateEmail(s); (err == nil) != ok {
			t.Errorf("%q: got %v, want ok=%v", s, err, ok)
		}
	}
}

// parseFlags runs the command newCmd builds on f, with a capturing runF, on
// args, and returns the options runF was given (nil when it never ran) and
// the error: flag parsing tested apart from behaviour.
func parseFlags[O any](f *Factory, newCmd func(*Factory, func(*O) error) *cobra.Command, args []string) (*O, error) {
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	return got, cmd.Execute()
}
