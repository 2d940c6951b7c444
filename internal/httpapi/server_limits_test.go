package httpapi

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// liveServer serves s through its own HTTPServer and Listener, as csi
// serve does, on 127.0.0.1; it is stopped at the end of the test.
func liveServer(t *testing.T, edit func(*Config)) string {
	t.Helper()
	cfg := Config{Services: testStore(t), Authenticate: testAuth, SpoolDir: t.TempDir()}
	edit(&cfg)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := s.HTTPServer(context.Background(), nil)
	go srv.Serve(s.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedWithin reports whether the server closes conn within d (reading
// and discarding whatever it answers first).
func closedWithin(t *testing.T, conn net.Conn, d time.Duration) bool {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return false
	}
	return true
}

// TestUnauthenticatedSlowClient: a client without a token that announces
// an upload on a streaming route and then sends nothing is answered 401
// and cut off at the ordinary read timeout; the 2-hour limit of imports is
// only for an authenticated caller. A client that never finishes its
// headers is cut off at the header timeout.
func TestUnauthenticatedSlowClient(t *testing.T) {
	t.Parallel()
	addr := liveServer(t, func(c *Config) {
		c.ReadHeaderTimeout, c.ReadTimeout, c.IdleTimeout = 300*time.Millisecond, 300*time.Millisecond, 300*time.Millisecond
	})
	for _, path := range []string{"/api/v1/anagrafe/imports?comune=108023", "/api/v1/records/accessi/imports", "/api/v1/validations"} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		ctype := "text/csv"
		if strings.Contains(path, "validations") {
			ctype = "application/yaml"
		}
		_, _ = io.WriteString(conn, "POST "+path+" HTTP/1.1\r\nHost: csi\r\nContent-Type: "+ctype+"\r\nContent-Length: 1000\r\n\r\n")
		_ = conn.SetReadDeadline(time.Now().Add(3 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Errorf("%s: no answer within 3 s: %v", path, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", path, resp.StatusCode)
		}
		if !closedWithin(t, conn, 3*time.Second) {
			t.Errorf("%s: an unauthenticated connection is still open 3 s after its 401", path)
		}
	}
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "POST /api/v1/anagrafe/imports HTTP/1.1\r\nHost: csi\r\n")
	if !closedWithin(t, conn, 3*time.Second) {
		t.Error("a client that never ends its headers is still connected after 3 s")
	}
}

// TestUnauthenticatedConnectionCloses: a refused token ends the
// connection with its 401, instead of leaving it idle for the next try.
func TestUnauthenticatedConnectionCloses(t *testing.T) {
	t.Parallel()
	addr := liveServer(t, func(c *Config) { c.IdleTimeout = time.Minute })
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "GET /api/v1/comuni HTTP/1.1\r\nHost: csi\r\nAuthorization: Bearer csi_wrong\r\n\r\n")
	if !closedWithin(t, conn, 3*time.Second) {
		t.Error("a connection whose token was refused is still open 3 s after its 401")
	}
}

// TestConnectionCap: past MaxConns open connections, a new one waits
// until one of them closes.
func TestConnectionCap(t *testing.T) {
	t.Parallel()
	addr := liveServer(t, func(c *Config) { c.MaxConns, c.ReadHeaderTimeout = 2, 10*time.Second })
	var held []net.Conn
	for range 2 {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		held = append(held, conn)
	}
	get := func(timeout time.Duration) error {
		c := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := c.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := get(500 * time.Millisecond); err == nil {
		t.Fatal("a third connection was served while two were held open (MaxConns 2)")
	}
	held[0].Close()
	if err := get(5 * time.Second); err != nil {
		t.Fatalf("after one held connection closed: %v", err)
	}
}
