package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/spf13/cobra"
)

// ServeOptions are the flags of `csi serve`.
type ServeOptions struct {
	Addr            string
	TLSCert, TLSKey string
	Insecure        bool
	MaxBody         int64
	MaxUpload       int64
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	ShutdownTimeout time.Duration
	// MaxConns caps the open connections.
	MaxConns int
	// MaxUploads and MaxUploadsPerToken bound the imports uploaded at once.
	MaxUploads, MaxUploadsPerToken int
	// WaaS is the e-service INPS polls (csi serve --waas).
	WaaS WaaSOptions
	// Ready, when set, receives the address the server listens on (tests
	// listen on port 0).
	Ready func(addr string)
}

// NewCmdServe builds `csi serve`; runF replaces the action in tests.
func NewCmdServe(f *Factory, runF func(*ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--tls-cert FILE --tls-key FILE]",
		Short: f.T("Serve the store over HTTP: the API that --remote calls"),
		Long: f.T(`Serve the store over HTTP/JSON under /api/v1 (an OpenAPI document at
/api/v1/openapi.json, a health check at /healthz), for 'csi --remote URL'.

Every request but /healthz and the OpenAPI document needs a bearer token made
with 'csi token create'; its role decides what it may see and change. Errors are
JSON problem documents with the domain error code.

Without --tls-cert/--tls-key the server speaks plain HTTP, which it does only on
a loopback address (127.0.0.1, ::1, localhost) unless --insecure: put it behind
a TLS proxy or give it a certificate. Bodies are limited (--max-body for JSON,
--max-upload for import files, which are streamed to a private temporary file,
never held in memory). SIGTERM or Ctrl-C stops accepting requests and lets
running ones finish for --shutdown-timeout; an import still running then is
rolled back, never half-written.`),
		Example: `  csi serve --db /srv/csi/csi.db
  csi serve --addr 0.0.0.0:8787 --tls-cert /etc/csi/cert.pem --tls-key /etc/csi/key.pem
  CSI_REMOTE=http://127.0.0.1:8787 CSI_TOKEN=csi_... csi comuni list
  csi serve --addr 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem --waas --waas-ente 108023 \
    --pdnd-jwks /etc/csi/pdnd.jwks --pdnd-issuer interop.pagopa.it --pdnd-audience 108023=AUD \
    --pdnd-purpose PURPOSE-ID --waas-allow 192.0.2.0/24`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (opts.TLSCert == "") != (opts.TLSKey == "") {
				return &usageError{csi.Errorf(csi.EINVALID, "give both --tls-cert and --tls-key, or neither").
					WithHint("the certificate and its private key, in PEM files")}
			}
			if err := checkListenAddr(opts.Addr, opts.TLSCert != "", opts.Insecure); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:8787", f.T("address to listen on, HOST:PORT"))
	fl.StringVar(&opts.TLSCert, "tls-cert", "", f.T("TLS certificate file (PEM)"))
	fl.StringVar(&opts.TLSKey, "tls-key", "", f.T("TLS private key file (PEM)"))
	fl.BoolVar(&opts.Insecure, "insecure", false, f.T("allow plain HTTP on a non-loopback address"))
	fl.Int64Var(&opts.MaxBody, "max-body", httpapi.DefaultMaxBodyBytes, f.T("largest JSON or ruleset request body, in bytes"))
	fl.Int64Var(&opts.MaxUpload, "max-upload", httpapi.DefaultMaxUploadBytes, f.T("largest import file, in bytes"))
	fl.DurationVar(&opts.ReadTimeout, "read-timeout", time.Minute, f.T("time to read an ordinary request (imports get 2h)"))
	fl.DurationVar(&opts.WriteTimeout, "write-timeout", 5*time.Minute, f.T("time to write an ordinary response (imports get 2h)"))
	fl.IntVar(&opts.MaxConns, "max-conns", httpapi.DefaultMaxConns, f.T("most connections open at once (more wait their turn)"))
	fl.IntVar(&opts.MaxUploads, "max-uploads", httpapi.DefaultMaxUploads, f.T("most imports uploaded or running at once, all tokens together"))
	fl.IntVar(&opts.MaxUploadsPerToken, "max-uploads-per-token", httpapi.DefaultMaxUploadsPerToken, f.T("most imports uploaded or running at once with one token"))
	fl.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", time.Minute, f.T("on SIGTERM, how long running requests may finish"))
	addWaaSFlags(f, fl, &opts.WaaS)
	return cmd
}

