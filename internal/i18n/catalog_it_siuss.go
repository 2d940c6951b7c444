package i18n

// italianSiuss holds the Italian text of 'csi siuss' (the debiti
// informativi to INPS's SIUSS) and of the SIUSS columns and kinds of
// 'csi records import'.
var italianSiuss = map[string]string{
	// siuss.go
	"Check the interventi and SINBA records that the SIUSS flows would carry": "Verifica gli interventi e le schede SINBA che i flussi SIUSS invierebbero",
	`Check, before anything is sent to INPS, the records that the SIUSS flows of an ente
(a Comune, --ente) or of an Ambito's Comuni would carry for a period: the sending ente
and operator, each intervento's beneficiary as the registry knew them on the benefit's
date, its prestazione (a periodic one split per calendar year, as it is sent) with its
SINA assessment, and each child's SINBA record. It runs the ruleset siuss ('csi rules
list --ruleset siuss' lists its rules) with the same report as 'csi validate': every
finding names the intervento (or the cartella of a SINBA record), the SIUSS field and
the fix. The exit code is 3 when findings reach --fail-on (default error).

The operator who sends is --operatore or CSI_OPERATORE; prestazione codes are looked up
in the embedded SIUSS code table or in --codes FILE (or CSI_SIUSS_CODES): see 'csi siuss
prestazioni'. The run is recorded: 'csi validate history' lists it.`: `Verifica, prima di inviare qualsiasi cosa all'INPS, i dati che i flussi SIUSS di un ente
(un Comune, --ente) o dei Comuni di un Ambito porterebbero per un periodo: l'ente che invia
e l'operatore, il beneficiario di ogni intervento come risultava in anagrafe alla data
della prestazione, la prestazione stessa (quella periodica divisa per anno solare, come
viene inviata) con la sua valutazione SINA, e la scheda SINBA di ogni minore. Applica le
regole siuss ('csi rules list --ruleset siuss' le elenca) con lo stesso resoconto di
'csi validate': ogni segnalazione indica l'intervento (o la cartella della scheda SINBA),
il campo SIUSS e come correggerlo. Il codice di uscita è 3 se ci sono segnalazioni al
livello di --fail-on (predefinito: error).

L'operatore che invia si indica con --operatore o CSI_OPERATORE; i codici delle prestazioni
si cercano nella tabella SIUSS incorporata o in --codes FILE (o CSI_SIUSS_CODES): vedere
'csi siuss prestazioni'. Ogni verifica viene registrata: 'csi validate history' la elenca.`,
	"the sending Comune (ISTAT code or name)":                                                                                 "il Comune che invia (codice ISTAT o nome)",
	"every Comune of this Ambito":                                                                                             "tutti i Comuni di questo Ambito",
	"first day of the period (YYYY-MM-DD)":                                                                                    "primo giorno del periodo (AAAA-MM-GG o GG/MM/AAAA)",
	"last day of the period (YYYY-MM-DD)":                                                                                     "ultimo giorno del periodo (AAAA-MM-GG o GG/MM/AAAA)",
	"codice fiscale of the operator who sends the flows (env CSI_OPERATORE)":                                                  "codice fiscale dell'operatore che invia i flussi (variabile CSI_OPERATORE)",
	"SIUSS code table file replacing the embedded one (env CSI_SIUSS_CODES)":                                                  "file della tabella SIUSS delle prestazioni da usare al posto di quella incorporata (variabile CSI_SIUSS_CODES)",
	"give --ente or --ambito, one of them":                                                                                    "indicare --ente oppure --ambito, uno dei due",
	"--ente names one Comune (ISTAT code or name), --ambito all the Comuni of an Ambito":                                      "--ente indica un Comune (codice ISTAT o nome), --ambito tutti i Comuni di un Ambito",
	"give the period with --from and --to":                                                                                    "indicare il periodo con --from e --to",
	"e.g. --from 2024-01-01 --to 2024-12-31":                                                                                  "ad esempio --from 2024-01-01 --to 2024-12-31",
	"--fail-on must be error, warning or none, not %q":                                                                        "--fail-on deve essere error, warning o none, non %q",
	"--fail-on error (the default) stops on errors only; --fail-on none only reports":                                         "--fail-on error (predefinito) si ferma solo sugli errori; --fail-on none si limita a riferire",
	"csi siuss works on a local store only: the remote API has no SIUSS routes":                                               "csi siuss funziona solo su un archivio locale: il servizio remoto non offre ancora le funzioni SIUSS",
	"run it on the server's machine with --db; unset CSI_REMOTE":                                                              "eseguirlo sul computer del server con --db; togliere CSI_REMOTE",
	"cannot read the SIUSS code table %s":                                                                                     "impossibile leggere la tabella SIUSS delle prestazioni %s",
	"give a code table file (see 'csi siuss prestazioni -o json'), or unset --codes and CSI_SIUSS_CODES for the embedded one": "indicare un file con la tabella (vedere 'csi siuss prestazioni -o json'), oppure togliere --codes e CSI_SIUSS_CODES per usare quella incorporata",
	"List the SIUSS code table: code, name, presa in carico, area":                                                            "Elenca la tabella SIUSS delle prestazioni: codice, denominazione, presa in carico, area",
	`List the SIUSS prestazioni code table that 'csi siuss check' and the flows use: each
code's name as sent (DenominazionePrestazione, 10-200 characters), whether SIUSS takes it
only for a person in charge, its area utenza (1 famiglia e minori, 2 disabilità e non
autosufficienza, 3 povertà; 0 when it depends on the person), whether a periodic benefit
with it needs data_evento, and whether its name is a placeholder. The table is embedded
and versioned; a local YAML file of the same shape (version, source, prestazioni)
replaces it: --codes FILE or CSI_SIUSS_CODES.`: `Elenca la tabella SIUSS delle prestazioni usata da 'csi siuss check' e dai flussi: per
ogni codice la denominazione inviata (DenominazionePrestazione, da 10 a 200 caratteri), se
il SIUSS la accetta solo per una persona in carico al servizio sociale, la sua area utenza
(1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà; 0 se dipende dalla
persona), se una prestazione periodica con quel codice richiede data_evento, e se la
denominazione è provvisoria. La tabella è incorporata nel programma e ha una versione; un
file YAML locale con la stessa forma (version, source, prestazioni) la sostituisce:
--codes FILE o CSI_SIUSS_CODES.`,
	"SIUSS code table %s: %d codes": "tabella SIUSS delle prestazioni %s: %d codici",

	// rules.go
	"; siuss: the SIUSS pre-flight checks": "; siuss: le verifiche prima dell'invio al SIUSS",

	// records.go
	`For the SIUSS flows to INPS ('csi siuss'), interventi may carry the optional columns
protocollo_domanda, presenza_prova_mezzi (1-4), numero_protocollo_dsu, anno_protocollo_dsu,
data_dsu, data_evento, quota_ente, quota_utente, quota_ssn, quota_richiesta, soglia_isee,
ore_servizio_mensile (decimal hours), area_utenza (1-3) and denominazione_prestazione;
a file without them imports as before. Two more kinds:

  valutazioni-sina  id_valutazione, codice_fiscale, comune, data_valutazione (one per
                    person and date), the SINA answers (mobilita, attivita_vita_quotidiana,
                    ...), invalidita_civile and necessita_interventi (lists)
  sinba             id_cartella, comune, the SINBA fields of the child (months as MM/YYYY),
                    prestazioni and famiglia (lists)

Lists separate their codes with '|', '+' or spaces (e.g. 2|6 or A2.07 A2.08).`: `Per i flussi SIUSS verso l'INPS ('csi siuss') gli interventi possono avere anche le colonne
facoltative protocollo_domanda, presenza_prova_mezzi (da 1 a 4), numero_protocollo_dsu,
anno_protocollo_dsu, data_dsu, data_evento, quota_ente, quota_utente, quota_ssn,
quota_richiesta, soglia_isee, ore_servizio_mensile (ore in decimali), area_utenza (da 1 a 3)
e denominazione_prestazione; un file che non le ha si carica come prima. Due tipi in più:

  valutazioni-sina  id_valutazione, codice_fiscale, comune, data_valutazione (una per
                    persona e data), le risposte SINA (mobilita, attivita_vita_quotidiana,
                    ...), invalidita_civile e necessita_interventi (elenchi)
  sinba             id_cartella, comune, i dati SINBA del minore (mesi come MM/AAAA),
                    prestazioni e famiglia (elenchi)

Negli elenchi i codici si separano con '|', '+' o spazi (ad esempio 2|6 oppure A2.07 A2.08).`,
}

func init() { merge("italianSiuss", italianSiuss) }
