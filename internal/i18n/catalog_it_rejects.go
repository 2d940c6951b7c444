package i18n

// italianRejects holds the Italian texts of the reasons a row of an
// import is rejected for (internal/anagrafe, internal/records,
// internal/codicefiscale, internal/dialect's dates and ISTAT codes). The
// reasons are made in English, the contract of the rejects file and of
// -o json; the human summary and the errors that quote them translate
// them with Known, the dates' reasons inside them included.
var italianRejects = map[string]string{
	"row has %d fields, the header has %d":                      "la riga ha %d {{campo|campi}}, l'intestazione %d",
	"%s is empty":                                               "il campo %s è vuoto",
	"%s is empty (the zero date %s)":                            "il campo %s è vuoto (la data nulla %s)",
	"%s is not a valid date: %v":                                "il campo %s non contiene una data valida: %v",
	"comune_residenza %v":                                       "comune_residenza %v",
	"comune_residenza %s is not the Comune being imported (%s)": "comune_residenza %s non è il Comune che si sta caricando (%s)",
	"codice_fiscale has a wrong check character":                "codice_fiscale con il carattere di controllo sbagliato",
	"codice_fiscale is malformed: %s":                           "codice_fiscale non valido: %s",
	"codice_fiscale is not valid":                               "codice_fiscale non valido",
	"%s repeats line %s":                                        "%s già presente alla riga %s",
	"has %d bytes, want 16":                                     "ha %d {{carattere|caratteri}}, ne servono 16",
	"character %d is not a letter":                              "il carattere %d non è una lettera",
	"character %d is not a digit or omocodia letter":            "il carattere %d non è una cifra né una lettera di omocodia",
	"character %d is not a month letter":                        "il carattere %d non è una lettera del mese",
	"day of birth out of range":                                 "giorno di nascita fuori intervallo",
	"check character does not match":                            "il carattere di controllo non corrisponde",
	"%s has %d digits, and %s (with the leading zeros an ISTAT code has) is not a known Comune code": "%s ha %d {{cifra|cifre}}, e %s (con gli zeri iniziali di un codice ISTAT) non è il codice di un Comune",

	// internal/records and internal/app's records import.
	"comune %v":                              "comune %v",
	"%s is not a valid amount: %v":           "il campo %s non contiene un importo valido: %v",
	"%s is not a month: %s is not 1-12":      "il campo %s non contiene un mese: %s non è tra 1 e 12",
	"%s is not a month (MM/YYYY) nor a date": "il campo %s non contiene né un mese (MM/AAAA) né una data",
	"cartella %s exists in more than one Comune: add a comune column (ISTAT code) to the file":               "la cartella %s esiste in più di un Comune: aggiungere al file la colonna comune (codice ISTAT)",
	"%s is stored in cartella %s of this Comune: an import does not move an intervento to another cartella":  "%s è già registrato nella cartella %s di questo Comune: un caricamento non sposta un intervento in un'altra cartella",
	"%s is stored for another codice fiscale in this Comune: an import does not move a %s to another person": "%s è già registrato con un altro codice fiscale in questo Comune: un caricamento non attribuisce a un'altra persona un record già presente (%s)",
	"the person already has an assessment on this date at line %s: one assessment per person and date":       "la persona ha già una valutazione in questa data alla riga %s: è ammessa una sola valutazione per persona e data",

	// internal/dialect: why an amount is refused.
	"not an amount: no digits":                 "non è un importo: nessuna cifra",
	"more than 2 decimals":                     "più di 2 decimali",
	"no digits after the decimal separator":    "nessuna cifra dopo il separatore decimale",
	"misplaced thousands separator":            "separatore delle migliaia fuori posto",
	"decimal separator written more than once": "separatore decimale scritto più di una volta",
	"amount too large":                         "importo troppo grande",
	"not an amount: unexpected character '%c'": "non è un importo: carattere inatteso '%c'",
	"ambiguous: one separator before three digits is a decimal or a thousands separator, and the file's other amounts do not show which one it uses": "ambiguo: un solo separatore prima di tre cifre può essere decimale o delle migliaia, e gli altri importi del file non mostrano quale si usa",

	// internal/dialect: why a date is refused, also in the italian table.
	"not a date: expected YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or YYYYMMDD": "non è una data: sono ammesse AAAA-MM-GG, GG/MM/AAAA, GG-MM-AAAA o AAAAMMGG",
	"year 0000 does not exist":                        "l'anno 0000 non esiste",
	"month %d does not exist":                         "il mese %d non esiste",
	"day %d does not exist":                           "il giorno %d non esiste",
	"day %d does not exist in %v %s (it has %d days)": "il giorno %d non esiste a %v %s (ha %d giorni)",
	"read as YYYYMMDD, %v":                            "letta come AAAAMMGG, %v",
	"January":                                         "gennaio",
	"February":                                        "febbraio",
	"March":                                           "marzo",
	"April":                                           "aprile",
	"May":                                             "maggio",
	"June":                                            "giugno",
	"July":                                            "luglio",
	"August":                                          "agosto",
	"September":                                       "settembre",
	"October":                                         "ottobre",
	"November":                                        "novembre",
	"December":                                        "dicembre",
}

func init() { mergeKnown("italianRejects", italianRejects) }
