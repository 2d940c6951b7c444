package indicators

import (
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// LocalMeta returns Meta's lines for people, labels and values in p's
// language: "anno 2020", "Provincia di Monza e Brianza, per Ambito",
// "residenti al 01/01/2020: anagrafe" in Italian. -o json and -o csv keep
// Meta's machine text.
func LocalMeta(res *csi.IndicatorResult, p *i18n.Printer) [][2]string {
	snap := p.T("%s (last import %s, last audit entry %s)", res.Snapshot.Revision,
		strconv.FormatInt(res.Snapshot.LastImportID, 10), strconv.FormatInt(res.Snapshot.LastAuditID, 10))
	return [][2]string{
		{p.T("indicator"), res.Indicator + " v" + res.Version},
		{p.T("params"), localParams(res.Params, p)},
		{p.T("geography"), localGeography(res.Geography, p)},
		{p.T("population"), localPopulation(res.Population, p)},
		{p.T("snapshot"), snap},
		{p.T("generated"), p.Lang().Cell(i18n.Time, res.GeneratedAt)},
	}
}

// localParams is ParamsText in p's language.
func localParams(q csi.IndicatorParams, p *i18n.Printer) string {
	lang := p.Lang()
	var s []string
	if len(q.Period) > 0 {
		s = append(s, p.T("period %s", strings.Join(q.Period, ", ")))
	}
	if q.Year != 0 {
		s = append(s, p.T("year %s", strconv.Itoa(q.Year)))
	}
	if q.Since != "" {
		s = append(s, p.T("from %s", lang.Cell(i18n.Date, q.Since)))
	}
	if q.At != "" {
		s = append(s, p.T("on %s", lang.Cell(i18n.Date, q.At)))
	}
	if q.Days != 0 {
		s = append(s, p.T("window %s days", strconv.Itoa(q.Days)))
	}
	if q.SuppressBelow > 1 {
		s = append(s, p.T("counts below %s withheld", strconv.Itoa(q.SuppressBelow)))
	}
	return strings.Join(s, "; ")
}

// localGeography writes a result's geography ("Provincia di Monza e
// Brianza, by ambito") in p's language.
func localGeography(geo string, p *i18n.Printer) string {
	place, by, ok := strings.Cut(geo, ", by ")
	if !ok {
		return geo
	}
	switch by {
	case csi.ByComune:
		return p.T("%s, by Comune", place)
	case csi.ByAmbito:
		return p.T("%s, by Ambito", place)
	case csi.ByProvincia:
		return p.T("%s, by province", place)
	}
	return geo
}

// localPopulation is PopulationText in p's language.
func localPopulation(q *csi.PopulationInfo, p *i18n.Printer) string {
	if q == nil {
		return p.T("not used")
	}
	date := p.Lang().Cell(i18n.Date, q.Date)
	source := q.Source
	switch source {
	case csi.PopMixed:
		source = p.T("%s (%s Comuni from the registry, %s from the ISTAT reference)", p.T("mixed"),
			strconv.Itoa(q.ComuniAnagrafe), strconv.Itoa(q.ComuniRiferimento))
	case csi.PopReference:
		source = p.T("ISTAT reference of 1/1/2020")
	}
	return p.T("residents on %s: %s", date, source)
}
