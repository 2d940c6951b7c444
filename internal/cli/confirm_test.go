package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestOffboardConfirmsOnTerminal answers the prompt a terminal user gets:
// "n" changes nothing (exit 1), "y" offboards.
func TestOffboardConfirmsOnTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "csi.db")
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "Lissone", "--date", "2020-01-01")
	env := map[string]string{"CSI_DB": db, "CSI_ACTOR": "tester", "CSI_NOW": "2024-06-30"}
	offboard := func(answer string) (int, string) {
		var out, errOut bytes.Buffer
		io := &IOStreams{In: strings.NewReader(answer), Out: &out, ErrOut: &errOut, InTTY: true}
		code := Run(context.Background(), []string{"comuni", "offboard", "Lissone", "--date", "2024-05-31"}, io, enEnv(env))
		return code, errOut.String()
	}
	code, stderr := offboard("n\n")
	if code != ExitError || !strings.Contains(stderr, "Offboarding Lissone (108028) on 2024-05-31? [y/N] ") || !strings.Contains(stderr, "cancelled: nothing was changed") {
		t.Fatalf("answer n: exit %d, stderr %q", code, stderr)
	}
	if out := runCSI(t, db, "comuni", "show", "Lissone"); !strings.Contains(out, "status:         active") {
		t.Fatalf("after n:\n%s", out)
	}
	if code, stderr := offboard("y\n"); code != ExitOK || !strings.Contains(stderr, "offboarded Lissone") {
		t.Fatalf("answer y: exit %d, stderr %q", code, stderr)
	}
	if out := runCSI(t, db, "comuni", "show", "Lissone"); !strings.Contains(out, "status:         left") {
		t.Fatalf("after y:\n%s", out)
	}
}
