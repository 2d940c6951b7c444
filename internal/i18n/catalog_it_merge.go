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
	`  CSI_CPUPROFILE  write csi's own CPU profile to this file, for go tool pprof
                 (measuring csi; the profile holds no data)`: `  CSI_CPUPROFILE  scrive in questo file il profilo CPU di csi, per go tool pprof
                 (per misurare csi; il profilo non contiene dati)`,
}

func init() { merge("italianMerge", italianMerge) }

// italianManifest holds the Italian of the errors of csi anagrafe import
// --manifest (internal/cli/anagrafe_multi.go).
var italianManifest = map[string]string{
	"%s line %s, %s: %v":                         "%s riga %s, %s: %v",
	"empty":                                      "vuoto",
	"must be snapshot or delta, not %q":          "deve essere snapshot o delta, non %q",
	"--manifest takes no FILE argument":          "--manifest non accetta un argomento FILE",
	"--manifest and --comune do not go together": "--manifest e --comune non si possono usare insieme",
	"--manifest and --rejects do not go together: give a rejects column in the manifest":            "--manifest e --rejects non si possono usare insieme: indicare una colonna rejects nel manifest",
	"%s line %s: Comune %s is already on line %s":                                                   "%s riga %s: il Comune %s è già alla riga %s",
	"%s: %d files not found: %s":                                                                    "%s: %d file non {{trovato|trovati}}: %s",
	"and %d more":                                                                                   "e altri %d",
	"cannot read the manifest %s: %v":                                                               "impossibile leggere il manifest %s: %v",
	"check the --manifest path":                                                                     "controllare il percorso indicato con --manifest",
	"fix the manifest; nothing was imported":                                                        "correggere il manifest; non è stato caricato nulla",
	"list each Comune once per manifest; import its later extracts with another run":                "indicare ogni Comune una sola volta nel manifest; caricarne gli estratti successivi con un'altra esecuzione",
	"list one Comune and its extract per line":                                                      "indicare un Comune e il suo estratto per riga",
	"the manifest %s has a header but no files":                                                     "il manifest %s ha l'intestazione ma nessun file",
	"the manifest's paths are relative to its folder; nothing was imported":                         "i percorsi del manifest sono relativi alla sua cartella; non è stato caricato nulla",
	"with --manifest the manifest names each file and its Comune; see 'csi anagrafe import --help'": "con --manifest è il manifest a indicare ogni file e il suo Comune; vedere 'csi anagrafe import --help'",
}

func init() { merge("italianManifest", italianManifest) }
