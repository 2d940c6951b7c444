package httpapi

import (
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// namedAuth lets in any "Bearer NAME" as a coordinator named NAME.
func namedAuth(r *http.Request) (*csi.Principal, error) {
	name, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, csi.Errorf(csi.EUNAUTHORIZED, "no API token")
	}
	return &csi.Principal{Token: name, Role: csi.RoleCoordinator}, nil
}

// stuckSpool is a spool writer that blocks on its first write until
// released, saying when it started: an upload in progress.
type stuckSpool struct {
	started, release chan struct{}
	once             sync.Once
}

func (s *stuckSpool) Write(p []byte) (int, error) {
	s.once.Do(func() { close(s.started); <-s.release })
	return len(p), nil
}

// spoolQueue hands out its writers to the uploads in turn, then the real file.
type spoolQueue struct {
	mu sync.Mutex
	ws []io.Writer
}

func (q *spoolQueue) next(fh *os.File) io.Writer {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.ws) == 0 {
		return fh
	}
	w := q.ws[0]
	q.ws = q.ws[1:]
	return w
}

func postUpload(t *testing.T, url, token string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/api/v1/records/accessi/imports", strings.NewReader("a;b\n1;2\n"))
	req.Header.Set("Content-Type", "text/csv")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// TestUploadSlots: past MaxUploadsPerToken uploads of one token the next
// gets 429, past MaxUploads in all 503, both with Retry-After; a slot is
// free again when its upload ends.
func TestUploadSlots(t *testing.T) {
	t.Parallel()
	hs, s := testServer(t, testStore(t), func(c *Config) {
		c.Authenticate, c.MaxUploads, c.MaxUploadsPerToken = namedAuth, 2, 1
	})
	stuck := &stuckSpool{started: make(chan struct{}), release: make(chan struct{})}
	stuck2 := &stuckSpool{started: make(chan struct{}), release: make(chan struct{})}
	q := &spoolQueue{ws: []io.Writer{stuck, stuck2}}
	s.spoolWriter = q.next
	done := make(chan *http.Response)
	go func() { done <- postUpload(t, hs.URL, "anna") }()
	<-stuck.started
	// A second of anna's uploads: too many for one token (refused before
	// it reaches the spool, so it takes no writer of the queue).
	resp := postUpload(t, hs.URL, "anna")
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("anna's second upload: %d, Retry-After %q; want 429 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// Paolo's upload takes the second slot; while both are stuck, Carla's
	// is the third in all and gets 503.
	done2 := make(chan *http.Response)
	go func() { done2 <- postUpload(t, hs.URL, "paolo") }()
	<-stuck2.started
	resp = postUpload(t, hs.URL, "carla")
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a third upload in all: %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	close(stuck.release)
	close(stuck2.release)
	(<-done).Body.Close()
	(<-done2).Body.Close()
	resp = postUpload(t, hs.URL, "anna")
	resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		t.Errorf("after the uploads ended, anna's next one got %d", resp.StatusCode)
	}
}

// fullDisk is a spool on a disk with no space left.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/tmp/csi-upload-1.csv", Err: syscall.ENOSPC}
}

// TestSpoolFull: an upload the spool has no room for is the server's
// problem (507, "the upload spool is full"), not an upload "cut short".
func TestSpoolFull(t *testing.T) {
	t.Parallel()
	hs, s := testServer(t, testStore(t), nil)
	s.spoolWriter = func(*os.File) io.Writer { return fullDisk{} }
	resp := postUpload(t, hs.URL, testSecret)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusInsufficientStorage || !strings.Contains(string(body), "upload spool is full") {
		t.Errorf("status %d, body %s; want 507 saying the spool is full", resp.StatusCode, body)
	}
	if strings.Contains(string(body), "cut short") {
		t.Errorf("a full spool is reported as an upload cut short: %s", body)
	}
}
