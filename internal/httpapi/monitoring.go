package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// The routes, wire codecs, handlers and client of the process registers
// (csi eventi, operatori, canali).

var (
	eventiQuery = newCodec(
		textParam("tipo", func(f *csi.EventoFilter) *string { return &f.Tipo }),
		textParam("ambito", func(f *csi.EventoFilter) *string { return &f.Ambito }),
		textParam("comune", func(f *csi.EventoFilter) *string { return &f.Comune }),
		textParam("from", func(f *csi.EventoFilter) *string { return &f.From }),
		textParam("to", func(f *csi.EventoFilter) *string { return &f.To }))
	operatoriQuery = newCodec(
		textParam("ambito", func(f *csi.OperatoreFilter) *string { return &f.Ambito }),
		textParam("comune", func(f *csi.OperatoreFilter) *string { return &f.Comune }))
	canaliQuery = newCodec(
		textParam("ambito", func(f *csi.CanaleFilter) *string { return &f.Ambito }),
		textParam("comune", func(f *csi.CanaleFilter) *string { return &f.Comune }),
		textParam("controparte", func(f *csi.CanaleFilter) *string { return &f.Controparte }),
		textParam("stato", func(f *csi.CanaleFilter) *string { return &f.Stato }))
)

// monitoringRoutes are the routes of the process registers, each change
// before the reads of what it makes (the authorization matrix's order).
func monitoringRoutes() []Route {
	return []Route{
		{Method: "POST", Pattern: "/api/v1/eventi", Name: "eventi add", Summary: "Record an event", Access: AccessAdmin, Body: bodyJSON, Handler: addEvento},
		{Method: "POST", Pattern: "/api/v1/eventi/imports", Name: "eventi import", Summary: "Record a file of events (all or none)", Access: AccessAdmin, Body: bodyJSON, Handler: importEventi},
		{Method: "GET", Pattern: "/api/v1/eventi", Name: "eventi list", Summary: "List the recorded events", Access: AccessRead, Query: eventiQuery.names(), Handler: listEventi},
		{Method: "GET", Pattern: "/api/v1/eventi/{id}", Name: "eventi show", Summary: "Show one event", Access: AccessRead, Handler: showEvento},
		{Method: "DELETE", Pattern: "/api/v1/eventi/{id}", Name: "eventi remove", Summary: "Remove an event recorded by mistake", Access: AccessAdmin, Handler: removeEvento},
		{Method: "GET", Pattern: "/api/v1/operatori", Name: "operatori list", Summary: "List the operator accounts (pseudonymous)", Access: AccessPersonal, Query: operatoriQuery.names(), Handler: listOperatori},
		{Method: "POST", Pattern: "/api/v1/operatori/imports", Name: "operatori import", Summary: "Replace the operator list with the platform's (all or none)", Access: AccessAdmin, Body: bodyJSON, Handler: importOperatori},
		{Method: "POST", Pattern: "/api/v1/canali", Name: "canali add", Summary: "Open an interoperability channel", Access: AccessAdmin, Body: bodyJSON, Handler: addCanale},
		{Method: "PATCH", Pattern: "/api/v1/canali/{id}", Name: "canali update", Summary: "Record a channel's new status or notes", Access: AccessAdmin, Body: bodyJSON, Handler: updateCanale},
		{Method: "GET", Pattern: "/api/v1/canali", Name: "canali list", Summary: "List the interoperability channels", Access: AccessRead, Query: canaliQuery.names(), Handler: listCanali},
	}
}

// pathID reads the numeric id of the path.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, csi.Errorf(csi.EINVALID, "%q is not an id", r.PathValue("id")).WithHint("ids are whole numbers, as the list shows them")
	}
	return id, nil
}

func listEventi(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	f, err := eventiQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	evs, err := svc.ListEventi(r.Context(), f)
	return ok(w, evs, err)
}

func showEvento(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	e, err := svc.FindEvento(r.Context(), id)
	return ok(w, e, err)
}

func addEvento(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var in csi.EventoInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	e, err := svc.AddEvento(r.Context(), in)
	return ok(w, e, err)
}

