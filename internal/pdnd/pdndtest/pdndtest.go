// Package pdndtest is a fake PDND for tests: an RSA key pair whose public
// half it writes as a JWKS file, and a minter of vouchers with any claims and
// headers, including the broken and hostile ones a verifier must refuse.
// Server tests and the fake INPS poller use it; nothing in csi ships it.
package pdndtest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/csi-mb/csi/internal/pdnd"
)

// Defaults of a new Authority and its vouchers.
const (
	Issuer       = "uat.interop.pagopa.it"
	Audience     = "SIUSS"
	PurposeID    = "0b6d8a7e-5c1f-4e7a-9d1c-3f2a1b0c9d8e"
	ClientID     = "4f1e2d3c-2b1a-4c5d-8e7f-6a5b4c3d2e1f"
	DefaultKeyID = "pdnd-test-key-1"
	DefaultLife  = 10 * time.Minute
)

// The signing algorithms Mint knows.
const (
	AlgRS256          = "RS256" // the genuine signature
	AlgNone           = "none"  // no signature at all
	AlgHS256PublicKey = "HS256" // HMAC keyed with the public key's PEM (alg confusion)
)

// keyBits is the size of a new Authority's key.
const keyBits = 2048

// Authority is a fake PDND: the key that signs its vouchers and the claims
// they carry unless a Mint edit changes them.
type Authority struct {
	Key       *rsa.PrivateKey
	KeyID     string
	Issuer    string
	Audience  string
	PurposeID string
	ClientID  string
	Life      time.Duration    // exp - iat of a minted voucher
	Now       func() time.Time // clock of iat/nbf/exp; nil means time.Now
}

// New returns an Authority with a fresh 2048-bit key and the defaults.
func New() (*Authority, error) {
	key, err := rsa.GenerateKey(rand.Reader, keyBits)
	if err != nil {
		return nil, err
	}
	return &Authority{Key: key, KeyID: DefaultKeyID, Issuer: Issuer, Audience: Audience,
		PurposeID: PurposeID, ClientID: ClientID, Life: DefaultLife}, nil
}

// PublicKey returns the public JWK of the Authority's key.
func (a *Authority) PublicKey() jose.JSONWebKey {
	return jose.JSONWebKey{Key: &a.Key.PublicKey, KeyID: a.KeyID, Algorithm: string(jose.RS256), Use: "sig"}
}

// JWKS returns the key set document holding keys (the Authority's own
// public key when none is given).
func (a *Authority) JWKS(keys ...jose.JSONWebKey) ([]byte, error) {
	if len(keys) == 0 {
		keys = []jose.JSONWebKey{a.PublicKey()}
	}
	return json.MarshalIndent(jose.JSONWebKeySet{Keys: keys}, "", "  ")
}

