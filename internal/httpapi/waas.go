package httpapi

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/store"
)

// DefaultWaaSBase is the base path of an ente's WaaS e-service; {Belfiore}
// stands for the ente's Belfiore code.
const DefaultWaaSBase = "/waas/{Belfiore}/v1"

// WaaS limits of INPS's api-comuni.yaml.
const (
	waasDefaultLimit = 10
	waasMaxLimit     = 100
	waasMaxEsiti     = 100
)

// WaaSServices are what the WaaS e-service needs of the application.
type WaaSServices interface {
	AcquireWaaSFlows(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error)
	RecordWaaSEsiti(ctx context.Context, belfiore string, in []csi.SiussEsitoInput) (*csi.SiussEsitiResult, error)
	AuditWaaSRefusal(ctx context.Context, r csi.WaaSRefusal) error
}

// WaaSConfig is the WaaS e-service csi serve --waas publishes for INPS.
type WaaSConfig struct {
	Services WaaSServices
	// Enti are the hosted enti; Verifiers holds the voucher check of each
	// (by Belfiore code): its audience is that ente's e-service's.
	Enti      []csi.WaaSEnte
	Verifiers map[string]*pdnd.Verifier
	// Base is the base path, with {Belfiore} (default DefaultWaaSBase).
	Base string
	// Allow, when not empty, are the only addresses that may call.
	Allow []*net.IPNet
	// Health checks the store for /status.
	Health func(ctx context.Context) error
	Logger *slog.Logger
	// RefusalWindow and RefusalSources bound the audit of refused calls:
	// per source address and reason, one entry when the first comes and
	// one with the count of the others when the window ends; at most
	// RefusalSources addresses tracked at once (defaults
	// DefaultWaaSRefusalWindow, DefaultWaaSRefusalSources).
	RefusalWindow  time.Duration
	RefusalSources int
}

// MountWaaS adds the three endpoints of each hosted ente's e-service to the
// server. They know nothing of csi tokens: a csi token does not open them,
// and a voucher does not open the csi routes (they check csi tokens only).
func (s *Server) MountWaaS(cfg WaaSConfig) error {
	if cfg.Services == nil || len(cfg.Enti) == 0 {
		return errors.New("httpapi: WaaSConfig needs Services and Enti")
	}
	if cfg.Base == "" {
		cfg.Base = DefaultWaaSBase
	}
	if !strings.HasPrefix(cfg.Base, "/") || !strings.Contains(cfg.Base, "{Belfiore}") || strings.HasSuffix(cfg.Base, "/") {
		return csi.Errorf(csi.EINVALID, "the WaaS base path %q must start with / and hold {Belfiore}", cfg.Base).
			WithHint("e.g. --waas-base /waas/{Belfiore}/v1")
	}
	if cfg.Logger == nil {
		cfg.Logger = s.cfg.Logger
	}
	refusals := newRefusalAudit(cfg.Services, cfg.Logger, cfg.RefusalWindow, cfg.RefusalSources)
	s.waasFlush = append(s.waasFlush, refusals.flush)
	for _, e := range cfg.Enti {
		v := cfg.Verifiers[e.Belfiore]
		if v == nil {
			return fmt.Errorf("httpapi: no voucher verifier for ente %s", e.Belfiore)
		}
		w := &waasEnte{cfg: &cfg, ente: e, verifier: v, refusals: refusals}
		base := strings.ReplaceAll(cfg.Base, "{Belfiore}", e.Belfiore)
		s.mux.Handle("GET "+base+"/status", w.handler("status", false, w.status))
		s.mux.Handle("GET "+base+"/flussi", w.handler("flussi", true, w.flussi))
		s.mux.Handle("POST "+base+"/esiti", w.handler("esiti", true, w.esiti))
	}
	return nil
}

// waasEnte serves one ente's e-service.
type waasEnte struct {
	cfg      *WaaSConfig
	ente     csi.WaaSEnte
	verifier *pdnd.Verifier
	refusals *refusalAudit
}

