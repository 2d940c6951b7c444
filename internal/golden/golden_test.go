package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "out.golden")
	for _, c := range []struct {
		name    string
		update  bool
		got     string
		failed  bool
		content string
	}{
		{"missing", false, "a\n", true, ""},
		{"written with -update", true, "a\n", false, "a\n"},
		{"same", false, "a\n", false, "a\n"},
		{"different", false, "b\n", true, "a\n"},
		{"rewritten with -update", true, "b\n", false, "b\n"},
	} {
		*update = c.update
		r := &recorder{TB: t}
		Check(r, path, []byte(c.got))
		if r.failed != c.failed {
			t.Errorf("%s: failed = %v, want %v", c.name, r.failed, c.failed)
		}
		if b, _ := os.ReadFile(path); string(b) != c.content {
			t.Errorf("%s: file holds %q, want %q", c.name, b, c.content)
		}
	}
	*update = false
}