// WriteJWKS writes JWKS(keys...) to path.
func (a *Authority) WriteJWKS(path string, keys ...jose.JSONWebKey) error {
	data, err := a.JWKS(keys...)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// Config returns a pdnd.Config that accepts this Authority's default
// vouchers, reading the key set from jwksFile.
func (a *Authority) Config(jwksFile string) pdnd.Config {
	return pdnd.Config{JWKSFile: jwksFile, Audiences: []string{a.Audience}, Issuer: a.Issuer,
		Purposes: []string{a.PurposeID}, Now: a.Now, Leeway: pdnd.DefaultLeeway}
}

// NewKey returns a fresh public JWK named kid, and its private key: a second
// PDND key for key-rotation tests.
func NewKey(kid string) (jose.JSONWebKey, *rsa.PrivateKey, error) {
	key, err := rsa.GenerateKey(rand.Reader, keyBits)
	if err != nil {
		return jose.JSONWebKey{}, nil, err
	}
	return jose.JSONWebKey{Key: &key.PublicKey, KeyID: kid, Algorithm: string(jose.RS256), Use: "sig"}, key, nil
}

// Voucher is what Mint signs; an edit function changes it first.
type Voucher struct {
	Header map[string]any  // protected header besides alg (and kid, below)
	Claims map[string]any  // the payload
	KeyID  string          // kid header; "" leaves it out
	Alg    string          // AlgRS256 (default), AlgNone, AlgHS256PublicKey or another RSA alg
	Key    *rsa.PrivateKey // RS256 signing key; the Authority's unless set
}

// Mint returns a compact voucher: by default a valid one, signed RS256,
// typ at+jwt, with iss, aud, sub, client_id, purposeId, a unique jti, and
// iat = nbf = now, exp = now + Life. Each edit may change, add or delete
// headers and claims, the kid, the algorithm or the key.
func (a *Authority) Mint(edits ...func(*Voucher)) (string, error) {
	v := a.defaults()
	for _, edit := range edits {
		edit(v)
	}
	payload, err := json.Marshal(v.Claims)
	if err != nil {
		return "", err
	}
	switch v.Alg {
	case AlgNone:
		return unsigned(v, payload)
	case AlgHS256PublicKey:
		return a.hmacSigned(v, payload)
	}
	// RS256, or another RSA algorithm (RS512, PS256, ...) go-jose can sign.
	key := jose.SigningKey{Algorithm: jose.SignatureAlgorithm(v.Alg), Key: jose.JSONWebKey{Key: v.Key, KeyID: v.KeyID}}
	return signed(v, key, payload)
}

// MustMint is Mint for tests that cannot go on without the voucher.
func (a *Authority) MustMint(edits ...func(*Voucher)) string {
	tok, err := a.Mint(edits...)
	if err != nil {
		panic(err)
	}
	return tok
}

// defaults is the valid voucher of the Authority at its current time.
func (a *Authority) defaults() *Voucher {
	now := time.Now()
	if a.Now != nil {
		now = a.Now()
	}
	return &Voucher{
		Header: map[string]any{"typ": "at+jwt"},
		Claims: map[string]any{
			"iss": a.Issuer, "aud": a.Audience, "sub": a.ClientID, "client_id": a.ClientID,
			"purposeId": a.PurposeID, "jti": rand.Text(),
			"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(a.Life).Unix(),
		},
		KeyID: a.KeyID, Alg: AlgRS256, Key: a.Key,
	}
}

// signed signs payload with key through go-jose, with v's extra headers.
func signed(v *Voucher, key jose.SigningKey, payload []byte) (string, error) {
	opts := &jose.SignerOptions{}
	for k, val := range v.Header {
		opts = opts.WithHeader(jose.HeaderKey(k), val)
	}
	signer, err := jose.NewSigner(key, opts)
	if err != nil {
		return "", err
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// hmacSigned signs HS256 with the PEM of the public key as the secret: the
// key-confusion attack on verifiers that let the token choose the algorithm.
func (a *Authority) hmacSigned(v *Voucher, payload []byte) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(&v.Key.PublicKey)
	if err != nil {
		return "", err
	}
	secret := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	if v.KeyID != "" {
		v.Header["kid"] = v.KeyID
	}
	return signed(v, jose.SigningKey{Algorithm: jose.HS256, Key: secret}, payload)
}

// unsigned builds an alg "none" token by hand: go-jose refuses to make one.
func unsigned(v *Voucher, payload []byte) (string, error) {
	h := map[string]any{"alg": "none"}
	for k, val := range v.Header {
		h[k] = val
	}
	if v.KeyID != "" {
		h["kid"] = v.KeyID
	}
	header, err := json.Marshal(h)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(header) + "." + enc.EncodeToString(payload) + ".", nil
}

// TamperSignature returns token with one character of its signature
// changed. It changes the first one: the last may only carry padding bits
// that a decoder ignores, which would leave the signature intact.
func TamperSignature(token string) string {
	i := strings.LastIndexByte(token, '.') + 1
	if i <= 0 || i >= len(token) {
		return token
	}
	c := byte('A')
	if token[i] == 'A' {
		c = 'B'
	}
	return token[:i] + string(c) + token[i+1:]
}

// ReplaceClaims returns token with its payload replaced by claims and its
// original signature kept: a forged voucher.
func ReplaceClaims(token string, claims map[string]any) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("pdndtest: not a compact JWS")
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	return strings.Join(parts, "."), nil
}