// waasProblem is api-comuni.yaml's Problem (additionalProperties: false).
type waasProblem struct {
	Type   string `json:"type,omitempty"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

// waasError is a refusal with its status and a safe detail.
type waasError struct {
	status int
	detail string
}

func (e *waasError) Error() string { return e.detail }

func badRequest(format string, args ...any) error {
	return &waasError{status: http.StatusBadRequest, detail: fmt.Sprintf(format, args...)}
}

// handler wraps an endpoint: the allowed addresses, the voucher (when
// voucher), the actor for the audit log, the log line and the problem
// document of an error.
func (w *waasEnte) handler(name string, voucher bool, fn func(http.ResponseWriter, *http.Request) error) http.Handler {
	route := "waas " + name
	inner := http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if c, ok := pdnd.ClaimsFrom(ctx); ok {
			ctx = csi.WithActor(ctx, csi.Actor{Name: "pdnd client " + c.ClientID, Command: route,
				Client: "purpose " + c.PurposeID})
		}
		if err := fn(rw, r.WithContext(ctx)); err != nil {
			if sw, ok := rw.(*statusWriter); ok && sw.wrote {
				return // the answer had begun: the client went away
			}
			w.writeError(rw, r, route, err)
		}
	})
	var h http.Handler = inner
	if voucher {
		h = pdnd.Middleware(w.verifier, inner, func(r *http.Request, e *pdnd.Error) {
			w.refused(r, route, string(e.Check), e.Status)
		})
	}
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		rw.Header().Set(RequestIDHeader, id)
		rw.Header().Set("Cache-Control", "no-store")
		rw.Header().Set("X-Content-Type-Options", "nosniff")
		sw := &statusWriter{ResponseWriter: rw}
		defer func() {
			if v := recover(); v != nil {
				w.cfg.Logger.Error("panic", "request_id", id, "route", route)
				if !sw.wrote {
					writeWaaSProblem(sw, http.StatusInternalServerError, "internal error: the server's log has request id "+id)
				}
			}
			w.cfg.Logger.Info("request", "method", r.Method, "route", route, "ente", w.ente.Belfiore,
				"status", sw.status, "ms", time.Since(start).Milliseconds(), "request_id", id)
		}()
		if !w.allowed(r) {
			w.refused(r, route, "address not allowed", http.StatusForbidden)
			writeWaaSProblem(sw, http.StatusForbidden, "this address may not call the e-service")
			return
		}
		h.ServeHTTP(sw, r)
	})
}

// refused audits a refused call (never the voucher), within the bounds of
// refusalAudit.
func (w *waasEnte) refused(r *http.Request, route, check string, status int) {
	w.refusals.refused(r.Context(), w.ente.Belfiore, remoteHost(r), route, check, status)
}

// FlushWaaS audits now the refused WaaS calls counted and not yet audited
// (csi serve calls it when it stops).
func (s *Server) FlushWaaS() {
	for _, f := range s.waasFlush {
		f()
	}
}

func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// allowed reports whether the caller's address is in the allowed ranges.
func (w *waasEnte) allowed(r *http.Request) bool {
	if len(w.cfg.Allow) == 0 {
		return true
	}
	ip := net.ParseIP(remoteHost(r))
	if ip == nil {
		return false
	}
	for _, n := range w.cfg.Allow {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// writeError answers an endpoint's error: a waasError as it says, a domain
// error by its code, anything else as a bare 500 (logged by type only).
func (w *waasEnte) writeError(rw http.ResponseWriter, r *http.Request, route string, err error) {
	var we *waasError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &we):
		writeWaaSProblem(rw, we.status, we.detail)
	case errors.As(err, &tooBig):
		writeWaaSProblem(rw, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", tooBig.Limit))
	case csi.ErrorCode(err) == csi.EBADFILE || csi.ErrorCode(err) == csi.EINVALID:
		writeWaaSProblem(rw, http.StatusBadRequest, csi.ErrorMessage(err))
	default:
		if r.Context().Err() == nil {
			w.cfg.Logger.Error("WaaS request failed", "route", route, "ente", w.ente.Belfiore, "error_type", fmt.Sprintf("%T", err))
		}
		writeWaaSProblem(rw, statusOf(csi.ErrorCode(err)), "the request could not be served; INPS may retry")
	}
}

// writeWaaSProblem writes a problem document as api-comuni.yaml has it.
func writeWaaSProblem(rw http.ResponseWriter, status int, detail string) {
	rw.Header().Set("Content-Type", "application/problem+json")
	rw.WriteHeader(status)
	_ = json.NewEncoder(rw).Encode(waasProblem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
}

// status answers INPS's health check: 200 when the store answers.
func (w *waasEnte) status(rw http.ResponseWriter, r *http.Request) error {
	if w.cfg.Health != nil {
		if err := w.cfg.Health(r.Context()); err != nil {
			writeWaaSProblem(rw, http.StatusServiceUnavailable, "the store is not available")
			return nil
		}
	}
	writeWaaSProblem(rw, http.StatusOK, "the e-service of "+w.ente.Denominazione+" is running")
	return nil
}

// waasFlusso is api-comuni.yaml's Flusso.
type waasFlusso struct {
	CodiceEnte        string `json:"codice_ente"`
	DenominazioneEnte string `json:"denominazione_ente"`
	IDFlusso          string `json:"id_flusso"`
	Tipo              string `json:"tipo"`
	TSFlusso          string `json:"ts_flusso"`
	Flusso            string `json:"flusso"`
}

// flussi serves GET /flussi: the flows after since, oldest first, at most
// limit; returning them marks them acquired.
func (w *waasEnte) flussi(rw http.ResponseWriter, r *http.Request) error {
	since, limit, err := flussiQuery(r)
	if err != nil {
		return err
	}
	var flows []store.SiussFlow
	if limit > 0 {
		if flows, err = w.cfg.Services.AcquireWaaSFlows(r.Context(), w.ente.Belfiore, since, limit); err != nil {
			return err
		}
	}
	body := appendFlussi(make([]byte, 0, flussiSize(flows, w.ente.Denominazione)), flows, w.ente.Denominazione)
	rw.Header().Set("Content-Type", "application/json")
	rw.Header().Set("Content-Length", strconv.Itoa(len(body)))
	rw.WriteHeader(http.StatusOK)
	_, err = rw.Write(body)
	return err
}

// flussiSize is the length of appendFlussi's answer, give or take the
// escapes of the short fields.
func flussiSize(flows []store.SiussFlow, denominazione string) int {
	n := 32
	for _, f := range flows {
		n += 160 + len(f.Ente) + len(denominazione) + len(f.ID) + base64.StdEncoding.EncodedLen(len(f.XML))
	}
	return n
}

// appendFlussi appends GET /flussi's answer, api-comuni.yaml's Entries
// ({"elenco_flussi": [Flusso...]}), as encoding/json writes the struct
// waasFlusso (TestAppendFlussi checks they agree), without building it:
// each XML is base64-encoded straight into the answer, which needs no
// escaping, instead of into a string that the JSON encoder then copies
// and scans again.
func appendFlussi(b []byte, flows []store.SiussFlow, denominazione string) []byte {
	b = append(b, `{"elenco_flussi":[`...)
	den := jsonString(denominazione)
	for i, f := range flows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"codice_ente":`...)
		b = append(b, jsonString(f.Ente)...)
		b = append(b, `,"denominazione_ente":`...)
		b = append(b, den...)
		b = append(b, `,"id_flusso":`...)
		b = append(b, jsonString(f.ID)...)
		b = append(b, `,"tipo":`...)
		b = append(b, jsonString(waasTipo(f.Tipo))...)
		b = append(b, `,"ts_flusso":"`...)
		b = append(b, csi.TSFlusso(f.TS)...)
		b = append(b, `","flusso":"`...)
		b = base64.StdEncoding.AppendEncode(b, f.XML)
		b = append(b, `"}`...)
	}
	return append(b, "]}\n"...)
}

