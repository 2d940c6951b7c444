package csi

import (
	"sync"
	"testing"
)

// TestFoldNameConcurrent folds names from many goroutines at once, as the
// server's requests and parallel tests do: a transformer shared between
// them kept state across calls and panicked.
func TestFoldNameConcurrent(t *testing.T) {
	t.Parallel()
	names := []string{"Muggiò", "Besana in Brianza", "Cesano Maderno", "Agrate Brianza", "Ronco Briantino", "Cornate d'Adda"}
	want := make([]string, len(names))
	for i, n := range names {
		want[i] = FoldName(n)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				k := i % len(names)
				if got := FoldName(names[k]); got != want[k] {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("FoldName gave %q under concurrency", got)
	}
	if want[0] != "muggio" || want[5] != "cornate d adda" {
		t.Errorf("FoldName: %q, %q", want[0], want[5])
	}
}
