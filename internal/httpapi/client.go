package httpapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// Client implements the csi services over the remote API: it is what
// commands call in --remote mode.
type Client struct {
	base  *url.URL
	token string
	http  *http.Client
	// Timeout bounds one ordinary request; imports and validations are
	// bounded by their context only, as they stream.
	Timeout time.Duration
	// streamIdle is how long a stream may stay silent.
	streamIdle time.Duration
}

var _ csi.Services = (*Client)(nil)

// ClientOptions are the settings of a Client.
type ClientOptions struct {
	Token string
	// CAFile, when set, is a PEM file of the certificates that may sign the
	// server's (for a private CA or a self-signed certificate).
	CAFile string
	// Timeout bounds one ordinary request (default DefaultClientTimeout).
	Timeout time.Duration
	// StreamIdle is how long a streamed answer may stay silent before the
	// client gives up (default DefaultStreamIdle).
	StreamIdle time.Duration
	// DialTimeout bounds connecting to the server, TLSHandshakeTimeout its
	// TLS handshake, and ResponseHeaderTimeout the wait for an answer's
	// status once the request is sent (defaults DefaultDialTimeout,
	// DefaultTLSHandshakeTimeout and DefaultResponseHeaderTimeout).
	DialTimeout, TLSHandshakeTimeout, ResponseHeaderTimeout time.Duration
	// Insecure allows a plain http:// server that is not on loopback: the
	// token then crosses the network in clear (csi sets it from CSI_INSECURE).
	Insecure bool
}

// NewClient returns a client of the server at rawURL (https://host:port,
// or http:// for a loopback server).
func NewClient(rawURL string, o ClientOptions) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(rawURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, csi.Errorf(csi.EINVALID, "--remote %q is not a server URL", rawURL).
			WithHint("give the server's address, e.g. --remote https://csi.comune.monza.it:8787")
	}
	if err := checkPlainHTTP(u, o.Insecure); err != nil {
		return nil, err
	}
	o.setDefaults()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: o.DialTimeout, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = o.TLSHandshakeTimeout
	tr.ResponseHeaderTimeout = o.ResponseHeaderTimeout
	if o.CAFile != "" {
		pool, err := loadCA(o.CAFile)
		if err != nil {
			return nil, err
		}
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	return &Client{base: u, token: o.Token, http: &http.Client{Transport: tr}, Timeout: o.Timeout, streamIdle: o.StreamIdle}, nil
}

// Default timeouts of a Client.
const (
	DefaultClientTimeout         = 60 * time.Second
	DefaultDialTimeout           = 10 * time.Second
	DefaultTLSHandshakeTimeout   = 10 * time.Second
	DefaultResponseHeaderTimeout = 5 * time.Minute
)

// setDefaults gives every timeout left at zero its default.
func (o *ClientOptions) setDefaults() {
	for _, d := range []struct {
		at  *time.Duration
		def time.Duration
	}{{&o.Timeout, DefaultClientTimeout}, {&o.StreamIdle, DefaultStreamIdle}, {&o.DialTimeout, DefaultDialTimeout},
		{&o.TLSHandshakeTimeout, DefaultTLSHandshakeTimeout}, {&o.ResponseHeaderTimeout, DefaultResponseHeaderTimeout}} {
		if *d.at <= 0 {
			*d.at = d.def
		}
	}
}

// checkPlainHTTP refuses to send the token in clear to a server other
// machines can see: plain http:// only to a loopback address (as csi serve
// listens), unless insecure.
func checkPlainHTTP(u *url.URL, insecure bool) error {
	if u.Scheme != "http" || insecure || isLoopbackHost(u.Hostname()) {
		return nil
	}
	return csi.Errorf(csi.EINVALID, "refusing to send the token over plain HTTP to %s, which is not a loopback address", u.Host).
		WithHint("use an https:// URL in --remote (or CSI_REMOTE), or set CSI_INSECURE=1 on a trusted network")
}

// isLoopbackHost reports whether host names this machine only.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func loadCA(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read the CA file %s", path).WithHint("check CSI_CA_FILE")
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, csi.Errorf(csi.EBADFILE, "%s holds no PEM certificate", path).WithHint("give the server's CA certificate in PEM form")
	}
	return pool, nil
}

// URL returns the server's address, as given.
func (c *Client) URL() string { return c.base.String() }

// request is one call: method, path (with query), body and its type.
type request struct {
	method, path string
	query        url.Values
	body         io.Reader
	size         int64
	ctype        string
	stream       bool // no overall timeout
}

