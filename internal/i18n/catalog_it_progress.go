package i18n

// italianProgress holds the Italian text of what internal/cli prints while
// it works and when it is done: import summaries and their rejects, the
// demo's steps, confirmations of comuni, referenti, audit, db and token
// commands, prompts, and the lines csi serve shows a person at startup and
// shutdown (its log lines stay English).
var italianProgress = map[string]string{
	// Import summaries (anagrafe_summary.go): csi anagrafe import, csi records import.
	"no-op: %s was already imported for %s (import %s); nothing changed": "nessuna modifica: %s era già stato caricato per %s (caricamento %s)",
	"left the shared CSI":                             "uscito dalla CSI condivisa",
	"contact changed":                                 "contatto modificato",
	"imported %s into %s (%s as of %s)":               "caricato %s per %s (%s al %s)",
	"imported %s (%s)":                                "caricato %s (%s)",
	"dry run: would import %s into %s (%s as of %s)":  "prova: si caricherebbe %s per %s (%s al %s)",
	"dry run: would import %s (%s)":                   "prova: si caricherebbe %s (%s)",
	"nothing imported from %s into %s (%s as of %s)":  "nulla caricato da %s per %s (%s al %s)",
	"nothing imported from %s (%s)":                   "nulla caricato da %s (%s)",
	" with BOM":                                       " con BOM",
	"  dialect:  %s%s, delimiter %s, %s line endings": "  formato:  %s%s, separatore %s, fine riga %s",
	"  columns:  %d recognised":                       "  colonne:  %d {{riconosciuta|riconosciute}}",
	"  columns:  %d recognised, ignored: %s":          "  colonne:  %d {{riconosciuta|riconosciute}}, ignorate: %s",
	"  rows:     %d read: %d inserted, %d updated, %d unchanged, %d closed, %d rejected": "  righe:    %d {{letta|lette}}: %d {{inserita|inserite}}, %d {{aggiornata|aggiornate}}, %d {{invariata|invariate}}, %d {{chiusa|chiuse}}, %d {{scartata|scartate}}",
	"  rows:     %d read: %d inserted, %d updated, %d unchanged, %d rejected":            "  righe:    %d {{letta|lette}}: %d {{inserita|inserite}}, %d {{aggiornata|aggiornate}}, %d {{invariata|invariate}}, %d {{scartata|scartate}}",
	"  nothing was written: every row was rejected":                                      "  non è stato scritto nulla: tutte le righe sono state scartate",
	"  nothing was written (--dry-run)":                                                  "  non è stato scritto nulla (--dry-run)",
	"rejected rows:":                                                                     "righe scartate:",
	"rejected rows (first %d of %d; --rejects FILE writes them all):":                    "righe scartate (le prime %d di %d; --rejects FILE le scrive tutte):",
	"line":   "riga",
	"column": "colonna",
	"reason": "motivo",
	"warning: import %s of this file rejected %d of %d rows, and they are still not in the store; fix them and import the corrected file": "attenzione: il caricamento %s di questo file ha scartato righe (%d su %d), che non sono ancora nell'archivio; correggerle e caricare il file corretto",
	"warning: the only row was rejected, nothing was imported; --rejects FILE lists it":                                                   "attenzione: l'unica riga è stata scartata, non è stato caricato nulla; --rejects FILE la riporta",
	"warning: all %d rows rejected, nothing was imported; --rejects FILE lists them":                                                      "attenzione: tutte le %d righe sono state scartate, non è stato caricato nulla; --rejects FILE le riporta",
	"warning: %d of %d rows would be rejected; --rejects FILE lists them":                                                                 "attenzione: %d {{riga verrebbe scartata|righe verrebbero scartate}} su %d; --rejects FILE le riporta",
	"warning: %d of %d rows rejected, the others were imported; --rejects FILE lists them":                                                "attenzione: %d {{riga scartata|righe scartate}} su %d, le altre sono state caricate; --rejects FILE le riporta",

	// csi anagrafe revert (anagrafe_revert.go).
	"reverting import %s of %s (%s, %s as of %s) will remove %d versions and reopen %d.\nRevert it? [y/N] ": "annullare il caricamento %s di %s (%s, %s al %s) elimina %d {{versione|versioni}} e ne riapre %d.\nAnnullarlo? [s/N] ",
	"nothing was reverted": "non è stato annullato nulla",
	"dry run: reverting import %s of %s (%s, %s as of %s) would remove %d versions and reopen %d; nothing was changed": "prova: annullare il caricamento %s di %s (%s, %s al %s) eliminerebbe %d {{versione|versioni}} e ne riaprirebbe %d; non è stato modificato nulla",
	"reverted import %s of %s (%s, %s as of %s): %d versions removed, %d reopened":                                     "annullato il caricamento %s di %s (%s, %s al %s): %d {{versione eliminata|versioni eliminate}}, %d {{riaperta|riaperte}}",

	// Confirmations and prompts (confirm.go, comuni.go, onboard.go, siuss_esiti.go).
	"%s? [y/N] ":                               "%s? [s/N] ",
	"dry run: %s; nothing was written":         "prova: %s; non è stato scritto nulla",
	"%s (%s) would leave the shared CSI on %s": "%s (%s) uscirebbe dalla CSI condivisa il %s",
	"offboarding %s (%s) on %s":                "far uscire %s (%s) dalla CSI il %s",
	"%s (%s) would be suspended from %s":       "%s (%s) sarebbe sospeso dal %s",
	"suspending %s (%s) on %s":                 "sospendere %s (%s) dal %s",
	"updated %s":                               "aggiornato %s",
	"offboarded %s":                            "%s è uscito dalla CSI",
	"%s will leave the shared CSI on %s; until then it stays %s": "%s uscirà dalla CSI condivisa il %s; fino ad allora resta %s",
	"error: %d of %d rows failed":                                "errore: %d {{riga non riuscita|righe non riuscite}} su %d",
	"onboarded %s (%s) on %s":                                    "%s (%s) ha aderito il %s",
	"referent of %s from %s":                                     "referente di %s dal %s",
	"ended the term of the referent of %s on %s":                 "chiuso l'incarico del referente di %s il %s",
	"(none)": "(nessuno)",

	// audit, db, token, indicators (audit.go, audit_anchor.go, db.go, token.go, indicators.go).
	"audit log intact: %d entries verified%s":                                 "registro delle operazioni integro: %d {{voce verificata|voci verificate}}%s",
	" from the anchor at entry %d":                                            " dall'ancora alla voce %d",
	"store %s ready (%d migration(s) applied, reference data loaded)":         "archivio %s pronto (%d {{migrazione applicata|migrazioni applicate}}, dati di riferimento caricati)",
	"the store is up to date":                                                 "l'archivio è aggiornato",
	"applied migration %04d %s":                                               "applicata la migrazione %04d %s",
	"backup written to %s":                                                    "backup scritto in %s",
	"store %s: integrity ok; audit log intact: %d entries verified":           "archivio %s: integrità verificata; registro delle operazioni integro: %d {{voce verificata|voci verificate}}",
	"created token %s (%s); copy the secret below now: it is not shown again": "creato il token %s (%s); copiare subito il segreto qui sotto: non verrà mostrato di nuovo",
	"%s of Ambito %s":                                                         "%s dell'Ambito %s",
	"%s of Comune %s":                                                         "%s del Comune %s",
	"revoked token %s":                                                        "revocato il token %s",
	"no rows: nothing in scope":                                               "nessuna riga: nulla nell'ambito richiesto",

	// csi serve, the lines for the person who started it (serve.go).
	"serving %s on %s://%s (Ctrl-C or SIGTERM to stop)":                          "in servizio: %s su %s://%s (Ctrl-C o SIGTERM per fermare)",
	"shutting down: waiting up to %s for running requests":                       "arresto: attendo fino a %s le richieste in corso",
	"requests still running after %s: cancelling them (their imports roll back)": "richieste ancora in corso dopo %s: le annullo (i loro caricamenti vengono annullati)",
	"stopped": "fermato",

	// The progress of an import or a report (progress.go).
	"rows":                                   "righe",
	"tables":                                 "tabelle",
	"%s of %s MB":                            "%s di %s MB",
	"csi: %s read (%s%%), %s, about %s left": "csi: letti %s (%s%%), %s, ne mancano circa %s",

	// csi validate's text report (validate_report.go).
	"validation %s: %s %s, %s: %d records checked, %d errors, %d warnings": "validazione %s: %s %s, %s: %d {{record controllato|record controllati}}, %d {{errore|errori}}, %d {{avviso|avvisi}}",
	"validation failed: %d findings at or above %s":                        "validazione non superata: %d {{segnalazione|segnalazioni}} di livello %s o superiore",
	"no findings: every rule passed":                                       "nessuna segnalazione: tutte le regole sono rispettate",
	"fix: %s":                                                              "come correggere: %s",
	"... and %d more: %s -o csv | grep %s":                                 "... e {{1:ancora|altre}} %d: %s -o csv | grep %s",

	// csi demo (demo.go, demo_print.go, demo_siuss.go).
	"csi demo: [%s/%s] %s (%ss)": "csi demo: [%s/%s] %s (%s s)",
	"a temporary folder":         "una cartella temporanea",
	"generated %d registry extracts (%d residents on 1/1/2020) and %d record files in %s":                                                                                "create %d estrazioni anagrafiche (%d residenti all'1/1/2020) e %d file di dati in %s",
	"onboarded %d Comuni, assigned %d Ambito referents, recorded %d events, %d operator accounts in %d lists and %d channels":                                            "attivati %d Comuni, nominati %d referenti di Ambito, registrati %d eventi, %d utenze di operatori in %d elenchi e %d canali",
	"imported %d registry extracts with csi anagrafe import: %d rows, %d rejected":                                                                                       "caricate %d estrazioni anagrafiche con csi anagrafe import: %d righe, %d {{scartata|scartate}}",
	"imported accessi, cartelle, interventi, valutazioni-sina and sinba with csi records import: %d rows, %d rejected":                                                   "caricati accessi, cartelle, interventi, valutazioni-sina e sinba con csi records import: %d righe, %d {{scartata|scartate}}",
	"validated with csi validate: %d errors, %d warnings":                                                                                                                "validati con csi validate: %d {{errore|errori}}, %d {{avviso|avvisi}}",
	"checked the SIUSS records of %s with csi siuss check (%d errors, %d warnings) and exported the PS flows with csi siuss export (waas): %d flows, %d records refused": "controllati i record SIUSS del %s con csi siuss check (%d errori, %d avvisi) ed esportati i flussi PS con csi siuss export (waas): %d flussi, %d record respinti",
	"left out the SIUSS export (--skip-siuss)":                                                                                                                           "esportazione SIUSS saltata (--skip-siuss)",
	"computed the seed's tables":                        "calcolate le tabelle del documento di partenza",
	"printed the seed's tables":                         "stampate le tabelle del documento di partenza",
	"Validation (csi validate): %d errors, %d warnings": "Validazione (csi validate): %d {{errore|errori}}, %d {{avviso|avvisi}}",
	"error":   "errore",
	"warning": "avviso",
	"SIUSS check (csi siuss check --from %s --to %s): %d errors, %d warnings":                    "Controllo SIUSS (csi siuss check --from %s --to %s): %d {{errore|errori}}, %d {{avviso|avvisi}}",
	"SIUSS (csi siuss export --tipo ps --mode %s, %s..%s): %d flows written, %d records refused": "SIUSS (csi siuss export --tipo ps --mode %s, %s..%s): %d {{flusso scritto|flussi scritti}}, %d {{record respinto|record respinti}}",
	"csi demo: the store is kept at %s: try 'csi --db %s indicators list'":                       "csi demo: l'archivio resta in %s: provare 'csi --db %s indicators list'",
	"csi demo: the generated files are kept in %s":                                               "csi demo: i file generati restano in %s",
}

func init() { merge("italianProgress", italianProgress) }
