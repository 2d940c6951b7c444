package i18n

// italianHelp holds the Italian help of every command: Short, Long,
// examples' comments and flag usages, keyed like italian by the English
// text. init merges it into italian, refusing a key both tables hold.
var italianHelp = map[string]string{
	// ambiti.go
	"List the Ambiti territoriali and their figures":                               "Elenca gli Ambiti territoriali con i loro dati",
	"List the Ambiti: Comuni, onboarded, automatic registry, population, referent": "Elenca gli Ambiti: Comuni, Comuni aderenti, anagrafe automatica, popolazione, referente",
	"Show one Ambito with its Comuni":                                              "Mostra un Ambito con i suoi Comuni",

	// anagrafe.go
	"Import the Comuni's registry extracts and query the registry": "Carica gli estratti anagrafici dei Comuni e consulta l'anagrafe",
	"Import a Comune's registry extract (snapshot or delta)":       "Carica l'estratto anagrafico di un Comune (completo o solo variazioni)",
	`Import a Comune's registry (anagrafe) extract, in one transaction.

The file may be UTF-8 (with or without BOM) or Windows-1252/ISO-8859-1, delimited by
';', ',', tab or '|', with dates as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY: all detected
and reported. Headers are matched after normalisation and through known aliases
(cf, cod_fiscale, data_di_nascita, ...); --map adds your own: a file of column=header
lines, or a column=HEADER pair, repeatable.

--mode snapshot (default): the file is the complete registry as of --as-of (default
today; more than a day in the future needs --force). New people are inserted,
changed people get a new version, unchanged people are untouched, and residents
missing from the file are closed on --as-of (never deleted). A snapshot that would
close more than 10%% of the residents is refused unless --allow-mass-exit.
'csi anagrafe revert IMPORT_ID' undoes a Comune's latest import.
--mode delta: only the rows present change; a row with data_cancellazione closes
that person.

Rows that cannot be stored (bad codice fiscale, empty required field, bad date, a CF
repeated in the file) are rejected, counted and, with --rejects FILE, written out with
their line, column and reason; the rest is imported and the exit code is 4 (when
every row is rejected, nothing is written, and the exit code is 4 too). The same
file imported twice is a no-op. --dry-run computes everything and writes nothing.`: `Carica l'estratto dell'anagrafe di un Comune, in un'unica operazione: o tutto o niente.

Il file può essere in UTF-8 (con o senza BOM) o in Windows-1252/ISO-8859-1, con i campi
separati da ';', ',', tabulazione o '|' e le date come YYYY-MM-DD, DD/MM/YYYY o
DD-MM-YYYY: csi riconosce da sé queste caratteristiche e le riporta nel riepilogo. Le
intestazioni delle colonne sono riconosciute anche scritte in modo diverso e con i nomi
alternativi più comuni (cf, cod_fiscale, data_di_nascita, ...); --map aggiunge i
propri: un file di righe colonna=intestazione, oppure una coppia colonna=INTESTAZIONE,
ripetibile.

--mode snapshot (predefinito): il file è l'anagrafe completa alla data --as-of
(predefinita oggi; una data oltre domani richiede --force). Le persone nuove vengono
inserite, quelle con dati cambiati ricevono una nuova versione, le altre restano come
sono, e i residenti assenti dal file vengono chiusi alla data --as-of (mai cancellati).
Un estratto completo che chiuderebbe più del 10%% dei residenti viene rifiutato, salvo
con --allow-mass-exit. 'csi anagrafe revert IMPORT_ID' annulla l'ultimo caricamento di
un Comune.
--mode delta: cambiano solo le righe presenti nel file; una riga con
data_cancellazione chiude la posizione di quella persona.

Le righe che non si possono registrare (codice fiscale errato, campo obbligatorio
vuoto, data errata, codice fiscale ripetuto nel file) vengono scartate, contate e, con
--rejects FILE, scritte con riga, colonna e motivo; il resto viene caricato e il codice
di uscita è 4 (se tutte le righe sono scartate non viene scritto nulla, e il codice di
uscita è 4 anche in questo caso). Caricare due volte lo stesso file non cambia nulla.
--dry-run calcola tutto e non scrive nulla.`,
	"the Comune of the extract: ISTAT code or name (required)": "il Comune dell'estratto: codice ISTAT o nome (obbligatorio)",
	"snapshot|delta": "snapshot (anagrafe completa)|delta (solo variazioni)",
	"date of the extract, YYYY-MM-DD (default today; more than a day ahead needs --force)":                        "data di riferimento dell'estratto, AAAA-MM-GG o GG/MM/AAAA (predefinita oggi; oltre domani serve --force)",
	"compute and print the summary; write nothing to the store (--rejects FILE still receives the rejected rows)": "calcola e mostra il riepilogo senza scrivere nulla nell'archivio (il file di --rejects riceve comunque le righe scartate)",
	"let a snapshot close more than 10%% of the residents":                                                        "consente a un estratto completo di chiudere più del 10%% dei residenti",
	"write rejected rows to this CSV file (line, column, reason, raw)":                                            "scrive le righe scartate in questo file CSV (riga, colonna, motivo, contenuto)",
	"accept an --as-of more than a day in the future":                                                             "accetta un --as-of oltre domani",
	"utf-8|windows-1252|iso-8859-1 (default: detected)":                                                           "codifica del file: utf-8|windows-1252|iso-8859-1 (predefinito: riconosciuta da csi)",
	"';' ',' tab or '|' (default: detected)":                                                                      "separatore dei campi: ';' ',' tab o '|' (predefinito: riconosciuto da csi)",
	"a file of column=header lines, or one column=HEADER pair (repeatable) naming the file's own headers":         "le intestazioni proprie del file: un file di righe colonna=intestazione, o una coppia colonna=INTESTAZIONE (ripetibile)",

	// anagrafe_query.go
	"Per Comune: last import, as-of date, residents, rejected rows, days since update": "Per Comune: ultimo caricamento, data dell'estratto, residenti, righe scartate, giorni dall'aggiornamento",
	`Show, for every onboarded Comune (and any Comune with imports), the last registry
import, the date its extract refers to, the current residents, the rows rejected by
that import and the days since it ran: the "regular updates" made visible.`: `Mostra, per ogni Comune aderente (e per ogni Comune con caricamenti), l'ultimo
caricamento dell'anagrafe, la data a cui si riferisce l'estratto, i residenti attuali,
le righe scartate da quel caricamento e i giorni trascorsi: così si vede se l'anagrafe
viene aggiornata con regolarità.`,
	"Show every version of one person's registry record": "Mostra tutte le versioni della posizione anagrafica di una persona",
	`Show every version of one person's registry record, in every Comune, with the
period each was valid and why it ended (changed, absent from a snapshot, cancelled).`: `Mostra tutte le versioni della posizione anagrafica di una persona, in ogni Comune, con
il periodo di validità di ciascuna e il motivo della chiusura (dati cambiati, assente da
un estratto completo, cancellata).`,
	"List (or count) the residents of a Comune on a date": "Elenca (o conta) i residenti di un Comune a una data",
	"Comune: ISTAT code or name (required)":               "Comune: codice ISTAT o nome (obbligatorio)",
	"date, YYYY-MM-DD (default today)":                    "data, AAAA-MM-GG o GG/MM/AAAA (predefinita oggi)",
	"print only the number of residents":                  "mostra solo il numero dei residenti",
	"List the import log, newest first":                   "Elenca i caricamenti eseguiti, dal più recente",
	"only the imports of this Comune":                     "solo i caricamenti di questo Comune",

	// anagrafe_revert.go
	"Undo a Comune's latest registry import": "Annulla l'ultimo caricamento dell'anagrafe di un Comune",
	`Undo a Comune's latest registry import, in one transaction: the versions it created
are removed and the versions it closed (changed, absent or cancelled people) are
current again, as before the import. The import leaves the import log, so that a
corrected extract (or the same file, with the right --as-of) can be imported; the
revert itself is recorded in the audit log.

Only the latest import of its Comune can be reverted (the later ones were built on
it): revert newer imports first. 'csi anagrafe imports --comune C' lists the ids.
On a terminal the command shows what it would undo and asks for confirmation;
elsewhere it needs --yes. --dry-run shows what it would undo and changes nothing.`: `Annulla l'ultimo caricamento dell'anagrafe di un Comune, in un'unica operazione: le
versioni che aveva creato vengono tolte e quelle che aveva chiuso (persone con dati
cambiati, assenti o cancellate) tornano attuali, come prima del caricamento. Il
caricamento esce dall'elenco dei caricamenti, così si può caricare un estratto corretto
(o lo stesso file, con il --as-of giusto); l'annullamento resta nel registro delle
operazioni.

Si può annullare solo l'ultimo caricamento di un Comune (i successivi si basano su di
esso): annullare prima i più recenti. 'csi anagrafe imports --comune C' ne elenca
gli id.
Da terminale il comando mostra che cosa annullerebbe e chiede conferma; negli script
serve --yes. --dry-run mostra che cosa annullerebbe senza cambiare nulla.`,
	"revert without asking for confirmation":          "annulla senza chiedere conferma",
	"show what the revert would undo, change nothing": "mostra che cosa verrebbe annullato, senza cambiare nulla",

	// audit.go
	"Read, anchor and verify the append-only audit log":           "Consulta il registro delle operazioni, ne salva l'ancora e lo verifica",
	"List who changed what, when; --verify checks the hash chain": "Elenca chi ha cambiato che cosa, e quando; --verify controlla la catena di hash",
	`List the audit log: every command that changed the store, with time (UTC),
actor, command, target and summary. Entries are hash-chained; --verify recomputes
the chain and fails (exit 1) if an entry was edited, removed or inserted, or if an
import, token, referent, validation run or Comune event has no entry (as
'csi audit verify', which also checks an anchor).`: `Elenca il registro delle operazioni: ogni comando che ha modificato l'archivio, con
ora (UTC), autore, comando, oggetto e riepilogo. Le voci sono concatenate da hash;
--verify ricalcola la catena e termina con errore (codice 1) se una voce è stata
modificata, tolta o inserita, o se un caricamento, un token, un referente, una
validazione o un evento di un Comune non ha la sua voce (come 'csi audit verify', che
controlla anche un'ancora).`,
	"only entries from this date, YYYY-MM-DD":  "solo le voci da questa data, AAAA-MM-GG o GG/MM/AAAA",
	"verify the hash chain instead of listing": "verifica la catena di hash invece di elencare le voci",

	// audit_anchor.go
	"Print the head of the audit log (entries and hash) to keep elsewhere": "Mostra lo stato attuale del registro delle operazioni (voci e hash) da conservare altrove",
	`Print the current head of the audit log: how many entries it has and the hash of
the last one (-o json for a file). Keep it outside the store and out of reach of
whoever can write the store's file: a signed mail, a ticket, the Ambito's protocol.
'csi audit verify --anchor' later proves that the log still extends it: the hash
chain alone cannot show that someone with the file cut the tail, recomputed the
chain and appended forged entries; the anchor can.`: `Mostra lo stato attuale del registro delle operazioni: quante voci contiene e l'hash
dell'ultima (-o json per salvarlo in un file). Conservarlo fuori dall'archivio e lontano
da chi può scriverne il file: una mail firmata, un ticket, il protocollo dell'Ambito.
In seguito 'csi audit verify --anchor' dimostra che il registro ne è ancora la
continuazione: la sola catena di hash non può rivelare che chi ha accesso al file ne ha
tagliato la coda, ricalcolato la catena e aggiunto voci false; l'ancora sì.`,
	"Verify the audit log's hash chain, and that it extends an anchor": "Verifica la catena di hash del registro delle operazioni e che prosegua da un'ancora",
	`Recompute the audit log's hash chain and check that every import, token,
referent, validation run and Comune event in the store has its entry; fail (exit 1)
if an entry was edited, removed or inserted, or the log was wiped. With --anchor
(a file written by 'csi audit anchor -o json', its text output, or the hash it
printed) also check that the entry at the anchor's count still has the anchor's
hash: a log cut and rebuilt since the anchor was taken fails. --anchor needs the
store's file (not --remote).`: `Ricalcola la catena di hash del registro delle operazioni e controlla che ogni
caricamento, token, referente, validazione ed evento di un Comune presente
nell'archivio abbia la sua voce; termina con errore (codice 1) se una voce è stata
modificata, tolta o inserita, o se il registro è stato svuotato. Con --anchor (un file
scritto da 'csi audit anchor -o json', il suo testo, o l'hash che ha mostrato)
controlla anche che la voce al numero indicato dall'ancora abbia ancora l'hash
dell'ancora: un registro tagliato e ricostruito dopo l'ancora non supera la verifica.
--anchor richiede il file dell'archivio (non --remote).`,
	"a file from 'csi audit anchor', or the hash it printed": "un file scritto da 'csi audit anchor', o l'hash che ha mostrato",

	// comuni_add.go
	"Add Comuni of any Italian province to the catalogue": "Aggiunge al catalogo Comuni di qualsiasi provincia italiana",
	`Add Comuni of any Italian province to the catalogue of the shared CSI, not yet
onboarded: name and Belfiore code come from the national reference table, and an
Ambito named for the first time is created.

With -f FILE.csv many Comuni are added at once: one row per Comune with the columns
istat, ambito and popolazione. The whole file is one transaction: when any row is
rejected (an unknown ISTAT code, a bad population, a Comune already in the catalogue
with another Ambito or population) nothing is written, every rejected row is
reported with its line and field, and the exit code is 4. A row identical to what
is stored is unchanged, so the same file added twice is a no-op. --dry-run checks
everything and writes nothing. Then onboard them with 'csi comuni onboard'.`: `Aggiunge al catalogo della CSI condivisa Comuni di qualsiasi provincia italiana, non
ancora aderenti: nome e codice catastale (Belfiore) vengono dalla tabella nazionale
di riferimento, e un Ambito nominato per la prima volta viene creato.

Con -f FILE.csv si aggiungono più Comuni insieme: una riga per Comune con le colonne
istat, ambito e popolazione. L'intero file è un'unica operazione: se anche una sola
riga è scartata (codice ISTAT sconosciuto, popolazione non valida, Comune già nel
catalogo con un altro Ambito o un'altra popolazione) non viene scritto nulla, ogni
riga scartata è riportata con la sua riga e il suo campo, e il codice di uscita è 4.
Una riga uguale a quanto già registrato resta invariata, quindi lo stesso file
aggiunto due volte non cambia nulla. --dry-run controlla tutto e non scrive nulla.
Poi se ne registra l'adesione con 'csi comuni onboard'.`,
	`  csi comuni add 097042 --ambito Lecco --popolazione 47000   # one Comune of the province of Lecco
  csi comuni add -f comuni-lombardia.csv --dry-run           # check the file, write nothing
  csi comuni add -f comuni-lombardia.csv -o json             # add them, summary as JSON
  csi comuni onboard -f adesioni.csv                         # then onboard them`: `  csi comuni add 097042 --ambito Lecco --popolazione 47000   # un Comune della provincia di Lecco
  csi comuni add -f comuni-lombardia.csv --dry-run           # controlla il file, non scrive nulla
  csi comuni add -f comuni-lombardia.csv -o json             # li aggiunge, riepilogo in JSON
  csi comuni onboard -f adesioni.csv                         # poi ne registra l'adesione`,
	"CSV file with one Comune per row: istat, ambito, popolazione": "file CSV con un Comune per riga: istat, ambito, popolazione",
	"Ambito of the Comune (created when new)":                      "Ambito del Comune (creato se nuovo)",
	"resident population of the Comune":                            "popolazione residente del Comune",
	"check everything and write nothing":                           "controlla tutto e non scrive nulla",

	// comuni.go
	"List, onboard and update the Comuni of the province":   "Elenca i Comuni della provincia, ne registra l'adesione e li aggiorna",
	"List the Comuni, optionally of one Ambito or status":   "Elenca i Comuni, anche solo di un Ambito o di uno stato",
	"only the Comuni of this Ambito":                        "solo i Comuni di questo Ambito",
	"only this status: not_onboarded|active|suspended|left": "solo i Comuni in questo stato: not_onboarded (non aderente)|active (attivo)|suspended (sospeso)|left (uscito)",
	"Show one Comune and its history":                       "Mostra un Comune e la sua storia",
	`Show one Comune, found by ISTAT code or by name (accents and case do not matter;
a unique part of the name is enough), with its onboarding and Ambito history.`: `Mostra un Comune, cercato per codice ISTAT o per nome (accenti e maiuscole non contano;
basta una parte del nome, se non è ambigua), con la storia della sua adesione e del suo
Ambito.`,
	"Move a Comune to another Ambito or change its registry mode, contact or status": "Sposta un Comune in un altro Ambito o ne cambia modalità dell'anagrafe, contatto o stato",
	`Change a Comune. Every change is kept in its history with the date given by
--date (default today): moving it to another Ambito, switching its registry between
automatic and manual, a new contact, or suspending and reactivating it. A status
change takes effect on its date: one dated later is scheduled ('comuni show' lists
it). Suspending asks for confirmation on a terminal; scripts pass --yes, and
--dry-run shows the result without writing it.`: `Modifica un Comune. Ogni modifica resta nella sua storia con la data indicata da --date
(predefinita oggi): lo spostamento in un altro Ambito, il passaggio dell'anagrafe da
automatica a manuale o viceversa, un nuovo contatto, la sospensione e la riattivazione.
Un cambio di stato vale dalla sua data: se la data è futura viene programmato ('comuni
show' lo mostra). La sospensione chiede conferma da terminale; negli script si usa
--yes, e --dry-run mostra il risultato senza scriverlo.`,
	"move the Comune to this Ambito":                 "sposta il Comune in questo Ambito",
	"registry mode: automatic|manual":                "modalità dell'anagrafe: automatic (automatica)|manual (manuale)",
	"contact person or office":                       "persona o ufficio di riferimento",
	"active|suspended":                               "active (attivo)|suspended (sospeso)",
	"date of the change, YYYY-MM-DD (default today)": "data della modifica, AAAA-MM-GG o GG/MM/AAAA (predefinita oggi)",
	"Record that a Comune leaves the shared CSI":     "Registra l'uscita di un Comune dalla CSI condivisa",
	`Record that a Comune leaves the shared CSI on --date. Nothing is deleted: its records
and history stay. The change takes effect on its date: with a later date the Comune
stays a member until then ('comuni show' lists the scheduled change), and records
made while it was a member stay valid. It asks for confirmation on a terminal;
scripts pass --yes, and --dry-run shows the result without writing it.`: `Registra l'uscita di un Comune dalla CSI condivisa alla data --date. Non si cancella
nulla: le sue cartelle e la sua storia restano. La modifica vale dalla sua data: con una
data futura il Comune resta aderente fino ad allora ('comuni show' mostra la modifica
programmata), e quanto registrato mentre aderiva resta valido. Chiede conferma da
terminale; negli script si usa --yes, e --dry-run mostra il risultato senza scriverlo.`,
	"date the Comune leaves, YYYY-MM-DD (required)": "data di uscita del Comune, AAAA-MM-GG o GG/MM/AAAA (obbligatoria)",

	// confirm.go
	"do not ask for confirmation (scripts)": "non chiede conferma (per gli script)",
	"show the result, write nothing":        "mostra il risultato, senza scrivere nulla",

	// db.go
	"Create or upgrade the store and load the reference data": "Crea o aggiorna l'archivio e carica i dati di riferimento",
	`Create the store (mode 0600, WAL) if it does not exist, apply any pending schema
migrations and (re)load the embedded reference data: the 5 Ambiti, the 55 Comuni
of Monza e Brianza, the national Comuni and the foreign-state codes. Comuni already
in the store keep their Ambito and onboarding state.`: `Crea l'archivio (permessi 0600, WAL) se non esiste, applica gli aggiornamenti dello
schema ancora da applicare e (ri)carica i dati di riferimento inclusi in csi: i 5
Ambiti, i 55 Comuni di Monza e Brianza, i Comuni italiani e i codici degli Stati
esteri. I Comuni già presenti nell'archivio mantengono il loro Ambito e il loro stato
di adesione.`,
	"Maintain the store: migrations and backups":                    "Manutenzione dell'archivio: aggiornamenti dello schema e copie di sicurezza",
	"Apply the pending schema migrations":                           "Applica gli aggiornamenti dello schema ancora da applicare",
	"Show the schema migrations and whether each is applied":        "Mostra gli aggiornamenti dello schema e se ciascuno è applicato",
	"Write a consistent copy of the store, even while it is in use": "Scrive una copia coerente dell'archivio, anche mentre è in uso",
	`Write a consistent copy of the store to FILE (mode 0600). Other csi commands may
keep writing meanwhile; the copy reflects one moment. FILE must not exist. The store
passes SQLite's quick_check first: a damaged store is not copied (exit 1).`: `Scrive una copia coerente dell'archivio in FILE (permessi 0600). Nel frattempo altri
comandi csi possono continuare a scrivere; la copia fotografa un solo istante. FILE non
deve esistere. Prima l'archivio passa il quick_check di SQLite: un archivio danneggiato
non viene copiato (codice 1).`,
	"Check the store file (PRAGMA integrity_check) and the audit log": "Controlla il file dell'archivio (PRAGMA integrity_check) e il registro delle operazioni",
	`Check the whole store: SQLite's integrity_check reads every page, table and index
(a damaged store can answer queries wrongly without an error), then the audit log's
hash chain and its cross-check against the imports, tokens, referents, validation
runs and Comune events (as 'csi audit verify'). Exit 0 when both pass, 1 with the
first problem otherwise; -o json prints both results.`: `Controlla tutto l'archivio: l'integrity_check di SQLite legge ogni pagina, tabella e
indice (un archivio danneggiato può dare risposte sbagliate senza segnalare errori),
poi la catena di hash del registro delle operazioni e il suo riscontro con caricamenti,
token, referenti, validazioni ed eventi dei Comuni (come 'csi audit verify'). Codice 0
se entrambi i controlli passano, altrimenti 1 con il primo problema; -o json mostra
entrambi i risultati.`,

	// demo.go
	"Run the whole job on a synthetic province and print the seed's tables": "Esegue tutto su una provincia simulata e mostra le tabelle del documento di partenza",
	`Generate a synthetic province of Monza e Brianza (no real person: 55 Comuni, 870,193
residents on 1/1/2020, accessi, cartelle and interventi 2014-2022), load it into a fresh
store through the real commands, validate it and print the four tables of the seed
document: accessi-segretariato and cartelle-movimento for 2015-2017 and 2018-2020,
cartelle-popolazione and comuni-fasce for 2020.

The steps are those of the coordinator: onboard the 55 Comuni (some load the registry
automatically, some by hand), assign a referent per Ambito, import every Comune's
registry extract as of 2020-01-01 and a quarter's update of one Comune per Ambito with
'csi anagrafe import', the records with 'csi records import', then 'csi validate'
(only its summary is printed; a handful of problems are planted on purpose) and
'csi indicators show'.

The registry history starts on 1/1/2020, so validation warns (cartella-residente)
about every cartella opened before: --history also loads each Comune's extract as of
2014-01-01 first, so that those people are known on their opening day, and the updated
Comuni's extracts of 1/1/2021 and 1/1/2022; it takes about twice as long.

The store is temporary and removed at the end unless --db names a new file, which is
kept for further commands (a file that already holds data is refused). The generated
files go to a temporary folder unless --out keeps them. Progress goes to stderr; -o
json prints one document with the validation summary and the four indicator results.
The same --seed gives the same province.`: `Genera una provincia di Monza e Brianza simulata (nessuna persona reale: 55 Comuni,
870.193 residenti all'1/1/2020, accessi, cartelle e interventi 2014-2022), la carica in
un archivio nuovo con i comandi veri, la valida e mostra le quattro tabelle del
documento di partenza: accessi-segretariato e cartelle-movimento per 2015-2017 e
2018-2020, cartelle-popolazione e comuni-fasce per il 2020.

I passi sono quelli del coordinatore: l'adesione dei 55 Comuni (alcuni trasmettono
l'anagrafe in automatico, altri a mano), un referente per Ambito, il caricamento con
'csi anagrafe import' dell'estratto anagrafico di ogni Comune all'1/1/2020 e
dell'aggiornamento trimestrale di un Comune per Ambito, delle cartelle con 'csi records
import', poi 'csi validate' (se ne mostra solo il riepilogo; alcuni errori sono
inseriti apposta) e 'csi indicators show'.

La storia dell'anagrafe inizia l'1/1/2020, quindi la validazione avvisa
(cartella-residente) per ogni cartella aperta prima: --history carica prima anche
l'estratto di ogni Comune al 2014-01-01, così quelle persone risultano note il giorno
dell'apertura, e gli estratti all'1/1/2021 e all'1/1/2022 dei Comuni aggiornati; ci
vuole circa il doppio del tempo.

L'archivio è temporaneo e viene eliminato alla fine, salvo se --db indica un file
nuovo, che viene conservato per altri comandi (un file che contiene già dati viene
rifiutato). I file generati vanno in una cartella temporanea, salvo se --out li
conserva. L'avanzamento va su stderr; -o json produce un unico documento con il
riepilogo della validazione e i risultati dei quattro indicatori. Lo stesso --seed
genera la stessa provincia.`,
	`  csi demo
  csi demo --db demo.db --out demo-files     # keep the store and the files
  csi --db demo.db indicators show cartelle-popolazione --year 2020 --by comune
  csi demo -o json | jq '.indicators[3].rows'`: `  csi demo
  csi demo --db demo.db --out demo-files     # conserva l'archivio e i file
  csi --db demo.db indicators show cartelle-popolazione --year 2020 --by comune
  csi demo -o json | jq '.indicators[3].rows'`,
	"keep the generated files in this folder":                 "conserva i file generati in questa cartella",
	"random seed of the synthetic province":                   "seme casuale della provincia simulata",
	"also load every Comune's 2014 registry extract (slower)": "carica anche l'estratto anagrafico 2014 di ogni Comune (più lento)",
	"registry scale (1 = the real populations)":               "scala dell'anagrafe (1 = la popolazione reale)",

	// indicators.go
	"List the indicator catalogue and compute indicators": "Elenca il catalogo degli indicatori e li calcola",
	"List the indicators with their one-line definitions": "Elenca gli indicatori con una riga di definizione ciascuno",
	"Compute one indicator for a period and a geography":  "Calcola un indicatore per un periodo e un territorio",
	`Compute one indicator of the catalogue ('csi indicators list') in the store.

--period takes YYYY-YYYY or YYYY, several separated by commas; --year a year; --at
and --since a date (YYYY-MM-DD; --at defaults to today). --by chooses the level the
rows are broken down by (rows for the levels above follow); --ambito or --comune
narrow the scope. --suppress-below N withholds counts from 1 to N-1: they print as
"<N", and in JSON the value is null and the row lists the key under "suppressed".
Counts that would let one of them be worked out (a total minus the other parts) are
withheld too and print as c (also listed under "complementary").

Every output states the indicator's version, the parameters (defaults filled), the
geography, the population source and the store snapshot (revision iI.aA: the last
import id and the last audit entry id, which change with every change of data).
On a terminal the seed's tables keep the seed's layout, and percentages get a bar.`: `Calcola sui dati dell'archivio un indicatore del catalogo ('csi indicators list').

--period accetta YYYY-YYYY o YYYY, anche più periodi separati da virgole; --year un
anno; --at e --since una data (YYYY-MM-DD; --at è predefinita a oggi). --by sceglie il
livello di dettaglio delle righe (seguono le righe dei livelli superiori); --ambito o
--comune restringono il territorio. --suppress-below N oscura i conteggi da 1 a N-1:
compaiono come "<N", e in JSON il valore è null e la riga elenca la chiave sotto
"suppressed". Anche i conteggi da cui si potrebbe ricavarne uno (un totale meno le
altre parti) vengono oscurati e compaiono come c (elencati anche sotto "complementary").

Ogni risultato riporta la versione dell'indicatore, i parametri (con i valori
predefiniti), il territorio, la fonte della popolazione e lo stato dell'archivio
(revisione iI.aA: l'id dell'ultimo caricamento e quello dell'ultima voce del registro
delle operazioni, che cambiano a ogni modifica dei dati). Da terminale le tabelle del
documento di partenza ne mantengono l'impaginazione, e le percentuali hanno una barra.`,
	"periods YYYY-YYYY or YYYY, comma-separated (default the seed's 2015-2017,2018-2020)": "periodi YYYY-YYYY o YYYY, separati da virgole (predefiniti quelli del documento di partenza, 2015-2017,2018-2020)",
	"year (default 2020)":                                                "anno (predefinito 2020)",
	"reference date YYYY-MM-DD (default today)":                          "data di riferimento AAAA-MM-GG o GG/MM/AAAA (predefinita oggi)",
	"first day counted, YYYY-MM-DD (default 2022-01-01)":                 "primo giorno considerato, AAAA-MM-GG o GG/MM/AAAA (predefinito 01/01/2022)",
	"window in days of a regular registry update (default 45)":           "entro quanti giorni l'aggiornamento dell'anagrafe è regolare (predefinito 45)",
	"break rows down by comune|ambito|provincia (default per indicator)": "dettaglio delle righe: comune|ambito|provincia (predefinito: secondo l'indicatore)",
	"only this Comune (ISTAT code or name)":                              "solo questo Comune (codice ISTAT o nome)",
	"withhold counts from 1 to N-1 (print <N)":                           "oscura i conteggi da 1 a N-1 (mostra <N)",

	// onboard.go
	"Onboard a Comune (or many from a CSV file) into the shared CSI": "Registra l'adesione di un Comune (o di molti, da un file CSV) alla CSI condivisa",
	`Onboard a Comune: it joins the shared CSI on --date (default today), with its
registry reaching the CSI automatically (scheduled extracts) or manually.

With -f FILE.csv many Comuni are onboarded at once: one row per Comune with the
columns comune (ISTAT code or name), and optionally anagrafe, date, contact. Each
row is applied on its own and reported; a failed row does not stop the others, and
the exit code is 4 when any row failed.`: `Registra l'adesione di un Comune: entra nella CSI condivisa alla data --date
(predefinita oggi), e la sua anagrafe arriva alla CSI in automatico (estratti
programmati) o a mano.

Con -f FILE.csv si registrano più Comuni insieme: una riga per Comune con la colonna
comune (codice ISTAT o nome) e, se servono, anagrafe, date, contact. Ogni riga viene
applicata per conto suo e riportata nel riepilogo; una riga non riuscita non ferma le
altre, e il codice di uscita è 4 se almeno una riga non è riuscita.`,
	"how the registry reaches the CSI: automatic|manual": "come l'anagrafe arriva alla CSI: automatic (automatica)|manual (manuale)",
	"date joined, YYYY-MM-DD (default today)":            "data di adesione, AAAA-MM-GG o GG/MM/AAAA (predefinita oggi)",
	"contact person or office at the Comune":             "persona o ufficio di riferimento nel Comune",
	"CSV file with one Comune per row":                   "file CSV con un Comune per riga",

	// records.go
	"Import the social records: accessi, cartelle, interventi":                   "Carica i dati sociali: accessi al segretariato sociale, cartelle, interventi",
	"Import a file of accessi, cartelle or interventi (upsert by Comune and id)": "Carica un file di accessi, cartelle o interventi (inserisce o aggiorna per Comune e id)",
	`Import a file of social records in one transaction. Each row is one record keyed by
its Comune and id (software numbers records per Comune): a new one is inserted, a known
one updated when its values changed, never moved to another person.

  accessi     id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
  cartelle    id_cartella, codice_fiscale, comune, data_apertura, data_chiusura,
              motivo_chiusura, area, case_manager
  interventi  id_intervento, id_cartella, codice_prestazione, carattere, data_inizio,
              data_fine, importo_mensile, data_erogazione, importo, misura, presa_in_carico,
              comune (optional: without it, the Comune of the only cartella with that id)

The file dialect is detected as for the registry (encoding, delimiter, dates, amounts
with decimal comma or point; --map, --encoding, --delimiter). An ambiguous amount such
as 1,250 is read with the decimal separator of the file's other amounts, and rejected
when none shows it. A row is rejected only
when it cannot be stored: no id, an unreadable date or amount, a Comune and id repeated
in the file, a wrong number of fields, or a known record given to another person. Codes, consistency and references are checked by
'csi validate', so that everything to fix is in one report. Import cartelle before
their interventi.`: `Carica un file di dati sociali in un'unica operazione: o tutto o niente. Ogni riga è
un accesso, una cartella o un intervento, identificato dal Comune e dal suo id (i
gestionali numerano per Comune): uno nuovo viene inserito, uno già noto viene
aggiornato se i valori sono cambiati, mai spostato su un'altra persona.

  accessi     id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
  cartelle    id_cartella, codice_fiscale, comune, data_apertura, data_chiusura,
              motivo_chiusura, area, case_manager
  interventi  id_intervento, id_cartella, codice_prestazione, carattere, data_inizio,
              data_fine, importo_mensile, data_erogazione, importo, misura, presa_in_carico,
              comune (facoltativo: senza, il Comune dell'unica cartella con quell'id)

Il formato del file viene riconosciuto come per l'anagrafe (codifica, separatore, date,
importi con virgola o punto decimale; --map, --encoding, --delimiter). Un importo
ambiguo come 1,250 viene letto con il separatore decimale degli altri importi del file,
e scartato se nessuno lo rivela. Una riga viene scartata solo se non si può registrare:
senza id, con una data o un importo illeggibile, con Comune e id ripetuti nel file, con
un numero di campi sbagliato, o se attribuisce a un'altra persona un dato già noto.
Codici, coerenza e riferimenti li controlla 'csi validate', così tutto ciò che va
corretto sta in un solo rapporto. Caricare le cartelle prima dei loro interventi.`,

	// referenti.go
	"Assign and list the operational referent of each Ambito": "Nomina ed elenca il referente operativo di ogni Ambito",
	"Make someone the current referent of an Ambito":          "Nomina il referente attuale di un Ambito",
	`Make someone the current referent of an Ambito from --from (default today).
An Ambito has at most one current referent: to hand over, pass --replace, which
ends the previous term the day before --from. --comune, if given, is the Comune
employing the referent and must belong to the Ambito.`: `Nomina una persona referente attuale di un Ambito dalla data --from (predefinita oggi).
Un Ambito ha al massimo un referente attuale: per il passaggio di consegne usare
--replace, che chiude l'incarico precedente il giorno prima di --from. --comune, se
indicato, è il Comune presso cui lavora il referente e deve far parte dell'Ambito.`,
	"Ambito (required)":                                         "Ambito (obbligatorio)",
	"full name (required)":                                      "nome e cognome (obbligatorio)",
	"email address (required)":                                  "indirizzo email (obbligatorio)",
	"phone number":                                              "numero di telefono",
	"Comune of employment (ISTAT code or name)":                 "Comune presso cui lavora (codice ISTAT o nome)",
	"start of the term, YYYY-MM-DD (default today)":             "inizio dell'incarico, AAAA-MM-GG o GG/MM/AAAA (predefinito oggi)",
	"end the current referent's term the day before --from":     "chiude l'incarico del referente attuale il giorno prima di --from",
	"List the current referents (or every term with --history)": "Elenca i referenti attuali (o tutti gli incarichi con --history)",
	"include ended terms":                                       "include gli incarichi conclusi",
	"End the current referent's term of an Ambito":              "Chiude l'incarico del referente attuale di un Ambito",
	"last day of the term, YYYY-MM-DD (required)":               "ultimo giorno dell'incarico, AAAA-MM-GG o GG/MM/AAAA (obbligatorio)",

	// report.go
	"Write the monitoring report: every indicator of the catalogue for a period": "Scrive il rapporto di monitoraggio: tutti gli indicatori del catalogo per un periodo",
	"the period, YYYY-YYYY or YYYY (required)":                                   "il periodo, YYYY-YYYY o YYYY (obbligatorio)",

	// rules.go
	"Explain the validation rules of a ruleset":                "Spiega le regole di validazione di un insieme di regole",
	"ruleset file (default: the built-in dgr-2457-2019)":       "file dell'insieme di regole (predefinito: quello incluso, dgr-2457-2019)",
	"List the rules: id, record kind, severity, source, title": "Elenca le regole: id, tipo di dato, gravità, fonte, titolo",
	`List the rules of the ruleset. -o markdown prints the catalogue with each rule's
description, a failing example and the fix (the README's catalogue is made this way).`: `Elenca le regole dell'insieme di regole. -o markdown produce il catalogo con, per ogni
regola, la descrizione, un esempio che non la rispetta e come correggerlo (il catalogo
del README è fatto così).`,
	"Explain one rule: what it checks, its source, a failing example and the fix": "Spiega una regola: che cosa controlla, la sua fonte, un esempio che non la rispetta e come correggerlo",

	// serve.go
	"Serve the store over HTTP: the API that --remote calls": "Rende disponibile l'archivio via HTTP: l'API usata da --remote",
	`Serve the store over HTTP/JSON under /api/v1 (an OpenAPI document at
/api/v1/openapi.json, a health check at /healthz), for 'csi --remote URL'.

Every request but /healthz and the OpenAPI document needs a bearer token made
with 'csi token create'; its role decides what it may see and change. Errors are
JSON problem documents with the domain error code.

Without --tls-cert/--tls-key the server speaks plain HTTP, which it does only on
a loopback address (127.0.0.1, ::1, localhost) unless --insecure: put it behind
a TLS proxy or give it a certificate. Bodies are limited (--max-body for JSON,
--max-upload for import files, which are streamed to a private temporary file,
never held in memory). SIGTERM or Ctrl-C stops accepting requests and lets
running ones finish for --shutdown-timeout; an import still running then is
rolled back, never half-written.`: `Rende disponibile l'archivio via HTTP/JSON sotto /api/v1 (un documento OpenAPI in
/api/v1/openapi.json, un controllo di funzionamento in /healthz), per
'csi --remote URL'.

Ogni richiesta, tranne /healthz e il documento OpenAPI, richiede un token (bearer)
creato con 'csi token create'; il suo ruolo decide che cosa può vedere e modificare.
Gli errori sono documenti JSON "problem" con il codice di errore del dominio.

Senza --tls-cert/--tls-key il server usa HTTP in chiaro, e lo fa solo su un indirizzo
locale (127.0.0.1, ::1, localhost), salvo con --insecure: metterlo dietro un proxy TLS
o dargli un certificato. Le dimensioni delle richieste sono limitate (--max-body per il
JSON, --max-upload per i file da caricare, che vengono scritti man mano in un file
temporaneo privato, mai tenuti in memoria). SIGTERM o Ctrl-C smette di accettare
richieste e lascia finire quelle in corso per --shutdown-timeout; un caricamento ancora
in corso a quel punto viene annullato, mai lasciato a metà.`,
	"address to listen on, HOST:PORT":                               "indirizzo su cui ascoltare, HOST:PORTA",
	"TLS certificate file (PEM)":                                    "file del certificato TLS (PEM)",
	"TLS private key file (PEM)":                                    "file della chiave privata TLS (PEM)",
	"allow plain HTTP on a non-loopback address":                    "consente HTTP in chiaro su un indirizzo non locale",
	"largest JSON or ruleset request body, in bytes":                "dimensione massima di una richiesta JSON o di un insieme di regole, in byte",
	"largest import file, in bytes":                                 "dimensione massima di un file da caricare, in byte",
	"time to read an ordinary request (imports get 2h)":             "tempo per leggere una richiesta ordinaria (i caricamenti hanno 2h)",
	"time to write an ordinary response (imports get 2h)":           "tempo per scrivere una risposta ordinaria (i caricamenti hanno 2h)",
	"most connections open at once (more wait their turn)":          "numero massimo di connessioni aperte insieme (le altre attendono il proprio turno)",
	"most imports uploaded or running at once, all tokens together": "numero massimo di caricamenti in invio o in corso insieme, per tutti i token",
	"most imports uploaded or running at once with one token":       "numero massimo di caricamenti in invio o in corso insieme con un solo token",
	"on SIGTERM, how long running requests may finish":              "alla ricezione di SIGTERM, quanto tempo hanno le richieste in corso per finire",

	// token.go
	"Create, list and revoke the API tokens of csi serve": "Crea, elenca e revoca i token di accesso di csi serve",
	`API tokens are the credentials of csi serve (bearer tokens). Each has a name, a
role and, for some roles, a scope:

  coordinator  everything
  referent     the Comuni, registry, records and validation of one Ambito (--ambito)
  operator     the same for one Comune (--comune)
  viewer       aggregate indicators and the lists of Comuni and Ambiti only

The secret is printed once, when the token is created; the store keeps only
its SHA-256 hash. Token commands work on the local store only: run them on the
machine of csi serve. Every change is in the audit log.`: `I token sono le credenziali di accesso a csi serve (token bearer). Ognuno ha un nome,
un ruolo e, per alcuni ruoli, un ambito di visibilità:

  coordinator  tutto
  referent     Comuni, anagrafe, cartelle e validazione di un Ambito (--ambito)
  operator     lo stesso per un solo Comune (--comune)
  viewer       solo gli indicatori aggregati e gli elenchi di Comuni e Ambiti

Il segreto viene mostrato una volta sola, alla creazione del token; l'archivio ne
conserva solo l'hash SHA-256. I comandi dei token funzionano solo sull'archivio
locale: eseguirli sul computer di csi serve. Ogni modifica resta nel registro delle
operazioni.`,
	"Create an API token and print its secret (once)": "Crea un token di accesso e ne mostra il segreto (una volta sola)",
	`Create an API token and print its secret on stdout, once: it is not stored
and cannot be shown again (the store keeps its SHA-256 hash). A referent token
needs --ambito, an operator token --comune; coordinator and viewer tokens take
neither. --expires is the first day on which the token no longer works
(default: it never expires; revoke it with 'csi token revoke').`: `Crea un token di accesso e ne mostra il segreto su stdout, una volta sola: non viene
conservato e non si può rivedere (l'archivio ne tiene solo l'hash SHA-256). Un token
referent richiede --ambito, un token operator --comune; i token coordinator e viewer
non richiedono nessuno dei due. --expires è il primo giorno in cui il token non
funziona più (predefinito: non scade mai; revocarlo con 'csi token revoke').`,
	"unique name of the token, e.g. desio-referente (required)":   "nome univoco del token, es. desio-referente (obbligatorio)",
	"coordinator|referent|operator|viewer (required)":             "ruolo: coordinator|referent|operator|viewer (obbligatorio)",
	"the Ambito of a referent token":                              "l'Ambito di un token referent",
	"the Comune of an operator token (ISTAT code or name)":        "il Comune di un token operator (codice ISTAT o nome)",
	"first day the token stops working, YYYY-MM-DD":               "primo giorno in cui il token non funziona più, AAAA-MM-GG o GG/MM/AAAA",
	"List the API tokens with their status (never their secrets)": "Elenca i token di accesso con il loro stato (mai i segreti)",
	"Revoke an API token: it is refused from now on":              "Revoca un token di accesso: da ora in poi viene rifiutato",
	`Revoke an API token: csi serve refuses it from the next request on (401,
"token NAME was revoked on DATE"). The token stays listed, and its name
cannot be reused.`: `Revoca un token di accesso: csi serve lo rifiuta dalla richiesta successiva (401,
"token NAME was revoked on DATE"). Il token resta nell'elenco, e il suo nome non si
può riutilizzare.`,

	// validate.go
	"Check the records against the regional guidelines and report what to fix": "Controlla i dati rispetto alle linee guida regionali e indica che cosa correggere",
	`Check the registry and the social records in scope (default: everything) against a
ruleset (default: the built-in dgr-2457-2019; 'csi rules list' explains each rule).

On a terminal the report shows the findings per rule and per Comune, then the first 20
findings of each rule; -o json, csv and junit print every finding. Each run is
recorded: 'csi validate history' shows progress between runs. Like a linter, the
exit code is 3 when errors exist (--fail-on error, the default), so a CI job or cron
script stops on them; --fail-on warning stops on warnings too, and --fail-on none
only reports. In -o junit, warnings are failures only with --fail-on warning.`: `Controlla l'anagrafe e i dati sociali del territorio scelto (predefinito: tutto)
rispetto a un insieme di regole (predefinito: quello incluso, dgr-2457-2019; 'csi rules
list' spiega ogni regola).

Da terminale il rapporto mostra le segnalazioni per regola e per Comune, poi le prime 20
segnalazioni di ogni regola; -o json, csv e junit riportano tutte le segnalazioni. Ogni
validazione viene registrata: 'csi validate history' mostra i progressi tra una
validazione e l'altra. Come un linter, il codice di uscita è 3 se ci sono errori
(--fail-on error, il predefinito), così un job di CI o uno script di cron si ferma;
--fail-on warning si ferma anche sugli avvisi, e --fail-on none si limita a riportare.
In -o junit gli avvisi risultano failure solo con --fail-on warning.`,
	"only the records of this Ambito":                                          "solo i dati di questo Ambito",
	"only the records of this Comune":                                          "solo i dati di questo Comune",
	"exit 3 when findings of this severity or worse exist: error|warning|none": "esce con codice 3 se ci sono segnalazioni di questa gravità o più gravi: error|warning|none",
	"List past validation runs, newest first":                                  "Elenca le validazioni eseguite, dalla più recente",
}

func init() { merge("italianHelp", italianHelp) }

// merge adds a table of translations to italian, refusing a key that an
// earlier table holds. Each area of csi may keep its own table in its own
// file (catalog_it_<area>.go) and merge it from an init function.
func merge(name string, table map[string]string) {
	for en, it := range table {
		if _, ok := italian[en]; ok {
			panic("i18n: " + en + " is in both italian and " + name)
		}
		italian[en] = it
	}
}
