package httpapi

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/csi-mb/csi/internal/csi"
)

func seg(s string) string { return url.PathEscape(s) }

// ListComuni implements csi.ComuneService.
func (c *Client) ListComuni(ctx context.Context, f csi.ComuneFilter) ([]csi.Comune, error) {
	var out []csi.Comune
	return out, c.call(ctx, "GET", "/api/v1/comuni", comuniListQuery.encode(f), nil, &out)
}

// FindComune implements csi.ComuneService.
func (c *Client) FindComune(ctx context.Context, ref string) (*csi.ComuneDetail, error) {
	var out csi.ComuneDetail
	if err := c.call(ctx, "GET", "/api/v1/comuni/"+seg(ref), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// OnboardComune implements csi.ComuneService.
func (c *Client) OnboardComune(ctx context.Context, in csi.OnboardInput) (*csi.Comune, error) {
	var out csi.Comune
	if err := c.call(ctx, "POST", "/api/v1/comuni/"+seg(in.Comune)+"/onboard", nil, onboardWire(in), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateComune implements csi.ComuneService.
func (c *Client) UpdateComune(ctx context.Context, in csi.ComuneUpdate) (*csi.Comune, error) {
	var out csi.Comune
	if err := c.call(ctx, "PATCH", "/api/v1/comuni/"+seg(in.Comune), nil, updateWire(in), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// OffboardComune implements csi.ComuneService.
func (c *Client) OffboardComune(ctx context.Context, ref, date string) (*csi.Comune, error) {
	var out csi.Comune
	if err := c.call(ctx, "POST", "/api/v1/comuni/"+seg(ref)+"/offboard", nil, dateBody{Date: date}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AddComuni implements csi.ComuneService.
func (c *Client) AddComuni(ctx context.Context, in csi.AddComuniInput) (*csi.AddComuniResult, error) {
	var out csi.AddComuniResult
	if err := c.call(ctx, "POST", "/api/v1/comuni", nil, addComuniWire(in), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// OnboardComuni implements csi.ComuneService.
func (c *Client) OnboardComuni(ctx context.Context, ins []csi.OnboardInput) ([]csi.OnboardResult, error) {
	var out []csi.OnboardResult
	return out, c.call(ctx, "POST", "/api/v1/comuni/onboardings", nil, onboardingsWire(ins), &out)
}

// ListAmbiti implements csi.AmbitoService.
func (c *Client) ListAmbiti(ctx context.Context) ([]csi.Ambito, error) {
	var out []csi.Ambito
	return out, c.call(ctx, "GET", "/api/v1/ambiti", nil, nil, &out)
}

// FindAmbito implements csi.AmbitoService.
func (c *Client) FindAmbito(ctx context.Context, ref string) (*csi.AmbitoDetail, error) {
	var out csi.AmbitoDetail
	if err := c.call(ctx, "GET", "/api/v1/ambiti/"+seg(ref), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AssignReferente implements csi.ReferenteService.
func (c *Client) AssignReferente(ctx context.Context, in csi.AssignInput) (*csi.Referente, error) {
	var out csi.Referente
	if err := c.call(ctx, "POST", "/api/v1/referenti", nil, assignWire(in), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListReferenti implements csi.ReferenteService.
func (c *Client) ListReferenti(ctx context.Context, history bool) ([]csi.Referente, error) {
	var out []csi.Referente
	return out, c.call(ctx, "GET", "/api/v1/referenti", referentiListQuery.encode(historyWire{History: history}), nil, &out)
}

// EndReferente implements csi.ReferenteService.
func (c *Client) EndReferente(ctx context.Context, ambito, date string) (*csi.Referente, error) {
	var out csi.Referente
	if err := c.call(ctx, "POST", "/api/v1/referenti/end", nil, endBody{Ambito: ambito, Date: date}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AnagrafeStatus implements csi.AnagrafeService.
func (c *Client) AnagrafeStatus(ctx context.Context) ([]csi.AnagrafeStatus, error) {
	var out []csi.AnagrafeStatus
	return out, c.call(ctx, "GET", "/api/v1/anagrafe/status", nil, nil, &out)
}

// PersonHistory implements csi.AnagrafeService. The codice fiscale goes in
// the body, never in a URL.
func (c *Client) PersonHistory(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	var out []csi.PersonVersion
	return out, c.call(ctx, "POST", "/api/v1/anagrafe/history", nil, historyBody{CodiceFiscale: cf}, &out)
}

// Residents implements csi.AnagrafeService: the residents are decoded and
// passed to emit as they arrive, never held whole.
func (c *Client) Residents(ctx context.Context, comune, at string, emit func(csi.PersonVersion) error) error {
	resp, cancel, err := c.do(ctx, request{method: "GET", path: "/api/v1/anagrafe/residents", query: residentsQuery.encode(residentsWire{Comune: comune, At: at}), stream: true})
	if err != nil {
		return err
	}
	defer cancel()
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	if _, err := dec.Token(); err != nil {
		return c.readError(ctx, err)
	}
	for dec.More() {
		var v csi.PersonVersion
		if err := dec.Decode(&v); err != nil {
			return c.readError(ctx, err)
		}
		if err := emit(v); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return c.readError(ctx, err)
	}
	return nil
}

// CountResidents implements csi.AnagrafeService.
func (c *Client) CountResidents(ctx context.Context, comune, at string) (int, error) {
	var out countBody
	err := c.call(ctx, "GET", "/api/v1/anagrafe/residents", residentsQuery.encode(residentsWire{Comune: comune, At: at, Count: true}), nil, &out)
	return out.Count, err
}

// ListImports implements csi.AnagrafeService.
func (c *Client) ListImports(ctx context.Context, comune string) ([]csi.ImportRecord, error) {
	var out []csi.ImportRecord
	return out, c.call(ctx, "GET", "/api/v1/anagrafe/imports", importsQuery.encode(comuneWire{Comune: comune}), nil, &out)
}

// ListAudit implements csi.AuditService.
func (c *Client) ListAudit(ctx context.Context, since string) ([]csi.AuditEntry, error) {
	var out []csi.AuditEntry
	return out, c.call(ctx, "GET", "/api/v1/audit", auditQuery.encode(sinceWire{Since: since}), nil, &out)
}

// VerifyAudit implements csi.AuditService.
func (c *Client) VerifyAudit(ctx context.Context) (*csi.AuditVerification, error) {
	var out csi.AuditVerification
	if err := c.call(ctx, "GET", "/api/v1/audit/verify", nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ValidationHistory implements csi.ValidationService.
func (c *Client) ValidationHistory(ctx context.Context) ([]csi.ValidationRun, error) {
	var out []csi.ValidationRun
	return out, c.call(ctx, "GET", "/api/v1/validations", nil, nil, &out)
}
