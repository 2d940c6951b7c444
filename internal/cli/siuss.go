package cli

import "github.com/spf13/cobra"

// newCmdSiuss builds `csi siuss`, the debiti informativi to INPS's SIUSS.
func newCmdSiuss(f *Factory) *cobra.Command {
	cmd := newGroup("siuss", f.T("Debiti informativi to INPS (SIUSS): export the flows, keep their register"),
		"  csi siuss export --tipo ps --ente 108033 --from 2024-01-01 --to 2024-06-30 --out flussi/\n  csi siuss flussi list")
	addSiussRegisterCommands(cmd, f)
	return cmd
}