// jsonString is s as a JSON string, as encoding/json writes it.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return b
}

// waasTipo is a flow type as api-comuni.yaml's TipoFlusso spells it.
func waasTipo(tipo string) string {
	if tipo == "PS" {
		return "PS_PSA_SINA"
	}
	return tipo
}

// flussiQuery reads since (required) and limit (or its synonym max_entries).
func flussiQuery(r *http.Request) (int64, int, error) {
	q := r.URL.Query()
	if len(q["since"]) != 1 {
		return 0, 0, badRequest("give since once: the ts (milliseconds) of the last flow acquired, 0 the first time")
	}
	since, err := strconv.ParseInt(q.Get("since"), 10, 64)
	if err != nil || since < 0 {
		return 0, 0, badRequest("since must be a timestamp in milliseconds, 0 or more")
	}
	limit := waasDefaultLimit
	names := 0
	for _, name := range []string{"limit", "max_entries"} {
		vals := q[name]
		if len(vals) == 0 {
			continue
		}
		names += len(vals)
		n, err := strconv.Atoi(vals[0])
		if err != nil || n < 0 || n > waasMaxLimit {
			return 0, 0, badRequest("%s must be a whole number from 0 to %d", name, waasMaxLimit)
		}
		limit = n
	}
	if names > 1 {
		return 0, 0, badRequest("give limit (or max_entries) at most once")
	}
	return since, limit, nil
}

