package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdAuditAnchor(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:         "anchor",
		Annotations: formats(FormatTable, FormatJSON),
		Short:       f.T("Print the head of the audit log (entries and hash) to keep elsewhere"),
		Long: f.T(`Print the current head of the audit log: how many entries it has and the hash of
the last one (-o json for a file). Keep it outside the store and out of reach of
whoever can write the store's file: a signed mail, a ticket, the Ambito's protocol.
'csi audit verify --anchor' later proves that the log still extends it: the hash
chain alone cannot show that someone with the file cut the tail, recomputed the
chain and appended forged entries; the anchor can.`),
		Example: "  csi audit anchor\n  csi audit anchor -o json > audit-anchor-$(date +%F).json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.appServices(cmd.Context())
			if err != nil {
				return err
			}
			a, err := svc.AuditHead(cmd.Context())
			if err != nil {
				return err
			}
			if done, err := f.Export(a, nil); done {
				return err
			}
			fmt.Fprintf(f.IO.Out, "entries: %d\nhash: %s\nat: %s\n", a.Entries, a.Hash, a.At)
			return nil
		},
	}
}

// AuditVerifyOptions are the flags of `csi audit verify`.
type AuditVerifyOptions struct {
	// Anchor is a file written by 'csi audit anchor' or a hash it printed.
	Anchor string
}

// NewCmdAuditVerify builds `csi audit verify`; runF replaces the action in tests.
func NewCmdAuditVerify(f *Factory, runF func(*AuditVerifyOptions) error) *cobra.Command {
	opts := &AuditVerifyOptions{}
	cmd := &cobra.Command{
		Use:         "verify [--anchor FILE|HASH]",
		Annotations: formats(FormatTable, FormatJSON),
		Short:       f.T("Verify the audit log's hash chain, and that it extends an anchor"),
		Long: f.T(`Recompute the audit log's hash chain and check that every import, token,
referent, validation run and Comune event in the store has its entry; fail (exit 1)
if an entry was edited, removed or inserted, or the log was wiped. With --anchor
(a file written by 'csi audit anchor -o json', its text output, or the hash it
printed) also check that the entry at the anchor's count still has the anchor's
hash: a log cut and rebuilt since the anchor was taken fails. --anchor needs the
store's file (not --remote).`),
		Example: "  csi audit verify\n  csi audit verify --anchor audit-anchor-2024-06-30.json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return auditVerifyRun(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Anchor, "anchor", "", f.T("a file from 'csi audit anchor', or the hash it printed"))
	return cmd
}

func auditVerifyRun(ctx context.Context, f *Factory, opts *AuditVerifyOptions) error {
	if opts.Anchor == "" {
		svc, err := f.Services(ctx)
		if err != nil {
			return err
		}
		return auditVerify(ctx, f, svc)
	}
	svc, err := f.appServices(ctx)
	if err != nil {
		return err
	}
	a, err := readAnchor(ctx, svc, opts.Anchor)
	if err != nil {
		return err
	}
	v, err := svc.VerifyAnchor(ctx, *a)
	if err != nil {
		return err
	}
	return reportVerification(f, v, f.T(" from the anchor at entry %d", a.Entries))
}

var (
	anchorHashRE    = regexp.MustCompile(`\b[0-9a-f]{64}\b`)
	anchorEntriesRE = regexp.MustCompile(`(?m)^entries:\s*(\d+)\s*$`)
)

// readAnchor reads --anchor: a file (the JSON or text output of 'csi audit
// anchor') or a bare hash, which is looked up in the log.
func readAnchor(ctx context.Context, svc *app.Services, arg string) (*app.AuditAnchor, error) {
	body, err := os.ReadFile(arg)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
		arg = strings.ToLower(arg)
		if !anchorHashRE.MatchString(arg) || len(arg) != 64 {
			return nil, &usageError{csi.Errorf(csi.EINVALID, "--anchor %q is neither a file nor a hash of 64 hex digits", arg).
				WithHint("pass the file written by 'csi audit anchor -o json', or the hash it printed")}
		}
		return svc.AnchorByHash(ctx, arg)
	}
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read the anchor file %s", arg).WithHint("check its name and permissions")
	}
	return parseAnchor(arg, body)
}

// parseAnchor reads the JSON or text form of an anchor.
func parseAnchor(name string, body []byte) (*app.AuditAnchor, error) {
	a := &app.AuditAnchor{}
	if err := json.Unmarshal(body, a); err == nil && anchorHashRE.MatchString(a.Hash) {
		return a, nil
	}
	text := strings.ToLower(string(body))
	h, m := anchorHashRE.FindString(text), anchorEntriesRE.FindStringSubmatch(text)
	if h == "" || m == nil {
		return nil, csi.Errorf(csi.EBADFILE, "%s is not an anchor: it must hold the entries and the hash that 'csi audit anchor' printed", name).
			WithHint("write it with 'csi audit anchor -o json > FILE'")
	}
	a.Hash = h
	a.Entries, _ = strconv.ParseInt(m[1], 10, 64)
	return a, nil
}

// appServices returns the application's services over the store, for the
// commands that need more than csi.Services (tokens with their secret,
// audit anchors); they run on every engine.
func (f *Factory) appServices(ctx context.Context) (*app.Services, error) {
	st, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	a := app.New(st)
	a.Now = f.Now
	return a, nil
}
