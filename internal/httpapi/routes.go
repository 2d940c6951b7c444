package httpapi

import (
	"net/http"

	"github.com/csi-mb/csi/internal/csi"
)

// What a route touches, for the authorization matrix: every route names
// exactly one of these.
const (
	// AccessPublic routes need no credentials: /healthz and the OpenAPI document.
	AccessPublic = "public"
	// AccessRead routes read reference data that is not personal: the
	// Comuni, the Ambiti, the registry status and the import log.
	AccessRead = "read"
	// AccessPersonal routes read personal data: persons, residents,
	// referents, findings, the audit log.
	AccessPersonal = "personal"
	// AccessAdmin routes change the Comuni or the referents.
	AccessAdmin = "admin"
	// AccessImport routes load registry extracts or social records.
	AccessImport = "import"
	// AccessAggregate routes compute aggregate indicators.
	AccessAggregate = "aggregate"
)

// Body kinds a route accepts.
const (
	bodyNone   = ""
	bodyJSON   = "json"
	bodyCSV    = "csv"  // an import file, streamed
	bodyYAML   = "yaml" // an optional ruleset file
	streamNone = ""
	streamND   = "ndjson" // the response is a stream of JSON lines
)

// Route is one entry of the API: the table of them drives the mux, the
// OpenAPI document and the authorization matrix test.
type Route struct {
	Method  string
	Pattern string // a net/http pattern path, e.g. /api/v1/comuni/{ref}
	// Name is the operation id, and the command recorded in the audit log
	// when the client does not say which command it runs.
	Name    string
	Summary string
	Access  string
	// Query lists the query parameters the route accepts, the names of its
	// codec (wire.go); any other is refused.
	Query []string
	// Body is what the request body holds (bodyNone, bodyJSON, ...).
	Body string
	// Stream is set when the response is a stream of JSON lines.
	Stream  string
	Handler Handler
}

// Handler serves one route with the services scoped to the caller. It
// writes the response, or returns an error that becomes a problem document.
type Handler func(w http.ResponseWriter, r *http.Request, svc csi.Services) error

