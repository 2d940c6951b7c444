package report

import "github.com/csi-mb/csi/internal/csi"

// sentenceDebiti reads the debiti-informativi table: the flows of the
// period, and how many INPS accepted, refused, or has not answered.
func (w *words) sentenceDebiti(in reading) string {
	res := in.res
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
		return w.p.T("No SIUSS flow was produced in %s.", in.cur)
	}
	return w.p.T("In %s the CSI produced %s SIUSS flows (%s of them cancellations): INPS accepted %s, refused %s, and %s await its outcome.",
		in.cur, w.num(flows), w.num(cancellations), w.num(ok), w.num(refused), w.num(waiting))
}
