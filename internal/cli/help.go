package cli

import "github.com/spf13/cobra"

const exitCodesHelp = `csi exits with one of these codes, so scripts can tell outcomes apart:

  0  success
  1  error (not found, conflict, unusable file, store unavailable, tampered audit log)
  2  usage error: unknown command or flag, missing or invalid argument value
  3  validation found problems at or above --fail-on
  4  import partly rejected: some rows were refused (see --rejects), the rest applied
  5  authentication or permission refused (remote mode)
  6  remote server unreachable (remote mode)

Errors print one line on stderr starting with "error:", followed by a line starting
with "hint:" that says what to run or change. Data goes to stdout, diagnostics to
stderr. An interrupted command (Ctrl-C, SIGINT) rolls back and exits 130; one
stopped with SIGTERM (kill, a service manager) rolls back the same way and exits 143.`

const environmentHelp = `Environment variables read by csi:

  CSI_DB         the store file (same as --db); default $XDG_DATA_HOME/csi/csi.db,
                 or ~/.local/share/csi/csi.db when XDG_DATA_HOME is not set
  CSI_ACTOR      who is acting, recorded in the audit log (same as --actor);
                 default the operating-system user
  NO_COLOR       when set (any value), no colour in output (same as --no-color)
  XDG_DATA_HOME  base folder of the default store
  CSI_NOW        fix the clock (YYYY-MM-DD or RFC 3339), for reproducible runs
                 and tests: "today" in defaults and audit times use it
  CSI_DEBUG      when set, unexpected errors print their detail (which may contain
                 personal data: do not paste it into tickets)
  CSI_REMOTE     run against this csi serve server (same as --remote); --db on the
                 command line still works on a local store
  CSI_TOKEN      the API token sent to the server (same as --token, which shows
                 in the process list)
  CSI_CA_FILE    PEM file of the CA that signed the server's certificate, when it
                 is not one the system trusts
  CSI_INSECURE   when set, allow a plain http:// --remote that is not on loopback
                 (the token then crosses the network in clear)`

func addHelpTopics(root *cobra.Command) {
	root.AddCommand(
		&cobra.Command{Use: "exit-codes", Short: "Exit codes of csi", Long: exitCodesHelp},
		&cobra.Command{Use: "environment", Short: "Environment variables read by csi", Long: environmentHelp},
	)
}
