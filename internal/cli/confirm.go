package cli

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

// change holds the flags of a destructive change: --yes and --dry-run.
type change struct {
	Yes    bool
	DryRun bool
}

func (c *change) flags(cmd *cobra.Command, f *Factory) {
	cmd.Flags().BoolVarP(&c.Yes, "yes", "y", false, f.T("do not ask for confirmation (scripts)"))
	cmd.Flags().BoolVar(&c.DryRun, "dry-run", false, f.T("show the result, write nothing"))
}

// confirmChange shows a --dry-run's result (done is true: nothing more to
// do), or asks for confirmation: on a terminal it prompts, off one it needs
// --yes, so that a script never makes a destructive change by accident.
func (f *Factory) confirmChange(ch change, plan csi.Comune, would, doing string) (done bool, err error) {
	if ch.DryRun {
		f.info("dry run: %s; nothing was written", would)
		return true, f.PrintList(plan, comuniTable([]csi.Comune{plan}), "")
	}
	if ch.Yes {
		return false, nil
	}
	if !f.IO.InTTY {
		return false, &usageError{csi.Errorf(csi.EINVALID, "%s needs confirmation", doing).
			WithHint("pass --yes to confirm it in a script; --dry-run shows what would change")}
	}
	fmt.Fprint(f.IO.ErrOut, f.T("%s? [y/N] ", strings.ToUpper(doing[:1])+doing[1:]))
	line, _ := bufio.NewReader(f.IO.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "s", "si", "sì":
		return false, nil
	}
	return true, &exitError{code: ExitError, msg: f.T("cancelled: nothing was changed")}
}
