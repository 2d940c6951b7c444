package i18n

// italianFormat holds the Italian messages of the output formats and of
// the date flags (cli's output*.go, flags_date.go).
var italianFormat = map[string]string{
	// The names of flag values in --help ("--db testo").
	"text":                            "testo",
	"texts":                           "testi",
	"number":                          "numero",
	"duration":                        "durata",
	"date":                            "data",
	"--%s %q is not a valid date: %s": "--%s: %q non è una data valida: %s",
	"wrote %s":                        "scritto %s",
	"--out goes with -o xlsx":         "--out si usa con -o xlsx",
	"for other formats redirect stdout: > FILE":                                                 "per gli altri formati, redirigere l'uscita: > FILE",
	"-o xlsx writes a workbook, not text for the terminal":                                      "-o xlsx produce una cartella di lavoro Excel, non testo da mostrare nel terminale",
	"give --out FILE.xlsx, or redirect stdout: > FILE.xlsx":                                     "indicare --out FILE.xlsx, oppure redirigere l'uscita: > FILE.xlsx",
	"--csv-sep must be , ; | or tab, not %q":                                                    "--csv-sep accetta , ; | o tab, non %q",
	"for Excel set to Italian, use --csv-sep ';' --csv-bom":                                     "per Excel in italiano, usare --csv-sep ';' --csv-bom",
	"the file -o xlsx writes, readable by you only (default stdout, when it is not a terminal)": "il file scritto da -o xlsx, leggibile solo da chi lo crea (predefinito: l'uscita standard, se non è un terminale)",
	"field separator of -o csv: , ; | or tab (env CSI_CSV_SEP)":                                 "separatore dei campi di -o csv: , ; | o tab (env CSI_CSV_SEP)",
	"start -o csv with a UTF-8 byte order mark, for Excel (env CSI_CSV_BOM)":                    "inizia -o csv con il BOM UTF-8, perché Excel riconosca gli accenti (env CSI_CSV_BOM)",
	`  CSI_CSV_SEP    the field separator of -o csv (same as --csv-sep): , ; | or tab
  CSI_CSV_BOM    when 1 or true, -o csv starts with a UTF-8 byte order mark (same
                 as --csv-bom); with CSI_CSV_SEP=';' Excel set to Italian opens
                 the file in columns, accents intact`: `  CSI_CSV_SEP    il separatore dei campi di -o csv (come --csv-sep): , ; | o tab
  CSI_CSV_BOM    con 1 o true, -o csv inizia con il BOM UTF-8 (come --csv-bom);
                 con CSI_CSV_SEP=';' Excel in italiano apre il file già diviso
                 in colonne, con gli accenti corretti`,
	"write the date as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY, e.g. 2024-06-30 or 30/06/2024": "scrivere la data come GG/MM/AAAA, GG-MM-AAAA o AAAA-MM-GG, es. 30/06/2024 o 2024-06-30",
}

func init() { merge("italianFormat", italianFormat) }
