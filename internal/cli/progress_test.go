package cli

import (
	"bytes"
	"regexp"
	"testing"
)

// progressOut runs updates through a reporter in the given mode and returns
// what reached stderr.
func progressOut(t *testing.T, mode string, errTTY, quiet bool, updates ...[2]int64) string {
	t.Helper()
	var errOut bytes.Buffer
	f := NewFactory(&IOStreams{Out: &bytes.Buffer{}, ErrOut: &errOut, ErrTTY: errTTY}, enEnv(nil))
	f.Progress, f.Quiet = mode, quiet
	p := f.newProgress(4<<20, "rows")
	if p != nil {
		p.every = 0 // every update prints
	}
	for _, u := range updates {
		p.update(u[0], int(u[1]))
	}
	p.done()
	return errOut.String()
}

func TestProgress(t *testing.T) {
	half := [2]int64{2 << 20, 5000}
	tests := []struct {
		name, mode   string
		tty, quiet   bool
		updates      [][2]int64
		want, absent string
	}{
		{"plain line with rows, share, rate and ETA", "plain", false, false, [][2]int64{half},
			`^csi: 5,000 rows read \(50%\), [\d,]+ rows/s, about \S+ left\n$`, ""},
		{"auto is plain when piped", "auto", false, false, [][2]int64{half}, `^csi: 5,000 rows read`, "\r"},
		{"auto is a bar on a terminal, cleared at the end", "auto", true, false, [][2]int64{half},
			`^\r█{15}░{15}  50%  5,000 rows  [\d,]+ rows/s  ETA \S+   \r\x1b\[K$`, ""},
		{"bytes before the first row: an upload", "plain", false, false, [][2]int64{{1 << 20, 0}},
			`^csi: 1\.0 of 4\.0 MB read \(25%\), [\d.,]+ MB/s, about \S+ left\n$`, "0 rows"},
		{"none prints nothing", "none", true, false, [][2]int64{half}, `^$`, ""},
		{"quiet prints nothing", "bar", true, true, [][2]int64{half}, `^$`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := progressOut(t, tt.mode, tt.tty, tt.quiet, tt.updates...)
			if !regexp.MustCompile(tt.want).MatchString(got) {
				t.Errorf("stderr %q does not match %q", got, tt.want)
			}
			if tt.absent != "" && bytes.Contains([]byte(got), []byte(tt.absent)) {
				t.Errorf("stderr %q contains %q", got, tt.absent)
			}
		})
	}
}
