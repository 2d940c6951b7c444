// Package pdnd verifies the PDND vouchers (RFC 9068 access tokens signed
// RS256 by PDND Interoperabilità) with which INPS calls a Comune's WaaS
// e-service, and turns a refused voucher into the 401/403 problem document
// of INPS's api-comuni.yaml. It does no I/O but reading the configured key
// set file.
package pdnd

import (
	"errors"
	"slices"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/json"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/csi-mb/csi/internal/csi"
)

// DefaultLeeway is the clock skew a server should allow between PDND and
// itself when checking exp, nbf and iat.
const DefaultLeeway = 30 * time.Second

// maxTokenBytes bounds the voucher read from a header before any parsing.
const maxTokenBytes = 16 << 10

// Config says where PDND's keys are and what a voucher must carry.
type Config struct {
	JWKSFile  string           // PDND's public key set (JWKS), RSA keys with kid
	Audiences []string         // accepted aud values: the e-service's audience(s)
	Issuer    string           // expected iss, e.g. interop.pagopa.it
	Purposes  []string         // allowed purposeId values
	Now       func() time.Time // clock; nil means time.Now
	Leeway    time.Duration    // allowed clock skew; zero means none
	// ReplaySize, when positive, turns on a cache of that many jti that
	// accepts each voucher once. Leave it zero for INPS: a PDND voucher is
	// meant to be reused until it expires, e.g. across the pages of one poll.
	ReplaySize int
}

// Verifier checks PDND vouchers against a key set and a Config. It is safe
// for concurrent use; Reload may run while Verify does.
type Verifier struct {
	keys      *keyFile
	replay    *replayCache
	audiences []string
	issuer    string
	purposes  []string
	now       func() time.Time
	leeway    time.Duration
}

// New checks cfg, loads the key set and returns the Verifier.
func New(cfg Config) (*Verifier, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	kf := &keyFile{path: cfg.JWKSFile}
	if err := kf.load(); err != nil {
		return nil, err
	}
	v := &Verifier{keys: kf, audiences: slices.Clone(cfg.Audiences), issuer: cfg.Issuer,
		purposes: slices.Clone(cfg.Purposes), now: cfg.Now, leeway: cfg.Leeway}
	if v.now == nil {
		v.now = time.Now
	}
	if cfg.ReplaySize > 0 {
		v.replay = newReplayCache(cfg.ReplaySize)
	}
	return v, nil
}

// validate refuses a Config that would accept vouchers it should not.
func (c Config) validate() error {
	switch {
	case c.JWKSFile == "":
		return csi.Errorf(csi.EINVALID, "the PDND voucher check has no PDND key set file").WithHint("give --pdnd-jwks FILE")
	case c.Issuer == "":
		return csi.Errorf(csi.EINVALID, "the PDND voucher check has no expected PDND issuer").WithHint("give --pdnd-issuer, e.g. interop.pagopa.it")
	case len(c.Audiences) == 0 || slices.Contains(c.Audiences, ""):
		return csi.Errorf(csi.EINVALID, "the PDND voucher check has no or empty expected audience").
			WithHint("give --pdnd-audience: the audience of the e-service on PDND")
	case len(c.Purposes) == 0 || slices.Contains(c.Purposes, ""):
		return csi.Errorf(csi.EINVALID, "the PDND voucher check has no or empty allowed purposeId").
			WithHint("give --pdnd-purpose once per purpose accepted on PDND")
	case c.Leeway < 0:
		return csi.Errorf(csi.EINVALID, "the PDND voucher check has a negative clock leeway").WithHint("give a leeway of zero or more")
	}
	return nil
}

// WithAudiences returns a Verifier that shares v's key set, replay cache and
// settings but accepts other audiences: one per hosted ente, all reloaded by
// one Reload.
func (v *Verifier) WithAudiences(audiences ...string) (*Verifier, error) {
	if len(audiences) == 0 || slices.Contains(audiences, "") {
		return nil, csi.Errorf(csi.EINVALID, "the PDND voucher check has no or empty expected audience").
			WithHint("give the audience of the ente's e-service on PDND")
	}
	c := *v
	c.audiences = slices.Clone(audiences)
	return &c, nil
}

// Reload reads the key set file again. If the file is unreadable or holds
// no usable key, it returns why and the Verifier keeps the keys it had.
func (v *Verifier) Reload() error {
	return v.keys.load()
}

