package i18n

// italianFormat holds the Italian messages of the output formats and of
// the date flags (cli's output*.go, flags_date.go).
var italianFormat = map[string]string{
	"--%s %q is not a valid date: %s": "--%s: %q non è una data valida: %s",
	"write the date as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY, e.g. 2024-06-30 or 30/06/2024": "scrivere la data come GG/MM/AAAA, GG-MM-AAAA o AAAA-MM-GG, es. 30/06/2024 o 2024-06-30",
}

func init() { merge("italianFormat", italianFormat) }
