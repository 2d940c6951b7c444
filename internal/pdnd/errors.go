package pdnd

import (
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

// Check names the verification step a voucher failed.
type Check string

// The checks a voucher goes through, in order. All but CheckPurpose refuse
// with 401: the caller has no valid credentials. CheckPurpose refuses with
// 403: the voucher is valid, but not for a purpose this e-service serves.
const (
	CheckMissing   Check = "missing"   // no Authorization: Bearer header
	CheckMalformed Check = "malformed" // not a compact JWS, or unreadable claims
	CheckAlgorithm Check = "alg"       // alg is not RS256 (none, HS256, ...)
	CheckType      Check = "typ"       // typ is not at+jwt
	CheckKeyID     Check = "kid"       // kid missing or not in the key set
	CheckSignature Check = "signature" // the signature does not verify
	CheckIssuer    Check = "iss"       // not issued by the configured issuer
	CheckAudience  Check = "aud"       // not meant for this e-service
	CheckExpiry    Check = "exp"       // missing or past
	CheckNotBefore Check = "nbf"       // missing or still in the future
	CheckIssuedAt  Check = "iat"       // missing or in the future
	CheckID        Check = "jti"       // missing
	CheckClientID  Check = "client_id" // missing
	CheckReplay    Check = "replay"    // jti already seen (replay cache on)
	CheckPurpose   Check = "purposeId" // not in the allowed purposes
)

// messages are the safe texts of the checks: they name the failed check and
// never quote the voucher or any of its values.
var messages = map[Check]string{
	CheckMissing:   T("no PDND voucher: send it in an 'Authorization: Bearer' header"),
	CheckMalformed: T("the PDND voucher is not a well-formed signed JWT"),
	CheckAlgorithm: T("the PDND voucher is not signed with RS256"),
	CheckType:      T("the PDND voucher's typ header is not at+jwt"),
	CheckKeyID:     T("the PDND voucher's kid names no key of the configured PDND key set"),
	CheckSignature: T("the PDND voucher's signature does not verify"),
	CheckIssuer:    T("the PDND voucher was not issued by the configured issuer"),
	CheckAudience:  T("the PDND voucher is not meant for this e-service's audience"),
	CheckExpiry:    T("the PDND voucher has expired or carries no exp"),
	CheckNotBefore: T("the PDND voucher is not valid yet or carries no nbf"),
	CheckIssuedAt:  T("the PDND voucher is issued in the future or carries no iat"),
	CheckID:        T("the PDND voucher carries no jti"),
	CheckClientID:  T("the PDND voucher carries no client_id"),
	CheckReplay:    T("the PDND voucher's jti was already used"),
	CheckPurpose:   T("the PDND voucher's purposeId is not allowed on this e-service"),
}

// Error is a refused voucher: which check failed and the HTTP status to
// answer. Its text is safe to log and to send back: it never contains the
// voucher, a claim value or the library's own message (which can quote
// parts of the token).
type Error struct {
	Check  Check
	Status int
}

// refuse builds the Error of check with its status.
func refuse(check Check) *Error {
	status := http.StatusUnauthorized
	if check == CheckPurpose {
		status = http.StatusForbidden
	}
	return &Error{Check: check, Status: status}
}

// Error returns the safe message of the failed check.
func (e *Error) Error() string {
	if m, ok := messages[e.Check]; ok {
		return m
	}
	return T("the PDND voucher is refused")
}

// T marks a refusal's text for the catalog: the texts are English (the
// problem document's detail, the log) and the CLI shows them in the
// user's language.
func T(text string) string { return text }

// Unwrap returns the domain error: csi.EUNAUTHORIZED for a 401,
// csi.EFORBIDDEN for a 403, with the same safe message.
func (e *Error) Unwrap() error {
	code := csi.EUNAUTHORIZED
	if e.Status == http.StatusForbidden {
		code = csi.EFORBIDDEN
	}
	return &csi.Error{Code: code, Message: e.Error(), Format: e.Error()}
}
