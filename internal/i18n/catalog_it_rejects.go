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
	"%s repeats line %d":                                        "%s già presente alla riga %d",
	"has %d bytes, want 16":                                     "ha %d {{carattere|caratteri}}, ne servono 16",
	"character %d is not a letter":                              "il carattere %d non è una lettera",
	"character %d is not a digit or omocodia letter":            "il carattere %d non è una cifra né una lettera di omocodia",
	"character %d is not a month letter":                        "il carattere %d non è una lettera del mese",
	"day of birth out of range":                                 "giorno di nascita fuori intervallo",
	"check character does not match":                            "il carattere di controllo non corrisponde",
	"%s has %d digits, and %s (with the leading zeros an ISTAT code has) is not a known Comune code": "%s ha %d {{cifra|cifre}}, e %s (con gli zeri iniziali di un codice ISTAT) non è il codice di un Comune",

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
