// Package indicators is the catalogue of the CSI indicators: their names,
// versions, definitions and parameters, the checking of parameters, and the
// rendering of results as tables, Markdown and HTML. It does no I/O of its
// own: the store computes the results (package sqlite).
package indicators

import (
	"slices"

	"github.com/csi-mb/csi/internal/csi"
)

// Parameter names, as flags of `csi indicators show`.
const (
	ParamPeriod = "period"
	ParamYear   = "year"
	ParamAt     = "at"
	ParamSince  = "since"
	ParamDays   = "days"
)

// Defaults of the parameters: the seed document's periods and year.
var (
	DefaultPeriods = []string{"2015-2017", "2018-2020"}
	DefaultYear    = 2020
	DefaultSince   = "2022-01-01"
	DefaultDays    = 45
)

const ambitoNote = " The Ambito of a record is the current Ambito of its Comune (comuni.ambito)."

var all = []csi.IndicatorDef{
	{
		Name: "accessi-segretariato", Version: "1", Group: csi.GroupStatoArte, Title: "Accesses to the segretariato sociale",
		Definition: "Accesses (both desks: COMUNE and STRANIERI) with data_accesso in the period, per Ambito of the desk's Comune, with a Totale row per period." + ambitoNote,
		Source:     "seed table 1",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia},
		Columns: []string{"periodo", "ambito", "accessi"}, Counts: []string{"accessi"},
	},
	{
		Name: "cartelle-movimento", Version: "1", Group: csi.GroupStatoArte, Title: "Cartelle opened and closed per period",
		Definition: "Per year of the period: cartelle opened (PIC, data_apertura in the year) and closed (data_chiusura in the year); saldo_iniziale = cartelle open on 31/12 of the year before the period; each saldo_finale = saldo_iniziale + aperte - chiuse (computed, never read from data).",
		Source:     "seed table 2",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"periodo", "anno", "saldo_iniziale", "aperte", "chiuse", "saldo_finale"},
		Counts:  []string{"saldo_iniziale", "aperte", "chiuse", "saldo_finale"},
	},
	{
		Name: "cartelle-popolazione", Version: "1", Group: csi.GroupStatoArte, Title: "Open cartelle on population",
		Definition: "Per Comune, Ambito and province: residents on 1/1/Y (registry history; the ISTAT 1/1/2020 reference figure where no registry was loaded for that date), cartelle open on 31/12/Y, of which opened in Y (nuove_anno), and open cartelle per 100 residents (two decimals)." + ambitoNote,
		Source:     "seed table 3",
		Params:     []string{ParamYear}, By: []string{csi.ByComune, csi.ByAmbito, csi.ByProvincia},
		Columns: []string{"livello", "codice", "nome", "popolazione", "fonte_popolazione", "cartelle_aperte", "nuove_anno", "percentuale"},
		Counts:  []string{"cartelle_aperte", "nuove_anno"}, Derived: map[string]string{"percentuale": "cartelle_aperte"},
		UsesPopulation: true, Percent: "percentuale",
	},
	{
		Name: "comuni-fasce", Version: "1", Group: csi.GroupStatoArte, Title: "Comuni by share of open cartelle",
		Definition: "Comuni whose open cartelle on 31/12/Y per 100 residents on 1/1/Y (unrounded) are < 1%, between 1% and 2% inclusive, > 2%, and their share of the Comuni, with a Totale row.",
		Source:     "seed table 4",
		Params:     []string{ParamYear}, By: []string{csi.ByProvincia},
		Columns: []string{"fascia", "comuni", "percentuale"}, UsesPopulation: true, Percent: "percentuale",
	},
	{
		Name: "anagrafe-automatica", Version: "1", Group: csi.GroupProcesso, Title: "Comuni loading the registry automatically with regular updates",
		Definition: "Comuni onboarded (active or suspended) with registry mode automatic, and of those the ones with a registry import loaded in the --days (default 45) days up to --at (regolari; re-sending an identical file is a no-op and is not recorded as an import).",
		Source:     "seed process indicator 1a",
		Params:     []string{ParamAt, ParamDays}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia},
		Columns: []string{"livello", "codice", "nome", "comuni", "aderenti", "automatici", "regolari", "ultimo_import"},
	},
	{
		Name: "ambiti-referente", Version: "1", Group: csi.GroupProcesso, Title: "Ambiti with a current referent",
		Definition: "Per Ambito, whether an operational referent's term covers --at (default today), and since when; the Totale row counts the Ambiti with one.",
		Source:     "seed process indicator 1d",
		Params:     []string{ParamAt}, By: []string{csi.ByAmbito},
		Columns: []string{"ambito", "con_referente", "dal"},
	},
	{
		Name: "cartelle-aperte-dal", Version: "1", Group: csi.GroupOutput, Title: "Cartelle opened since a date (presa in carico)",
		Definition: "Cartelle (each one a presa in carico) with data_apertura from --since (default 2022-01-01) to --at (default today), and of those the ones still open on --at." + ambitoNote,
		Source:     "seed output indicator 1: numero cartelle sociali aperte a partire da gennaio 2022 con presa in carico utente su CSI",
		Params:     []string{ParamSince, ParamAt}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia},
		Columns: []string{"livello", "codice", "nome", "aperte", "ancora_aperte"}, Counts: []string{"aperte", "ancora_aperte"},
	},
	{
		Name: "cartelle-area", Version: "1", Group: csi.GroupAnalisi, Title: "Open cartelle by area",
		Definition: "Cartelle open on 31/12/Y by area of need, of which opened in Y, and each area's share of the open cartelle." + ambitoNote,
		Params:     []string{ParamYear}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"area", "descrizione", "cartelle_aperte", "nuove_anno", "percentuale"},
		Counts:  []string{"cartelle_aperte", "nuove_anno"}, Derived: map[string]string{"percentuale": "cartelle_aperte"},
		Percent: "percentuale",
	},
	{
		Name: "giorni-accesso-pic", Version: "1", Group: csi.GroupAnalisi, Title: "Median days from first access to presa in carico",
		Definition: "For the cartelle opened in the period: those whose person had an access (same codice fiscale, any desk) in the 365 days up to data_apertura, and the median of the days from the earliest such access to data_apertura." + ambitoNote,
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByProvincia},
		Columns: []string{"periodo", "livello", "codice", "nome", "cartelle", "con_accesso", "mediana_giorni"},
		Counts:  []string{"cartelle", "con_accesso"}, Derived: map[string]string{"mediana_giorni": "con_accesso"},
	},
	{
		Name: "motivi-chiusura", Version: "1", Group: csi.GroupAnalisi, Title: "Closure reasons",
		Definition: "Cartelle closed in the period (data_chiusura in it) by motivo_chiusura (SINBA list), and each reason's share.",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"periodo", "motivo", "descrizione", "chiuse", "percentuale"},
		Counts:  []string{"chiuse"}, Derived: map[string]string{"percentuale": "chiuse"}, Percent: "percentuale",
	},
	{
		Name: "interventi-prestazione", Version: "1", Group: csi.GroupAnalisi, Title: "Interventions and amounts by prestazione",
		Definition: "Interventions active in the period (O: data_erogazione in it; P: data_inizio to data_fine, open-ended if empty, overlapping it) by SIUSS prestazione code: interventions, persons (beneficiari) and amount in euro (O: importo; P: importo_mensile times the months of the intervention inside the period).",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"periodo", "codice_prestazione", "interventi", "beneficiari", "importo"},
		Counts:  []string{"interventi", "beneficiari"}, Derived: map[string]string{"importo": "interventi"},
	},
	{
		Name: "interventi-misura", Version: "1", Group: csi.GroupAnalisi, Title: "Interventions and amounts by measure (B2, Dopo di Noi)",
		Definition: "As interventi-prestazione, by regional measure: B2, DDN (Dopo di Noi) and nessuna (no measure).",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"periodo", "misura", "interventi", "beneficiari", "importo"},
		Counts:  []string{"interventi", "beneficiari"}, Derived: map[string]string{"importo": "interventi"},
	},
	{
		Name: "popolazione", Version: "1", Group: csi.GroupAnalisi, Title: "Residents on a date",
		Definition: "Residents per Comune on --at (default today) from the registry history; where no registry import covers that date (none as of that date or earlier), the ISTAT 1/1/2020 reference figure, and the row says so.",
		Params:     []string{ParamAt}, By: []string{csi.ByComune, csi.ByAmbito, csi.ByProvincia},
		Columns:        []string{"livello", "codice", "nome", "popolazione", "fonte_popolazione"},
		UsesPopulation: true,
	},
	{
		Name: "debiti-informativi", Version: "1", Group: csi.GroupOutput, Title: "Debiti informativi sent through the CSI (SIUSS flows)",
		Definition: "SIUSS flows in the register of debiti informativi whose id's day falls in the period, by type (PS benefits, SINBA children), operation (I insertion, C cancellation) and state (ready, acquired by INPS, or INPS's outcome: OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA, ERRORE_GENERICO), with the records they carry (an intervento's calendar year, or a child's SINBA record); the Comune of a flow is its sending ente." + ambitoNote,
		Source:     "seed output indicator: numero debiti informativi inviati tramite CSI",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito},
		Columns: []string{"periodo", "tipo", "operazione", "stato", "flussi", "record"},
		Counts:  []string{"flussi", "record"},
	},
}

func init() { all = append(all, monitoring...) }

// Catalogue returns every indicator, in catalogue order: by group in the
// order of csi.IndicatorGroups, then as listed.
func Catalogue() []csi.IndicatorDef {
	out := make([]csi.IndicatorDef, len(all))
	copy(out, all)
	slices.SortStableFunc(out, func(a, b csi.IndicatorDef) int {
		return slices.Index(csi.IndicatorGroups, a.Group) - slices.Index(csi.IndicatorGroups, b.Group)
	})
	return out
}

// Find returns the definition of the indicator called name.
func Find(name string) (csi.IndicatorDef, error) {
	for _, d := range all {
		if d.Name == name {
			return d, nil
		}
	}
	return csi.IndicatorDef{}, csi.Errorf(csi.ENOTFOUND, "no indicator %q", name).
		WithHint("run 'csi indicators list' to see the catalogue")
}

// Takes says whether def takes the parameter.
func Takes(def csi.IndicatorDef, param string) bool {
	for _, p := range def.Params {
		if p == param {
			return true
		}
	}
	return false
}
