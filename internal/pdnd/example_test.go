package pdnd_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/csi-mb/csi/internal/pdnd"
	"github.com/csi-mb/csi/internal/pdnd/pdndtest"
)

// A WaaS handler behind the voucher check: INPS's request reaches it with
// the voucher's claims; a request without a voucher gets a 401 problem.
func ExampleMiddleware() {
	dir, _ := os.MkdirTemp("", "pdnd")
	defer os.RemoveAll(dir)
	fakePDND, _ := sharedAuthority()
	jwks := filepath.Join(dir, "pdnd.jwks")
	_ = fakePDND.WriteJWKS(jwks)

	v, err := pdnd.New(pdnd.Config{JWKSFile: jwks, Issuer: pdndtest.Issuer,
		Audiences: []string{pdndtest.Audience}, Purposes: []string{pdndtest.PurposeID},
		Leeway: pdnd.DefaultLeeway})
	if err != nil {
		fmt.Println(err)
		return
	}
	flussi := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := pdnd.ClaimsFrom(r.Context())
		fmt.Println("flussi for purpose", c.PurposeID)
	})
	h := pdnd.Middleware(v, flussi, func(_ *http.Request, e *pdnd.Error) {
		fmt.Println("refused:", e.Check)
	})

	req := httptest.NewRequest(http.MethodGet, "/waas/F704/v1/flussi?since=0", nil)
	req.Header.Set("Authorization", "Bearer "+fakePDND.MustMint())
	h.ServeHTTP(httptest.NewRecorder(), req)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/waas/F704/v1/flussi?since=0", nil))
	fmt.Print(rec.Code, " ", rec.Body)
	// Output:
	// flussi for purpose 0b6d8a7e-5c1f-4e7a-9d1c-3f2a1b0c9d8e
	// refused: missing
	// 401 {"type":"https://tools.ietf.org/html/rfc7235#section-3.1","title":"Unauthorized","status":401,"detail":"no PDND voucher: send it in an 'Authorization: Bearer' header"}
}
