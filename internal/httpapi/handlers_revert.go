package httpapi

import (
	"net/http"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// revertRoute is the route of `csi anagrafe revert`.
func revertRoute() Route {
	return Route{Method: "POST", Pattern: "/api/v1/anagrafe/imports/{id}/revert", Name: "anagrafe revert",
		Summary: "Undo a Comune's latest registry import (dry_run=true: only say what it would undo)",
		Access:  AccessImport, Query: revertQuery.names(), Handler: revertImport}
}

func revertImport(w http.ResponseWriter, r *http.Request, svc csi.Services) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return csi.Errorf(csi.EINVALID, "the import id must be a positive integer").WithHint("csi anagrafe imports lists the imports with their ids")
	}
	req, err := revertQuery.decode(r.URL.Query())
	if err != nil {
		return err
	}
	req.ImportID = id
	sum, err := svc.RevertImport(r.Context(), req)
	return ok(w, sum, err)
}
