package httpapi_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// endlessCSV is an upload of size bytes that counts what the client has
// read of it, i.e. at most what the server received plus the buffers between.
type endlessCSV struct {
	size, read int64
	n          *atomic.Int64
}

func (e *endlessCSV) Read(p []byte) (int, error) {
	if e.read >= e.size {
		return 0, io.EOF
	}
	n := int64(len(p))
	if n > e.size-e.read {
		n = e.size - e.read
	}
	for i := range p[:n] {
		p[i] = 'x'
	}
	e.read += n
	e.n.Add(n)
	return int(n), nil
}

// TestUploadRefusedBeforeBody: a caller that may not import (a viewer; an
// operator naming another Comune; records by a referent) is refused before
// the server reads the 200 MB it announces, not after spooling it.
func TestUploadRefusedBeforeBody(t *testing.T) {
	fx := newFixture(t)
	const size = 200 << 20
	for _, tc := range []struct{ role, path string }{
		{csi.RoleViewer, "/api/v1/anagrafe/imports?comune=" + inComune},
		{csi.RoleOperator, "/api/v1/anagrafe/imports?comune=" + outComune},
		{csi.RoleReferent, "/api/v1/records/accessi/imports"},
	} {
		var n atomic.Int64
		req, err := http.NewRequest("POST", fx.url+tc.path, &endlessCSV{size: size, n: &n})
		if err != nil {
			t.Fatal(err)
		}
		req.ContentLength = size
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Authorization", "Bearer "+fx.secrets[tc.role])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.role, tc.path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s: status %d, want 403", tc.role, tc.path, resp.StatusCode)
		}
		if got := n.Load(); got > 16<<20 {
			t.Errorf("%s %s: the client sent %d MB of the upload before the refusal", tc.role, tc.path, got>>20)
		}
	}
}

// TestValidationRefusedBeforeBody: a caller that may not run a validation
// (a viewer; an operator naming another Comune) is refused while the
// ruleset body it announced is still unsent, not after waiting for it.
func TestValidationRefusedBeforeBody(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct{ role, path string }{
		{csi.RoleViewer, "/api/v1/validations"},
		{csi.RoleOperator, "/api/v1/validations?comune=" + outComune},
	} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(fx.url, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(conn, "POST "+tc.path+" HTTP/1.1\r\nHost: csi\r\nAuthorization: Bearer "+fx.secrets[tc.role]+
			"\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\n")
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Errorf("%s %s: no answer in 5 s: the server waits for the ruleset before refusing (%v)", tc.role, tc.path, err)
		} else if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s: status %d, want 403", tc.role, tc.path, resp.StatusCode)
		}
		conn.Close()
	}
}
