package pdnd_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

// FuzzVerify feeds arbitrary strings to Verify: it must not panic, must
// refuse with a *pdnd.Error whose message does not echo the input, and may
// accept only the valid voucher (or a re-encoding of it that base64's
// ignored padding bits allow: the same signed bytes).
func FuzzVerify(f *testing.F) {
	fx := newFixture(f)
	valid := fx.mint(f)
	want, err := fx.v.Verify(valid)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{valid, pdndtest.TamperSignature(valid), "a.b.c", "..", "e30.e30.", "eyJhbGciOiJub25lIn0.e30."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, tok string) {
		got, err := fx.v.Verify(tok)
		if err == nil {
			if got.JTI != want.JTI {
				t.Fatalf("accepted %q", tok)
			}
			return
		}
		var pe *pdnd.Error
		if !errors.As(err, &pe) {
			t.Fatalf("err %v is not a *pdnd.Error", err)
		}
		if len(tok) > 12 && strings.Contains(err.Error(), tok) {
			t.Fatalf("error %q echoes the input", err)
		}
	})
}
