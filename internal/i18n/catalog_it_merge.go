package i18n

// italianMerge holds the Italian of messages that met in the merge of
// parallel work: a check age from the store, an environment line.
var italianMerge = map[string]string{
	"CSI_CHECK_MAX_AGE=%s is not a duration":                                         "CSI_CHECK_MAX_AGE=%s non è una durata",
	"give a duration such as 24h or 90m, or 0 to check the store before every write": "indicare una durata come 24h o 90m, oppure 0 per controllare l'archivio prima di ogni scrittura",
	"debiti report without a definition":                                             "report dei debiti informativi senza definizione",
	`  CSI_CHECK_MAX_AGE  how long a passing check of a SQLite store is trusted
                 while only csi writes it (a duration such as 24h or 90m;
                 default 24h; 0: check before every write)`: `  CSI_CHECK_MAX_AGE  per quanto tempo vale il controllo superato di un archivio
                 SQLite finché solo csi lo scrive (una durata come 24h o 90m;
                 predefinito 24h; 0: controllo prima di ogni scrittura)`,
}

func init() { merge("italianMerge", italianMerge) }
