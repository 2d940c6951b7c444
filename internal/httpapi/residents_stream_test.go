package httpapi

import (
	"context"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// slowResidents is a store that emits half its residents, then waits until
// released before emitting the rest.
type slowResidents struct {
	csi.Services
	half    int
	release chan struct{}
}

func (s slowResidents) Residents(ctx context.Context, comune, at string, emit func(csi.PersonVersion) error) error {
	for i := range 2 * s.half {
		if i == s.half {
			select {
			case <-s.release:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if err := emit(csi.PersonVersion{Comune: "108033", Cognome: "Rossi", Nome: "Mario", ImportID: int64(i)}); err != nil {
			return err
		}
	}
	return nil
}

// TestResidentsResponseStreams: the residents answer starts before the
// store has finished reading them (nothing waits for the whole Comune),
// and the client hands them on as they come.
func TestResidentsResponseStreams(t *testing.T) {
	store := slowResidents{Services: testStore(t), half: 2000, release: make(chan struct{})}
	hs, _ := testServer(t, store, nil)
	// Registered after the server's, so run before it stops: a failing
	// test does not leave the store waiting.
	releaseOnce := sync.OnceFunc(func() { close(store.release) })
	t.Cleanup(releaseOnce)
	req, _ := http.NewRequest("GET", hs.URL+"/api/v1/anagrafe/residents?comune=Monza", nil)
	req.Header.Set("Authorization", "Bearer "+testSecret)
	got := make(chan []byte, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- nil
			return
		}
		defer resp.Body.Close()
		b := make([]byte, 4096)
		n, _ := io.ReadFull(resp.Body, b)
		got <- b[:n]
		io.Copy(io.Discard, resp.Body)
	}()
	select {
	case b := <-got:
		if len(b) < 4096 || b[0] != '[' {
			t.Fatalf("first bytes %q", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no byte of the answer while the store was still reading")
	}
	releaseOnce()

	store2 := slowResidents{Services: store.Services, half: 1500, release: make(chan struct{})}
	close(store2.release)
	c := testClient(t, store2)
	n := 0
	err := c.Residents(ctxTester, "Monza", "", func(v csi.PersonVersion) error {
		if v.ImportID != int64(n) {
			t.Fatalf("row %d is %d", n, v.ImportID)
		}
		n++
		return nil
	})
	if err != nil || n != 3000 {
		t.Fatalf("client: %d rows, %v", n, err)
	}
}
