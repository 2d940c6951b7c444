package pdnd_test

import (
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/pdnd"
)

func TestReplayCache(t *testing.T) {
	f := newFixture(t, func(c *pdnd.Config) { c.ReplaySize = 2 })
	first := f.mint(t)
	if _, err := f.v.Verify(first); err != nil {
		t.Fatal(err)
	}
	assertRefused(t, verifyErr(f.v, first), pdnd.CheckReplay, first)
	if _, err := f.v.Verify(f.mint(t)); err != nil {
		t.Fatalf("a fresh voucher is refused: %v", err)
	}
}

func TestReplayCacheOffByDefault(t *testing.T) {
	f := newFixture(t)
	tok := f.mint(t)
	for range 3 {
		if _, err := f.v.Verify(tok); err != nil {
			t.Fatalf("a voucher reused before it expires is refused without a replay cache: %v", err)
		}
	}
}

func TestReplayCacheIsBounded(t *testing.T) {
	f := newFixture(t, func(c *pdnd.Config) { c.ReplaySize = 2 })
	soon := f.mint(t, claim("exp", unix(time.Minute)))
	later := f.mint(t, claim("exp", unix(time.Hour)))
	latest := f.mint(t, claim("exp", unix(2*time.Hour)))
	for _, tok := range []string{soon, later, latest} {
		if _, err := f.v.Verify(tok); err != nil {
			t.Fatal(err)
		}
	}
	// Full at two: the third pushed out the one expiring first.
	if _, err := f.v.Verify(soon); err != nil {
		t.Fatalf("the soonest-expiring jti is still held: %v", err)
	}
	assertRefused(t, verifyErr(f.v, latest), pdnd.CheckReplay, latest)
}

func TestReplayCacheHoldsThroughTheLeeway(t *testing.T) {
	f := newFixture(t, func(c *pdnd.Config) { c.ReplaySize = 4 })
	short := f.mint(t, claim("exp", unix(time.Minute)))
	if _, err := f.v.Verify(short); err != nil {
		t.Fatal(err)
	}
	// Past exp but within the leeway the voucher is still acceptable: its
	// jti must still be held.
	f.now = testNow.Add(time.Minute + 10*time.Second)
	assertRefused(t, verifyErr(f.v, short), pdnd.CheckReplay, short)
	f.now = testNow.Add(2 * time.Minute)
	assertRefused(t, verifyErr(f.v, short), pdnd.CheckExpiry, short)
}
