package report

import (
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// sentenceDebiti reads the debiti-informativi table: the flows of the
// period, and how many INPS accepted, refused, or has not answered.
func sentenceDebiti(res *csi.IndicatorResult) string {
	rows := res.Rows
	if res.Params.By == csi.ByAmbito {
		rows = where(rows, "ambito", csi.TotalLabel)
	}
	var flows, ok, refused, waiting, cancellations int64
	for _, r := range rows {
		n, has := count(r, "flussi")
		if !has {
			return ""
		}
		flows += n
		stato, _ := r.Get("stato").(string)
		switch stato {
		case "OK":
			ok += n
		case "ready", "acquired":
			waiting += n
		default:
			refused += n
		}
		if op, _ := r.Get("operazione").(string); op == "C" {
			cancellations += n
		}
	}
	if flows == 0 {
		return fmt.Sprintf("No SIUSS flow was produced in %s.", lastPeriod(res))
	}
	return fmt.Sprintf("In %s the CSI produced %s SIUSS flows (%s of them cancellations): INPS accepted %s, refused %s, and %s await its outcome.",
		lastPeriod(res), num(flows), num(cancellations), num(ok), num(refused), num(waiting))
}
