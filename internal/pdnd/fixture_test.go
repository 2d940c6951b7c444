package pdnd_test

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

// testNow is the fixed time of every test: vouchers are minted and checked
// at it unless a test moves the clock.
var testNow = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

// sharedAuthority generates the RSA key once for the package's tests.
var sharedAuthority = sync.OnceValues(pdndtest.New)

// fixture is an Authority, its JWKS file and a Verifier reading it, on a
// clock the test can move.
type fixture struct {
	auth *pdndtest.Authority
	jwks string
	now  time.Time
	v    *pdnd.Verifier
}

// newFixture returns a fixture whose Verifier accepts the Authority's
// default vouchers; edit may change the Config first.
func newFixture(t testing.TB, edit ...func(*pdnd.Config)) *fixture {
	t.Helper()
	shared, err := sharedAuthority()
	if err != nil {
		t.Fatal(err)
	}
	a := *shared
	f := &fixture{auth: &a, jwks: filepath.Join(t.TempDir(), "pdnd.jwks"), now: testNow}
	f.auth.Now = f.clock
	if err := f.auth.WriteJWKS(f.jwks); err != nil {
		t.Fatal(err)
	}
	cfg := f.auth.Config(f.jwks)
	for _, e := range edit {
		e(&cfg)
	}
	if f.v, err = pdnd.New(cfg); err != nil {
		t.Fatal(err)
	}
	return f
}

// clock is the fixture's movable time.
func (f *fixture) clock() time.Time { return f.now }

// mint returns a voucher of the fixture's Authority, edited.
func (f *fixture) mint(t testing.TB, edits ...func(*pdndtest.Voucher)) string {
	t.Helper()
	tok, err := f.auth.Mint(edits...)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// claim returns an edit setting claim k to val.
func claim(k string, val any) func(*pdndtest.Voucher) {
	return func(v *pdndtest.Voucher) { v.Claims[k] = val }
}

// noClaim returns an edit deleting claim k.
func noClaim(k string) func(*pdndtest.Voucher) {
	return func(v *pdndtest.Voucher) { delete(v.Claims, k) }
}

// header returns an edit setting header k to val.
func header(k string, val any) func(*pdndtest.Voucher) {
	return func(v *pdndtest.Voucher) { v.Header[k] = val }
}

// unix is testNow moved by d, in seconds since the epoch.
func unix(d time.Duration) int64 { return testNow.Add(d).Unix() }
