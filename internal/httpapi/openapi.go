package httpapi

import (
	"encoding/json"
	"strings"
)

// buildOpenAPI writes the OpenAPI 3 document of the routes. It is built
// from the same table as the mux, so the two cannot drift apart; a test
// checks the document against the routes a live server answers.
func buildOpenAPI(routes []Route) ([]byte, error) {
	paths := map[string]map[string]any{}
	for _, rt := range routes {
		ops := paths[rt.Pattern]
		if ops == nil {
			ops = map[string]any{}
			paths[rt.Pattern] = ops
		}
		ops[strings.ToLower(rt.Method)] = operation(rt)
	}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "csi remote API",
			"version":     "1",
			"description": "The services of the Cartella Sociale Informatizzata toolkit over HTTP: what 'csi --remote URL' calls. Errors are application/problem+json documents whose 'code' is the domain error code.",
		},
		"paths": paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
			"headers": map[string]any{"Retry-After": map[string]any{
				"description": "seconds to wait before sending the request again",
				"schema":      map[string]any{"type": "integer"}}},
			"schemas": map[string]any{
				"Problem": map[string]any{
					"type":     "object",
					"required": []string{"type", "title", "status", "detail", "code"},
					"properties": map[string]any{
						"type": str(), "title": str(), "status": map[string]any{"type": "integer"}, "detail": str(),
						"code": map[string]any{"type": "string", "enum": []string{"invalid", "not_found", "conflict", "bad_file", "unauthorized", "forbidden", "unavailable", "internal"}},
						"hint": str(), "request_id": str(),
					},
				},
				"Event": map[string]any{
					"type":        "object",
					"description": "One line of an application/x-ndjson stream: progress, rejects (CSV text), finding, result or error (a Problem).",
				},
			},
		},
	}
	return json.MarshalIndent(doc, "", "  ")
}

func str() map[string]any { return map[string]any{"type": "string"} }

func operation(rt Route) map[string]any {
	op := map[string]any{
		"operationId":  strings.ReplaceAll(rt.Name, " ", "-"),
		"summary":      rt.Summary,
		"x-csi-access": rt.Access,
	}
	if rt.Access != AccessPublic {
		op["security"] = []map[string][]string{{"bearer": {}}}
	}
	var params []map[string]any
	for _, seg := range strings.Split(rt.Pattern, "/") {
		if strings.HasPrefix(seg, "{") {
			params = append(params, map[string]any{"name": strings.Trim(seg, "{}"), "in": "path", "required": true, "schema": str()})
		}
	}
	for _, q := range rt.Query {
		params = append(params, map[string]any{"name": q, "in": "query", "schema": str()})
	}
	if params != nil {
		op["parameters"] = params
	}
	switch rt.Body {
	case bodyJSON:
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}}
	case bodyCSV:
		op["requestBody"] = map[string]any{"required": true, "description": "the file, streamed", "content": map[string]any{"text/csv": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}}
	case bodyYAML:
		op["requestBody"] = map[string]any{"description": "a ruleset file; without it the built-in ruleset", "content": map[string]any{"application/yaml": map[string]any{"schema": map[string]any{"type": "string"}}}}
	}
	okContent := map[string]any{"application/json": map[string]any{"schema": map[string]any{}}}
	if rt.Stream == streamND {
		okContent = map[string]any{NDJSON: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Event"}}}
	}
	op["responses"] = responses(rt, okContent)
	return op
}

// responses lists the answers of rt besides its success: the refusals the
// server's own layers give before (or instead of) the handler, each a
// problem document, and "default" for the domain errors of the handler.
func responses(rt Route, okContent map[string]any) map[string]any {
	out := map[string]any{
		"200":     map[string]any{"description": "success", "content": okContent},
		"default": problemResponse("a problem document: its code is the domain error code", nil),
	}
	if rt.Access != AccessPublic {
		out["401"] = problemResponse("no valid token: checked before any of the body is read; the server closes the connection",
			map[string]any{"WWW-Authenticate": header(`Bearer realm="csi"`), "Connection": header("close")})
		out["403"] = problemResponse("the token's role or territory does not allow this request", nil)
	}
	if rt.Body != bodyNone {
		out["413"] = problemResponse("the body is larger than the server's limit", nil)
		out["415"] = problemResponse("the body's Content-Type is not the one the route takes", nil)
	}
	if rt.Body == bodyCSV {
		retry := map[string]any{"Retry-After": map[string]any{"$ref": "#/components/headers/Retry-After"}}
		out["429"] = problemResponse("the token already has the most uploads it may run at once", retry)
		out["503"] = problemResponse("the server is receiving the most uploads it takes at once", retry)
		out["507"] = problemResponse("the server's upload spool is full", retry)
	}
	return out
}

func problemResponse(description string, headers map[string]any) map[string]any {
	r := map[string]any{"description": description,
		"content": map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}}
	if headers != nil {
		r["headers"] = headers
	}
	return r
}

// header describes a response header with the one value the server sends.
func header(value string) map[string]any {
	return map[string]any{"schema": map[string]any{"type": "string", "enum": []string{value}}}
}
