package cli

import (
	"bytes"
	"testing"

	"github.com/csi-mb/csi/internal/siuss"
)

// TestSiussExportFlags: the flags fill the request, CSI_OPERATORE stands
// in for --operatore, and a missing required flag is a usage error before
// anything runs.
func TestSiussExportFlags(t *testing.T) {
	env := map[string]string{"CSI_OPERATORE": "RSSMRA80A01F704F"}
	for _, tc := range []struct {
		args    []string
		wantErr bool
		check   func(*SiussExportOptions) bool
	}{
		{args: []string{"--tipo", "ps", "--ente", "108033", "--from", "2024-01-01", "--to", "2024-06-30", "--out", "d"},
			check: func(o *SiussExportOptions) bool {
				r := o.Request
				return r.Tipo == siuss.TipoPS && r.Mode == siuss.ModeWaaS && r.Ente == "108033" && r.Operatore == "RSSMRA80A01F704F" && o.Out == "d"
			}},
		{args: []string{"--tipo", "SINBA", "--ambito", "Desio", "--from", "2024-01-01", "--to", "2024-06-30", "--mode", "UPLOAD", "--dry-run", "--operatore", "X"},
			check: func(o *SiussExportOptions) bool {
				r := o.Request
				return r.Tipo == siuss.TipoSINBA && r.Mode == siuss.ModeUpload && r.Ambito == "Desio" && r.DryRun && r.Operatore == "X"
			}},
		{args: []string{"--tipo", "ps", "--ente", "108033", "--from", "2024-01-01", "--to", "2024-06-30"}, wantErr: true},
		{args: []string{"--ente", "108033", "--from", "2024-01-01", "--to", "2024-06-30", "--out", "d"}, wantErr: true},
		{args: []string{"extra", "--tipo", "ps", "--ente", "108033", "--from", "2024-01-01", "--to", "2024-06-30", "--out", "d"}, wantErr: true},
	} {
		var errOut bytes.Buffer
		f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &errOut}, enEnv(env))
		var got *SiussExportOptions
		cmd := NewCmdSiussExport(f, func(o *SiussExportOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		cmd.SetErr(&errOut)
		err := cmd.Execute()
		switch {
		case tc.wantErr && (err == nil || exitCode(err) != ExitUsage || got != nil):
			t.Errorf("%v: got %v (runF called: %v), want a usage error", tc.args, err, got != nil)
		case !tc.wantErr && (err != nil || got == nil || !tc.check(got)):
			t.Errorf("%v: got %+v, %v", tc.args, got, err)
		}
	}
}

// TestSiussAnnullaFlags: the flow id is the argument, --out is required.
func TestSiussAnnullaFlags(t *testing.T) {
	f, _ := testFactory()
	var got *SiussAnnullaOptions
	cmd := NewCmdSiussAnnulla(f, func(o *SiussAnnullaOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"F704.PS.20240630.0000001", "--out", "d", "--yes", "--operatore", "X"})
	if err := cmd.Execute(); err != nil || got == nil || got.ID != "F704.PS.20240630.0000001" || !got.Yes || got.Out != "d" || got.Operatore != "X" {
		t.Fatalf("got %+v, %v", got, err)
	}
	got = nil
	cmd = NewCmdSiussAnnulla(f, func(o *SiussAnnullaOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"F704.PS.20240630.0000001"})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil || exitCode(err) != ExitUsage || got != nil {
		t.Errorf("without --out: %v, runF called %v", err, got != nil)
	}
}
