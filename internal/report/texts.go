package report

import (
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// title is the indicator's title in the report's language: the
// catalogue's own title for an indicator the report has no words for.
func (b *builder) title(def csi.IndicatorDef, res *csi.IndicatorResult) string {
	switch def.Name {
	case "accessi-segretariato":
		return b.p.T("Accesses to the segretariato sociale")
	case "cartelle-movimento":
		return b.p.T("Cartelle opened and closed per period")
	case "cartelle-popolazione":
		return b.p.T("Open cartelle on population")
	case "comuni-fasce":
		return b.p.T("Comuni by share of open cartelle")
	case "anagrafe-automatica":
		return b.p.T("Comuni loading the registry automatically with regular updates")
	case "ambiti-referente":
		return b.p.T("Ambiti with a current referent")
	case "cartelle-aperte-dal":
		return b.p.T("Cartelle opened since a date (presa in carico)")
	case "cartelle-area":
		return b.p.T("Open cartelle by area")
	case "giorni-accesso-pic":
		return b.p.T("Median days from first access to presa in carico")
	case "motivi-chiusura":
		return b.p.T("Closure reasons")
	case "interventi-prestazione":
		return b.p.T("Interventions and amounts by prestazione")
	case "interventi-misura":
		return b.p.T("Interventions and amounts by measure (B2, Dopo di Noi)")
	case "popolazione":
		return b.p.T("Residents on a date")
	}
	if res != nil && res.Title != "" {
		return indicators.LocalizedTitle(def.Name, res.Title, b.lang)
	}
	return indicators.Localized(def, b.lang).Title
}

// qualified is a block's heading: the title with what distinguishes the
// table from the other tables of the same indicator.
func (b *builder) qualified(def csi.IndicatorDef, res *csi.IndicatorResult) string {
	t := b.title(def, res)
	p := res.Params
	switch {
	case p.Year != 0:
		return t + ", " + strconv.Itoa(p.Year)
	case len(p.Period) > 0:
		return t + ", " + strings.Join(p.Period, " / ")
	case p.Since != "":
		return b.p.T("%s, %s to %s", t, b.date(p.Since), b.date(p.At))
	case p.At != "":
		return t + ", " + b.date(p.At)
	}
	return t
}

// meta states what a table is.
func (b *builder) meta(res *csi.IndicatorResult) []Meta {
	m := []Meta{
		{b.p.T("indicator"), res.Indicator + " v" + res.Version},
		{b.p.T("parameters"), b.params(res.Params)},
	}
	if pop := res.Population; pop != nil {
		src := pop.Source
		if pop.Source == csi.PopMixed {
			src = b.p.T("%s (%s Comuni from the registry, %s from the ISTAT reference)", src, strconv.Itoa(pop.ComuniAnagrafe), strconv.Itoa(pop.ComuniRiferimento))
		}
		m = append(m, Meta{b.p.T("population"), b.p.T("residents on %s: %s", b.date(pop.Date), src)})
	}
	return append(m, Meta{b.p.T("store snapshot"), res.Snapshot.Revision})
}

// params writes the parameters of a table in one line.
func (b *builder) params(p csi.IndicatorParams) string {
	var s []string
	if len(p.Period) > 0 {
		s = append(s, b.p.T("period %s", strings.Join(p.Period, ", ")))
	}
	if p.Year != 0 {
		s = append(s, b.p.T("year %s", strconv.Itoa(p.Year)))
	}
	if p.Since != "" {
		s = append(s, b.p.T("from %s", b.date(p.Since)))
	}
	if p.At != "" {
		s = append(s, b.p.T("on %s", b.date(p.At)))
	}
	if p.Days != 0 {
		s = append(s, b.p.T("window %s days", strconv.Itoa(p.Days)))
	}
	if p.By != "" {
		s = append(s, b.p.T("by %s", p.By))
	}
	if p.SuppressBelow > 1 {
		s = append(s, b.p.T("counts below %s withheld", strconv.Itoa(p.SuppressBelow)))
	}
	return strings.Join(s, "; ")
}

// coverageOf reads which years have records: an access, or a cartella
// opened or closed (a withheld count is some). nil when the report could
// not tell, and then every year has data.
func coverageOf(items []Item, results []*csi.IndicatorResult) map[int]bool {
	var cov map[int]bool
	for i, it := range items {
		if it.Use != UseCoverage {
			continue
		}
		if cov == nil {
			cov = map[int]bool{}
		}
		for _, r := range results[i].Rows {
			y, err := strconv.Atoi(r.Str("periodo"))
			if a, ok := r.Get("anno").(int64); ok {
				y, err = int(a), nil
			}
			if err != nil || (r.Str("ambito") != "" && r.Str("ambito") != csi.TotalLabel) {
				continue
			}
			for _, k := range []string{"accessi", "aperte", "chiuse"} {
				if v, ok := r.Get(k).(int64); (ok && v != 0) || r.IsSuppressed(k) {
					cov[y] = true
				}
			}
		}
	}
	return cov
}

// hasData says whether year y has records.
func (b *builder) hasData(y int) bool {
	return b.covered == nil || b.covered[y]
}

// lastRegistryUpdate returns the date of the latest registry extract: the
// newest as-of date of the registry status, else the newest last import
// an indicator shows; "" if none.
func lastRegistryUpdate(st []csi.AnagrafeStatus, results []*csi.IndicatorResult) string {
	last := ""
	for _, s := range st {
		if s.LastImport != "" {
			last = max(last, parseDay(s.AsOf, s.LastImport))
		}
	}
	if last != "" {
		return last
	}
	for _, res := range results {
		for _, r := range res.Rows {
			if d := r.Str("ultimo_import"); len(d) >= 10 {
				last = max(last, d[:10])
			}
		}
	}
	return last
}

// parseDay returns the first of the dates that is one.
func parseDay(dates ...string) string {
	for _, d := range dates {
		if len(d) >= 10 && dateCell.MatchString(d[:10]) {
			return d[:10]
		}
	}
	return ""
}

// premessa builds the introduction: the data sources, the registry of
// each Ambito and when it was last updated, the store snapshot.
func (b *builder) premessa() Part {
	p := Part{ID: PartPremessa, Heading: b.heading(PartPremessa)}
	snap := snapshots(b.in.Results)
	if !b.in.RegistryKnown {
		p.Sentence = b.p.T("The tables were computed on store snapshot %s; the registry status of the Comuni is not available to this account.", snap)
		return p
	}
	type agg struct {
		comuni, loaded, residents int64
		last                      string
	}
	var order []string
	per := map[string]*agg{}
	tot := &agg{}
	for _, s := range b.in.Registry {
		a := per[s.Ambito]
		if a == nil {
			a = &agg{}
			per[s.Ambito] = a
			order = append(order, s.Ambito)
		}
		for _, x := range []*agg{a, tot} {
			x.comuni++
			if s.LastImport != "" {
				x.loaded++
				x.residents += int64(s.Residents)
				x.last = max(x.last, parseDay(s.AsOf, s.LastImport))
			}
		}
	}
	last := b.p.T("none")
	if tot.last != "" {
		last = b.date(tot.last)
	}
	p.Sentence = b.p.T("The sources are the records imported into the CSI (accessi, cartelle, interventi), the registry extracts of the Comuni and the registers of the process; every table names the store snapshot it was computed on.")
	sentence := b.p.T("The tables were computed on store snapshot %s, from the records imported into the CSI and the registry of %s of the %s Comuni (latest extract: %s).",
		snap, b.num(tot.loaded), b.num(tot.comuni), last)
	t := &Table{
		Headers: []string{b.p.T("Ambito"), b.p.T("Comuni"), b.p.T("With registry"), b.p.T("Residents in the registry"), b.p.T("Latest extract")},
		Numeric: []bool{false, true, true, true, false},
	}
	row := func(name string, a *agg) []string {
		d := "—"
		if a.last != "" {
			d = b.date(a.last)
		}
		return []string{name, b.num(a.comuni), b.num(a.loaded), b.num(a.residents), d}
	}
	for _, name := range order {
		t.Rows = append(t.Rows, row(name, per[name]))
	}
	t.Rows = append(t.Rows, row(csi.TotalLabel, tot))
	p.Blocks = append(p.Blocks, Block{Heading: b.p.T("The registry of the Comuni"), Sentence: sentence, Table: t})
	return p
}

// annexPart builds the annex: the per-Comune tables and the tables too
// long for the body, then the catalogue with the indicators' versions.
func (b *builder) annexPart() Part {
	p := Part{ID: PartAnnex, Heading: b.heading(PartAnnex), Blocks: b.annex}
	p.Sentence = b.p.T("The tables per Comune, sorted by Ambito and name, the tables too long for the body, and the indicators with their versions and definitions.")
	t := &Table{Headers: []string{b.p.T("Indicator"), b.p.T("Version"), b.p.T("Part"), b.p.T("Definition")}, Numeric: make([]bool, 4)}
	cat := b.in.Catalogue
	if cat == nil {
		cat = indicators.Catalogue()
	}
	for _, def := range cat {
		t.Rows = append(t.Rows, []string{def.Name, def.Version, b.heading(PartOf(def)), indicators.Localized(def, b.lang).Definition})
	}
	p.Blocks = append(p.Blocks, Block{
		Heading:  b.p.T("The indicators of the catalogue"),
		Sentence: b.p.T("The report holds the %s indicators of the catalogue; each table names the version it was computed with.", b.num(int64(len(t.Rows)))),
		Table:    t,
	})
	return p
}
