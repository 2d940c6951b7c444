package httpapi

import (
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

// Request bodies: the wire form of the service inputs, snake_case like
// every JSON key of csi.

type onboardBody struct {
	Anagrafe string `json:"anagrafe"`
	Date     string `json:"date"`
	Contact  string `json:"contact"`
}

type updateBody struct {
	Ambito   *string `json:"ambito"`
	Anagrafe *string `json:"anagrafe"`
	Contact  *string `json:"contact"`
	Status   *string `json:"status"`
	Date     string  `json:"date"`
}

type dateBody struct {
	Date string `json:"date"`
}

type assignBody struct {
	Ambito  string `json:"ambito"`
	Nome    string `json:"nome"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Comune  string `json:"comune"`
	From    string `json:"from"`
	Replace bool   `json:"replace"`
}

type endBody struct {
	Ambito string `json:"ambito"`
	Date   string `json:"date"`
}

type historyBody struct {
	CodiceFiscale string `json:"codice_fiscale"`
}

type countBody struct {
	Count int `json:"count"`
}

func ok(w http.ResponseWriter, v any, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func listComuni(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	q := r.URL.Query()
	cs, err := svc.ListComuni(r.Context(), csi.ComuneFilter{Ambito: q.Get("ambito"), Status: q.Get("status")})
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
	c, err := svc.OnboardComune(r.Context(), csi.OnboardInput{Comune: r.PathValue("ref"), Anagrafe: b.Anagrafe, Date: b.Date, Contact: b.Contact})
	return ok(w, c, err)
}

func updateComune(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b updateBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	c, err := svc.UpdateComune(r.Context(), csi.ComuneUpdate{Comune: r.PathValue("ref"), Ambito: b.Ambito, Anagrafe: b.Anagrafe,
		Contact: b.Contact, Status: b.Status, Date: b.Date})
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

func listAmbiti(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	as, err := svc.ListAmbiti(r.Context())
	return ok(w, as, err)
}

func showAmbito(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	a, err := svc.FindAmbito(r.Context(), r.PathValue("ref"))
	return ok(w, a, err)
}

func listReferenti(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	history, err := boolParam(r, "history")
	if err != nil {
		return err
	}
	rs, err := svc.ListReferenti(r.Context(), history)
	return ok(w, rs, err)
}

func assignReferente(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var b assignBody
	if err := decodeJSON(r, &b); err != nil {
		return err
	}
	ref, err := svc.AssignReferente(r.Context(), csi.AssignInput{Ambito: b.Ambito, Nome: b.Nome, Email: b.Email, Phone: b.Phone,
		Comune: b.Comune, From: b.From, Replace: b.Replace})
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
	rs, err := svc.ListImports(r.Context(), r.URL.Query().Get("comune"))
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
	q := r.URL.Query()
	count, err := boolParam(r, "count")
	if err != nil {
		return err
	}
	if count {
		n, err := svc.CountResidents(r.Context(), q.Get("comune"), q.Get("at"))
		return ok(w, countBody{n}, err)
	}
	arr := &jsonArray{w: w}
	err = svc.Residents(r.Context(), q.Get("comune"), q.Get("at"), func(v csi.PersonVersion) error { return arr.add(v) })
	return arr.close(err)
}

func listAudit(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	es, err := svc.ListAudit(r.Context(), r.URL.Query().Get("since"))
	return ok(w, es, err)
}

func verifyAudit(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	v, err := svc.VerifyAudit(r.Context())
	return ok(w, v, err)
}
