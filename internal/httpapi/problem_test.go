package httpapi

import (
	"net/http"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestStatusCodes: every domain code has its own status and comes back from
// it; statuses a proxy or the HTTP layer sends map to the nearest code.
func TestStatusCodes(t *testing.T) {
	for _, code := range []string{csi.EINVALID, csi.ENOTFOUND, csi.ECONFLICT, csi.EBADFILE,
		csi.EUNAUTHORIZED, csi.EFORBIDDEN, csi.EUNAVAILABLE, csi.EINTERNAL} {
		if got := codeOfStatus(statusOf(code)); got != code {
			t.Errorf("%s -> %d -> %s", code, statusOf(code), got)
		}
	}
	for status, want := range map[int]string{
		http.StatusRequestEntityTooLarge: csi.EINVALID, http.StatusUnsupportedMediaType: csi.EINVALID,
		http.StatusMethodNotAllowed: csi.EINVALID, http.StatusBadGateway: csi.EUNAVAILABLE,
		http.StatusGatewayTimeout: csi.EUNAVAILABLE, http.StatusTeapot: csi.EINTERNAL,
	} {
		if got := codeOfStatus(status); got != want {
			t.Errorf("status %d -> %s, want %s", status, got, want)
		}
	}
}
