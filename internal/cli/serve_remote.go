package cli

import (
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/spf13/cobra"
)

// resolveRemote decides between the local store and a server. An explicit
// flag beats an environment variable: --remote wins over CSI_DB, and --db
// over CSI_REMOTE; giving both flags is a usage error.
func (f *Factory) resolveRemote(cmd *cobra.Command) error {
	dbFlag := cmd.Flags().Changed("db")
	if f.Remote != "" && dbFlag {
		return &usageError{csi.Errorf(csi.EINVALID, "give --db or --remote, not both").
			WithHint("--db works on a local store, --remote on a csi serve server")}
	}
	if f.Remote == "" && !dbFlag {
		f.Remote = f.Getenv("CSI_REMOTE")
	}
	if f.Token == "" {
		f.Token = f.Getenv("CSI_TOKEN")
	}
	return nil
}

// localOnly refuses to open the local store in remote mode: a command that
// needs the store's file (init, db, token, serve) must not quietly work on
// a local file while the user means the server.
func (f *Factory) localOnly() error {
	if f.Remote == "" {
		return nil
	}
	return &usageError{csi.Errorf(csi.EINVALID, "this command works on a local store only, not with --remote").
		WithHint("run it on the server's machine; unset CSI_REMOTE, or pass --db PATH")}
}

// RemoteClient returns the client of the --remote server.
func (f *Factory) RemoteClient() (*httpapi.Client, error) {
	if f.client != nil {
		return f.client, nil
	}
	c, err := httpapi.NewClient(f.Remote, httpapi.ClientOptions{Token: f.Token, CAFile: f.Getenv("CSI_CA_FILE"),
		Insecure: f.Getenv("CSI_INSECURE") != ""})
	if err != nil {
		return nil, &usageError{err}
	}
	f.client = c
	return c, nil
}
