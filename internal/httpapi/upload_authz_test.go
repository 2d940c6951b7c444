package httpapi_test

import (
	"io"
	"net/http"
	"sync/atomic"
	"testing"

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
