package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDirSinkBackground: flows written on the sink's goroutine are all in
// the folder after Publish, whole, 0600, and the staging folder is gone.
func TestDirSinkBackground(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "flussi")
	s, err := newDirSink(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.background = true
	const n = 300
	for i := range n {
		if err := s.WriteFlow(fmt.Sprintf("F704.PS.20240630.%07d", i+1), fmt.Appendf(nil, "<flow n=%d/>", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := s.Publish(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != n {
		t.Fatalf("%d entries in the folder, want %d flows and no staging folder", len(entries), n)
	}
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("F704.PS.20240630.%07d.xml", i+1))
		data, err := os.ReadFile(path)
		if err != nil || string(data) != fmt.Sprintf("<flow n=%d/>", i+1) {
			t.Fatalf("%s: %q %v", path, data, err)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: mode %v", path, st.Mode())
		}
	}
}

// TestDirSinkBackgroundFailure: a file the goroutine cannot write makes
// Flush (which the export calls before it commits) and Publish fail, and
// Discard leaves nothing in the folder.
func TestDirSinkBackgroundFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "flussi")
	s, err := newDirSink(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.background = true
	if err := s.WriteFlow("F704.PS.20240630.0000001", []byte("<a/>")); err != nil {
		t.Fatal(err)
	}
	// The staging folder vanishes: the next files cannot be created.
	if err := os.RemoveAll(s.staging); err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 5; i++ {
		if err := s.WriteFlow(fmt.Sprintf("F704.PS.20240630.%07d", i), []byte("<b/>")); err != nil {
			break // a failure seen early is fine too
		}
	}
	if err := s.Flush(); err == nil {
		t.Fatal("Flush: no error for files that could not be written")
	}
	if err := s.Publish(); err == nil {
		t.Fatal("Publish: no error after a failed write")
	}
	s.Discard()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the folder holds %d entries after Discard", len(entries))
	}
}
