package i18n

// italianReport holds the Italian texts of 'csi report' (internal/report
// and internal/cli/report.go): the document's headings, the sentences that
// read each table, the no-data and suppression wording, the chart axes.
var italianReport = map[string]string{
	// The command (report.go).
	`Write the report the coordinator files for the annual monitoring and the biennial
evaluation, in the plan's structure: the premessa (data sources, registry, store
snapshot), the state of play (the plan's published tables beside the previous
period of the same length), the input, process, output and outcome indicators of
the catalogue, and an annex with the tables per Comune (sorted by Ambito and name)
and the tables too long for the body. Each table comes with one generated sentence
that states what it shows and, where it helps, a chart with its axis and unit.
A year without records says so in words instead of showing zeros; an indicator
with nothing recorded shows its note (what to record, with which command).
--suppress-below N withholds small counts in every table and chart.

The report speaks the language of --lang (Italian by default), with its number and
date formats. -o markdown (the default) writes Markdown; -o html one self-contained
HTML file (inline style sheet and SVG charts, nothing fetched from a network; laid
out for phones, and for A4 when printed); -o xlsx --out FILE a workbook with one sheet
per table (typed cells, the metadata on each sheet); -o json the document and every
computed result with its sentence.`: `Scrive la relazione che il coordinatore presenta per il monitoraggio annuale e per
la valutazione del biennio, con la struttura del piano: la premessa (fonti dei dati,
anagrafe, fotografia dell'archivio), lo stato dell'arte (le tabelle pubblicate nel
piano accanto al periodo precedente della stessa durata), gli indicatori di input,
di processo, di output e di outcome del catalogo, e un allegato con le tabelle per
Comune (in ordine di Ambito e di nome) e le tabelle troppo lunghe per il testo.
Ogni tabella è accompagnata da una frase che ne riassume il risultato e, dove
serve, da un grafico con asse e unità di misura. Un anno senza dati lo dice a
parole invece di mostrare zeri; un indicatore senza nulla di registrato mostra la
sua nota (cosa registrare e con quale comando). --suppress-below N oscura i
conteggi piccoli in ogni tabella e in ogni grafico.

La relazione è nella lingua di --lang (italiano se non indicato), con i suoi
formati di numeri e date. -o markdown (predefinito) scrive Markdown; -o html un
unico file HTML autonomo (stili e grafici SVG incorporati, nulla viene scaricato
dalla rete; leggibile sul telefono e impaginato in A4 per la stampa); -o xlsx
--out FILE una cartella di lavoro Excel con un foglio per tabella (celle tipizzate,
i metadati su ogni foglio); -o json il documento e ogni risultato calcolato con la
sua frase.`,

	// The document (build.go, texts.go, html.go, markdown.go).
	"CSI monitoring report %s — Provincia di %s": "Relazione di monitoraggio CSI %s — Provincia di %s",
	"The report of the Cartella Sociale Informatizzata for %s, in the plan's structure: the data sources, the state of play compared with %s, the input, process, output and outcome indicators, and an annex with the tables per Comune.": "La relazione sulla Cartella Sociale Informatizzata per il %s, secondo la struttura del piano: le fonti dei dati, lo stato dell'arte a confronto con il %s, gli indicatori di input, di processo, di output e di outcome, e un allegato con le tabelle per Comune.",
	"Counts from 1 to %s are withheld and read <%s; a count withheld so that none of them can be worked out from the others reads %s.":                                                                                                     "I conteggi da 1 a %s sono oscurati e compaiono come <%s; un conteggio oscurato perché non si possano ricavare gli altri compare come %s.",
	"Contents":                            "Indice",
	"Generated":                           "Generata il",
	"store snapshot":                      "fotografia dell'archivio",
	"Full table in the annex":             "Tabella completa in allegato",
	"Introduction: data sources":          "Premessa: le fonti dei dati",
	"State of play: the published tables": "Stato dell'arte: le tabelle pubblicate",
	"Input indicators":                    "Indicatori di input",
	"Process indicators":                  "Indicatori di processo",
	"Output indicators":                   "Indicatori di output",
	"Outcome indicators":                  "Indicatori di outcome",
	"Other indicators of the catalogue":   "Altri indicatori del catalogo",
	"Annex: tables per Comune":            "Allegato: tabelle per Comune",
	"The plan's published tables for %s, each beside %s.":                                                                                                 "Le tabelle pubblicate nel piano per il %s, ciascuna a confronto con il %s.",
	"The other indicators of the catalogue, for %s.":                                                                                                      "Gli altri indicatori del catalogo per il %s.",
	"%s of the %s tables of this part have data for %s.":                                                                                                  "%s tabelle su %s di questa sezione hanno dati per il %s.",
	"Where nothing is recorded, the table's note says what to record, and with which command.":                                                            "Dove non risulta nulla di registrato, la nota della tabella dice cosa registrare e con quale comando.",
	"The tables were computed on store snapshot %s; the registry status of the Comuni is not available to this account.":                                  "Le tabelle sono calcolate sulla fotografia dell'archivio %s; lo stato delle anagrafi comunali non è consultabile con questa utenza.",
	"The tables were computed on store snapshot %s, from the records imported into the CSI and the registry of %s of the %s Comuni (latest extract: %s).": "Le tabelle sono calcolate sulla fotografia dell'archivio %s, dai dati caricati nella CSI e dall'anagrafe di %s Comuni su %s (estrazione più recente: %s).",
	"none": "nessuna",
	"The sources are the records imported into the CSI (accessi, cartelle, interventi), the registry extracts of the Comuni and the registers of the process; every table names the store snapshot it was computed on.": "Le fonti sono i dati caricati nella CSI (accessi, cartelle, interventi), le estrazioni delle anagrafi comunali e i registri delle attività; ogni tabella indica la fotografia dell'archivio su cui è calcolata.",
	"The registry of the Comuni": "L'anagrafe dei Comuni",
	"Ambito":                     "Ambito",
	"Comuni":                     "Comuni",
	"With registry":              "Con anagrafe",
	"Residents in the registry":  "Residenti in anagrafe",
	"Latest extract":             "Estrazione più recente",
	"The tables per Comune, sorted by Ambito and name, the tables too long for the body, and the indicators with their versions and definitions.": "Le tabelle per Comune, in ordine di Ambito e di nome, le tabelle troppo lunghe per il testo, e gli indicatori con versione e definizione.",
	"Indicator":                       "Indicatore",
	"Version":                         "Versione",
	"Part":                            "Sezione",
	"Definition":                      "Definizione",
	"The indicators of the catalogue": "Gli indicatori del catalogo",
	"The report holds the %s indicators of the catalogue; each table names the version it was computed with.": "La relazione comprende i %s indicatori del catalogo; ogni tabella riporta la versione con cui è stata calcolata.",
	"%s, per Comune":                        "%s, per Comune",
	"%s Comuni, sorted by Ambito and name.": "%s Comuni, in ordine di Ambito e di nome.",
	"Sorted by Ambito and name: the most %s is in %s (%s); %s of the %s Comuni record none.": "In ordine di Ambito e di nome: il valore più alto di %s è di %s (%s); %s Comuni su %s non registrano nulla.",
	"Sorted by Ambito and name: none of the %s Comuni records any %s.":                       "In ordine di Ambito e di nome: nessuno dei %s Comuni registra %s.",
	"Nothing is recorded for %s in the period: record it with '%s'.":                         "Non risulta nulla di registrato per %s nel periodo: registrarlo con '%s'.",
	"No records for %s, so its figures are not a finding: load them with '%s'.":              "Nessun dato registrato per il %s, quindi i suoi valori non sono un risultato: caricarli con '%s'.",
	"No data for %s: last registry update %s.":                                               "Nessun dato per il %s: ultimo aggiornamento dell'anagrafe %s.",
	"No data for %s: no registry update is on record.":                                       "Nessun dato per il %s: non risulta alcun caricamento dell'anagrafe.",
	"Nothing is recorded for these parameters.":                                              "Non risulta nulla di registrato per questi parametri.",
	"The figures needed for a summary are withheld (counts below %s).":                       "I valori necessari per una sintesi sono oscurati (conteggi inferiori a %s).",
	"The table lists %s rows.":                                                               "La tabella elenca %s righe.",
	"%s in all: %s.":                                                                         "%s in totale: %s.",
	"%s in all: %s; the most in %s (%s).":                                                    "%s in totale: %s; il valore più alto è di %s (%s).",
	"yes":                                                                                    "sì",
	"no":                                                                                     "no",

	// What a table is (texts.go).
	"indicator":  "indicatore",
	"parameters": "parametri",
	"population": "popolazione",
	"%s (%s Comuni from the registry, %s from the ISTAT reference)": "%s (%s Comuni da anagrafe, %s dal dato di riferimento ISTAT)",
	"residents on %s: %s":      "residenti al %s: %s",
	"period %s":                "periodo %s",
	"years %s":                 "anni %s",
	"year %s":                  "anno %s",
	"from %s":                  "dal %s",
	"on %s":                    "al %s",
	"window %s days":           "finestra di %s giorni",
	"by %s":                    "per %s",
	"counts below %s withheld": "conteggi inferiori a %s oscurati",
	"%s, %s to %s":             "%s, dal %s al %s",

	// Charts (chart.go).
	"number per year": "numero per anno",
	"%s (per cent)":   "%s (per cento)",
	"%s (euro)":       "%s (euro)",
	"%s (days)":       "%s (giorni)",
	"%s (count)":      "%s (numero)",

	// Titles of the first catalogue's indicators (texts.go).
	"Accesses to the segretariato sociale":                           "Accessi al segretariato sociale",
	"Cartelle opened and closed per period":                          "Cartelle aperte e chiuse nel periodo",
	"Open cartelle on population":                                    "Cartelle aperte sulla popolazione",
	"Comuni by share of open cartelle":                               "Comuni per quota di cartelle aperte",
	"Comuni loading the registry automatically with regular updates": "Comuni con caricamento automatico e regolare dell'anagrafe",
	"Ambiti with a current referent":                                 "Ambiti con un referente in carica",
	"Cartelle opened since a date (presa in carico)":                 "Cartelle aperte con presa in carico da una data",
	"Open cartelle by area":                                          "Cartelle aperte per area",
	"Median days from first access to presa in carico":               "Giorni (mediana) dal primo accesso alla presa in carico",
	"Closure reasons":                                                "Motivi di chiusura",
	"Interventions and amounts by prestazione":                       "Interventi e importi per prestazione",
	"Interventions and amounts by measure (B2, Dopo di Noi)":         "Interventi e importi per misura (B2, Dopo di Noi)",
	"Residents on a date":                                            "Residenti a una data",

	// The sentences (sentence*.go).
	"In %s the segretariato sociale recorded %s accesses": "Nel %s il segretariato sociale ha registrato %s accessi",
	", against none in %s":                                ", nessuno nel %s",
	", against %s in %s (%s)":                             ", contro %s nel %s (%s)",
	"; %s accounts for %s of them":                        "; l'Ambito di %s ne raccoglie il %s",
	"Over %s the open cartelle went from %s to %s: %s opened (presa in carico) and %s closed": "Nel %s le cartelle aperte sono passate da %s a %s: %s nuove prese in carico e %s chiusure",
	"; over %s they had gone from %s to %s, with %s opened":                                   "; nel %s erano passate da %s a %s, con %s nuove prese in carico",
	"On 31/12/%s, %s cartelle were open in the province, %s per 100 residents on 1/1/%s":      "Al 31/12/%s le cartelle aperte nella provincia erano %s, %s ogni 100 residenti all'1/1/%s",
	" (%s on 31/12/%s)":                " (%s al 31/12/%s)",
	"; the highest share is %s's (%s)": "; la quota più alta è quella di %s (%s)",
	"At the end of %s, of the %s Comuni %s have open cartelle for under 1%% of their residents, %s between 1%% and 2%%, %s over 2%%": "Alla fine del %s, dei %s Comuni %s hanno cartelle aperte per meno dell'1%% dei residenti, %s tra l'1%% e il 2%%, %s oltre il 2%%",
	" (at the end of %s: %s, %s and %s)": " (alla fine del %s: %s, %s e %s)",
	"On %s, %s of the %s Comuni load their registry automatically, %s of them with an import in the last %s days.": "Al %s, %s Comuni su %s caricano l'anagrafe in automatico, %s dei quali con un caricamento negli ultimi %s giorni.",
	"On %s, %s of the %s Ambiti have a current operational referent":                                               "Al %s, %s Ambiti su %s hanno un referente operativo in carica",
	" (none in %s)": " (manca a %s)",
	"From %s to %s, %s cartelle were opened with a presa in carico": "Dal %s al %s sono state aperte %s cartelle con presa in carico",
	", %s of them still open":            ", %s delle quali ancora aperte",
	"No cartelle were open on 31/12/%s.": "Al 31/12/%s non risultano cartelle aperte.",
	"Of the %s cartelle open on 31/12/%s, the largest area of need is %s (%s).":                                                                         "Delle %s cartelle aperte al 31/12/%s, l'area di bisogno più frequente è %s (%s).",
	"None of the %s cartelle opened in %s follows a recorded access in the year before.":                                                                "Nessuna delle %s cartelle aperte nel %s segue un accesso registrato nei dodici mesi precedenti.",
	"Of the %s cartelle opened in %s, %s follow an access in the year before; the median wait from the first access to the presa in carico is %s days.": "Delle %s cartelle aperte nel %s, %s seguono un accesso nei dodici mesi precedenti; dal primo accesso alla presa in carico passano in mediana %s giorni.",
	"No cartelle were closed in %s.":                                                                       "Nel %s non è stata chiusa alcuna cartella.",
	"In %s, %s cartelle were closed; the most frequent reason is %s (%s).":                                 "Nel %s sono state chiuse %s cartelle; il motivo più frequente è %s (%s).",
	"No interventions were active in %s.":                                                                  "Nel %s non risultano interventi attivi.",
	"In %s, %s interventions were active for a total of %s; prestazione %s accounts for %s of the amount.": "Nel %s risultano attivi %s interventi per un totale di %s; la prestazione %s ne assorbe il %s.",
	"%s %s (%s interventions)":                                                                             "%s %s (%s interventi)",
	"In %s the regional measures account for: %s.":                                                         "Nel %s le misure regionali valgono: %s.",
	"On %s the province counts %s residents (source: %s).":                                                 "Al %s la provincia conta %s residenti (fonte: %s).",
}

func init() { merge("italianReport", italianReport) }
