package pdnd_test

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

func TestVerify(t *testing.T) {
	f := newFixture(t)
	_, otherKey, err := pdndtest.NewKey("other")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edits []func(*pdndtest.Voucher)
		token func(string) string // applied to the minted voucher
		want  pdnd.Check          // "" = accepted
	}{
		{name: "valid"},
		{name: "aud array holding the audience", edits: edits(claim("aud", []string{"other", pdndtest.Audience}))},
		{name: "typ in full media type form", edits: edits(header("typ", "application/at+jwt"))},
		{name: "typ in capitals", edits: edits(header("typ", "AT+JWT"))},
		{name: "expired within the leeway", edits: edits(claim("exp", unix(-10*time.Second)))},
		{name: "nbf within the leeway", edits: edits(claim("nbf", unix(10*time.Second)))},
		{name: "expired", edits: edits(claim("iat", unix(-2*time.Hour)), claim("nbf", unix(-2*time.Hour)), claim("exp", unix(-time.Hour))), want: pdnd.CheckExpiry},
		{name: "expired just past the leeway", edits: edits(claim("exp", unix(-31*time.Second))), want: pdnd.CheckExpiry},
		{name: "no exp", edits: edits(noClaim("exp")), want: pdnd.CheckExpiry},
		{name: "not yet valid", edits: edits(claim("nbf", unix(time.Hour))), want: pdnd.CheckNotBefore},
		{name: "no nbf", edits: edits(noClaim("nbf")), want: pdnd.CheckNotBefore},
		{name: "issued in the future", edits: edits(claim("iat", unix(time.Hour))), want: pdnd.CheckIssuedAt},
		{name: "no iat", edits: edits(noClaim("iat")), want: pdnd.CheckIssuedAt},
		{name: "wrong audience", edits: edits(claim("aud", "another-eservice")), want: pdnd.CheckAudience},
		{name: "aud array without the audience", edits: edits(claim("aud", []string{"a", "b"})), want: pdnd.CheckAudience},
		{name: "no aud", edits: edits(noClaim("aud")), want: pdnd.CheckAudience},
		{name: "wrong issuer", edits: edits(claim("iss", "interop.example.org")), want: pdnd.CheckIssuer},
		{name: "unknown kid", edits: edits(kid("not-in-the-set")), want: pdnd.CheckKeyID},
		{name: "no kid", edits: edits(kid("")), want: pdnd.CheckKeyID},
		{name: "alg none", edits: edits(alg(pdndtest.AlgNone)), want: pdnd.CheckAlgorithm},
		{name: "alg RS512", edits: edits(alg("RS512")), want: pdnd.CheckAlgorithm},
		{name: "alg PS256", edits: edits(alg("PS256")), want: pdnd.CheckAlgorithm},
		{name: "alg HS256 keyed with the public key", edits: edits(alg(pdndtest.AlgHS256PublicKey)), want: pdnd.CheckAlgorithm},
		{name: "signed by another key under the set's kid", edits: edits(func(v *pdndtest.Voucher) { v.Key = otherKey }), want: pdnd.CheckSignature},
		{name: "tampered signature", token: pdndtest.TamperSignature, want: pdnd.CheckSignature},
		{name: "forged claims", token: forge(t, claim("purposeId", "another-purpose")), want: pdnd.CheckSignature},
		{name: "typ JWT", edits: edits(header("typ", "JWT")), want: pdnd.CheckType},
		{name: "no typ", edits: edits(func(v *pdndtest.Voucher) { delete(v.Header, "typ") }), want: pdnd.CheckType},
		{name: "no jti", edits: edits(noClaim("jti")), want: pdnd.CheckID},
		{name: "no client_id", edits: edits(noClaim("client_id")), want: pdnd.CheckClientID},
		{name: "wrong purpose", edits: edits(claim("purposeId", "another-purpose")), want: pdnd.CheckPurpose},
		{name: "no purpose", edits: edits(noClaim("purposeId")), want: pdnd.CheckPurpose},
		{name: "purposeId not a string", edits: edits(claim("purposeId", 42)), want: pdnd.CheckMalformed},
		{name: "not a JWS", token: func(string) string { return "not-a-voucher" }, want: pdnd.CheckMalformed},
		{name: "two parts", token: func(s string) string { return s[:strings.LastIndexByte(s, '.')] }, want: pdnd.CheckMalformed},
		{name: "oversized", token: func(s string) string { return s + strings.Repeat("A", 20<<10) }, want: pdnd.CheckMalformed},
		{name: "empty", token: func(string) string { return "" }, want: pdnd.CheckMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := f.mint(t, tt.edits...)
			if tt.token != nil {
				tok = tt.token(tok)
			}
			claims, err := f.v.Verify(tok)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if claims.ClientID != pdndtest.ClientID || claims.PurposeID != pdndtest.PurposeID || claims.JTI == "" {
					t.Fatalf("claims %+v", claims)
				}
				return
			}
			assertRefused(t, err, tt.want, tok)
		})
	}
}

