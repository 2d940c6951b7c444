package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

func listIndicators(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	defs, err := svc.ListIndicators(r.Context())
	return ok(w, defs, err)
}

// computeIndicator reads the parameters from the query, named as the flags
// of `csi indicators show` (period comma-separated), as the client sends them.
func computeIndicator(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := indicatorParams(r)
	if err != nil {
		return err
	}
	res, err := svc.ComputeIndicator(r.Context(), r.PathValue("name"), p)
	return ok(w, res, err)
}

func indicatorParams(r *http.Request) (csi.IndicatorParams, error) {
	q := r.URL.Query()
	p := csi.IndicatorParams{At: q.Get("at"), Since: q.Get("since"), By: q.Get("by"), Ambito: q.Get("ambito"), Comune: q.Get("comune")}
	if s := q.Get("period"); s != "" {
		p.Period = strings.Split(s, ",")
	}
	for name, dst := range map[string]*int{"year": &p.Year, "days": &p.Days, "suppress_below": &p.SuppressBelow} {
		s := q.Get(name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return p, csi.Errorf(csi.EINVALID, "query parameter %s must be a whole number, not %q", name, s).WithHint("e.g. %s=2020", name)
		}
		*dst = n
	}
	return p, nil
}

// ListIndicators implements csi.IndicatorService.
func (c *Client) ListIndicators(ctx context.Context) ([]csi.IndicatorDef, error) {
	var out []csi.IndicatorDef
	return out, c.call(ctx, "GET", "/api/v1/indicators", nil, nil, &out)
}

// ComputeIndicator implements csi.IndicatorService.
func (c *Client) ComputeIndicator(ctx context.Context, name string, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	var out csi.IndicatorResult
	if err := c.call(ctx, "GET", "/api/v1/indicators/"+seg(name), indicatorQuery(p), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// indicatorQuery encodes indicator parameters as query values (the names
// of the flags of `csi indicators show`).
func indicatorQuery(p csi.IndicatorParams) url.Values {
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return query("period", strings.Join(p.Period, ","), "year", itoa(p.Year), "at", p.At, "since", p.Since,
		"days", itoa(p.Days), "by", p.By, "ambito", p.Ambito, "comune", p.Comune, "suppress_below", itoa(p.SuppressBelow))
}