func (c *Client) newRequest(ctx context.Context, rq request) (*http.Request, error) {
	// rq.path is escaped already (each name with url.PathEscape).
	u := c.base.String() + rq.path
	if len(rq.query) > 0 {
		u += "?" + rq.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, rq.method, u, rq.body)
	if err != nil {
		return nil, csi.Errorf(csi.EINVALID, "bad request to %s", c.base).WithHint("check the --remote URL")
	}
	if rq.body != nil {
		req.Header.Set("Content-Type", rq.ctype)
		if rq.size > 0 {
			req.ContentLength = rq.size
		}
	}
	req.Header.Set("Accept", "application/json, "+NDJSON+", application/problem+json")
	req.Header.Set("User-Agent", "csi")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	a := csi.ActorFrom(ctx)
	req.Header.Set(ActorHeader, a.Name)
	req.Header.Set(CommandHeader, a.Command)
	return req, nil
}

// do sends a request and returns the response when it is a success; an
// error response becomes the domain error it carries.
func (c *Client) do(ctx context.Context, rq request) (*http.Response, context.CancelFunc, error) {
	rctx, cancel := context.WithCancel(ctx)
	if !rq.stream {
		rctx, cancel = context.WithTimeout(ctx, c.Timeout)
	}
	req, err := c.newRequest(rctx, rq)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		cancel()
		return nil, nil, c.transportError(ctx, err)
	}
	if resp.StatusCode >= 300 {
		defer resp.Body.Close()
		defer cancel()
		return nil, nil, responseError(resp)
	}
	return resp, cancel, nil
}

// call sends a JSON request (in may be nil) and decodes the JSON answer into out.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, in, out any) error {
	rq := request{method: method, path: path, query: query}
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		rq.body, rq.size, rq.ctype = bytes.NewReader(b), int64(len(b)), "application/json"
	}
	resp, cancel, err := c.do(ctx, rq)
	if err != nil {
		return err
	}
	defer cancel()
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return c.readError(ctx, err)
	}
	return nil
}

// responseError turns an error response into its domain error.
func responseError(resp *http.Response) error {
	var p Problem
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err := json.Unmarshal(body, &p); err != nil || p.Status == 0 {
		if bytes.Contains(body, []byte("HTTP request to an HTTPS server")) {
			return csi.Errorf(csi.EUNREACHABLE, "cannot talk to %s: the server speaks HTTPS", resp.Request.URL.Host).
				WithHint("use an https:// URL in --remote (or CSI_REMOTE)")
		}
		p = Problem{Status: resp.StatusCode, Title: resp.Status}
		p.Detail = fmt.Sprintf("the server answered %s", resp.Status)
	}
	e := p.Err()
	var ce *csi.Error
	if errors.As(e, &ce) && ce.Hint == "" {
		switch ce.Code {
		case csi.EUNAUTHORIZED:
			*ce = *ce.WithHint("check --token (or CSI_TOKEN): 'csi token create' on the server makes one")
		case csi.EFORBIDDEN:
			*ce = *ce.WithHint("your token's role does not allow this; ask the coordinator")
		}
	}
	return e
}

// transportError explains why the server could not be reached.
func (c *Client) transportError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	return csi.Errorf(csi.EUNREACHABLE, "cannot reach %s: %s", c.base, reason(err)).
		WithHint("check --remote (or CSI_REMOTE), the network, and that 'csi serve' runs there")
}

// readError is a failure while reading a response that had begun.
func (c *Client) readError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	return csi.Errorf(csi.EUNREACHABLE, "lost the connection to %s: %s", c.base, reason(err)).
		WithHint("run the command again; an import that did not finish was rolled back by the server")
}

// reason is the short cause of a transport error, without the URL and
// operation that wrap it.
func reason(err error) string {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var unk x509.UnknownAuthorityError
	var host x509.HostnameError
	switch {
	case errors.Is(err, context.DeadlineExceeded), os.IsTimeout(err):
		return "timed out"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the connection was closed"
	case errors.As(err, &dns):
		return "no such host " + dns.Name
	case errors.As(err, &unk):
		return "the server's certificate is signed by an unknown authority (set CSI_CA_FILE to its CA)"
	case errors.As(err, &host):
		return "the server's certificate is not valid for this host name"
	case errors.As(err, &cert):
		return "the server's certificate cannot be verified"
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return "the server speaks plain HTTP, not HTTPS (use http:// for a loopback server)"
	case strings.Contains(err.Error(), "tls:"), strings.Contains(err.Error(), "malformed HTTP response"):
		return "the server does not speak plain HTTP (use https://)"
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	return "the connection failed"
}

// Health asks the server's /healthz.
func (c *Client) Health(ctx context.Context) error {
	var out map[string]string
	return c.call(ctx, "GET", "/healthz", nil, nil, &out)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
