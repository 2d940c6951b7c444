// Package waastest is a fake INPS for tests: a poller that collects an
// ente's SIUSS flows from csi serve --waas as INPS does (GET /flussi from
// since=0, advancing since to the last flow's timestamp) and posts their
// outcomes back (POST /esiti, re-sent until a 2xx). It only talks to a
// loopback address and every loop it runs is bounded; nothing in csi
// ships it.
package waastest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"
)

// Flusso is a flow as GET /flussi returns it, with its XML decoded.
type Flusso struct {
	CodiceEnte, DenominazioneEnte, IDFlusso, Tipo, TSFlusso string
	TS                                                      int64
	XML                                                     []byte
}

// Poller is one INPS poller of one ente's e-service.
type Poller struct {
	// Base is the e-service's base URL, e.g. http://127.0.0.1:8787/waas/D286/v1.
	Base string
	// Client sends the requests (default: a client with a 30 s timeout).
	Client *http.Client
	// Voucher returns the bearer voucher of each request.
	Voucher func() string
	// Limit is the limit of the n-th page (from 0); default n%100+1, so
	// that a long poll uses every limit from 1 to 100.
	Limit func(n int) int
	// Refuse says which flows get RICHIESTA_INVALIDA instead of OK.
	Refuse func(id string) bool
	// MaxPages bounds the pages of one Poll (default 10,000); MaxRetries
	// the re-sends of one POST /esiti (default 5).
	MaxPages, MaxRetries int

	mu sync.Mutex
	// Since is the cursor: the timestamp of the last flow received.
	Since int64
	seen  map[string]int
	flows []Flusso
	// Retries counts the POST /esiti re-sent after an answer that was not 2xx.
	Retries int
	// Latencies are the durations of the GET /flussi requests.
	Latencies []time.Duration
	// Limits are the limits used, one per page.
	Limits []int
}

// checkLoopback refuses a base URL that is not on a loopback address.
func (p *Poller) checkLoopback() error {
	u, err := url.Parse(p.Base)
	if err != nil {
		return err
	}
	ip := net.ParseIP(u.Hostname())
	if u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("waastest: %s is not a loopback address", u.Host)
	}
	return nil
}

// Poll pages through GET /flussi until a page comes back empty, posting
// each page's outcomes before asking for the next, and returns how many
// flows it received. It checks what INPS relies on: every flow of a page
// is after since and after the one before it.
func (p *Poller) Poll(ctx context.Context) (int, error) {
	if err := p.checkLoopback(); err != nil {
		return 0, err
	}
	maxPages := p.MaxPages
	if maxPages <= 0 {
		maxPages = 10000
	}
	got := 0
	for range maxPages {
		page, err := p.page(ctx)
		if err != nil {
			return got, err
		}
		if len(page) == 0 {
			return got, nil
		}
		got += len(page)
		if err := p.postEsiti(ctx, page); err != nil {
			return got, err
		}
	}
	return got, fmt.Errorf("waastest: still receiving flows after %d pages", maxPages)
}

