package i18n

// italianDialect holds the Italian text of the errors of internal/dialect:
// what is wrong with the structure of an input file (its encoding, its
// quotes, its header, --map), with their hints and their location.
var italianDialect = map[string]string{
	// The location of the problem (dialect.Error.Domain).
	"%s: line %d: column %q: %v": "%s: riga %d: colonna %q: %v",
	"%s: line %d: %v":            "%s: riga %d: %v",
	"line %d: %v":                "riga %d: %v",

	// Not a CSV text.
	"file is a ZIP archive (an Excel .xlsx or .ods workbook?), not a CSV": "il file è un archivio ZIP (una cartella di lavoro Excel .xlsx o .ods?), non un CSV",
	"file is an Excel 97-2003 workbook (.xls), not a CSV":                 "il file è una cartella di lavoro Excel 97-2003 (.xls), non un CSV",
	"file is UTF-16 text":               "il file è un testo UTF-16",
	"file is a PDF document, not a CSV": "il file è un documento PDF, non un CSV",
	"file contains NUL bytes: it is not CSV text (UTF-16, or a binary file?)": "il file contiene byte NUL: non è un testo CSV (UTF-16, o un file binario?)",
	"save it as CSV (UTF-8 or Windows-1252) and import that file":             "salvarlo come CSV (UTF-8 o Windows-1252) e caricare quel file",

	// Empty files, encodings, delimiters.
	"file is empty": "il file è vuoto",
	"export the file again: it has no header and no rows":                          "esportare di nuovo il file: non ha né intestazione né righe",
	"export the file again: it has only blank lines":                               "esportare di nuovo il file: ha solo righe vuote",
	"export the file again: it has only the sep= line":                             "esportare di nuovo il file: ha solo la riga sep=",
	"unknown encoding %q (accepted: utf-8, windows-1252, iso-8859-1)":              "codifica %q sconosciuta (accettate: utf-8, windows-1252, iso-8859-1)",
	"use --encoding utf-8, windows-1252 or iso-8859-1":                             "usare --encoding utf-8, windows-1252 o iso-8859-1",
	"invalid UTF-8 (byte 0x%02X) in a file read as %s":                             "UTF-8 non valido (byte 0x%02X) in un file letto come %s",
	"convert the file to UTF-8, or name its encoding with --encoding windows-1252": "convertire il file in UTF-8, o indicarne la codifica con --encoding windows-1252",
	"unsupported delimiter %q":                                                     "separatore %q non supportato",
	"use --delimiter ';', ',', tab or '|'":                                         "usare --delimiter ';', ',', tab o '|'",
	"the sep= line names %q as the delimiter, which is not supported":              "la riga sep= indica %q come separatore, che non è supportato",
	"save the file with ';', ',', tab or '|' between the fields":                   "salvare il file con ';', ',', tab o '|' tra i campi",
	"read error: %v": "errore di lettura: %v",

	// Quotes and lengths.
	"unterminated quoted field: the quote opened on this line is never closed": "campo tra virgolette non chiuso: le virgolette aperte su questa riga non vengono mai chiuse",
	"quoted field not closed within %d MiB: the quote opened on this line":     "campo tra virgolette non chiuso entro %d MiB: le virgolette sono aperte su questa riga",
	`close the quote; a quote inside a quoted field is written twice ("")`:     `chiudere le virgolette; una virgoletta dentro un campo tra virgolette si scrive due volte ("")`,
	"line longer than %d MiB":             "riga più lunga di %d MiB",
	"check that the file is a CSV export": "verificare che il file sia un'esportazione CSV",
	"field longer than %d KiB (%d bytes)": "campo più lungo di %d KiB (%d byte)",
	`check the quotes: a field that opens a quote must close it (a quote inside is written twice, "")`: `controllare le virgolette: un campo che apre le virgolette deve chiuderle (una virgoletta interna si scrive due volte, "")`,
	"header line longer than %d KiB":                           "riga di intestazione più lunga di %d KiB",
	"check that the file is a CSV export with one header line": "verificare che il file sia un'esportazione CSV con una sola riga di intestazione",

	// The header and --map.
	"missing required column %v":                          "manca la colonna obbligatoria %v",
	"missing required columns %v":                         "mancano le colonne obbligatorie %v",
	"%q (looked for: %s)":                                 "%q (cercata come: %s)",
	"add the column, or map it with --map %s=YOUR_HEADER": "aggiungere la colonna, o associarla con --map %s=INTESTAZIONE",
	"add the column, or map it with --map %s=YOUR_HEADER; the header has a single column: check the delimiter (--delimiter)":                 "aggiungere la colonna, o associarla con --map %s=INTESTAZIONE; l'intestazione ha una sola colonna: controllare il separatore (--delimiter)",
	"add the columns, or map them with --map (e.g. --map %s=YOUR_HEADER)":                                                                    "aggiungere le colonne, o associarle con --map (ad es. --map %s=INTESTAZIONE)",
	"add the columns, or map them with --map (e.g. --map %s=YOUR_HEADER); the header has a single column: check the delimiter (--delimiter)": "aggiungere le colonne, o associarle con --map (ad es. --map %s=INTESTAZIONE); l'intestazione ha una sola colonna: controllare il separatore (--delimiter)",
	"columns %q and %q both match %q":                                 "le colonne %q e %q corrispondono entrambe a %q",
	"remove one, or choose one with --map %s=HEADER":                  "toglierne una, o sceglierne una con --map %s=INTESTAZIONE",
	"--map %s: the header has no such column":                         "--map %s: l'intestazione non ha questa colonna",
	"columns in the file: %s":                                         "colonne del file: %s",
	"--map: %q is not a column of these files (valid: %s)":            "--map: %q non è una colonna di questi file (valide: %s)",
	"--map: %q is not a column of %s files (valid: %s)":               "--map: %q non è una colonna dei file %s (valide: %s)",
	"the name left of '=' must be one of the valid names":             "il nome a sinistra di '=' deve essere uno di quelli validi",
	"--map %s: empty header name":                                     "--map %s: nome di intestazione vuoto",
	"write --map %s=HEADER with the header as it appears in the file": "scrivere --map %s=INTESTAZIONE con l'intestazione come appare nel file",
	"--map: %q and %q are both mapped to the header %q":               "--map: %q e %q sono associate entrambe all'intestazione %q",
	"map each header to one column":                                   "associare ogni intestazione a una sola colonna",
	"expected canonical=header, got %q":                               "atteso colonna=intestazione, trovato %q",
	"write one mapping per line, e.g. codice_fiscale=COD. FISCALE":    "scrivere un'associazione per riga, ad es. codice_fiscale=COD. FISCALE",
	"%q is already mapped on line %d":                                 "%q è già associata alla riga %d",
}

func init() { merge("italianDialect", italianDialect) }
