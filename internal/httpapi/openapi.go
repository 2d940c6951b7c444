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
	problem := map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}
	op["responses"] = map[string]any{
		"200":     map[string]any{"description": "success", "content": okContent},
		"default": map[string]any{"description": "a problem document", "content": problem},
	}
	return op
}
