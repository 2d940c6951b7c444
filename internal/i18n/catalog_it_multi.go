package i18n

// italianMulti holds the Italian text of the multi-file registry import
// (cli's anagrafe_multi.go: csi anagrafe import --manifest).
var italianMulti = map[string]string{
	"import many Comuni's extracts listed in this CSV file (comune,file[,as_of,mode,rejects]), each in its own transaction": "carica gli estratti di più Comuni elencati in questo file CSV (comune,file[,as_of,mode,rejects]), ognuno in un'operazione a sé",
	"with --manifest, stop at the first file that fails (rows rejected do not stop it)":                                     "con --manifest, si ferma al primo file che non si carica (le righe scartate non lo fermano)",
	"csi: file %s of %s: %s (Comune %s)": "csi: file %s di %s: %s (Comune %s)",
	"%s (Comune %s):":                    "%s (Comune %s):",
	"warning: rows were rejected in %d of %d files; a rejects column in the manifest writes them out": "attenzione: righe scartate in %d file su %d; una colonna rejects nel manifest le scrive in un file",
	"error: %d of %d files failed and were left as they were; the others were imported":               "errore: %d file su %d non {{1:caricato, lasciato com'era|caricati, lasciati come erano}}; gli altri sono stati caricati",
	`--manifest FILE imports many Comuni's extracts in one run, one after the other over
one connection to the store. FILE is a CSV file with a header and the columns comune
(ISTAT code or name) and file, and optionally as_of and mode, which override --as-of
and --mode for that line, and rejects, that file's --rejects; other columns are ignored
and paths are relative to the manifest's folder. The whole manifest is checked first:
every file must exist and each Comune appear once. Then each file is imported as if
alone, in its own transaction with its own import record; a file that fails does not
stop the others, unless --fail-fast. One line per file is printed (-o json: one entry
per file), and the exit code is the worst of the files'.`: `--manifest FILE carica in una sola esecuzione gli estratti di più Comuni, uno dopo
l'altro su un'unica connessione all'archivio. FILE è un file CSV con intestazione e le
colonne comune (codice ISTAT o nome) e file, e facoltative as_of e mode, che per quella
riga sostituiscono --as-of e --mode, e rejects, il --rejects di quel file; le altre
colonne sono ignorate e i percorsi sono relativi alla cartella del manifest. Prima si
controlla tutto il manifest: ogni file deve esistere e ogni Comune comparire una volta
sola. Poi ogni file viene caricato come se fosse solo, in un'operazione a sé con la sua
registrazione; un file che non si carica non ferma gli altri, salvo con --fail-fast.
Si stampa una riga per file (-o json: una voce per file), e il codice di uscita è il
peggiore fra quelli dei file.`,
	"error: interrupted; %d of %d files were imported before, the one being imported was left as it was": "errore: interrotto; %d file su %d {{1:era già stato caricato|erano già stati caricati}}, quello in corso è stato lasciato com'era",
}

func init() { merge("italianMulti", italianMulti) }
