package cli

import (
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

// newGroup returns a noun command whose only job is to hold its verbs; run
// alone it prints its help, run with an unknown verb it is a usage error.
func newGroup(use, short, example string) *cobra.Command {
	return &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			var verbs []string
			for _, c := range cmd.Commands() {
				if c.IsAvailableCommand() {
					verbs = append(verbs, c.Name())
				}
			}
			return &usageError{csi.Errorf(csi.EINVALID, "unknown command %q for %q", args[0], cmd.CommandPath()).
				WithHint("%s", fmt.Sprintf("use one of: %s", strings.Join(verbs, ", ")))}
		},
		Annotations: formats(FormatTable),
	}
}
