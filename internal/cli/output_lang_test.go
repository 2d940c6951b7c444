package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// runLang runs one command line in lang, on a terminal or piped.
func runLang(t *testing.T, db, lang string, tty bool, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	io.SetStdoutTTY(tty)
	env := map[string]string{"CSI_DB": db, "CSI_LANG": lang, "CSI_NOW": "2024-06-30T10:00:00Z", "CSI_ACTOR": "tester"}
	if code := Run(context.Background(), args, io, enEnv(env)); code != 0 {
		t.Fatalf("csi %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// TestNumbersByLanguage: the province's 870,193 residents read 870.193 in
// Italian and 870,193 in English on a terminal and in Markdown, and
// 870193 in JSON, CSV and piped rows whatever the language; dates alike.
func TestNumbersByLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "Monza", "--date", "15/01/2024")
	ind := []string{"indicators", "show", "popolazione", "--by", "provincia"}
	for _, tc := range []struct {
		lang string
		tty  bool
		args []string
		want []string
		not  []string
	}{
		{"it", true, ind, []string{"     870.193 │"}, []string{"870,193", "870193"}},
		{"en", true, ind, []string{" 870,193 │"}, []string{"870.193", "870193"}},
		{"it", false, append(ind, "-o", "markdown"), []string{"| 870.193 |", "---:|"}, []string{"870,193"}},
		{"en", false, append(ind, "-o", "markdown"), []string{"| 870,193 |"}, []string{"870.193"}},
		{"it", false, ind, []string{"\t870193\t"}, []string{"870.193"}},
		{"it", false, append(ind, "-o", "json"), []string{`"popolazione": 870193`}, []string{"870.193"}},
		{"it", false, append(ind, "-o", "csv"), []string{",870193,"}, []string{"870.193"}},
		{"it", true, []string{"comuni", "list", "--status", "active"}, []string{"15/01/2024", "124.840"}, []string{"2024-01-15"}},
		{"en", true, []string{"comuni", "list", "--status", "active"}, []string{"2024-01-15", "124,840"}, nil},
		{"it", false, []string{"comuni", "list", "--status", "active"}, []string{"\t2024-01-15\t124840\t"}, nil},
		{"it", true, []string{"comuni", "show", "Monza"}, []string{"15/01/2024", "124.840", "108033"}, []string{"108.033"}},
	} {
		got := runLang(t, db, tc.lang, tc.tty, tc.args...)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("csi %s (%s, tty %v) lacks %q:\n%s", strings.Join(tc.args, " "), tc.lang, tc.tty, w, got)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("csi %s (%s, tty %v) holds %q:\n%s", strings.Join(tc.args, " "), tc.lang, tc.tty, n, got)
			}
		}
	}
}
