package indicators

import (
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// italianTexts are the Italian title and definition of every indicator,
// for human output (tables, Markdown, the report, xlsx); -o json and csv
// keep the catalogue's English. The definitions are data, not catalog
// messages: they hold "%" signs that are not formats.
var italianTexts = map[string]struct{ Title, Definition string }{
	"accessi-segretariato": {"Accessi al segretariato sociale",
		"Accessi (entrambi gli sportelli: COMUNE e STRANIERI) con data_accesso nel periodo, per Ambito del Comune dello sportello, con una riga Totale per periodo." + ambitoNoteIT},
	"cartelle-movimento": {"Cartelle aperte e chiuse nel periodo",
		"Per anno del periodo: cartelle aperte (PIC, data_apertura nell'anno) e chiuse (data_chiusura nell'anno); saldo_iniziale = cartelle aperte al 31/12 dell'anno prima del periodo; ogni saldo_finale = saldo_iniziale + aperte - chiuse (calcolato, mai letto dai dati)."},
	"cartelle-popolazione": {"Cartelle aperte sulla popolazione",
		"Per Comune, Ambito e provincia: residenti all'1/1/A (storia dell'anagrafe; il dato ISTAT di riferimento all'1/1/2020 dove non è caricata un'anagrafe per quella data), cartelle aperte al 31/12/A, di cui aperte nell'anno A (nuove_anno), e cartelle aperte ogni 100 residenti (due decimali)." + ambitoNoteIT},
	"comuni-fasce": {"Comuni per quota di cartelle aperte",
		"Comuni le cui cartelle aperte al 31/12/A ogni 100 residenti all'1/1/A (senza arrotondare) sono meno dell'1%, tra l'1% e il 2% compresi, oltre il 2%, e la loro quota sul totale dei Comuni, con una riga Totale."},
	"anagrafe-automatica": {"Comuni con caricamento automatico e regolare dell'anagrafe",
		"Comuni attivati (attivi o sospesi) con anagrafe in modalità automatica, e tra questi quelli con un caricamento dell'anagrafe nei --days giorni (predefinito 45) fino a --at (regolari; il reinvio di un file identico non cambia nulla e non è registrato come caricamento)."},
	"ambiti-referente": {"Ambiti con un referente in carica",
		"Per Ambito, se l'incarico di un referente operativo copre --at (predefinito oggi), e da quando; la riga Totale conta gli Ambiti che ne hanno uno."},
	"cartelle-aperte-dal": {"Cartelle aperte con presa in carico da una data",
		"Cartelle (ciascuna una presa in carico) con data_apertura da --since (predefinito 2022-01-01) a --at (predefinito oggi), e tra queste quelle ancora aperte a --at." + ambitoNoteIT},
	"cartelle-area": {"Cartelle aperte per area",
		"Cartelle aperte al 31/12/A per area di bisogno, di cui aperte nell'anno A, e la quota di ogni area sulle cartelle aperte." + ambitoNoteIT},
	"giorni-accesso-pic": {"Giorni (mediana) dal primo accesso alla presa in carico",
		"Per le cartelle aperte nel periodo: quelle la cui persona ha avuto un accesso (stesso codice fiscale, qualsiasi sportello) nei 365 giorni fino a data_apertura, e la mediana dei giorni dal primo di quegli accessi a data_apertura." + ambitoNoteIT},
	"motivi-chiusura": {"Motivi di chiusura",
		"Cartelle chiuse nel periodo (data_chiusura nel periodo) per motivo_chiusura (elenco SINBA), e la quota di ogni motivo."},
	"interventi-prestazione": {"Interventi e importi per prestazione",
		"Interventi attivi nel periodo (O: data_erogazione nel periodo; P: da data_inizio a data_fine, senza termine se vuota, che si sovrappone al periodo) per codice di prestazione SIUSS: interventi, persone (beneficiari) e importo in euro (O: importo; P: importo_mensile per i mesi dell'intervento compresi nel periodo)."},
	"interventi-misura": {"Interventi e importi per misura (B2, Dopo di Noi)",
		"Come interventi-prestazione, per misura regionale: B2, DDN (Dopo di Noi) e nessuna (nessuna misura)."},
	"popolazione": {"Residenti a una data",
		"Residenti per Comune a --at (predefinito oggi) dalla storia dell'anagrafe; dove nessun caricamento dell'anagrafe copre quella data (nessuno a quella data o prima), il dato ISTAT di riferimento all'1/1/2020, e la riga lo indica."},
	"debiti-informativi": {"Debiti informativi trasmessi con la CSI (flussi SIUSS)",
		"Flussi SIUSS del registro dei debiti informativi il cui giorno nell'identificativo cade nel periodo, per tipo (PS prestazioni, SINBA minori), operazione (I inserimento, C cancellazione) e stato (pronto, acquisito dall'INPS, oppure l'esito dell'INPS: OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA, ERRORE_GENERICO), con i record che contengono (l'anno solare di un intervento, o il record SINBA di un minore); il Comune di un flusso è l'ente che lo trasmette." + ambitoNoteIT},
	"operatori-attivi": {"Operatori che usano la CSI",
		"Utenze degli operatori della piattaforma CSI (csi operatori import) con un accesso registrato nel periodo: ogni caricamento conserva l'ultimo giorno di accesso di ogni utenza, quindi un'utenza conta per un periodo quando uno degli elenchi caricati la mostra attiva in quel periodo. Per Comune, Ambito e provincia: utenze distinte, e i Comuni che ne hanno almeno una."},
	"incontri-istituzionali": {"Incontri con politici, dirigenti e posizioni organizzative",
		"Eventi di tipo incontro_istituzionale (csi eventi) con data nel periodo: incontri, partecipanti, e partecipanti per ruolo (politici, dirigenti, posizioni_organizzative) dove registrati." + eventNoteIT},
	"corsi-formazione": {"Corsi per assistenti sociali e personale amministrativo",
		"Eventi di tipo corso_assistenti_sociali (di cui accreditati: con l'identificativo di accreditamento dell'Ordine regionale) e corso_amministrativi con data nel periodo, con i loro partecipanti." + eventNoteIT},
	"canali-interoperabilita": {"Canali di interoperabilità aperti o rafforzati",
		"Canali tra la CSI e altre banche dati (csi canali) registrati entro la fine del periodo, quelli provinciali e quelli dell'ambito scelto: lo stato prima del periodo e alla sua fine; aperto = il suo primo stato ha data nel periodo; rafforzato = esisteva prima e nel periodo ha raggiunto un passo successivo tra richiesto, autorizzato, in_test, attivo (sospeso viene prima di richiesto). La riga Totale li somma."},
	"formazione-debiti": {"Formazione sui debiti informativi tramite la CSI",
		"Eventi di tipo formazione_debiti (csi eventi) con data nel periodo: incontri di formazione per il personale che trasmette i debiti informativi (Misura B2, Dopo di Noi) tramite la CSI, e i loro partecipanti." + eventNoteIT},
	"tavoli-linee-guida": {"Incontri dei tavoli di lavoro sulle Linee Guida 2.0",
		"Eventi di tipo tavolo_linee_guida (csi eventi) con data nel periodo, e i loro partecipanti." + eventNoteIT},
	"collegamenti-attivati": {"Nuovi collegamenti tra la CSI e altre banche dati",
		"Canali (csi canali), quelli provinciali e quelli dell'ambito scelto, diventati attivi per la prima volta nel periodo, con il giorno; la riga Totale li conta."},
	"utilizzo-csi": {"Aumento dell'utilizzo della CSI",
		"Per anno del periodo e per Comune, Ambito e provincia: accessi (data_accesso nell'anno), cartelle aperte nell'anno (aperte), residenti all'1/1 (come cartelle-popolazione), cartelle aperte al 31/12 e la loro quota ogni 100 residenti; ciascuno con la variazione sull'anno prima (variazione_accessi e variazione_aperte in percentuale sull'anno prima, null quando non ne aveva; variazione_percentuale in punti percentuali)." + ambitoNoteIT},
	"utilizzo-fasce": {"Comuni che hanno cambiato fascia di cartelle aperte",
		"Comuni con residenti, secondo la fascia (come comuni-fasce: meno dell'1%, dall'1% al 2%, oltre il 2% di cartelle aperte sui residenti) del primo anno del periodo confrontata con la fascia dell'ultimo anno: salita (una fascia più alta), discesa (una più bassa), stabile, e il Totale; con la quota di ciascuna sul totale dei Comuni."},
}

const (
	ambitoNoteIT = " L'Ambito di un record è l'Ambito attuale del suo Comune (comuni.ambito)."
	eventNoteIT  = " Un evento conta per ogni Ambito che coinvolge, e per un Comune quando lo nomina o non nomina alcun Comune del suo Ambito; la riga della provincia conta ogni evento una volta sola."
)

// Localized returns def with its title and definition in lang, for human
// output: the Italian texts in Italian (the catalogue's English for an
// indicator without them), the catalogue's English otherwise.
func Localized(def csi.IndicatorDef, lang i18n.Lang) csi.IndicatorDef {
	if lang != i18n.Italian {
		return def
	}
	if it, ok := italianTexts[def.Name]; ok {
		def.Title, def.Definition = it.Title, it.Definition
	}
	return def
}

// LocalizedTitle is the title of the indicator named name in lang; title
// is the English one (a result's), kept when there is no other.
func LocalizedTitle(name, title string, lang i18n.Lang) string {
	if it, ok := italianTexts[name]; ok && lang == i18n.Italian {
		return it.Title
	}
	return title
}