// waasEsito is api-comuni.yaml's EsitoFlusso, with the synonyms INPS's
// specification uses.
type waasEsito struct {
	IDFlusso         *string `json:"id_flusso"`
	Tipo             string  `json:"tipo"`
	TSFlusso         string  `json:"ts_flusso"`
	TSAcquisizione   string  `json:"ts_acquisizione"`
	Codice           *string `json:"codice_esito"`
	DescrizioneEsito string  `json:"descrizione_esito"`
	IDAcquisizione   string  `json:"id_acquisizione_siuss"`
	CodiceSIUSS      string  `json:"codice_siuss"`
}

// esiti serves POST /esiti: records the outcomes (idempotent) and answers
// 204, also for outcomes of flows the register does not know.
func (w *waasEnte) esiti(rw http.ResponseWriter, r *http.Request) error {
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		return &waasError{status: http.StatusUnsupportedMediaType, detail: "send the outcomes as application/json"}
	}
	r.Body = http.MaxBytesReader(rw, r.Body, DefaultMaxBodyBytes)
	var body struct {
		Elenco []waasEsito `json:"elenco_esiti"`
	}
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&body); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return badRequest("the body is not JSON with an elenco_esiti list")
	}
	if len(body.Elenco) > waasMaxEsiti {
		return badRequest("elenco_esiti holds %d outcomes: at most %d at a time", len(body.Elenco), waasMaxEsiti)
	}
	in := make([]csi.SiussEsitoInput, len(body.Elenco))
	for i, e := range body.Elenco {
		if e.IDFlusso == nil || strings.TrimSpace(*e.IDFlusso) == "" {
			return badRequest("elenco_esiti entry %d: field id_flusso: missing", i+1)
		}
		if e.Codice == nil {
			return badRequest("elenco_esiti entry %d: field codice_esito: missing", i+1)
		}
		code := strings.ToUpper(strings.TrimSpace(*e.Codice))
		switch code {
		case store.EsitoOK, store.EsitoDatiNonTrovati, store.EsitoRichiestaInvalida, store.EsitoErroreGenerico:
		default:
			return badRequest("elenco_esiti entry %d: field codice_esito: not OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA or ERRORE_GENERICO", i+1)
		}
		acq := strings.TrimSpace(e.IDAcquisizione)
		if acq == "" {
			acq = strings.TrimSpace(e.CodiceSIUSS)
		}
		in[i] = csi.SiussEsitoInput{IDFlusso: strings.TrimSpace(*e.IDFlusso), Codice: code,
			Descrizione: strings.TrimSpace(e.DescrizioneEsito), IDAcquisizione: acq, TSAcquisizione: e.TSAcquisizione}
	}
	if _, err := w.cfg.Services.RecordWaaSEsiti(r.Context(), w.ente.Belfiore, in); err != nil {
		return err
	}
	rw.WriteHeader(http.StatusNoContent)
	return nil
}

func isJSON(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}
