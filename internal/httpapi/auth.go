package httpapi

import (
	"net/http"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// TokenAuth returns the Config.Authenticate of csi serve: the bearer token
// of the Authorization header, checked against the token store. Every
// refusal is EUNAUTHORIZED (401) with a message that names the token when
// it is known ("token desio-ref expired on 2024-06-01") and never echoes
// the secret.
func TokenAuth(tokens csi.TokenService) func(r *http.Request) (*csi.Principal, error) {
	return func(r *http.Request) (*csi.Principal, error) {
		secret, err := bearer(r)
		if err != nil {
			return nil, err
		}
		return tokens.Authenticate(r.Context(), secret)
	}
}

// bearer extracts the secret of an "Authorization: Bearer ..." header.
func bearer(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", csi.Errorf(csi.EUNAUTHORIZED, "no API token").
			WithHint("pass --token or set CSI_TOKEN; the coordinator creates tokens with 'csi token create'")
	}
	scheme, secret, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return "", csi.Errorf(csi.EUNAUTHORIZED, "the Authorization header is not a bearer token").
			WithHint("send 'Authorization: Bearer csi_...'")
	}
	return strings.TrimSpace(secret), nil
}
