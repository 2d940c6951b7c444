package i18n

// italianDebiti holds the Italian text of csi debiti (the regional Misura
// B2 and Dopo di Noi reports) and of the environment variables added to
// 'csi help environment' with it.
var italianDebiti = map[string]string{
	// debiti.go
	"Regional debiti informativi: the Misura B2 and Dopo di Noi reports (provisional layout)": "Debiti informativi regionali: i report Misura B2 e Dopo di Noi (tracciato provvisorio)",
	"Fill the regional Misura B2 or Dopo di Noi report of an Ambito for a period":             "Compila il report regionale Misura B2 o Dopo di Noi di un Ambito per un periodo",
	`Fill the report an Ambito owes the Region for Misura B2 (FNA) or Dopo di Noi
(L. 112/2016): one row per beneficiary and measure, from the interventi whose misura is
the report's (B2, DDN) in the period (a periodic one when its months overlap it, a
one-off one when it was delivered in it), with the beneficiary's registry data valid on
the benefit's date, the amounts, the dates, the total paid in the period and the other
measures the person had.

No public record layout of the Region's flows was found: the report follows an embedded,
versioned definition that is PROVISIONAL (said in the table, in -o json as "provisional"
and "definition", and on stderr for -o csv). When the Region publishes its layout,
--definition FILE replaces it: a JSON file of the same shape ('csi debiti definition b2
-o json' prints the embedded one).

--period is a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30). The
report holds personal data (codici fiscali): each run is recorded in the audit log, and
-o xlsx --out FILE writes a file readable by its owner only.`: `Compila il report che un Ambito deve alla Regione per la Misura B2 (FNA) o il Dopo di
Noi (L. 112/2016): una riga per beneficiario e misura, dagli interventi del periodo la
cui misura è quella del report (B2, DDN) (uno periodico quando i suoi mesi si
sovrappongono al periodo, uno occasionale quando è stato erogato nel periodo), con i
dati anagrafici del beneficiario validi alla data della prestazione, gli importi, le
date, il totale erogato nel periodo e le altre misure della persona.

Non è stato trovato un tracciato pubblico dei flussi regionali: il report segue una
definizione incorporata e versionata, PROVVISORIA (lo dicono la tabella, -o json con
"provisional" e "definition", e lo stderr per -o csv). Quando la Regione pubblica il suo
tracciato, --definition FILE la sostituisce: un file JSON della stessa forma ('csi
debiti definition b2 -o json' stampa quella incorporata).

--period è un anno (2024), più anni (2023-2024) o un intervallo di giorni
(2024-01-01..2024-06-30). Il report contiene dati personali (codici fiscali): ogni
esecuzione è registrata nel registro di audit, e -o xlsx --out FILE scrive un file
leggibile solo dal proprietario.`,
	"name the report: b2 or dopo-di-noi":                                                       "indicare il report: b2 o dopo-di-noi",
	"e.g. csi debiti report b2 --ambito Monza --period 2024":                                   "ad esempio csi debiti report b2 --ambito Monza --period 2024",
	"the Ambito whose Comuni report":                                                           "l'Ambito di cui si riportano i Comuni",
	"one Comune instead of an Ambito (ISTAT code or name)":                                     "un solo Comune invece di un Ambito (codice ISTAT o nome)",
	"the period: a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30) (required)": "il periodo: un anno (2024), più anni (2023-2024) o un intervallo di giorni (2024-01-01..2024-06-30) (obbligatorio)",
	"definition file (JSON) replacing the embedded, provisional one":                           "file di definizione (JSON) che sostituisce quella incorporata, provvisoria",
	"unknown report %q":                                                       "report %q sconosciuto",
	"the reports are b2 and dopo-di-noi":                                      "i report sono b2 e dopo-di-noi",
	"give --ambito or --ente, one of them":                                    "indicare --ambito oppure --ente, uno dei due",
	"--ambito names an Ambito, --ente one Comune (ISTAT code or name)":        "--ambito indica un Ambito, --ente un solo Comune (codice ISTAT o nome)",
	"give the period with --period":                                           "indicare il periodo con --period",
	"e.g. --period 2024 or --period 2024-01-01..2024-06-30":                   "ad esempio --period 2024 o --period 2024-01-01..2024-06-30",
	"--period %q is not a period":                                             "--period %q non è un periodo",
	"write a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30)": "scrivere un anno (2024), più anni (2023-2024) o un intervallo di giorni (2024-01-01..2024-06-30)",
	"cannot read the definition %s":                                           "impossibile leggere la definizione %s",
	"give a definition file (see 'csi debiti definition %s -o json'), or leave out --definition for the embedded one": "indicare un file di definizione (vedere 'csi debiti definition %s -o json'), oppure omettere --definition per quella incorporata",
	"fix the field named; 'csi debiti definition %s -o json' prints a valid definition":                               "correggere il campo indicato; 'csi debiti definition %s -o json' stampa una definizione valida",
	"csi debiti works on a local store only: the remote API has no debiti routes":                                     "csi debiti funziona solo su un archivio locale: l'API remota non ha percorsi debiti",
	"PROVISIONAL layout: definition %s %s, not yet the Region's; see 'csi debiti report --help'":                      "tracciato PROVVISORIO: definizione %s %s, non ancora quella della Regione; vedere 'csi debiti report --help'",
	"PROVISIONAL layout": "tracciato PROVVISORIO",
	"Print the embedded definition of a report (JSON), to start a replacement from": "Stampa la definizione incorporata di un report (JSON), da cui partire per sostituirla",
	`Print the embedded, provisional definition of a regional report as JSON: name,
version, provisional, title, source, filters (misura codes, optional prestazione codes),
code_lists and columns (key, label it/en, type text|date|amount|integer|list, source,
optional code_list); -o table lists its fields and columns. Edit a copy of the -o json
form to the Region's layout and pass it to 'csi debiti report --definition FILE'.`: `Stampa in JSON la definizione incorporata e provvisoria di un report regionale: name,
version, provisional, title, source, filters (codici misura, codici prestazione
facoltativi), code_lists e columns (key, label it/en, type text|date|amount|integer|list,
source, code_list facoltativa); -o table ne elenca campi e colonne. Modificare una copia
della forma -o json secondo il tracciato della Regione e passarla a 'csi debiti report
--definition FILE'.`,
	"e.g. csi debiti definition b2": "ad esempio csi debiti definition b2",
	"Columns":                       "Colonne",
	"Code lists":                    "Liste di codici",

	// help.go: the environment variables of the SIUSS flows and the rest.
	`  CSI_OPERATORE  codice fiscale of the operator who sends the SIUSS flows (same as
                 --operatore of csi siuss check, export and annulla)
  CSI_SIUSS_CODES  SIUSS code table file replacing the embedded one (same as
                 --codes of csi siuss)
  GOMEMLIMIT     the Go memory limit; when set, csi anagrafe import keeps it
                 instead of its own smaller limit
  LOCALAPPDATA   on Windows, the base folder of the default store when
                 XDG_DATA_HOME is not set
  LC_ALL, LC_MESSAGES, LANG  the locale, read for the language when CSI_LANG
                 is not set`: `  CSI_OPERATORE  codice fiscale dell'operatore che invia i flussi SIUSS (come
                 --operatore di csi siuss check, export e annulla)
  CSI_SIUSS_CODES  file della tabella dei codici SIUSS che sostituisce quella
                 incorporata (come --codes di csi siuss)
  GOMEMLIMIT     il limite di memoria di Go; se impostato, csi anagrafe import
                 lo mantiene invece del proprio limite più basso
  LOCALAPPDATA   su Windows, la cartella di base dell'archivio predefinito
                 quando XDG_DATA_HOME non è impostata
  LC_ALL, LC_MESSAGES, LANG  la localizzazione, letta per la lingua quando
                 CSI_LANG non è impostata`,
}

func init() { merge("italianDebiti", italianDebiti) }