// Routes returns the table of every route of the API.
func (s *Server) Routes() []Route {
	return append([]Route{
		{Method: "GET", Pattern: "/healthz", Name: "healthz", Summary: "Liveness and store check", Access: AccessPublic, Handler: s.healthz},
		{Method: "GET", Pattern: "/api/v1/openapi.json", Name: "openapi", Summary: "This API's OpenAPI 3 document", Access: AccessPublic, Handler: s.openapi},

		{Method: "GET", Pattern: "/api/v1/comuni", Name: "comuni list", Summary: "List the Comuni", Access: AccessRead, Query: comuniListQuery.names(), Handler: listComuni},
		{Method: "GET", Pattern: "/api/v1/comuni/{ref}", Name: "comuni show", Summary: "Show a Comune and its history", Access: AccessRead, Handler: showComune},
		{Method: "POST", Pattern: "/api/v1/comuni/{ref}/onboard", Name: "comuni onboard", Summary: "Onboard a Comune", Access: AccessAdmin, Body: bodyJSON, Handler: onboardComune},
		{Method: "PATCH", Pattern: "/api/v1/comuni/{ref}", Name: "comuni update", Summary: "Change a Comune's Ambito, registry mode, contact or status", Access: AccessAdmin, Body: bodyJSON, Handler: updateComune},
		{Method: "POST", Pattern: "/api/v1/comuni/{ref}/offboard", Name: "comuni offboard", Summary: "Record that a Comune left the shared CSI", Access: AccessAdmin, Body: bodyJSON, Handler: offboardComune},
		{Method: "POST", Pattern: "/api/v1/comuni", Name: "comuni add", Summary: "Register Comuni of any province in the catalogue (all or none)", Access: AccessAdmin, Body: bodyJSON, Handler: addComuni},
		{Method: "POST", Pattern: "/api/v1/comuni/onboardings", Name: "comuni onboard file", Summary: "Onboard many Comuni, each on its own", Access: AccessAdmin, Body: bodyJSON, Handler: onboardComuni},

		{Method: "GET", Pattern: "/api/v1/ambiti", Name: "ambiti list", Summary: "List the Ambiti with their figures", Access: AccessRead, Handler: listAmbiti},
		{Method: "GET", Pattern: "/api/v1/ambiti/{ref}", Name: "ambiti show", Summary: "Show an Ambito and its Comuni", Access: AccessRead, Handler: showAmbito},

		{Method: "GET", Pattern: "/api/v1/referenti", Name: "referenti list", Summary: "List the referents (history=true: past ones too)", Access: AccessPersonal, Query: referentiListQuery.names(), Handler: listReferenti},
		{Method: "POST", Pattern: "/api/v1/referenti", Name: "referenti assign", Summary: "Assign an Ambito's referent", Access: AccessAdmin, Body: bodyJSON, Handler: assignReferente},
		{Method: "POST", Pattern: "/api/v1/referenti/end", Name: "referenti end", Summary: "End an Ambito's current referent", Access: AccessAdmin, Body: bodyJSON, Handler: endReferente},

		{Method: "POST", Pattern: "/api/v1/anagrafe/imports", Name: "anagrafe import", Summary: "Import a registry extract streamed in the body", Access: AccessImport,
			Query: anagrafeImportQuery.names(), Body: bodyCSV, Stream: streamND, Handler: s.importAnagrafe},
		revertRoute(),
		{Method: "GET", Pattern: "/api/v1/anagrafe/imports", Name: "anagrafe imports", Summary: "List the import log", Access: AccessRead, Query: importsQuery.names(), Handler: listImports},
		{Method: "GET", Pattern: "/api/v1/anagrafe/status", Name: "anagrafe status", Summary: "Each Comune's registry state", Access: AccessRead, Handler: anagrafeStatus},
		// The codice fiscale travels in the body, not the URL, so that it
		// never reaches an access log.
		{Method: "POST", Pattern: "/api/v1/anagrafe/history", Name: "anagrafe history", Summary: "A person's registry versions", Access: AccessPersonal, Body: bodyJSON, Handler: personHistory},
		{Method: "GET", Pattern: "/api/v1/anagrafe/residents", Name: "anagrafe residents", Summary: "Residents of a Comune on a date (count=true: only how many)", Access: AccessPersonal, Query: residentsQuery.names(), Handler: residents},

		{Method: "POST", Pattern: "/api/v1/records/{kind}/imports", Name: "records import", Summary: "Import accessi, cartelle or interventi streamed in the body", Access: AccessImport,
			Query: recordsImportQuery.names(), Body: bodyCSV, Stream: streamND, Handler: s.importRecords},

		{Method: "POST", Pattern: "/api/v1/validations", Name: "validate", Summary: "Validate the records in scope; the body may hold a ruleset file", Access: AccessPersonal,
			Query: validationQuery.names(), Body: bodyYAML, Stream: streamND, Handler: s.validate},
		{Method: "GET", Pattern: "/api/v1/validations", Name: "validate history", Summary: "Past validation runs", Access: AccessRead, Handler: validationHistory},

		{Method: "GET", Pattern: "/api/v1/indicators", Name: "indicators list", Summary: "The indicator catalogue", Access: AccessAggregate, Handler: listIndicators},
		{Method: "GET", Pattern: "/api/v1/indicators/{name}", Name: "indicators show", Summary: "Compute an indicator", Access: AccessAggregate,
			Query: indicatorQuery.names(), Handler: computeIndicator},

		{Method: "GET", Pattern: "/api/v1/audit", Name: "audit list", Summary: "The audit log from a date", Access: AccessPersonal, Query: auditQuery.names(), Handler: listAudit},
		{Method: "GET", Pattern: "/api/v1/audit/verify", Name: "audit verify", Summary: "Verify the audit log's hash chain", Access: AccessPersonal, Handler: verifyAudit},
	}, monitoringRoutes()...)
}
