package indicators

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// Meta returns the lines that state what a result is: indicator and
// version, parameters, geography, population source and store snapshot.
func Meta(res *csi.IndicatorResult) [][2]string {
	m := [][2]string{
		{"indicator", res.Indicator + " v" + res.Version},
		{"params", ParamsText(res.Params)},
		{"geography", res.Geography},
		{"population", PopulationText(res.Population)},
		{"snapshot", res.Snapshot.Revision + fmt.Sprintf(" (last import %d, last audit entry %d)", res.Snapshot.LastImportID, res.Snapshot.LastAuditID)},
		{"generated", res.GeneratedAt},
	}
	return m
}

// ParamsText writes the period parameters of p in one line.
func ParamsText(p csi.IndicatorParams) string {
	var s []string
	if len(p.Period) > 0 {
		s = append(s, "period "+strings.Join(p.Period, ", "))
	}
	if p.Year != 0 {
		s = append(s, "year "+strconv.Itoa(p.Year))
	}
	if p.Since != "" {
		s = append(s, "since "+p.Since)
	}
	if p.At != "" {
		s = append(s, "at "+p.At)
	}
	if p.Days != 0 {
		s = append(s, "days "+strconv.Itoa(p.Days))
	}
	if p.SuppressBelow > 1 {
		s = append(s, "counts below "+strconv.Itoa(p.SuppressBelow)+" suppressed")
	}
	return strings.Join(s, "; ")
}

// PopulationText says where the denominators come from.
func PopulationText(p *csi.PopulationInfo) string {
	if p == nil {
		return "not used"
	}
	s := fmt.Sprintf("residents on %s: %s", p.Date, p.Source)
	if p.Source == csi.PopMixed {
		s += fmt.Sprintf(" (%d %s, %d %s)", p.ComuniAnagrafe, csi.PopAnagrafe, p.ComuniRiferimento, csi.PopReference)
	}
	return s
}