func importEventi(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var in csi.ImportEventiInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	res, err := svc.ImportEventi(r.Context(), in)
	return ok(w, res, err)
}

func removeEvento(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	e, err := svc.RemoveEvento(r.Context(), id)
	return ok(w, e, err)
}

func listOperatori(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	f, err := operatoriQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	ops, err := svc.ListOperatori(r.Context(), f)
	return ok(w, ops, err)
}

func importOperatori(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var in csi.ImportOperatoriInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	res, err := svc.ImportOperatori(r.Context(), in)
	return ok(w, res, err)
}

func listCanali(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	f, err := canaliQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := svc.ListCanali(r.Context(), f)
	return ok(w, cs, err)
}

func addCanale(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	var in csi.CanaleInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	c, err := svc.AddCanale(r.Context(), in)
	return ok(w, c, err)
}

func updateCanale(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in csi.CanaleUpdate
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	in.ID = id
	c, err := svc.UpdateCanale(r.Context(), in)
	return ok(w, c, err)
}

func idSeg(id int64) string { return strconv.FormatInt(id, 10) }

// AddEvento implements csi.MonitoringService.
func (c *Client) AddEvento(ctx context.Context, in csi.EventoInput) (*csi.Evento, error) {
	var out csi.Evento
	if err := c.call(ctx, "POST", "/api/v1/eventi", nil, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ImportEventi implements csi.MonitoringService.
func (c *Client) ImportEventi(ctx context.Context, in csi.ImportEventiInput) (*csi.ImportEventiResult, error) {
	var out csi.ImportEventiResult
	if err := c.call(ctx, "POST", "/api/v1/eventi/imports", nil, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListEventi implements csi.MonitoringService.
func (c *Client) ListEventi(ctx context.Context, f csi.EventoFilter) ([]csi.Evento, error) {
	var out []csi.Evento
	return out, c.call(ctx, "GET", "/api/v1/eventi", eventiQuery.encode(f), nil, &out)
}

// FindEvento implements csi.MonitoringService.
func (c *Client) FindEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	var out csi.Evento
	if err := c.call(ctx, "GET", "/api/v1/eventi/"+idSeg(id), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// RemoveEvento implements csi.MonitoringService.
func (c *Client) RemoveEvento(ctx context.Context, id int64) (*csi.Evento, error) {
	var out csi.Evento
	if err := c.call(ctx, "DELETE", "/api/v1/eventi/"+idSeg(id), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ImportOperatori implements csi.MonitoringService.
func (c *Client) ImportOperatori(ctx context.Context, in csi.ImportOperatoriInput) (*csi.ImportOperatoriResult, error) {
	var out csi.ImportOperatoriResult
	if err := c.call(ctx, "POST", "/api/v1/operatori/imports", nil, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListOperatori implements csi.MonitoringService.
func (c *Client) ListOperatori(ctx context.Context, f csi.OperatoreFilter) ([]csi.Operatore, error) {
	var out []csi.Operatore
	return out, c.call(ctx, "GET", "/api/v1/operatori", operatoriQuery.encode(f), nil, &out)
}

// AddCanale implements csi.MonitoringService.
func (c *Client) AddCanale(ctx context.Context, in csi.CanaleInput) (*csi.Canale, error) {
	var out csi.Canale
	if err := c.call(ctx, "POST", "/api/v1/canali", nil, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateCanale implements csi.MonitoringService.
func (c *Client) UpdateCanale(ctx context.Context, in csi.CanaleUpdate) (*csi.Canale, error) {
	var out csi.Canale
	if err := c.call(ctx, "PATCH", "/api/v1/canali/"+idSeg(in.ID), nil, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListCanali implements csi.MonitoringService.
func (c *Client) ListCanali(ctx context.Context, f csi.CanaleFilter) ([]csi.Canale, error) {
	var out []csi.Canale
	return out, c.call(ctx, "GET", "/api/v1/canali", canaliQuery.encode(f), nil, &out)
}
