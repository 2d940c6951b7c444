package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// Config is what a Server needs. Only Services and Authenticate are required.
type Config struct {
	// Services is the store the API exposes.
	Services csi.Services
	// Authenticate returns the caller of a request, or a csi error
	// (EUNAUTHORIZED becomes 401). It is not called for public routes.
	Authenticate func(r *http.Request) (*csi.Principal, error)
	// Scope wraps the services for one caller, refusing or filtering what
	// the caller's role may not see. Nil means every caller sees everything.
	Scope func(p *csi.Principal, s csi.Services) csi.Services
	// MaxBodyBytes bounds a JSON or ruleset body (default 1 MiB).
	MaxBodyBytes int64
	// MaxUploadBytes bounds an import file (default 4 GiB).
	MaxUploadBytes int64
	// SpoolDir holds uploaded files while they are imported (default the
	// system temporary folder). Files there are private (0600) and removed
	// after each import.
	SpoolDir string
	// Logger receives one line per request: method, route pattern, status,
	// duration and request id, never a URL (it could hold personal data).
	Logger *slog.Logger
	// Health, when set, is called by /healthz to check the store.
	Health func(ctx context.Context) error
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are the
	// HTTP server's (see HTTPServer), for every caller; StreamTimeout
	// replaces the read and write timeouts of an import or a validation,
	// once its caller is authenticated. Zero means the Default* value.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout, StreamTimeout time.Duration
	// MaxUploads bounds the imports being uploaded or run at once, in all
	// (default DefaultMaxUploads); MaxUploadsPerToken, those of one token
	// (default DefaultMaxUploadsPerToken). Past them an upload is refused
	// (503, 429) before its body is read.
	MaxUploads, MaxUploadsPerToken int
	// KeepaliveEvery is how often a stream with nothing to say says so
	// (default DefaultKeepaliveEvery).
	KeepaliveEvery time.Duration
	// ProgressEvery is the shortest gap between two progress events of an
	// import (default DefaultProgressEvery).
	ProgressEvery time.Duration
	// MaxConns caps the open connections (see Listener; default DefaultMaxConns).
	MaxConns int
	// Debug logs the text of unexpected errors, which may contain personal
	// data (csi serve sets it from CSI_DEBUG). Without it only their type
	// and the request id are logged.
	Debug bool
}

// Default limits.
const (
	DefaultMaxBodyBytes   = 1 << 20
	DefaultMaxUploadBytes = 4 << 30
)

// Server is the HTTP API over a set of services.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	routes  []Route
	openDoc []byte
	uploads *uploadSlots
	// spoolWriter, when set (tests), is where an upload is spooled instead
	// of its file.
	spoolWriter func(*os.File) io.Writer
	// waasFlush audit the WaaS refusals counted and not yet audited (see
	// FlushWaaS).
	waasFlush []func()
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Services == nil || cfg.Authenticate == nil {
		return nil, errors.New("httpapi: Config needs Services and Authenticate")
	}
	if cfg.Scope == nil {
		cfg.Scope = func(_ *csi.Principal, s csi.Services) csi.Services { return s }
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.SpoolDir == "" {
		cfg.SpoolDir = os.TempDir()
	}
	cfg.setTimeouts()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUploads <= 0 {
		cfg.MaxUploads = DefaultMaxUploads
	}
	if cfg.MaxUploadsPerToken <= 0 {
		cfg.MaxUploadsPerToken = DefaultMaxUploadsPerToken
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), uploads: newUploadSlots(cfg.MaxUploads, cfg.MaxUploadsPerToken)}
	s.routes = s.Routes()
	for _, rt := range s.routes {
		s.mux.Handle(rt.Method+" "+rt.Pattern, s.wrap(rt))
	}
	s.mux.HandleFunc("/", s.noRoute)
	doc, err := buildOpenAPI(s.routes)
	if err != nil {
		return nil, err
	}
	s.openDoc = doc
	return s, nil
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// RequestIDHeader carries the id of a request in every response; the same
// id is in the audit entries the request made and in the server's log.
const RequestIDHeader = "X-Request-Id"

// Headers the client sends with the person at the terminal and the command
// they ran. The server does not vouch for them: the audit log names the
// token and the route, and keeps these in a marked client note.
const (
	ActorHeader   = "X-Csi-Actor"
	CommandHeader = "X-Csi-Command"
)

// wrap turns a route's handler into an http.Handler: request id,
// authentication, the caller in the context, body limits, parameter
// checks, error documents and the log line.
func (s *Server) wrap(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		h := w.Header()
		h.Set(RequestIDHeader, id)
		// Answers carry personal data: no proxy or browser may keep them.
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				s.logInternal(id, rt, "panic", fmt.Errorf("%v", v))
				if !sw.wrote {
					writeProblem(sw, r, id, csi.Errorf(csi.EINTERNAL, "internal error"))
				}
			}
			s.cfg.Logger.Info("request", "method", r.Method, "route", rt.Pattern, "status", sw.status,
				"bytes", sw.n, "ms", time.Since(start).Milliseconds(), "request_id", id)
		}()
		err := s.serve(sw, r, rt, id)
		if err != nil && r.Context().Err() != nil {
			// The client went away, or the server is shutting down and
			// cancelled the request: the work was rolled back.
			err = errCancelled
		}
		if err != nil && !sw.wrote {
			if csi.ErrorCode(err) == csi.EINTERNAL {
				s.logInternal(id, rt, "internal error", err)
			}
			writeProblem(sw, r, id, err)
		}
	})
}

