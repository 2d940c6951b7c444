package siuss

// catalogue holds every pre-flight rule. Ids are stable: the rules engine
// will run them as the ruleset "siuss" and users filter findings by them.
var catalogue = indexRules(ruleList)

func indexRules(list []Rule) map[string]Rule {
	m := make(map[string]Rule, len(list))
	for _, r := range list {
		if _, dup := m[r.ID]; dup {
			panic("siuss: rule " + r.ID + " defined twice")
		}
		m[r.ID] = r
	}
	return m
}

const (
	sevErr  = SeverityError
	sevWarn = SeverityWarning
)

// ruleList is the catalogue in reading order: id, severity, title, fix.
var ruleList = []Rule{
	// The sending ente and the flow.
	{"siuss-ente-codice", sevErr, "Ente@Codice is the ente's Belfiore code", "set the Comune's Belfiore code (4 characters, e.g. F704)"},
	{"siuss-ente-denominazione", sevErr, "Ente@Denominazione has at most 100 characters", "shorten the ente's name"},
	{"siuss-ente-sede", sevErr, "Ente@Indirizzo is the Belfiore code of the legal seat", "set the Belfiore code of the Comune of the ente's legal seat"},
	{"siuss-operatore-cf", sevErr, "CFOperatore is a valid codice fiscale", "give the sending operator's codice fiscale (--operatore or CSI_OPERATORE)"},
	{"siuss-flusso-id", sevErr, "the flow id is {Belfiore}.{PS|SINBA}.{YYYYMMDD}.{7 digits}, ≤ 50 characters", "let csi allocate the flow id"},
	{"siuss-flusso-vuoto", sevErr, "a flow carries at least one record", "export a period with records to send"},
	{"siuss-waas-singolo", sevErr, "a WaaS flow carries one beneficiary and one prestazione", "export in waas mode one flow per prestazione, or use --mode upload"},
	// The beneficiary, from the registry.
	{"siuss-anagrafe-mancante", sevErr, "the beneficiary has registry data on the benefit's date", "import the registry extract of the beneficiary's Comune that covers the benefit's date"},
	{"siuss-beneficiario-cf", sevErr, "the beneficiary's codice fiscale matches the SIUSS pattern", "correct the codice fiscale of the cartella"},
	{"siuss-anagrafica-nome", sevErr, "Cognome and Nome have 1–36 characters", "correct the surname and name in the registry"},
	{"siuss-anno-nascita", sevErr, "AnnoNascita is a 4-digit year", "correct the date of birth in the registry"},
	{"siuss-luogo-nascita", sevErr, "LuogoNascita is a Belfiore code or a Z code", "correct the place of birth in the registry (4 characters, e.g. F704 or Z404)"},
	{"siuss-genere", sevErr, "the sex is M or F", "correct the sex in the registry"},
	{"siuss-cittadinanza-iso", sevErr, "the citizenship has an ISO 3166-1 numeric code", "correct the ISTAT citizenship code in the registry (100 = Italia); a state without ISO code cannot be sent"},
	{"siuss-residenza-nazione", sevErr, "the nation of residence has an ISO 3166-1 numeric code", "correct the ISTAT state code of the residence"},
	{"siuss-residenza-comune", sevErr, "a residence in Italy has a 6-digit ISTAT Comune code", "correct the Comune of residence in the registry"},
	{"siuss-residenza-regione", sevErr, "a residence in Italy has its 2-digit region code", "give the region code, or a Comune code it can be derived from"},
	// The prestazione.
	{"siuss-tipo-operazione", sevErr, "TipoOperazione is I or C", "leave it to csi: I for a new record, C for a cancellation"},
	{"siuss-prova-mezzi", sevErr, "PresenzaProvaMezzi is 1–4", "set presenza_prova_mezzi: 1 ISEE, 2 other means test, 3 ISEE waived, 4 none"},
	{"siuss-carattere", sevErr, "CaratterePrestazione is 1 (periodica) or 2 (occasionale)", "set the intervento's carattere"},
	{"siuss-codice-sconosciuto", sevErr, "the prestazione code is in the SIUSS code table", "use a code listed by csi siuss prestazioni, or load INPS's current table"},
	{"siuss-denominazione", sevErr, "DenominazionePrestazione has 10–200 characters", "give the code a name of 10–200 characters in the code table"},
	{"siuss-denominazione-provvisoria", sevWarn, "the code's name in the table is a placeholder", "replace the code table with INPS's current one"},
	{"siuss-protocollo-domanda", sevErr, "ProtocolloDomanda has 1–32 characters", "fill protocollo_domanda with the application's protocol number"},
	{"siuss-dsu-incompleto", sevErr, "the DSU fields are all filled or all empty", "fill numero_protocollo_dsu, anno_protocollo_dsu and data_dsu together, or none of them"},
	{"siuss-dsu-formato", sevErr, "the DSU protocol has ≤ 30 characters and a 4-digit year", "correct the DSU protocol number or year"},
	{"siuss-data-formato", sevErr, "dates are valid YYYY-MM-DD dates", "correct the date"},
	{"siuss-periodica-inizio", sevErr, "a periodic benefit has DataInizioPrestazione", "fill data_inizio"},
	{"siuss-periodica-importo", sevErr, "a periodic benefit has ImportoMensile > 0", "fill importo_mensile with the monthly amount"},
	{"siuss-periodica-anno", sevErr, "DataFinePrestazione is in the start's year and not before it", "let csi split the benefit per calendar year, or correct data_fine"},
	{"siuss-periodo-erogazione", sevErr, "PeriodoErogazione is 1–12 and fits in the start's year", "let csi compute the months from the dates"},
	{"siuss-occasionale-data", sevErr, "a one-off benefit has DataErogazionePrestazione", "fill data_erogazione"},
	{"siuss-occasionale-importo", sevErr, "a one-off benefit has ImportoPrestazione > 0", "fill importo with the amount paid"},
	{"siuss-quote-somma", sevErr, "the quote ente, utente and SSN add up to the amount", "correct quota_ente, quota_utente and quota_ssn so their sum is the monthly (periodic) or one-off amount"},
	{"siuss-quote-segno", sevErr, "QuotaEnte is > 0 and no quota is negative", "correct the negative or zero quota"},
	{"siuss-ore-servizio", sevErr, "OreServizioMensile is not negative", "correct ore_servizio_mensile"},
	{"siuss-presa-carico", sevErr, "PresaCarico is 1 (sì) or 2 (no)", "say whether the servizio sociale has the person in charge; \"non so\" cannot be sent"},
	{"siuss-area-utenza", sevErr, "AreaUtenza is given (1–3) when the person is in charge", "set the area utenza: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà"},
	{"siuss-area-codice", sevWarn, "AreaUtenza agrees with the area of the code", "check the area utenza or the prestazione code"},
	{"siuss-pic-a2", sevErr, "codes A2.16–A2.29 go to SIUSS only with presa in carico", "send the code only for a person in charge, or correct presa_in_carico"},
	{"siuss-data-evento", sevErr, "a periodic benefit with this code has DataEvento", "fill data_evento"},
	{"siuss-sina-mancante", sevErr, "a disabled or elderly person in charge has a SINA assessment", "import the person's valutazione SINA"},
	{"siuss-sina-campo", sevErr, "the SINA assessment has every required answer within its codes", "complete the SINA assessment"},
	{"siuss-sina-senza-pic", sevWarn, "a SINA assessment goes with a person in charge", "check presa_in_carico, or do not link the assessment"},
	// The SINBA record.
	{"siuss-sinba-id", sevErr, "IDBeneficiario has 1–20 characters", "let csi derive the pseudonym from the Comune and the cartella"},
	{"siuss-sinba-cf", sevErr, "IDBeneficiario is a pseudonym, never a codice fiscale", "let csi derive the pseudonym from the Comune and the cartella"},
	{"siuss-sinba-campo", sevErr, "the SINBA record has every required field within its codes", "complete the SINBA record"},
	{"siuss-sinba-data", sevErr, "SINBA dates are MM/YYYY", "write the month as MM/YYYY, e.g. 03/2024"},
	{"siuss-sinba-prestazioni", sevErr, "a SINBA record lists 1 or more prestazione codes", "list the codes of the child's interventions"},
	{"siuss-sinba-famiglia", sevErr, "a SINBA record lists the household (1–6)", "list the household: 1 madre, 2 padre, 3 fratelli, 4 nonni, 5 partner of a parent, 6 others"},
}
