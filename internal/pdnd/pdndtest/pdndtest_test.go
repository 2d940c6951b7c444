package pdndtest_test

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

func TestMintDefaults(t *testing.T) {
	a, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	tok := a.MustMint()
	jws, err := jose.ParseSignedCompact(tok, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	h := jws.Signatures[0].Header
	if h.KeyID != pdndtest.DefaultKeyID || h.ExtraHeaders[jose.HeaderType] != "at+jwt" {
		t.Fatalf("header %+v", h)
	}
	payload, err := jws.Verify(&a.Key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"iss", "aud", "sub", "client_id", "purposeId", "jti", "iat", "nbf", "exp"} {
		if claims[k] == nil {
			t.Errorf("no %s in %v", k, claims)
		}
	}
	if a.MustMint() == tok {
		t.Fatal("two vouchers are identical: the jti repeats")
	}
}

func TestMintHostileAlgorithms(t *testing.T) {
	a, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	for alg, wantSig := range map[string]bool{pdndtest.AlgNone: false, pdndtest.AlgHS256PublicKey: true} {
		tok := a.MustMint(func(v *pdndtest.Voucher) { v.Alg = alg })
		parts := strings.Split(tok, ".")
		if len(parts) != 3 || (parts[2] != "") == !wantSig {
			t.Fatalf("%s: token %q", alg, tok)
		}
		header, err := base64.RawURLEncoding.DecodeString(parts[0])
		if err != nil {
			t.Fatal(err)
		}
		var h map[string]any
		if err := json.Unmarshal(header, &h); err != nil {
			t.Fatal(err)
		}
		if h["alg"] != alg || h["kid"] != pdndtest.DefaultKeyID || h["typ"] != "at+jwt" {
			t.Fatalf("%s: header %v", alg, h)
		}
	}
}

func TestTamperSignatureChangesTheSignatureBytes(t *testing.T) {
	a, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	tok := a.MustMint()
	bad := pdndtest.TamperSignature(tok)
	sig := func(s string) []byte {
		b, err := base64.RawURLEncoding.DecodeString(s[strings.LastIndexByte(s, '.')+1:])
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if string(sig(tok)) == string(sig(bad)) {
		t.Fatal("the tampered token carries the same signature")
	}
}

func TestWriteJWKSHoldsOnlyThePublicKey(t *testing.T) {
	a, err := pdndtest.New()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pdnd.jwks")
	if err := a.WriteJWKS(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.Keys) != 1 || !set.Keys[0].IsPublic() || set.Keys[0].KeyID != pdndtest.DefaultKeyID {
		t.Fatalf("key set %s", data)
	}
}
