package i18n

// italianMeta holds the Italian of what an indicator's result is, as the
// human outputs write it (internal/indicators' LocalMeta).
var italianMeta = map[string]string{
	"%s (last import %s, last audit entry %s)": "%s (ultimo caricamento %s, ultima voce del registro %s)",
	"%s, by Comune":               "%s, per Comune",
	"%s, by Ambito":               "%s, per Ambito",
	"%s, by province":             "%s, per provincia",
	"mixed":                       "mista",
	"title":                       "titolo",
	"section":                     "sezione",
	"reading":                     "in sintesi",
	"No data in scope.":           "Nessun dato per il territorio e il periodo scelti.",
	"definition":                  "definizione",
	"not used":                    "non usata",
	"ISTAT reference of 1/1/2020": "dato ISTAT di riferimento all'1/1/2020",
}

func init() { merge("italianMeta", italianMeta) }