// logInternal records an unexpected failure under its request id; its
// text only with Debug, as it may carry personal data.
func (s *Server) logInternal(id string, rt Route, msg string, err error) {
	attrs := []any{"request_id", id, "route", rt.Name, "error_type", fmt.Sprintf("%T", err)}
	if s.cfg.Debug {
		attrs = append(attrs, "error", err.Error())
	}
	s.cfg.Logger.Error(msg, attrs...)
}

// serve authenticates the caller before any other check, so that a
// request without a valid token learns nothing about the route (not even
// that its content type is wrong) and is answered 401 with the connection
// closed, whatever else is wrong with it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt Route, id string) error {
	if rt.Access == AccessPublic {
		if err := s.checkRequest(w, r, rt); err != nil {
			return err
		}
		return rt.Handler(w, r, s.cfg.Services)
	}
	p, err := s.authenticate(r, id)
	if err != nil {
		return err
	}
	if err := s.checkRequest(w, r, rt); err != nil {
		return err
	}
	// Only now, for a caller the server knows, may an import or a
	// validation outlast the ordinary timeouts.
	if rt.Stream != streamNone {
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(s.cfg.StreamTimeout))
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.StreamTimeout))
	}
	ctx := csi.WithPrincipal(r.Context(), p)
	ctx = csi.WithActor(ctx, actorOf(r, p, rt))
	return rt.Handler(w, r.WithContext(ctx), s.cfg.Scope(p, s.cfg.Services))
}

// checkRequest refuses parameters and a content type the route does not
// take, and bounds the body.
func (s *Server) checkRequest(w http.ResponseWriter, r *http.Request, rt Route) error {
	if err := checkQuery(r, rt.Query); err != nil {
		return err
	}
	if err := checkPathValues(r, rt.Pattern); err != nil {
		return err
	}
	if err := checkContentType(r, rt.Body); err != nil {
		return err
	}
	limit := s.cfg.MaxBodyBytes
	if rt.Body == bodyCSV {
		limit = s.cfg.MaxUploadBytes
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	return nil
}

func (s *Server) authenticate(r *http.Request, id string) (*csi.Principal, error) {
	p, err := s.cfg.Authenticate(r)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, csi.Errorf(csi.EUNAUTHORIZED, "no credentials").WithHint("pass --token or set CSI_TOKEN")
	}
	c := *p
	c.Remote, c.RequestID = r.RemoteAddr, id
	return &c, nil
}

// actorOf is who acts in a request: the token, and the route the server
// serves as the command. What the client says (the person at the terminal
// and the command they ran) is only a label: the name of the import log
// and the validation runs, and a marked note in the audit entry.
func actorOf(r *http.Request, p *csi.Principal, rt Route) csi.Actor {
	name, cmd := cleanHeader(r.Header.Get(ActorHeader)), cleanHeader(r.Header.Get(CommandHeader))
	a := csi.Actor{Name: name, Command: rt.Name, Client: clientNote(name, cmd)}
	if a.Name == "" {
		a.Name = p.Token
	}
	return a
}

// clientNote is what the client says, as the audit entry's note.
func clientNote(name, cmd string) string {
	var parts []string
	if name != "" {
		parts = append(parts, "actor "+name)
	}
	if cmd != "" {
		parts = append(parts, "command "+cmd)
	}
	return strings.NewReplacer("[", "(", "]", ")").Replace(strings.Join(parts, "; "))
}

// cleanHeader keeps a client-supplied label printable and short.
func cleanHeader(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) > 128 {
		s = s[:128]
	}
	return strings.TrimSpace(s)
}

func newRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// noRoute answers a request no route matches: 405 when the path exists
// with another method, 404 otherwise.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	id := newRequestID()
	w.Header().Set(RequestIDHeader, id)
	var allow []string
	for _, m := range []string{"GET", "POST", "PATCH", "PUT", "DELETE"} {
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, pat := s.mux.Handler(r2); pat != "/" && pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeProblemStatus(w, r, id, http.StatusMethodNotAllowed, csi.Errorf(csi.EINVALID, "%s is not allowed on this route", r.Method).
			WithHint("use %s; see /api/v1/openapi.json", strings.Join(allow, " or ")))
		return
	}
	writeProblemStatus(w, r, id, http.StatusNotFound, csi.Errorf(csi.ENOTFOUND, "no such API route").
		WithHint("see /api/v1/openapi.json for the routes"))
}

// statusWriter records what was written, for the log line and so that an
// error after the first byte is not followed by a second response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flush, deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request, _ csi.Services) error {
	if s.cfg.Health != nil {
		if err := s.cfg.Health(r.Context()); err != nil {
			return csi.Errorf(csi.EUNAVAILABLE, "the store is not available").WithHint("see the server's log")
		}
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) openapi(w http.ResponseWriter, _ *http.Request, _ csi.Services) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(s.openDoc)
	return err
}
