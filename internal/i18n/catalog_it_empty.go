package i18n

// italianEmpty holds the lines a list command prints on stderr when it
// has nothing to list (Factory.PrintList).
var italianEmpty = map[string]string{
	"no imports yet":                              "nessun caricamento finora",
	"the file has no data rows":                   "il file non ha righe di dati",
	"no Comuni match":                             "nessun Comune corrisponde",
	"the catalogue is empty":                      "il catalogo è vuoto",
	"the ruleset has no rules":                    "l'insieme di regole non contiene regole",
	"no validation has run yet":                   "nessuna validazione eseguita finora",
	"no residents on that date":                   "nessun residente a quella data",
	"no Ambiti":                                   "nessun Ambito",
	"no migrations":                               "nessuna migrazione",
	"no versions":                                 "nessuna versione",
	"the audit log has no entries in that period": "il registro delle operazioni non ha voci in quel periodo",
	"no Comune is onboarded yet; see 'csi comuni onboard --help'":  "nessun Comune ha ancora aderito; vedere 'csi comuni onboard --help'",
	"no referents assigned yet; see 'csi referenti assign --help'": "nessun referente assegnato finora; vedere 'csi referenti assign --help'",
	"no API tokens yet; see 'csi token create --help'":             "nessun token API finora; vedere 'csi token create --help'",
}

func init() { merge("italianEmpty", italianEmpty) }
