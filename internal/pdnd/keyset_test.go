package pdnd_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

func TestReloadPicksUpANewKey(t *testing.T) {
	f := newFixture(t)
	pub2, key2, err := pdndtest.NewKey("pdnd-test-key-2")
	if err != nil {
		t.Fatal(err)
	}
	byKey2 := f.mint(t, kid("pdnd-test-key-2"), func(v *pdndtest.Voucher) { v.Key = key2 })
	assertRefused(t, verifyErr(f.v, byKey2), pdnd.CheckKeyID, byKey2)

	// PDND rotates: the new set holds the new key only.
	if err := f.auth.WriteJWKS(f.jwks, pub2); err != nil {
		t.Fatal(err)
	}
	if err := f.v.Reload(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.v.Verify(byKey2); err != nil {
		t.Fatalf("the new key is not used after Reload: %v", err)
	}
	old := f.mint(t)
	assertRefused(t, verifyErr(f.v, old), pdnd.CheckKeyID, old)
	if got := f.v.KeyIDs(); !reflect.DeepEqual(got, []string{"pdnd-test-key-2"}) {
		t.Fatalf("kids %v", got)
	}
}

func TestReloadSharedByAudiences(t *testing.T) {
	f := newFixture(t)
	other, err := f.v.WithAudiences("SIUSS-F704")
	if err != nil {
		t.Fatal(err)
	}
	pub2, key2, err := pdndtest.NewKey("k2")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.auth.WriteJWKS(f.jwks, pub2); err != nil {
		t.Fatal(err)
	}
	if err := f.v.Reload(); err != nil {
		t.Fatal(err)
	}
	tok := f.mint(t, kid("k2"), claim("aud", "SIUSS-F704"), func(v *pdndtest.Voucher) { v.Key = key2 })
	if _, err := other.Verify(tok); err != nil {
		t.Fatalf("a verifier made WithAudiences does not see the reloaded keys: %v", err)
	}
}

// badKeySets are key set files no Verifier may use.
func badKeySets(t *testing.T, a *pdndtest.Authority) map[string][]byte {
	t.Helper()
	short, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	pub := a.PublicKey()
	noKid := pub
	noKid.KeyID = ""
	sets := map[string][]jose.JSONWebKey{
		"private key":  {{Key: a.Key, KeyID: "priv", Algorithm: "RS256", Use: "sig"}},
		"short key":    {{Key: &short.PublicKey, KeyID: "short"}},
		"repeated kid": {pub, pub},
		"no kid":       {noKid},
	}
	files := map[string][]byte{
		"not JSON":       []byte("<html>502 Bad Gateway</html>"),
		"no keys":        []byte(`{"keys": []}`),
		"not a key":      []byte(`{"keys": [{"kty": "RSA", "kid": "x", "n": 5}]}`),
		"oversized":      []byte(`{"keys": [], "pad": "` + strings.Repeat("x", 1<<20) + `"}`),
		"only an EC key": mustJWKS(t, a, ecKey(t)),
	}
	for name, keys := range sets {
		files[name] = mustJWKS(t, a, keys...)
	}
	return files
}

func TestReloadKeepsTheOldSetWhenTheNewFileIsBad(t *testing.T) {
	f := newFixture(t)
	tok := f.mint(t)
	for name, data := range badKeySets(t, f.auth) {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(f.jwks, data, 0o600); err != nil {
				t.Fatal(err)
			}
			err := f.v.Reload()
			if csi.ErrorCode(err) != csi.EBADFILE || csi.ErrorHint(err) == "" {
				t.Fatalf("Reload: %v, want a bad-file error with a hint", err)
			}
			if _, err := f.v.Verify(tok); err != nil {
				t.Fatalf("the old key set is lost: %v", err)
			}
			if _, err := pdnd.New(f.auth.Config(f.jwks)); csi.ErrorCode(err) != csi.EBADFILE {
				t.Fatalf("New accepts the file: %v", err)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		if err := os.Remove(f.jwks); err != nil {
			t.Fatal(err)
		}
		if err := f.v.Reload(); csi.ErrorCode(err) != csi.EBADFILE {
			t.Fatalf("Reload: %v", err)
		}
		if _, err := f.v.Verify(tok); err != nil {
			t.Fatalf("the old key set is lost: %v", err)
		}
	})
}

func TestKeySetSkipsKeysItCannotUse(t *testing.T) {
	f := newFixture(t)
	enc, _, err := pdndtest.NewKey("enc")
	if err != nil {
		t.Fatal(err)
	}
	enc.Use = "enc"
	ps, _, err := pdndtest.NewKey("ps256")
	if err != nil {
		t.Fatal(err)
	}
	ps.Algorithm = "PS256"
	data := mustJWKS(t, f.auth, ecKey(t), enc, ps, f.auth.PublicKey())
	data = []byte(strings.Replace(string(data), `"keys": [`, `"keys": [{"kty": "future-type", "kid": "f"},`, 1))
	path := filepath.Join(t.TempDir(), "mixed.jwks")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := pdnd.New(f.auth.Config(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := v.KeyIDs(); !reflect.DeepEqual(got, []string{pdndtest.DefaultKeyID}) {
		t.Fatalf("kids %v, want only the RSA signing key", got)
	}
	if _, err := v.Verify(f.mint(t)); err != nil {
		t.Fatal(err)
	}
}

// ecKey is a P-256 public JWK: a valid key RS256 cannot use.
func ecKey(t *testing.T) jose.JSONWebKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return jose.JSONWebKey{Key: &k.PublicKey, KeyID: "ec", Algorithm: "ES256", Use: "sig"}
}

// mustJWKS is the key set document of keys.
func mustJWKS(t *testing.T, a *pdndtest.Authority, keys ...jose.JSONWebKey) []byte {
	t.Helper()
	data, err := a.JWKS(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReloadWhileVerifying(t *testing.T) {
	f := newFixture(t)
	tok := f.mint(t)
	done := make(chan error, 1)
	go func() {
		for range 50 {
			if _, err := f.v.Verify(tok); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 20 {
		if err := f.v.Reload(); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("a voucher is refused during a reload: %v", err)
	}
}