// page asks for the next page and advances the cursor.
func (p *Poller) page(ctx context.Context) ([]Flusso, error) {
	p.mu.Lock()
	n, since := len(p.Limits), p.Since
	p.mu.Unlock()
	limit := n%100 + 1
	if p.Limit != nil {
		limit = p.Limit(n)
	}
	start := time.Now()
	body, status, err := p.send(ctx, "GET", fmt.Sprintf("%s/flussi?since=%d&limit=%d", p.Base, since, limit), nil)
	elapsed := time.Since(start)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("waastest: GET /flussi: status %d: %s", status, body)
	}
	var resp struct {
		Elenco []struct {
			CodiceEnte        string `json:"codice_ente"`
			DenominazioneEnte string `json:"denominazione_ente"`
			IDFlusso          string `json:"id_flusso"`
			Tipo              string `json:"tipo"`
			TSFlusso          string `json:"ts_flusso"`
			Flusso            string `json:"flusso"`
		} `json:"elenco_flussi"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || resp.Elenco == nil {
		return nil, fmt.Errorf("waastest: GET /flussi: not an elenco_flussi: %v", err)
	}
	if len(resp.Elenco) > limit {
		return nil, fmt.Errorf("waastest: GET /flussi?limit=%d returned %d flows", limit, len(resp.Elenco))
	}
	page := make([]Flusso, len(resp.Elenco))
	last := since
	for i, f := range resp.Elenco {
		ts, err := time.Parse(time.RFC3339Nano, f.TSFlusso)
		if err != nil {
			return nil, fmt.Errorf("waastest: flow %s: ts_flusso %q: %v", f.IDFlusso, f.TSFlusso, err)
		}
		xml, err := base64.StdEncoding.DecodeString(f.Flusso)
		if err != nil {
			return nil, fmt.Errorf("waastest: flow %s: flusso is not base64", f.IDFlusso)
		}
		if ts.UnixMilli() <= last {
			return nil, fmt.Errorf("waastest: flow %s: ts %d not after %d", f.IDFlusso, ts.UnixMilli(), last)
		}
		last = ts.UnixMilli()
		page[i] = Flusso{CodiceEnte: f.CodiceEnte, DenominazioneEnte: f.DenominazioneEnte, IDFlusso: f.IDFlusso,
			Tipo: f.Tipo, TSFlusso: f.TSFlusso, TS: last, XML: xml}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen == nil {
		p.seen = map[string]int{}
	}
	for _, f := range page {
		p.seen[f.IDFlusso]++
	}
	p.flows = append(p.flows, page...)
	p.Since = last
	p.Limits = append(p.Limits, limit)
	p.Latencies = append(p.Latencies, elapsed)
	return page, nil
}

// postEsiti posts the outcomes of a page, re-sending while the answer is
// not a 2xx, at most MaxRetries times.
func (p *Poller) postEsiti(ctx context.Context, page []Flusso) error {
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z07:00")
	esiti := make([]map[string]string, len(page))
	for i, f := range page {
		e := map[string]string{"id_flusso": f.IDFlusso, "tipo": f.Tipo, "ts_flusso": f.TSFlusso, "ts_acquisizione": now}
		if p.Refuse != nil && p.Refuse(f.IDFlusso) {
			e["codice_esito"], e["descrizione_esito"] = "RICHIESTA_INVALIDA", "Dati della prestazione non validi (test)"
		} else {
			e["codice_esito"], e["id_acquisizione_siuss"] = "OK", "ACQ-"+f.IDFlusso
		}
		esiti[i] = e
	}
	body, err := json.Marshal(map[string]any{"elenco_esiti": esiti})
	if err != nil {
		return err
	}
	retries := p.MaxRetries
	if retries <= 0 {
		retries = 5
	}
	for attempt := 0; ; attempt++ {
		resp, status, err := p.send(ctx, "POST", p.Base+"/esiti", body)
		if err != nil {
			return err
		}
		if status/100 == 2 {
			return nil
		}
		if attempt == retries {
			return fmt.Errorf("waastest: POST /esiti: status %d after %d re-sends: %s", status, retries, resp)
		}
		p.mu.Lock()
		p.Retries++
		p.mu.Unlock()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 10 * time.Millisecond):
		}
	}
}

// send makes one request and reads its answer (at most 64 MiB).
func (p *Poller) send(ctx context.Context, method, u string, body []byte) ([]byte, int, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if p.Voucher != nil {
		req.Header.Set("Authorization", "Bearer "+p.Voucher())
	}
	c := p.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	return b, resp.StatusCode, err
}

// Seen returns how many times each flow was received.
func (p *Poller) Seen() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.seen))
	for k, v := range p.seen {
		out[k] = v
	}
	return out
}

// Flows returns the flows received, in the order they came.
func (p *Poller) Flows() []Flusso {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Flusso(nil), p.flows...)
}

// ErrNoLatencies is returned by Percentiles before any page.
var ErrNoLatencies = errors.New("waastest: no GET /flussi measured")

// Percentile returns the q-th percentile (0..1) of the durations.
func Percentile(ds []time.Duration, q float64) (time.Duration, error) {
	if len(ds) == 0 {
		return 0, ErrNoLatencies
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s)-1) + 0.5)
	return s[i], nil
}
