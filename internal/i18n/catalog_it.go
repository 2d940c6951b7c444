package i18n

// italian maps the English text of every message csi translates (the key
// its code passes to T) to its Italian text, written for the staff of the
// social services, not word for word. Arguments keep the English verbs;
// TestCatalogVerbs checks them and TestCatalogMatchesCode checks that the
// code uses every entry and that every message the code uses is here.
var italian = map[string]string{
	// Errors and hints (exit.go, root.go).
	"error: %s": "errore: %s",
	"hint: %s":  "suggerimento: %s",
	"run the command with --help to see its usage":                                   "eseguire il comando con --help per vedere come si usa",
	"terminated; nothing was changed":                                                "operazione interrotta dal sistema; non è stato modificato nulla",
	"interrupted; nothing was changed":                                               "operazione interrotta; non è stato modificato nulla",
	"run 'csi --help' to see the commands":                                           "eseguire 'csi --help' per l'elenco dei comandi",
	"internal error":                                                                 "errore interno",
	"--lang must be it or en, not %q":                                                "--lang accetta it o en, non %q",
	"write --lang it for Italian or --lang en for English":                           "scrivere --lang it per l'italiano o --lang en per l'inglese",
	"--progress must be auto, bar, plain or none, not %q":                            "--progress accetta auto, bar, plain o none, non %q",
	"%s %q is not a number":                                                          "%s: %q non è un numero",
	"write it in digits; see the command's --help":                                   "scriverlo in cifre; vedere l'aiuto del comando con --help",
	"run again with CSI_DEBUG=1 to see the details (they may contain personal data)": "rieseguire con CSI_DEBUG=1 per vedere i dettagli (possono contenere dati personali)",

	// The root command and the global flags (root.go).
	"Administer the Cartella Sociale Informatizzata of Monza e Brianza": "Gestione della Cartella Sociale Informatizzata di Monza e Brianza",
	`csi administers the shared Cartella Sociale Informatizzata (CSI) of the 55 Comuni
of the Province of Monza e Brianza: onboarding of Comuni, Ambito referents,
registry (anagrafe) imports and the audit log, from a local SQLite store or, with
--remote URL, from a 'csi serve' server with the same commands and output.`: `csi gestisce la Cartella Sociale Informatizzata (CSI) condivisa dai 55 Comuni
della Provincia di Monza e Brianza: l'adesione dei Comuni, i referenti di Ambito,
il caricamento delle anagrafi comunali e il registro delle operazioni, su un
archivio SQLite locale oppure, con --remote URL, su un server 'csi serve', con
gli stessi comandi e gli stessi risultati.`,
	"store file (env CSI_DB; default $XDG_DATA_HOME/csi/csi.db)":                           "file dell'archivio (env CSI_DB; predefinito $XDG_DATA_HOME/csi/csi.db)",
	"output format: table|json|csv|xlsx":                                                   "formato dei risultati: table|json|csv|xlsx",
	"who is acting, for the audit log (env CSI_ACTOR; default the OS user)":                "chi sta operando, per il registro delle operazioni (env CSI_ACTOR; predefinito l'utente del computer)",
	"disable colour (also NO_COLOR)":                                                       "senza colori (anche con NO_COLOR)",
	"progress display: auto|bar|plain|none":                                                "come mostrare l'avanzamento: auto|bar|plain|none",
	"print only results and errors":                                                        "mostra solo risultati ed errori",
	"run against this csi serve server, e.g. https://csi.example.it:8787 (env CSI_REMOTE)": "lavora sul server csi serve indicato, es. https://csi.example.it:8787 (env CSI_REMOTE)",
	"API token for --remote (env CSI_TOKEN, better: a flag shows in the process list)":     "token di accesso per --remote (meglio env CSI_TOKEN: un'opzione è visibile nell'elenco dei processi)",
	"language of messages and help: it|en (env CSI_LANG, else the locale; default it)":     "lingua di messaggi e aiuto: it|en (env CSI_LANG, altrimenti la lingua del sistema; predefinito it)",

	// Cobra's own texts (help.go).
	"Usage:":                  "Uso:",
	"[flags]":                 "[opzioni]",
	"[command]":               "[comando]",
	"Aliases:":                "Alias:",
	"Examples:":               "Esempi:",
	"Available Commands:":     "Comandi disponibili:",
	"Flags:":                  "Opzioni:",
	"Global Flags:":           "Opzioni globali:",
	"Additional help topics:": "Altre guide:",
	`Use "%s [command] --help" for more information about a command.`: `Per saperne di più su un comando: "%s [comando] --help".`,
	"default":                "predefinito",
	"help for %s":            "aiuto su %s",
	"version for %s":         "versione di %s",
	"Help about any command": "Aiuto su un comando",
	"Shows the help of any command: type 'csi help' and the command, e.g. 'csi help comuni list'.":         "Mostra l'aiuto di un comando: scrivere 'csi help' seguito dal comando, es. 'csi help comuni list'.",
	"Generate the autocompletion script for the specified shell":                                           "Genera lo script di completamento automatico per la shell indicata",
	"Generate the autocompletion script of csi for a shell.\nSee each shell's help for how to install it.": "Genera lo script di completamento automatico di csi per una shell.\nL'aiuto di ciascuna shell spiega come installarlo.",
	"Generate the autocompletion script for %s":                                                            "Genera lo script di completamento automatico per %s",
	"disable completion descriptions":                                                                      "completamento senza descrizioni",
	`Generate the autocompletion script for the bash shell (it needs the
bash-completion package, from the system's package manager).

To load completions in the current shell session:

	source <(csi completion bash)

To load them in every new session, run once (Linux):

	csi completion bash > /etc/bash_completion.d/csi

or (macOS):

	csi completion bash > $(brew --prefix)/etc/bash_completion.d/csi

then start a new shell.`: `Genera lo script di completamento automatico per la shell bash (richiede il
pacchetto bash-completion, dal gestore dei pacchetti del sistema).

Per attivare il completamento nella sessione corrente:

	source <(csi completion bash)

Per attivarlo in ogni nuova sessione, eseguire una volta (Linux):

	csi completion bash > /etc/bash_completion.d/csi

oppure (macOS):

	csi completion bash > $(brew --prefix)/etc/bash_completion.d/csi

e poi aprire una nuova shell.`,
	`Generate the autocompletion script for the zsh shell.

If completion is not enabled in zsh yet, run once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in the current shell session:

	source <(csi completion zsh)

To load them in every new session, run once (Linux):

	csi completion zsh > "%s"

or (macOS):

	csi completion zsh > $(brew --prefix)/share/zsh/site-functions/_csi

then start a new shell.`: `Genera lo script di completamento automatico per la shell zsh.

Se in zsh il completamento non è ancora attivo, eseguire una volta:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Per attivare il completamento nella sessione corrente:

	source <(csi completion zsh)

Per attivarlo in ogni nuova sessione, eseguire una volta (Linux):

	csi completion zsh > "%s"

oppure (macOS):

	csi completion zsh > $(brew --prefix)/share/zsh/site-functions/_csi

e poi aprire una nuova shell.`,
	`Generate the autocompletion script for the fish shell.

To load completions in the current shell session:

	csi completion fish | source

To load them in every new session, run once:

	csi completion fish > ~/.config/fish/completions/csi.fish

then start a new shell.`: `Genera lo script di completamento automatico per la shell fish.

Per attivare il completamento nella sessione corrente:

	csi completion fish | source

Per attivarlo in ogni nuova sessione, eseguire una volta:

	csi completion fish > ~/.config/fish/completions/csi.fish

e poi aprire una nuova shell.`,
	`Generate the autocompletion script for PowerShell.

To load completions in the current shell session:

	csi completion powershell | Out-String | Invoke-Expression

To load them in every new session, add the output of that command to your
PowerShell profile.`: `Genera lo script di completamento automatico per PowerShell.

Per attivare il completamento nella sessione corrente:

	csi completion powershell | Out-String | Invoke-Expression

Per attivarlo in ogni nuova sessione, aggiungere l'output di quel comando al
profilo di PowerShell.`,

	// Help topics (help.go).
	"Exit codes of csi":                 "Codici di uscita di csi",
	"Environment variables read by csi": "Variabili d'ambiente lette da csi",
	`csi exits with one of these codes, so scripts can tell outcomes apart:

  0  success
  1  error (not found, conflict, unusable file, store unavailable, tampered audit log)
  2  usage error: unknown command or flag, missing or invalid argument value
  3  validation found problems at or above --fail-on
  4  import partly rejected: some rows were refused (see --rejects), the rest applied;
     also a re-run (no-op) of a file whose rows were refused
  5  authentication or permission refused (remote mode)
  6  remote server unreachable (remote mode)

Errors print one line on stderr starting with "error:", followed by a line starting
with "hint:" that says what to run or change. Data goes to stdout, diagnostics to
stderr. An interrupted command (Ctrl-C, SIGINT) rolls back and exits 130; one
stopped with SIGTERM (kill, a service manager) rolls back the same way and exits 143.`: `csi termina con uno di questi codici, perché gli script possano distinguere l'esito:

  0  operazione riuscita
  1  errore (non trovato, conflitto, file inutilizzabile, archivio non disponibile,
     registro delle operazioni manomesso)
  2  errore d'uso: comando o opzione sconosciuti, argomento mancante o non valido
  3  la verifica ha trovato problemi di gravità pari o superiore a --fail-on
  4  caricamento in parte rifiutato: alcune righe sono state scartate (vedere
     --rejects), le altre sono state registrate; anche un nuovo invio (senza
     effetto) di un file che aveva righe scartate
  5  accesso o permesso negato (modalità remota)
  6  server remoto non raggiungibile (modalità remota)

Gli errori occupano una riga su stderr che inizia con "errore:", seguita da una
riga che inizia con "suggerimento:" e dice cosa eseguire o cambiare. I dati vanno
su stdout, i messaggi su stderr. Un comando interrotto (Ctrl-C, SIGINT) annulla
le modifiche e termina con 130; uno fermato con SIGTERM (kill, il gestore dei
servizi) le annulla allo stesso modo e termina con 143.`,
	`Environment variables read by csi:

  CSI_DB         the store file (same as --db); default $XDG_DATA_HOME/csi/csi.db,
                 or ~/.local/share/csi/csi.db when XDG_DATA_HOME is not set
  CSI_ACTOR      who is acting, recorded in the audit log (same as --actor);
                 default the operating-system user
  CSI_LANG       the language of messages and help, it or en (same as --lang);
                 without it, the first of LC_ALL, LC_MESSAGES and LANG that
                 names Italian or English (it_IT.UTF-8, en_GB.UTF-8); else Italian
  NO_COLOR       when set (any value), no colour in output (same as --no-color)
  XDG_DATA_HOME  base folder of the default store
  CSI_NOW        fix the clock (YYYY-MM-DD or RFC 3339), for reproducible runs
                 and tests: "today" in defaults and audit times use it
  CSI_DEBUG      when set, unexpected errors print their detail (which may contain
                 personal data: do not paste it into tickets)
  CSI_REMOTE     run against this csi serve server (same as --remote); --db on the
                 command line still works on a local store
  CSI_TOKEN      the API token sent to the server (same as --token, which shows
                 in the process list)
  CSI_CA_FILE    PEM file of the CA that signed the server's certificate, when it
                 is not one the system trusts
  CSI_INSECURE   when set, allow a plain http:// --remote that is not on loopback
                 (the token then crosses the network in clear)`: `Variabili d'ambiente lette da csi:

  CSI_DB         il file dell'archivio (come --db); predefinito
                 $XDG_DATA_HOME/csi/csi.db, oppure ~/.local/share/csi/csi.db
                 quando XDG_DATA_HOME non è impostata
  CSI_ACTOR      chi sta operando, annotato nel registro delle operazioni (come
                 --actor); predefinito l'utente del computer
  CSI_LANG       la lingua di messaggi e aiuto, it o en (come --lang); senza di
                 essa, la prima tra LC_ALL, LC_MESSAGES e LANG che indica
                 l'italiano o l'inglese (it_IT.UTF-8, en_GB.UTF-8); altrimenti
                 l'italiano
  NO_COLOR       se impostata (con qualsiasi valore), niente colori (come --no-color)
  XDG_DATA_HOME  cartella di base dell'archivio predefinito
  CSI_NOW        fissa la data e l'ora (AAAA-MM-GG o RFC 3339), per ripetere
                 un'elaborazione o per i test: la usano "oggi" nei valori
                 predefiniti e gli orari del registro delle operazioni
  CSI_DEBUG      se impostata, gli errori imprevisti mostrano i dettagli (che
                 possono contenere dati personali: non incollarli nelle
                 segnalazioni)
  CSI_REMOTE     lavora sul server csi serve indicato (come --remote); --db sulla
                 riga di comando continua a usare un archivio locale
  CSI_TOKEN      il token di accesso inviato al server (come --token, che è
                 visibile nell'elenco dei processi)
  CSI_CA_FILE    file PEM dell'autorità che ha firmato il certificato del server,
                 quando non è tra quelle riconosciute dal sistema
  CSI_INSECURE   se impostata, consente un --remote http:// in chiaro non locale
                 (il token viaggia allora in rete senza cifratura)`,
}
