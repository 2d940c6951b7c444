package httpapi

import (
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

func ok(w http.ResponseWriter, v any, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func listComuni(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	f, err := comuniListQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := svc.ListComuni(r.Context(), f)
	return ok(w, cs, err)
}

func showComune(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	c, err := svc.FindComune(r.Context(), r.PathValue("ref"))
	return ok(w, c, err)
}

func onboardComune(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b onboardBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	c, err := svc.OnboardComune(r.Context(), b.input(r.PathValue("ref")))
	return ok(w, c, err)
}

func updateComune(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b updateBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	c, err := svc.UpdateComune(r.Context(), b.input(r.PathValue("ref")))
	return ok(w, c, err)
}

func offboardComune(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b dateBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	c, err := svc.OffboardComune(r.Context(), r.PathValue("ref"), b.Date)
	return ok(w, c, err)
}

func addComuni(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b addComuniBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	res, err := svc.AddComuni(r.Context(), b.input())
	return ok(w, res, err)
}

func onboardComuni(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b onboardingsBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	res, err := svc.OnboardComuni(r.Context(), b.inputs())
	return ok(w, res, err)
}

func listAmbiti(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	as, err := svc.ListAmbiti(r.Context())
	return ok(w, as, err)
}

func showAmbito(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	a, err := svc.FindAmbito(r.Context(), r.PathValue("ref"))
	return ok(w, a, err)
}

func listReferenti(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := referentiListQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	rs, err := svc.ListReferenti(r.Context(), p.History)
	return ok(w, rs, err)
}

func assignReferente(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b assignBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	ref, err := svc.AssignReferente(r.Context(), b.input())
	return ok(w, ref, err)
}

func endReferente(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b endBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	ref, err := svc.EndReferente(r.Context(), b.Ambito, b.Date)
	return ok(w, ref, err)
}

func listImports(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := importsQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	rs, err := svc.ListImports(r.Context(), p.Comune)
	return ok(w, rs, err)
}

func anagrafeStatus(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	st, err := svc.AnagrafeStatus(r.Context())
	return ok(w, st, err)
}

func personHistory(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b historyBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	vs, err := svc.PersonHistory(r.Context(), b.CodiceFiscale)
	return ok(w, vs, err)
}

func residents(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := residentsQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	if p.Count {
		n, err := svc.CountResidents(r.Context(), p.Comune, p.At)
		return ok(w, countBody{n}, err)
	}
	arr := &jsonArray{w: w}
	err = svc.Residents(r.Context(), p.Comune, p.At, func(v csi.PersonVersion) error { return arr.add(v) })
	return arr.close(err)
}

func listAudit(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	p, err := auditQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	es, err := svc.ListAudit(r.Context(), p.Since)
	return ok(w, es, err)
}

func verifyAudit(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	v, err := svc.VerifyAudit(r.Context())
	return ok(w, v, err)
}
