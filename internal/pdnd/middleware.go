package pdnd

import (
	"encoding/json"
	"net/http"
	"strings"
)

// problemTypes are the absolute URIs api-comuni.yaml's Problem.type asks
// for, in the style of its own example (the RFC section of the status).
var problemTypes = map[int]string{
	http.StatusUnauthorized: "https://tools.ietf.org/html/rfc7235#section-3.1",
	http.StatusForbidden:    "https://tools.ietf.org/html/rfc7231#section-6.5.3",
}

// problem is api-comuni.yaml's Problem schema (additionalProperties:
// false): no other field may appear.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// Middleware verifies the bearer voucher of each request before next sees
// it (and before anything reads the body). An accepted request reaches
// next with the Claims in its context (ClaimsFrom); a refused one gets a
// 401 or 403 problem document, after onRefuse (nil allowed) has seen the
// request and the Error, e.g. to audit it. Neither the document nor the
// Error holds the voucher.
func Middleware(v *Verifier, next http.Handler, onRefuse func(*http.Request, *Error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := verifyRequest(v, r)
		if err != nil {
			if onRefuse != nil {
				onRefuse(r, err)
			}
			writeRefusal(w, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithClaims(r.Context(), claims)))
	})
}

// verifyRequest verifies the voucher of r's Authorization header.
func verifyRequest(v *Verifier, r *http.Request) (Claims, *Error) {
	token, refusal := bearerToken(r.Header)
	if refusal != nil {
		return Claims{}, refusal
	}
	return v.verify(token)
}

// bearerToken returns the token of the one "Authorization: Bearer" header
// (RFC 6750 §2.1). No header, or another scheme, is a missing voucher;
// several headers or a token with spaces are malformed.
func bearerToken(h http.Header) (string, *Error) {
	values := h.Values("Authorization")
	if len(values) == 0 {
		return "", refuse(CheckMissing)
	}
	if len(values) > 1 {
		return "", refuse(CheckMalformed)
	}
	scheme, token, _ := strings.Cut(strings.TrimSpace(values[0]), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", refuse(CheckMissing)
	}
	token = strings.TrimSpace(token)
	if token == "" || strings.ContainsAny(token, " \t") {
		return "", refuse(CheckMalformed)
	}
	return token, nil
}

// writeRefusal writes the problem document of a refused voucher, with the
// RFC 6750 challenge on a 401.
func writeRefusal(w http.ResponseWriter, e *Error) {
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if e.Status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", challenge(e))
	}
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(problem{Type: problemTypes[e.Status], Title: http.StatusText(e.Status),
		Status: e.Status, Detail: e.Error()})
}

// challenge is the WWW-Authenticate value: without an error code when no
// voucher came (RFC 6750 §3.1), invalid_token otherwise.
func challenge(e *Error) string {
	if e.Check == CheckMissing {
		return `Bearer realm="pdnd"`
	}
	return `Bearer realm="pdnd", error="invalid_token"`
}