// checkListenAddr refuses plain HTTP on an address other machines can reach.
func checkListenAddr(addr string, tls, insecure bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return &usageError{csi.Errorf(csi.EINVALID, "--addr %q is not HOST:PORT", addr).WithHint("e.g. --addr 127.0.0.1:8787")}
	}
	if tls || insecure || isLoopback(host) {
		return nil
	}
	return &usageError{csi.Errorf(csi.EINVALID, "refusing to serve plain HTTP on %s, which is not a loopback address", addr).
		WithHint("give --tls-cert and --tls-key, listen on 127.0.0.1 behind a TLS proxy, or pass --insecure on a trusted network")}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serveRun(ctx context.Context, f *Factory, opts *ServeOptions) error {
	var cert *tls.Certificate
	if opts.TLSCert != "" {
		c, err := tls.LoadX509KeyPair(opts.TLSCert, opts.TLSKey)
		if err != nil {
			return csi.Errorf(csi.EBADFILE, "cannot load the TLS certificate and key: %v", err).
				WithHint("give PEM files: --tls-cert the certificate (chain), --tls-key its private key")
		}
		cert = &c
	}
	f.Serving = true
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	svc := servicesOver(st, f.Now)
	// The request log and the server's own messages share stderr, from
	// many goroutines.
	f.IO.ErrOut = &lockedWriter{w: f.IO.ErrOut}
	logger := slog.New(slog.NewTextHandler(f.IO.ErrOut, nil))
	api, err := newAPIServer(st, svc, opts, logger, f.Getenv("CSI_DEBUG") != "")
	if err != nil {
		return err
	}
	if opts.WaaS.Enabled {
		if err := mountWaaS(ctx, st, svc, api, &opts.WaaS, logger); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return csi.Errorf(csi.EUNAVAILABLE, "cannot listen on %s: %v", opts.Addr, errors.Unwrap(err)).
			WithHint("choose another --addr, or stop what listens there")
	}
	scheme := "http"
	if opts.TLSCert != "" {
		scheme = "https"
	}
	f.info("serving %s on %s://%s (Ctrl-C or SIGTERM to stop)", st.Describe(), scheme, ln.Addr())
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	// The cap goes under TLS: net/http must see the *tls.Conn.
	ln = api.Listener(ln)
	if cert != nil {
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{*cert}, MinVersion: tls.VersionTLS12})
	}
	return serveUntilDone(ctx, f, api, ln, opts, logger)
}

// apiServices are what csi serve needs of the services: the csi services,
// the tokens that authenticate callers and the record of their reads.
type apiServices interface {
	csi.Services
	csi.TokenService
	csi.AccessRecorder
}

// newAPIServer wires the store into the API: token authentication and the
// per-role scope of the services.
func newAPIServer(st store.Admin, svc apiServices, opts *ServeOptions, logger *slog.Logger, debug bool) (*httpapi.Server, error) {
	return httpapi.New(httpapi.Config{
		Services:       svc,
		Authenticate:   httpapi.TokenAuth(svc),
		Scope:          httpapi.ScopeFor(svc),
		MaxBodyBytes:   opts.MaxBody,
		MaxUploadBytes: opts.MaxUpload,
		ReadTimeout:    opts.ReadTimeout,
		WriteTimeout:   opts.WriteTimeout,
		MaxConns:       opts.MaxConns,
		MaxUploads:     opts.MaxUploads,
		// One token's uploads, within all of them.
		MaxUploadsPerToken: opts.MaxUploadsPerToken,
		Logger:             logger,
		Health:             st.Ping,
		Debug:              debug,
	})
}

// serveUntilDone serves until ctx ends (SIGTERM, Ctrl-C), then shuts down
// gracefully: no new requests, running ones get ShutdownTimeout to finish,
// and after that their contexts are cancelled so that an import rolls back.
func serveUntilDone(ctx context.Context, f *Factory, api *httpapi.Server, ln net.Listener, opts *ServeOptions, logger *slog.Logger) error {
	reqCtx, cancelRequests := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelRequests()
	srv := api.HTTPServer(reqCtx, slog.NewLogLogger(logger.Handler(), slog.LevelWarn))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return serveError(err)
	case <-ctx.Done():
	}
	f.info("shutting down: waiting up to %s for running requests", opts.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		f.info("requests still running after %s: cancelling them (their imports roll back)", opts.ShutdownTimeout)
		cancelRequests()
		// Give the cancelled requests a moment to roll back and answer.
		wctx, wcancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer wcancel()
		_ = srv.Shutdown(wctx)
		srv.Close()
	}
	// The refused WaaS calls counted and not yet audited get their entry.
	api.FlushWaaS()
	f.info("stopped")
	return nil
}

func serveError(err error) error {
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return csi.Errorf(csi.EUNAVAILABLE, "the server stopped: %v", err).WithHint("see the server's log above")
}

// lockedWriter serialises writes from concurrent goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
