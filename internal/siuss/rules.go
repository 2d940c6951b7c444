package siuss

// catalogue holds every pre-flight rule. Ids are stable: the rules engine
// will run them as the ruleset "siuss" and users filter findings by them.
var catalogue = map[string]Rule{}

func rule(id string, sev Severity, title, fix string) {
	catalogue[id] = Rule{ID: id, Severity: sev, Title: title, Fix: fix}
}

func init() {
	const E, W = SeverityError, SeverityWarning
	// The sending ente and the flow.
	rule("siuss-ente-codice", E, "Ente@Codice is the ente's Belfiore code", "set the Comune's Belfiore code (4 characters, e.g. F704)")
	rule("siuss-ente-denominazione", E, "Ente@Denominazione has at most 100 characters", "shorten the ente's name")
	rule("siuss-ente-sede", E, "Ente@Indirizzo is the Belfiore code of the legal seat", "set the Belfiore code of the Comune of the ente's legal seat")
	rule("siuss-operatore-cf", E, "CFOperatore is a valid codice fiscale", "give the sending operator's codice fiscale (--operatore or CSI_OPERATORE)")
	rule("siuss-flusso-id", E, "the flow id is {Belfiore}.{PS|SINBA}.{YYYYMMDD}.{7 digits}, ≤ 50 characters", "let csi allocate the flow id")
	rule("siuss-flusso-vuoto", E, "a flow carries at least one record", "export a period with records to send")
	rule("siuss-waas-singolo", E, "a WaaS flow carries one beneficiary and one prestazione", "export in waas mode one flow per prestazione, or use --mode upload")
	// The beneficiary, from the registry.
	rule("siuss-anagrafe-mancante", E, "the beneficiary has registry data on the benefit's date", "import the registry extract of the beneficiary's Comune that covers the benefit's date")
	rule("siuss-beneficiario-cf", E, "the beneficiary's codice fiscale matches the SIUSS pattern", "correct the codice fiscale of the cartella")
	rule("siuss-anagrafica-nome", E, "Cognome and Nome have 1–36 characters", "correct the surname and name in the registry")
	rule("siuss-anno-nascita", E, "AnnoNascita is a 4-digit year", "correct the date of birth in the registry")
	rule("siuss-luogo-nascita", E, "LuogoNascita is a Belfiore code or a Z code", "correct the place of birth in the registry (4 characters, e.g. F704 or Z404)")
	rule("siuss-genere", E, "the sex is M or F", "correct the sex in the registry")
	rule("siuss-cittadinanza-iso", E, "the citizenship has an ISO 3166-1 numeric code", "correct the ISTAT citizenship code in the registry (100 = Italia); a state without ISO code cannot be sent")
	rule("siuss-residenza-nazione", E, "the nation of residence has an ISO 3166-1 numeric code", "correct the ISTAT state code of the residence")
	rule("siuss-residenza-comune", E, "a residence in Italy has a 6-digit ISTAT Comune code", "correct the Comune of residence in the registry")
	rule("siuss-residenza-regione", E, "a residence in Italy has its 2-digit region code", "give the region code, or a Comune code it can be derived from")
	// The prestazione.
	rule("siuss-tipo-operazione", E, "TipoOperazione is I or C", "leave it to csi: I for a new record, C for a cancellation")
	rule("siuss-prova-mezzi", E, "PresenzaProvaMezzi is 1–4", "set presenza_prova_mezzi: 1 ISEE, 2 other means test, 3 ISEE waived, 4 none")
	rule("siuss-carattere", E, "CaratterePrestazione is 1 (periodica) or 2 (occasionale)", "set the intervento's carattere")
	rule("siuss-codice-sconosciuto", E, "the prestazione code is in the SIUSS code table", "use a code listed by csi siuss prestazioni, or load INPS's current table")
	rule("siuss-denominazione", E, "DenominazionePrestazione has 10–200 characters", "give the code a name of 10–200 characters in the code table")
	rule("siuss-denominazione-provvisoria", W, "the code's name in the table is a placeholder", "replace the code table with INPS's current one")
	rule("siuss-protocollo-domanda", E, "ProtocolloDomanda has 1–32 characters", "fill protocollo_domanda with the application's protocol number")
	rule("siuss-dsu-incompleto", E, "the DSU fields are all filled or all empty", "fill numero_protocollo_dsu, anno_protocollo_dsu and data_dsu together, or none of them")
	rule("siuss-dsu-formato", E, "the DSU protocol has ≤ 30 characters and a 4-digit year", "correct the DSU protocol number or year")
	rule("siuss-data-formato", E, "dates are valid YYYY-MM-DD dates", "correct the date")
	rule("siuss-periodica-inizio", E, "a periodic benefit has DataInizioPrestazione", "fill data_inizio")
	rule("siuss-periodica-importo", E, "a periodic benefit has ImportoMensile > 0", "fill importo_mensile with the monthly amount")
	rule("siuss-periodica-anno", E, "DataFinePrestazione is in the start's year and not before it", "let csi split the benefit per calendar year, or correct data_fine")
	rule("siuss-periodo-erogazione", E, "PeriodoErogazione is 1–12 and fits in the start's year", "let csi compute the months from the dates")
	rule("siuss-occasionale-data", E, "a one-off benefit has DataErogazionePrestazione", "fill data_erogazione")
	rule("siuss-occasionale-importo", E, "a one-off benefit has ImportoPrestazione > 0", "fill importo with the amount paid")
	rule("siuss-quote-somma", E, "the quote ente, utente and SSN add up to the amount", "correct quota_ente, quota_utente and quota_ssn so their sum is the monthly (periodic) or one-off amount")
	rule("siuss-quote-segno", E, "QuotaEnte is > 0 and no quota is negative", "correct the negative or zero quota")
	rule("siuss-ore-servizio", E, "OreServizioMensile is not negative", "correct ore_servizio_mensile")
	rule("siuss-presa-carico", E, "PresaCarico is 1 (sì) or 2 (no)", "say whether the servizio sociale has the person in charge; \"non so\" cannot be sent")
	rule("siuss-area-utenza", E, "AreaUtenza is given (1–3) when the person is in charge", "set the area utenza: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà")
	rule("siuss-area-codice", W, "AreaUtenza agrees with the area of the code", "check the area utenza or the prestazione code")
	rule("siuss-pic-a2", E, "codes A2.16–A2.29 go to SIUSS only with presa in carico", "send the code only for a person in charge, or correct presa_in_carico")
	rule("siuss-data-evento", E, "a periodic benefit with this code has DataEvento", "fill data_evento")
	rule("siuss-sina-mancante", E, "a disabled or elderly person in charge has a SINA assessment", "import the person's valutazione SINA")
	rule("siuss-sina-campo", E, "the SINA assessment has every required answer within its codes", "complete the SINA assessment")
	rule("siuss-sina-senza-pic", W, "a SINA assessment goes with a person in charge", "check presa_in_carico, or do not link the assessment")
	// The SINBA record.
	rule("siuss-sinba-id", E, "IDBeneficiario has 1–20 characters", "let csi derive the pseudonym from the Comune and the cartella")
	rule("siuss-sinba-cf", E, "IDBeneficiario is a pseudonym, never a codice fiscale", "let csi derive the pseudonym from the Comune and the cartella")
	rule("siuss-sinba-campo", E, "the SINBA record has every required field within its codes", "complete the SINBA record")
	rule("siuss-sinba-data", E, "SINBA dates are MM/YYYY", "write the month as MM/YYYY, e.g. 03/2024")
	rule("siuss-sinba-prestazioni", E, "a SINBA record lists 1 or more prestazione codes", "list the codes of the child's interventions")
	rule("siuss-sinba-famiglia", E, "a SINBA record lists the household (1–6)", "list the household: 1 madre, 2 padre, 3 fratelli, 4 nonni, 5 partner of a parent, 6 others")
}
