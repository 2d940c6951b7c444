package cli

import (
	"context"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/store"
)

// WaaSOptions are the flags of csi serve --waas: the e-service INPS polls.
type WaaSOptions struct {
	Enabled   bool
	Enti      []string
	Base      string
	JWKS      string
	Audiences []string
	Issuer    string
	Purposes  []string
	Allow     []string
}

// addWaaSFlags adds the --waas flags to csi serve.
func addWaaSFlags(f *Factory, fl *pflag.FlagSet, o *WaaSOptions) {
	fl.BoolVar(&o.Enabled, "waas", false, f.T("also publish the WaaS e-service from which INPS collects the SIUSS flows"))
	fl.StringArrayVar(&o.Enti, "waas-ente", nil, f.T("Comune whose e-service is hosted, ISTAT code or name (repeatable; default every onboarded Comune)"))
	fl.StringVar(&o.Base, "waas-base", httpapi.DefaultWaaSBase, f.T("base path of each ente's e-service; {Belfiore} is the ente's Belfiore code"))
	fl.StringVar(&o.JWKS, "pdnd-jwks", "", f.T("PDND's key set (JWKS file) that signs the vouchers; reloaded on SIGHUP"))
	fl.StringArrayVar(&o.Audiences, "pdnd-audience", nil, f.T("audience of the e-service on PDND: AUD for every ente, or ENTE=AUD for one (repeatable)"))
	fl.StringVar(&o.Issuer, "pdnd-issuer", "", f.T("issuer of the PDND vouchers, e.g. interop.pagopa.it"))
	fl.StringArrayVar(&o.Purposes, "pdnd-purpose", nil, f.T("purposeId INPS's vouchers may carry (repeatable)"))
	fl.StringArrayVar(&o.Allow, "waas-allow", nil, f.T("address range (CIDR) that may call the e-service, e.g. INPS's (repeatable; default any)"))
}

// enteRef is an ISTAT code or a Belfiore code before "=" in --pdnd-audience.
var enteRef = regexp.MustCompile(`^([0-9]{6}|[A-Z][0-9]{3})$`)

// mountWaaS publishes the e-service of every hosted ente on api, and
// reloads PDND's key set on SIGHUP until ctx ends.
func mountWaaS(ctx context.Context, st store.Admin, svc *app.Services, api *httpapi.Server, o *WaaSOptions, logger *slog.Logger) error {
	enti, err := svc.WaaSEnti(ctx, o.Enti)
	if err != nil {
		return err
	}
	global, perEnte, err := splitAudiences(o.Audiences, enti)
	if err != nil {
		return err
	}
	allow, err := parseCIDRs(o.Allow)
	if err != nil {
		return err
	}
	first := global
	if len(first) == 0 {
		for _, a := range perEnte {
			first = a
			break
		}
	}
	base, err := pdnd.New(pdnd.Config{JWKSFile: o.JWKS, Audiences: first, Issuer: o.Issuer, Purposes: o.Purposes, Leeway: pdnd.DefaultLeeway})
	if err != nil {
		return err
	}
	verifiers := map[string]*pdnd.Verifier{}
	for _, e := range enti {
		auds := perEnte[e.Belfiore]
		if len(auds) == 0 {
			auds = global
		}
		if len(auds) == 0 {
			return csi.Errorf(csi.EINVALID, "no --pdnd-audience for %s (%s)", e.Denominazione, e.Belfiore).
				WithHint("give --pdnd-audience AUD for every ente, or --pdnd-audience %s=AUD", e.Belfiore)
		}
		if verifiers[e.Belfiore], err = base.WithAudiences(auds...); err != nil {
			return err
		}
	}
	if err := api.MountWaaS(httpapi.WaaSConfig{Services: svc, Enti: enti, Verifiers: verifiers, Base: o.Base,
		Allow: allow, Health: st.Ping, Logger: logger}); err != nil {
		return err
	}
	logger.Info("waas", "enti", len(enti), "keys", strings.Join(base.KeyIDs(), ","))
	// Registered now, before the server listens: a SIGHUP from then on
	// reloads the keys and never stops the server.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go reloadOnHangup(ctx, hup, base, logger)
	return nil
}

// reloadOnHangup reloads the key set on every SIGHUP; a bad file keeps the
// keys in use (the Verifier's own rule) and is logged.
func reloadOnHangup(ctx context.Context, ch chan os.Signal, v *pdnd.Verifier, logger *slog.Logger) {
	defer signal.Stop(ch)
	for {
		select {
		case <-ctx.Done():
			return
		case <-ch:
			if err := v.Reload(); err != nil {
				logger.Warn("PDND key set not reloaded: keeping the keys in use", "error", csi.ErrorMessage(err))
				continue
			}
			logger.Info("PDND key set reloaded", "keys", strings.Join(v.KeyIDs(), ","))
		}
	}
}

// splitAudiences sorts --pdnd-audience values into the global ones and
// those of one ente (ENTE=AUD, ENTE an ISTAT or Belfiore code).
func splitAudiences(values []string, enti []app.WaaSEnte) ([]string, map[string][]string, error) {
	byRef := map[string]string{}
	for _, e := range enti {
		byRef[e.Istat], byRef[e.Belfiore] = e.Belfiore, e.Belfiore
	}
	var global []string
	perEnte := map[string][]string{}
	for _, v := range values {
		ref, aud, ok := strings.Cut(v, "=")
		if !ok || !enteRef.MatchString(ref) {
			global = append(global, v)
			continue
		}
		b, hosted := byRef[ref]
		if !hosted || aud == "" {
			return nil, nil, &usageError{csi.Errorf(csi.EINVALID, "--pdnd-audience %s: %s is not a hosted ente, or the audience is empty", v, ref).
				WithHint("use ENTE=AUD with the ISTAT or Belfiore code of an ente given with --waas-ente")}
		}
		perEnte[b] = append(perEnte[b], aud)
	}
	return global, perEnte, nil
}

func parseCIDRs(values []string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, v := range values {
		_, n, err := net.ParseCIDR(strings.TrimSpace(v))
		if err != nil {
			return nil, &usageError{csi.Errorf(csi.EINVALID, "--waas-allow %q is not an address range", v).
				WithHint("give it in CIDR form, e.g. 192.0.2.0/24")}
		}
		out = append(out, n)
	}
	return out, nil
}
