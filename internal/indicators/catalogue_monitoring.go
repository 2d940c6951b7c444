package indicators

import "github.com/csi-mb/csi/internal/csi"

// The plan's indicators over the process registers (csi eventi, operatori,
// canali) and its outcome indicator. The process ones default to each
// year of the plan's biennium (the annual monitoring); --period 2022-2023
// gives the whole biennium.
var (
	annual   = []string{"2022", "2023"}
	biennium = []string{"2022-2023"}
)

const eventNote = " An event counts for every Ambito it involves, and for a Comune when it names it or names no Comune of its Ambito; the province's row counts each event once."

var monitoring = []csi.IndicatorDef{
	{
		Name: "operatori-attivi", Version: "1", Group: csi.GroupInput, Title: "Operators using the CSI",
		Definition: "Operator accounts of the CSI platform (csi operatori import) with an access recorded in the period: each import keeps every account's last access day, so an account counts for a period when one of the lists imported shows it active then. Per Comune, Ambito and province: distinct accounts, and the Comuni with at least one.",
		Source:     "seed input indicator: n. operatori che utilizzano lo strumento informativo",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "livello", "codice", "nome", "operatori_attivi", "comuni_con_operatori"},
	},
	{
		Name: "incontri-istituzionali", Version: "1", Group: csi.GroupProcesso, Title: "Meetings with politicians, dirigenti and posizioni organizzative",
		Definition: "Events of type incontro_istituzionale (csi eventi) dated in the period: meetings, participants, and participants by role (politici, dirigenti, posizioni_organizzative) where recorded." + eventNote,
		Source:     "seed process indicator 1b",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "livello", "codice", "nome", "incontri", "partecipanti", "politici", "dirigenti", "posizioni_organizzative"},
	},
	{
		Name: "corsi-formazione", Version: "1", Group: csi.GroupProcesso, Title: "Courses for social workers and administrative staff",
		Definition: "Events of type corso_assistenti_sociali (of which accreditati: with the Ordine regionale's accreditation id) and corso_amministrativi dated in the period, with their participants." + eventNote,
		Source:     "seed process indicator 1c",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "livello", "codice", "nome", "corsi_assistenti_sociali", "accreditati", "partecipanti_assistenti_sociali",
			"corsi_amministrativi", "partecipanti_amministrativi"},
	},
	{
		Name: "canali-interoperabilita", Version: "1", Group: csi.GroupProcesso, Title: "Interoperability channels opened or strengthened",
		Definition: "Channels between the CSI and other databases (csi canali) recorded by the end of the period, provincial ones and those of the scope: status before the period and at its end; aperto = its first status is dated in the period; rafforzato = it existed before and reached a later step of richiesto, autorizzato, in_test, attivo (sospeso is below richiesto) during the period. The Totale row adds them up.",
		Source:     "seed process indicator 2",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "canale", "controparte", "descrizione", "ambito", "comune", "stato_inizio", "stato_fine", "aperto", "rafforzato"},
	},
	{
		Name: "formazione-debiti", Version: "1", Group: csi.GroupProcesso, Title: "Training on the debiti informativi through the CSI",
		Definition: "Events of type formazione_debiti (csi eventi) dated in the period: training meetings for the staff who send the debiti informativi (Misura B2, Dopo di Noi) through the CSI, and their participants." + eventNote,
		Source:     "seed process indicator 3",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "livello", "codice", "nome", "incontri", "partecipanti"},
	},
	{
		Name: "tavoli-linee-guida", Version: "1", Group: csi.GroupProcesso, Title: "Meetings of the Linee Guida 2.0 working groups",
		Definition: "Events of type tavolo_linee_guida (csi eventi) dated in the period, and their participants." + eventNote,
		Source:     "seed process indicator 4",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: annual,
		Columns: []string{"periodo", "livello", "codice", "nome", "incontri", "partecipanti"},
	},
	{
		Name: "collegamenti-attivati", Version: "1", Group: csi.GroupOutput, Title: "New links between the CSI and other databases",
		Definition: "Channels (csi canali), provincial ones and those of the scope, that became attivo for the first time in the period, with the day; the Totale row counts them.",
		Source:     "seed output indicator 2",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia}, Periods: biennium,
		Columns: []string{"periodo", "canale", "controparte", "descrizione", "ambito", "comune", "attivato_il", "collegamenti"},
	},
	{
		Name: "utilizzo-csi", Version: "1", Group: csi.GroupOutcome, Title: "Increase in the use of the CSI",
		Definition: "Per year of the period and per Comune, Ambito and province: accessi (data_accesso in the year), cartelle opened in the year (aperte), residents on 1/1 (as cartelle-popolazione), cartelle open on 31/12 and their share per 100 residents; each with its change on the year before (variazione_accessi and variazione_aperte in per cent of the year before, null when it had none; variazione_percentuale in percentage points)." + ambitoNote,
		Source:     "seed outcome indicator: incremento di utilizzo CSI",
		Params:     []string{ParamPeriod}, By: []string{csi.ByAmbito, csi.ByComune, csi.ByProvincia}, Periods: biennium,
		Columns: []string{"periodo", "anno", "livello", "codice", "nome", "accessi", "variazione_accessi", "aperte", "variazione_aperte",
			"popolazione", "cartelle_aperte", "percentuale", "variazione_percentuale"},
		Counts: []string{"accessi", "aperte", "cartelle_aperte"},
		Derived: map[string]string{"variazione_accessi": "accessi", "variazione_aperte": "aperte", "percentuale": "cartelle_aperte",
			"variazione_percentuale": "cartelle_aperte"},
		UsesPopulation: true,
	},
	{
		Name: "utilizzo-fasce", Version: "1", Group: csi.GroupOutcome, Title: "Comuni that changed band of open cartelle",
		Definition: "Comuni with residents, by the band (as comuni-fasce: < 1%, 1-2%, > 2% of open cartelle on residents) of the first year of the period compared with the band of its last year: salita (a higher band), discesa (a lower one), stabile, and the Totale; with each one's share of the Comuni.",
		Source:     "seed outcome indicator: incremento di utilizzo CSI",
		Params:     []string{ParamPeriod}, By: []string{csi.ByProvincia, csi.ByAmbito}, Periods: biennium,
		Columns: []string{"periodo", "anno_iniziale", "anno_finale", "movimento", "comuni", "percentuale"}, UsesPopulation: true, Percent: "percentuale",
	},
}
