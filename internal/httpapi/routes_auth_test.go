package httpapi

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"regexp"
	"testing"
	"time"
)

// TestEveryRouteAuthenticatesFirst: on every route but the public ones, a
// request without a token, or with a bogus one, is answered 401 whatever
// else is wrong with it (an unknown query parameter, a content type the
// route does not take, a body announced and never sent), and the server
// closes the connection at once instead of waiting for the body.
func TestEveryRouteAuthenticatesFirst(t *testing.T) {
	addr := liveServer(t, func(c *Config) { c.ReadTimeout, c.IdleTimeout = time.Minute, time.Minute })
	s, err := New(Config{Services: testStore(t), Authenticate: testAuth})
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	probed := 0
	for _, rt := range s.Routes() {
		if rt.Access == AccessPublic {
			continue
		}
		path := param.ReplaceAllString(rt.Pattern, "x") + "?bogus=1"
		for _, auth := range []string{"", "Authorization: Bearer csi_bogus\r\n"} {
			probed++
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.WriteString(conn, rt.Method+" "+path+" HTTP/1.1\r\nHost: csi\r\n"+auth+
				"Content-Type: application/x-bogus\r\nContent-Length: 1000\r\n\r\n")
			_ = conn.SetReadDeadline(time.Now().Add(3 * time.Second))
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Errorf("%s %s (%q): no answer within 3 s: %v", rt.Method, rt.Pattern, auth, err)
				conn.Close()
				continue
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s %s (%q): status %d, want 401", rt.Method, rt.Pattern, auth, resp.StatusCode)
			}
			if !closedWithin(t, conn, 3*time.Second) {
				t.Errorf("%s %s (%q): the connection is still open 3 s after the answer", rt.Method, rt.Pattern, auth)
			}
			conn.Close()
		}
	}
	if probed < 40 {
		t.Fatalf("only %d requests probed: the route table is not what this test expects", probed)
	}
}