// assertRefused checks err is the refusal of check, with the status and
// domain code it implies, and that its text quotes no part of the token.
func assertRefused(t *testing.T, err error, check pdnd.Check, tok string) {
	t.Helper()
	var pe *pdnd.Error
	if !errors.As(err, &pe) {
		t.Fatalf("err %v, want a *pdnd.Error", err)
	}
	status, code := http.StatusUnauthorized, csi.EUNAUTHORIZED
	if check == pdnd.CheckPurpose {
		status, code = http.StatusForbidden, csi.EFORBIDDEN
	}
	if pe.Check != check || pe.Status != status || csi.ErrorCode(err) != code {
		t.Fatalf("refused by %q/%d/%s (%v), want %q/%d/%s", pe.Check, pe.Status, csi.ErrorCode(err), err, check, status, code)
	}
	for _, part := range strings.Split(tok, ".") {
		if len(part) > 8 && strings.Contains(err.Error(), part) {
			t.Fatalf("error %q quotes the token", err)
		}
	}
}

func TestVerifyClaims(t *testing.T) {
	f := newFixture(t)
	tok := f.mint(t, claim("consumerId", "inps"), claim("eserviceId", "es-1"), claim("jti", "j-1"))
	c, err := f.v.Verify(tok)
	if err != nil {
		t.Fatal(err)
	}
	want := pdnd.Claims{Audience: []string{pdndtest.Audience}, ClientID: pdndtest.ClientID, PurposeID: pdndtest.PurposeID, JTI: "j-1",
		Issuer: pdndtest.Issuer, Subject: pdndtest.ClientID, ConsumerID: "inps", EServiceID: "es-1",
		IssuedAt: testNow, Expiry: testNow.Add(pdndtest.DefaultLife)}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("claims\n%+v\nwant\n%+v", c, want)
	}
}

func TestWithAudiences(t *testing.T) {
	f := newFixture(t)
	other, err := f.v.WithAudiences("SIUSS-F704")
	if err != nil {
		t.Fatal(err)
	}
	forOther := f.mint(t, claim("aud", "SIUSS-F704"))
	if _, err := other.Verify(forOther); err != nil {
		t.Fatalf("the ente's verifier refuses its audience: %v", err)
	}
	assertRefused(t, verifyErr(f.v, forOther), pdnd.CheckAudience, forOther)
	def := f.mint(t)
	assertRefused(t, verifyErr(other, def), pdnd.CheckAudience, def)
	if _, err := f.v.WithAudiences(); csi.ErrorCode(err) != csi.EINVALID {
		t.Fatalf("no audience: %v", err)
	}
}

func TestNewRefusesIncompleteConfig(t *testing.T) {
	f := newFixture(t)
	tests := map[string]func(*pdnd.Config){
		"no jwks":         func(c *pdnd.Config) { c.JWKSFile = "" },
		"no issuer":       func(c *pdnd.Config) { c.Issuer = "" },
		"no audience":     func(c *pdnd.Config) { c.Audiences = nil },
		"empty audience":  func(c *pdnd.Config) { c.Audiences = []string{pdndtest.Audience, ""} },
		"no purpose":      func(c *pdnd.Config) { c.Purposes = nil },
		"empty purpose":   func(c *pdnd.Config) { c.Purposes = []string{""} },
		"negative leeway": func(c *pdnd.Config) { c.Leeway = -time.Second },
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			cfg := f.auth.Config(f.jwks)
			if _, err := pdnd.New(cfg); err != nil {
				t.Fatalf("the unedited config is refused: %v", err)
			}
			edit(&cfg)
			_, err := pdnd.New(cfg)
			if csi.ErrorCode(err) != csi.EINVALID || csi.ErrorHint(err) == "" {
				t.Fatalf("err %v, want invalid with a hint", err)
			}
		})
	}
}

// verifyErr is the error of v.Verify(tok).
func verifyErr(v *pdnd.Verifier, tok string) error {
	_, err := v.Verify(tok)
	return err
}

// edits lists voucher edits.
func edits(e ...func(*pdndtest.Voucher)) []func(*pdndtest.Voucher) { return e }

// kid returns an edit setting the kid header ("" removes it).
func kid(k string) func(*pdndtest.Voucher) {
	return func(v *pdndtest.Voucher) { v.KeyID = k }
}

// alg returns an edit choosing the signing algorithm.
func alg(a string) func(*pdndtest.Voucher) {
	return func(v *pdndtest.Voucher) { v.Alg = a }
}

// forge returns a token transform that swaps in the claims of a voucher
// edited by e, keeping the original signature.
func forge(t *testing.T, e func(*pdndtest.Voucher)) func(string) string {
	return func(tok string) string {
		v := &pdndtest.Voucher{Claims: map[string]any{
			"iss": pdndtest.Issuer, "aud": pdndtest.Audience, "client_id": pdndtest.ClientID,
			"purposeId": pdndtest.PurposeID, "jti": "forged", "iat": unix(0), "nbf": unix(0), "exp": unix(time.Minute)}}
		e(v)
		forged, err := pdndtest.ReplaceClaims(tok, v.Claims)
		if err != nil {
			t.Fatal(err)
		}
		return forged
	}
}
