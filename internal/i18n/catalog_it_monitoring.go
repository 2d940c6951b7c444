package i18n

// italianMonitoring holds the Italian texts of the process registers (csi
// eventi, operatori, canali) and of the indicators' notes.
var italianMonitoring = map[string]string{
	`  csi canali add --controparte gepi --stato richiesto --data 2022-01-20 --note "in attesa di autorizzazione dal Ministero"
  csi canali add --controparte protocollo_comunale --comune Lissone --descrizione "Protocollo di Lissone"`: `  csi canali add --controparte gepi --stato richiesto --data 2022-01-20 --note "in attesa di autorizzazione dal Ministero"
  csi canali add --controparte protocollo_comunale --comune Lissone --descrizione "Protocollo di Lissone"`,
	`  csi eventi add --tipo incontro_istituzionale --data 2022-03-15 --ambito Desio --ruolo politici=4 --ruolo dirigenti=3
  csi eventi add --tipo corso_assistenti_sociali --data 15/06/2022 --ambito tutti --partecipanti 42 --accreditamento CROAS-2022-118
  csi eventi add --tipo tavolo_linee_guida --data 2023-02-01 --comune Lissone --comune Seregno --partecipanti 9 --titolo "Tavolo 2"`: `  csi eventi add --tipo incontro_istituzionale --data 2022-03-15 --ambito Desio --ruolo politici=4 --ruolo dirigenti=3
  csi eventi add --tipo corso_assistenti_sociali --data 15/06/2022 --ambito tutti --partecipanti 42 --accreditamento CROAS-2022-118
  csi eventi add --tipo tavolo_linee_guida --data 2023-02-01 --comune Lissone --comune Seregno --partecipanti 9 --titolo "Tavolo 2"`,
	`  csi eventi import eventi-2022.csv --dry-run
  csi eventi import eventi-2022.csv -o json`: `  csi eventi import eventi-2022.csv --dry-run   # controlla il file, non registra nulla
  csi eventi import eventi-2022.csv -o json`,
	`  csi operatori import utenti-csi-2022-12-31.csv --dry-run
  csi operatori import utenti-desio.csv --ambito Desio -o json`: `  csi operatori import utenti-csi-2022-12-31.csv --dry-run   # controlla il file, non cambia nulla
  csi operatori import utenti-desio.csv --ambito Desio -o json`,
	"Ambito involved (repeatable; tutti for all)":                                  "Ambito coinvolto (ripetibile; tutti per tutti gli Ambiti)",
	"Comune involved, ISTAT code or name (repeatable)":                             "Comune coinvolto, codice ISTAT o nome (ripetibile)",
	"List the channels with their current status (or every status with --history)": "Elenca i canali con lo stato attuale (o tutti gli stati con --history)",
	"List the current operator accounts (pseudonymous codes)":                      "Elenca le utenze attuali degli operatori (codici pseudonimi)",
	"List the recorded events, by date":                                            "Elenca gli eventi registrati, per data",
	"Load the CSI platform's list of operator accounts":                            "Carica l'elenco delle utenze degli operatori della piattaforma CSI",
	`Record a CSV file of events, one per row, with the columns tipo and data (required),
titolo, ambiti, comuni (several separated by ',' ';' or '|'; ambiti may read tutti),
partecipanti, the counts by role politici, dirigenti, posizioni_organizzative,
assistenti_sociali, amministrativi, altri, accreditamento and note. Encoding,
delimiter and date format are detected as for every import.

The file is one transaction: when any row is rejected nothing is written, every
rejected row is reported with its line and field, and the exit code is 4. A row equal
to an event already recorded is unchanged, so the same file imported twice is a
no-op. --dry-run checks everything and writes nothing.`: `Registra un file CSV di eventi, uno per riga, con le colonne tipo e data (obbligatorie),
titolo, ambiti, comuni (più valori separati da ',' ';' o '|'; in ambiti si può scrivere
tutti), partecipanti, i partecipanti per ruolo politici, dirigenti,
posizioni_organizzative, assistenti_sociali, amministrativi, altri, accreditamento e
note. Codifica, separatore e formato delle date vengono riconosciuti come per ogni
caricamento.

Il file è un'unica operazione: se anche una sola riga viene scartata non si registra
nulla, ogni riga scartata viene indicata con riga e campo, e il codice di uscita è 4.
Una riga uguale a un evento già registrato resta invariata: caricare due volte lo
stesso file non cambia nulla. --dry-run controlla tutto e non registra nulla.`,
	`Record a channel between the CSI and another database, and its first status.

--controparte is one of: isee_inps, gepi, anagrafe_sanitaria_ats, protocollo_comunale,
agenzia_entrate, anpr, altro. A channel is provincial, or of an Ambito (--ambito) or a
Comune (--comune; e.g. a Comune's protocollo). --stato is its first status (default
richiesto): richiesto, autorizzato, in_test, attivo, sospeso; --data the day (default
today). Record each later status with 'csi canali update'.`: `Registra un canale tra la CSI e un'altra banca dati, con il suo primo stato.

--controparte è una di: isee_inps, gepi, anagrafe_sanitaria_ats, protocollo_comunale,
agenzia_entrate, anpr, altro. Un canale è provinciale, oppure di un Ambito (--ambito)
o di un Comune (--comune; per esempio il protocollo di un Comune). --stato è il primo
stato (predefinito richiesto): richiesto, autorizzato, in_test, attivo, sospeso; --data
il giorno (predefinito oggi). Ogni stato successivo si registra con 'csi canali update'.`,
	`Record a channel's new status from --data (default today), which may not come before
its current status; --note goes with the status. Without --stato, --note replaces the
channel's notes. Every status stays in the history ('csi canali list --history').`: `Registra il nuovo stato di un canale dalla data --data (predefinita oggi), che non può
precedere lo stato attuale; --note accompagna lo stato. Senza --stato, --note sostituisce
le note del canale. Ogni stato resta nella storia ('csi canali list --history').`,
	"Record a channel's new status, or change its notes":         "Registra il nuovo stato di un canale, o ne cambia le note",
	"Record a file of events, all or none":                       "Registra un file di eventi, tutto o niente",
	"Record a new interoperability channel and its first status": "Registra un nuovo canale di interoperabilità e il suo primo stato",
	`Record one event of the plan's process indicators.

--tipo is one of: incontro_istituzionale (with politicians, dirigenti and posizioni
organizzative), corso_assistenti_sociali (give --accreditamento, the Ordine regionale's
accreditation id), corso_amministrativi, formazione_debiti (training on the debiti
informativi), tavolo_linee_guida (Linee Guida 2.0 working groups), altro.
--ambito and --comune name the Ambiti and Comuni involved and may be repeated; a
Comune brings its Ambito, and --ambito tutti stands for all of them.
--partecipanti is the number of participants; --ruolo ROLE=N counts them by role
(politici, dirigenti, posizioni_organizzative, assistenti_sociali, amministrativi,
altri) and, without --partecipanti, makes up the total.`: `Registra un evento per gli indicatori di processo del piano.

--tipo è uno di: incontro_istituzionale (con politici, dirigenti e posizioni
organizzative), corso_assistenti_sociali (indicare --accreditamento, il codice di
accreditamento dell'Ordine regionale), corso_amministrativi, formazione_debiti
(formazione sui debiti informativi), tavolo_linee_guida (tavoli di lavoro sulle Linee
Guida 2.0), altro.
--ambito e --comune indicano gli Ambiti e i Comuni coinvolti e si possono ripetere; un
Comune porta con sé il suo Ambito, e --ambito tutti vale per tutti gli Ambiti.
--partecipanti è il numero dei partecipanti; --ruolo RUOLO=N li conta per ruolo
(politici, dirigenti, posizioni_organizzative, assistenti_sociali, amministrativi,
altri) e, senza --partecipanti, ne dà il totale.`,
	"Record one meeting, course or working-group session":                      "Registra un incontro, un corso o una seduta di un tavolo di lavoro",
	"Record the interoperability channels between the CSI and other databases": "Registra i canali di interoperabilità tra la CSI e le altre banche dati",
	"Record the meetings, courses and working groups of the plan":              "Registra gli incontri, i corsi e i tavoli di lavoro del piano",
	"Remove %s? [y/N] ":                   "Eliminare %s? [s/N] ",
	"Remove an event recorded by mistake": "Elimina un evento registrato per errore",
	"Remove an event recorded by mistake. It asks for confirmation; --yes confirms in a script. The removal is in the audit log.": "Elimina un evento registrato per errore. Chiede conferma; in uno script si conferma con --yes. L'eliminazione resta nel registro delle operazioni.",
	`Replace the list of operator accounts with the CSI platform's export: one account per
row with the columns id, comune (ISTAT code or name), ruolo and ultimo_accesso (the
day of the account's last access, if any).

The file is a snapshot: it REPLACES the whole list (with --ambito, the list of that
Ambito's Comuni only; a referent's import is always of their Ambito). Accounts missing
from the file are no longer listed. Each account's last access is kept after the list
is replaced: 'csi indicators show operatori-attivi' counts the accounts active in a
period, so import the list at least once a year (e.g. on 31 December).

No name is stored or printed: the account id (often a person's user name) is kept
only as a pseudonymous code (op-...), the same for the same id. When any row is
rejected nothing is written and the exit code is 4; --dry-run checks everything and
writes nothing.`: `Sostituisce l'elenco delle utenze degli operatori con l'esportazione della piattaforma
CSI: un'utenza per riga con le colonne id, comune (codice ISTAT o nome), ruolo e
ultimo_accesso (il giorno dell'ultimo accesso dell'utenza, se c'è).

Il file è una fotografia completa: SOSTITUISCE l'intero elenco (con --ambito, solo
quello dei Comuni di quell'Ambito; il caricamento di un referente riguarda sempre il
suo Ambito). Le utenze che mancano nel file non compaiono più nell'elenco. L'ultimo
accesso di ogni utenza viene conservato anche dopo la sostituzione: 'csi indicators
show operatori-attivi' conta le utenze attive in un periodo, quindi caricate l'elenco
almeno una volta l'anno (per esempio il 31 dicembre).

Nessun nome viene registrato o mostrato: l'id dell'utenza (spesso il nome utente di una
persona) è conservato solo come codice pseudonimo (op-...), sempre lo stesso per lo
stesso id. Se anche una sola riga viene scartata non si registra nulla e il codice di
uscita è 4; --dry-run controlla tutto e non cambia nulla.`,
	"Replace the list of operator accounts with the platform's export": "Sostituisce l'elenco delle utenze degli operatori con quello della piattaforma",
	"Show one event":      "Mostra un evento",
	"a short description": "una breve descrizione",
	"accreditation id of the Ordine regionale (corso_assistenti_sociali)": "codice di accreditamento dell'Ordine regionale (corso_assistenti_sociali)",
	"channel %s: %s from %s":                                                                    "canale %s: %s dal %s",
	"day of the event, YYYY-MM-DD or DD/MM/YYYY (required)":                                     "giorno dell'evento, AAAA-MM-GG o GG/MM/AAAA (obbligatorio)",
	"day of the status, YYYY-MM-DD (default today)":                                             "giorno dello stato, AAAA-MM-GG o GG/MM/AAAA (predefinito oggi)",
	"dry run: nothing was written":                                                              "prova: non è stato registrato nulla",
	"dry run: nothing was written; the operator list (%s) would have %s accounts instead of %s": "prova: non è stato cambiato nulla; l'elenco degli operatori (%s) avrebbe %s utenze invece di %s",
	"error: %d rows rejected; nothing was written":                                              "errore: %d {{riga scartata|righe scartate}}; non è stato registrato nulla",
	"event %s (%s on %s)":                                                                       "l'evento %s (%s del %s)",
	"event type (required; see above)":                                                          "tipo di evento (obbligatorio; vedi sopra)",
	"first status (default richiesto)":                                                          "primo stato (predefinito richiesto)",
	"new status: richiesto|autorizzato|in_test|attivo|sospeso":                                  "nuovo stato: richiesto|autorizzato|in_test|attivo|sospeso",
	"no channels recorded; see 'csi canali add --help'":                                         "nessun canale registrato; vedi 'csi canali add --help'",
	"no data for %s: no cartella was opened or closed that year, so its figures are not a finding; load the records with '%s'": "nessun dato per il %s: in quell'anno non risulta aperta né chiusa alcuna cartella, quindi i suoi valori non dicono nulla; caricate le cartelle con '%s'",
	"no events recorded; see 'csi eventi add --help'":                                                                          "nessun evento registrato; vedi 'csi eventi add --help'",
	"no operator accounts; load them with 'csi operatori import FILE'":                                                         "nessuna utenza di operatori; caricatele con 'csi operatori import FILE'",
	"note: %s":                 "nota: %s",
	"notes (no personal data)": "note (senza dati personali)",
	"nothing recorded for %s in the period and scope: record it with '%s'": "nulla di registrato per %s nel periodo e nel territorio scelti: registratelo con '%s'",
	"nothing was removed":                                             "non è stato eliminato nulla",
	"number of participants":                                          "numero dei partecipanti",
	"one row per status, oldest first":                                "una riga per stato, dal più vecchio",
	"only channels in this status":                                    "solo i canali in questo stato",
	"only channels with this counterpart":                             "solo i canali con questa controparte",
	"only events from this day, YYYY-MM-DD":                           "solo gli eventi da questo giorno, AAAA-MM-GG o GG/MM/AAAA",
	"only events involving this Ambito":                               "solo gli eventi che coinvolgono questo Ambito",
	"only events involving this Comune":                               "solo gli eventi che coinvolgono questo Comune",
	"only events of this type":                                        "solo gli eventi di questo tipo",
	"only events up to this day, YYYY-MM-DD":                          "solo gli eventi fino a questo giorno, AAAA-MM-GG o GG/MM/AAAA",
	"participants of a role, ROLE=N (repeatable)":                     "partecipanti di un ruolo, RUOLO=N (ripetibile)",
	"recorded channel %s: %s, %s from %s":                             "registrato il canale %s: %s, %s dal %s",
	"recorded event %s: %s on %s":                                     "registrato l'evento %s: %s del %s",
	"removed %s":                                                      "eliminato %s",
	"the channel is of this Ambito":                                   "il canale è di questo Ambito",
	"the channel is of this Comune (ISTAT code or name)":              "il canale è di questo Comune (codice ISTAT o nome)",
	"the file is the list of this Ambito only":                        "il file è l'elenco di questo solo Ambito",
	"the operator list (%s) was replaced: %s accounts instead of %s":  "l'elenco degli operatori (%s) è stato sostituito: %s utenze invece di %s",
	"the other database (required; see above)":                        "l'altra banca dati (obbligatorio; vedi sopra)",
	"the provincial channels and those of this Ambito":                "i canali provinciali e quelli di questo Ambito",
	"the provincial channels and those of this Comune and its Ambito": "i canali provinciali e quelli di questo Comune e del suo Ambito",
	"title of the event":                                              "titolo dell'evento",
}

func init() { merge("italianMonitoring", italianMonitoring) }
