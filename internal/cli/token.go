package cli

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdToken(f *Factory) *cobra.Command {
	cmd := newGroup("token", f.T("Create, list and revoke the API tokens of csi serve"),
		"  csi token create --name desio-referente --role referent --ambito Desio --expires 2025-07-01\n  csi token list\n  csi token revoke desio-referente")
	cmd.Long = f.T(`API tokens are the credentials of csi serve (bearer tokens). Each has a name, a
role and, for some roles, a scope:

  coordinator  everything
  referent     the Comuni, registry, records and validation of one Ambito (--ambito)
  operator     the same for one Comune (--comune)
  viewer       aggregate indicators and the lists of Comuni and Ambiti only

The secret is printed once, when the token is created; the store keeps only
its SHA-256 hash. Token commands work on the local store only: run them on the
machine of csi serve. Every change is in the audit log.`)
	cmd.AddCommand(NewCmdTokenCreate(f, nil), newCmdTokenList(f), newCmdTokenRevoke(f))
	return cmd
}

// TokenCreateOptions are the flags of `csi token create`.
type TokenCreateOptions struct{ Input csi.TokenInput }

// NewCmdTokenCreate builds `csi token create`; runF replaces the action in tests.
func NewCmdTokenCreate(f *Factory, runF func(*TokenCreateOptions) error) *cobra.Command {
	opts := &TokenCreateOptions{}
	cmd := &cobra.Command{
		Use:   "create --name N --role R [--ambito A | --comune C] [--expires D]",
		Short: f.T("Create an API token and print its secret (once)"),
		Long: f.T(`Create an API token and print its secret on stdout, once: it is not stored
and cannot be shown again (the store keeps its SHA-256 hash). A referent token
needs --ambito, an operator token --comune; coordinator and viewer tokens take
neither. --expires is the first day on which the token no longer works
(default: it never expires; revoke it with 'csi token revoke').`),
		Example: `  csi token create --name coordinamento --role coordinator --expires 2025-01-01
  csi token create --name desio-referente --role referent --ambito Desio
  csi token create --name lissone-anagrafe --role operator --comune Lissone -o json
  export CSI_TOKEN=$(csi token create --name cruscotto --role viewer)`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Input.Name == "" || opts.Input.Role == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--name and --role are required").
					WithHint("e.g. csi token create --name desio-referente --role referent --ambito Desio")}
			}
			if err := opts.Input.Validate(); err != nil {
				return &usageError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return tokenCreateRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Input.Name, "name", "", f.T("unique name of the token, e.g. desio-referente (required)"))
	fl.StringVar(&opts.Input.Role, "role", "", f.T("coordinator|referent|operator|viewer (required)"))
	fl.StringVar(&opts.Input.Ambito, "ambito", "", f.T("the Ambito of a referent token"))
	fl.StringVar(&opts.Input.Comune, "comune", "", f.T("the Comune of an operator token (ISTAT code or name)"))
	dateVar(fl, &opts.Input.Expires, "expires", f.T("first day the token stops working, YYYY-MM-DD"))
	_ = cmd.RegisterFlagCompletionFunc("role", fixedCompletion(csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator, csi.RoleViewer))
	return cmd
}

func tokenCreateRun(ctx context.Context, f *Factory, opts *TokenCreateOptions) error {
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	t, err := svc.CreateToken(ctx, opts.Input)
	if err != nil {
		return err
	}
	table := func() Table {
		tbl := tokensTable([]csi.Token{t.Token})
		tbl.Headers = append(tbl.Headers, "secret")
		tbl.Rows[0] = append(tbl.Rows[0], t.Secret)
		return tbl
	}
	if done, err := f.Export(t, table); done {
		return err
	}
	f.info("created token %s (%s); copy the secret below now: it is not shown again", t.Name, f.tokenScope(t.Token))
	_, err = fmt.Fprintln(f.IO.Out, t.Secret)
	return err
}

func (f *Factory) tokenScope(t csi.Token) string {
	switch {
	case t.Ambito != "":
		return f.T("%s of Ambito %s", t.Role, t.Ambito)
	case t.Comune != "":
		return f.T("%s of Comune %s", t.Role, t.Comune)
	}
	return t.Role
}

func tokensTable(ts []csi.Token) Table {
	t := Table{Headers: []string{"name", "role", "ambito", "comune", "status", "created_at", "expires", "revoked_at", "last_used_at"}}
	for _, k := range ts {
		t.Rows = append(t.Rows, []string{k.Name, k.Role, k.Ambito, k.Comune, k.Status, k.CreatedAt, k.Expires, k.RevokedAt, k.LastUsedAt})
	}
	return t
}

func newCmdTokenList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   f.T("List the API tokens with their status (never their secrets)"),
		Example: "  csi token list\n  csi token list -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.appServices(cmd.Context())
			if err != nil {
				return err
			}
			ts, err := svc.ListTokens(cmd.Context())
			if err != nil {
				return err
			}
			return f.PrintList(ts, tokensTable(ts), "no API tokens yet; see 'csi token create --help'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func newCmdTokenRevoke(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke NAME",
		Short: f.T("Revoke an API token: it is refused from now on"),
		Long: f.T(`Revoke an API token: csi serve refuses it from the next request on (401,
"token NAME was revoked on DATE"). The token stays listed, and its name
cannot be reused.`),
		Example: "  csi token revoke desio-referente",
		Args:    exactArgs(1, "the name of the token"),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := f.appServices(cmd.Context())
			if err != nil {
				return err
			}
			t, err := svc.RevokeToken(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if f.Output == FormatTable {
				f.info("revoked token %s", t.Name)
			}
			return f.PrintList(t, tokensTable([]csi.Token{*t}), "")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}