// Verify checks a voucher (the bare JWT, without "Bearer ") and returns its
// claims, or an *Error naming the first check it failed.
func (v *Verifier) Verify(token string) (Claims, error) {
	c, err := v.verify(token)
	if err != nil {
		return Claims{}, err
	}
	return c, nil
}

// verify is Verify with the concrete error type, for the Middleware.
func (v *Verifier) verify(token string) (Claims, *Error) {
	if token == "" {
		return Claims{}, refuse(CheckMissing)
	}
	payload, refusal := v.verifySignature(token)
	if refusal != nil {
		return Claims{}, refusal
	}
	// go-jose's json, as its own Claims() uses: it matches keys exactly and
	// refuses repeated ones, where encoding/json would take "ISS" for "iss".
	var c voucherClaims
	if err := json.Unmarshal(payload, &c); err != nil {
		return Claims{}, refuse(CheckMalformed)
	}
	if refusal := v.checkClaims(c); refusal != nil {
		return Claims{}, refusal
	}
	// Remember the jti as long as the leeway keeps the voucher acceptable.
	if v.replay != nil && !v.replay.first(c.ID, c.Expiry.Time().Add(v.leeway), v.now()) {
		return Claims{}, refuse(CheckReplay)
	}
	return c.public(), nil
}

// verifySignature parses the compact JWS, checks alg, typ and kid, and
// returns the payload once the signature verifies with the named key.
func (v *Verifier) verifySignature(token string) ([]byte, *Error) {
	if len(token) > maxTokenBytes {
		return nil, refuse(CheckMalformed)
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		var alg *jose.ErrUnexpectedSignatureAlgorithm
		if errors.As(err, &alg) {
			return nil, refuse(CheckAlgorithm)
		}
		return nil, refuse(CheckMalformed)
	}
	h := jws.Signatures[0].Header
	if !isAccessTokenType(h.ExtraHeaders[jose.HeaderType]) {
		return nil, refuse(CheckType)
	}
	key, ok := v.keys.lookup(h.KeyID)
	if h.KeyID == "" || !ok {
		return nil, refuse(CheckKeyID)
	}
	payload, err := jws.Verify(key)
	if err != nil {
		return nil, refuse(CheckSignature)
	}
	return payload, nil
}

// isAccessTokenType reports whether a typ header value is RFC 9068's
// "at+jwt" (or its full media type), compared case-insensitively.
func isAccessTokenType(typ any) bool {
	s, _ := typ.(string)
	return strings.EqualFold(s, "at+jwt") || strings.EqualFold(s, "application/at+jwt")
}

// checkClaims checks iss, aud, the times, jti, client_id and purposeId.
func (v *Verifier) checkClaims(c voucherClaims) *Error {
	if refusal := v.checkStandard(c.Claims); refusal != nil {
		return refusal
	}
	switch {
	case c.ID == "":
		return refuse(CheckID)
	case c.ClientID == "":
		return refuse(CheckClientID)
	case !slices.Contains(v.purposes, c.PurposeID):
		return refuse(CheckPurpose)
	}
	return nil
}

// checkStandard checks the registered claims with go-jose's validation,
// after making sure the time claims it treats as optional are present.
func (v *Verifier) checkStandard(c jwt.Claims) *Error {
	switch {
	case c.Expiry == nil:
		return refuse(CheckExpiry)
	case c.NotBefore == nil:
		return refuse(CheckNotBefore)
	case c.IssuedAt == nil:
		return refuse(CheckIssuedAt)
	}
	err := c.ValidateWithLeeway(jwt.Expected{Issuer: v.issuer, AnyAudience: v.audiences, Time: v.now()}, v.leeway)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, jwt.ErrInvalidIssuer):
		return refuse(CheckIssuer)
	case errors.Is(err, jwt.ErrInvalidAudience):
		return refuse(CheckAudience)
	case errors.Is(err, jwt.ErrExpired):
		return refuse(CheckExpiry)
	case errors.Is(err, jwt.ErrNotValidYet):
		return refuse(CheckNotBefore)
	case errors.Is(err, jwt.ErrIssuedInTheFuture):
		return refuse(CheckIssuedAt)
	}
	return refuse(CheckMalformed)
}

// KeyIDs returns the kids of the key set in use, sorted: what a server logs
// after a reload (kids are public).
func (v *Verifier) KeyIDs() []string {
	return v.keys.ids()
}
