package siuss

import "fmt"

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
	{"siuss-ente-codice", sevErr, T("Ente@Codice is the ente's Belfiore code"), T("set the Comune's Belfiore code (4 characters, e.g. F704)")},
	{"siuss-ente-denominazione", sevErr, T("Ente@Denominazione has at most 100 characters"), T("shorten the ente's name")},
	{"siuss-ente-sede", sevErr, T("Ente@Indirizzo is the Belfiore code of the legal seat"), T("set the Belfiore code of the Comune of the ente's legal seat")},
	{"siuss-operatore-cf", sevErr, T("CFOperatore is a valid codice fiscale"), T("give the sending operator's codice fiscale (--operatore or CSI_OPERATORE)")},
	{"siuss-flusso-id", sevErr, T("the flow id is {Belfiore}.{PS|SINBA}.{YYYYMMDD}.{7 digits}, ≤ 50 characters"), T("let csi allocate the flow id")},
	{"siuss-flusso-vuoto", sevErr, T("a flow carries at least one record"), T("export a period with records to send")},
	{"siuss-waas-singolo", sevErr, T("a WaaS flow carries one beneficiary and one prestazione"), T("export in waas mode one flow per prestazione, or use --mode upload")},
	// The beneficiary, from the registry.
	{"siuss-anagrafe-mancante", sevErr, T("the beneficiary has registry data on the benefit's date"), T("import the registry extract of the beneficiary's Comune that covers the benefit's date")},
	{"siuss-beneficiario-cf", sevErr, T("the beneficiary's codice fiscale matches the SIUSS pattern"), T("correct the codice fiscale of the cartella")},
	{"siuss-anagrafica-nome", sevErr, T("Cognome and Nome have 1–36 characters"), T("correct the surname and name in the registry")},
	{"siuss-anno-nascita", sevErr, T("AnnoNascita is a 4-digit year"), T("correct the date of birth in the registry")},
	{"siuss-luogo-nascita", sevErr, T("LuogoNascita is a Belfiore code or a Z code"), T("correct the place of birth in the registry (4 characters, e.g. F704 or Z404)")},
	{"siuss-genere", sevErr, T("the sex is M or F"), T("correct the sex in the registry")},
	{"siuss-cittadinanza-iso", sevErr, T("the citizenship has an ISO 3166-1 numeric code"), T("correct the ISTAT citizenship code in the registry (100 = Italia); a state without ISO code cannot be sent")},
	{"siuss-residenza-nazione", sevErr, T("the nation of residence has an ISO 3166-1 numeric code"), T("correct the ISTAT state code of the residence")},
	{"siuss-residenza-comune", sevErr, T("a residence in Italy has a 6-digit ISTAT Comune code"), T("correct the Comune of residence in the registry")},
	{"siuss-residenza-regione", sevErr, T("a residence in Italy has its 2-digit region code"), T("give the region code, or a Comune code it can be derived from")},
	// The prestazione.
	{"siuss-tipo-operazione", sevErr, T("TipoOperazione is I or C"), T("leave it to csi: I for a new record, C for a cancellation")},
	{"siuss-prova-mezzi", sevErr, T("PresenzaProvaMezzi is 1–4"), T("set presenza_prova_mezzi: 1 ISEE, 2 other means test, 3 ISEE waived, 4 none")},
	{"siuss-carattere", sevErr, T("CaratterePrestazione is 1 (periodica) or 2 (occasionale)"), T("set the intervento's carattere")},
	{"siuss-codice-sconosciuto", sevErr, T("the prestazione code is in the SIUSS code table"), T("use a code listed by csi siuss prestazioni, or load INPS's current table")},
	{"siuss-denominazione", sevErr, T("DenominazionePrestazione has 10–200 characters"), T("give the code a name of 10–200 characters in the code table")},
	{"siuss-denominazione-provvisoria", sevWarn, T("the code's name in the table is a placeholder"), T("replace the code table with INPS's current one")},
	{"siuss-protocollo-domanda", sevErr, T("ProtocolloDomanda has 1–32 characters"), T("fill protocollo_domanda with the application's protocol number")},
	{"siuss-dsu-incompleto", sevErr, T("the DSU fields are all filled or all empty"), T("fill numero_protocollo_dsu, anno_protocollo_dsu and data_dsu together, or none of them")},
	{"siuss-dsu-formato", sevErr, T("the DSU protocol has ≤ 30 characters and a 4-digit year"), T("correct the DSU protocol number or year")},
	{"siuss-data-formato", sevErr, T("dates are valid YYYY-MM-DD dates"), T("correct the date")},
	{"siuss-periodica-inizio", sevErr, T("a periodic benefit has DataInizioPrestazione"), T("fill data_inizio")},
	{"siuss-periodica-importo", sevErr, T("a periodic benefit has ImportoMensile > 0"), T("fill importo_mensile with the monthly amount")},
	{"siuss-periodica-anno", sevErr, T("DataFinePrestazione is in the start's year and not before it"), T("let csi split the benefit per calendar year, or correct data_fine")},
	{"siuss-periodo-erogazione", sevErr, T("PeriodoErogazione is 1–12 and fits in the start's year"), T("let csi compute the months from the dates")},
	{"siuss-occasionale-data", sevErr, T("a one-off benefit has DataErogazionePrestazione"), T("fill data_erogazione")},
	{"siuss-occasionale-importo", sevErr, T("a one-off benefit has ImportoPrestazione > 0"), T("fill importo with the amount paid")},
	{"siuss-quote-somma", sevErr, T("the quote ente, utente and SSN add up to the amount"), T("correct quota_ente, quota_utente and quota_ssn so their sum is the monthly (periodic) or one-off amount")},
	{"siuss-quote-segno", sevErr, T("QuotaEnte is > 0 and no quota is negative"), T("correct the negative or zero quota")},
	{"siuss-ore-servizio", sevErr, T("OreServizioMensile is not negative"), T("correct ore_servizio_mensile")},
	{"siuss-presa-carico", sevErr, T("PresaCarico is 1 (sì) or 2 (no)"), T("say whether the servizio sociale has the person in charge; \"non so\" cannot be sent")},
	{"siuss-area-utenza", sevErr, T("AreaUtenza is given (1–3) when the person is in charge"), T("set the area utenza: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà")},
	{"siuss-area-codice", sevWarn, T("AreaUtenza agrees with the area of the code"), T("check the area utenza or the prestazione code")},
	{"siuss-pic-a2", sevErr, T("codes A2.16–A2.29 go to SIUSS only with presa in carico"), T("send the code only for a person in charge, or correct presa_in_carico")},
	{"siuss-data-evento", sevErr, T("a periodic benefit with this code has DataEvento"), T("fill data_evento")},
	{"siuss-sina-mancante", sevErr, T("a disabled or elderly person in charge has a SINA assessment"), T("import the person's valutazione SINA")},
	{"siuss-sina-campo", sevErr, T("the SINA assessment has every required answer within its codes"), T("complete the SINA assessment")},
	{"siuss-sina-senza-pic", sevWarn, T("a SINA assessment goes with a person in charge"), T("check presa_in_carico, or do not link the assessment")},
	// The SINBA record.
	{"siuss-sinba-id", sevErr, T("IDBeneficiario has 1–20 characters"), T("let csi derive the pseudonym from the Comune and the cartella")},
	{"siuss-sinba-cf", sevErr, T("IDBeneficiario is a pseudonym, never a codice fiscale"), T("let csi derive the pseudonym from the Comune and the cartella")},
	{"siuss-sinba-campo", sevErr, T("the SINBA record has every required field within its codes"), T("complete the SINBA record")},
	{"siuss-sinba-data", sevErr, T("SINBA dates are MM/YYYY"), T("write the month as MM/YYYY, e.g. 03/2024")},
	{"siuss-sinba-prestazioni", sevErr, T("a SINBA record lists 1 or more prestazione codes"), T("list the codes of the child's interventions")},
	{"siuss-sinba-famiglia", sevErr, T("a SINBA record lists the household (1–6)"), T("list the household: 1 madre, 2 padre, 3 fratelli, 4 nonni, 5 partner of a parent, 6 others")},
}

// T formats the English text of a rule title, fix or finding message as
// fmt.Sprintf does; its name marks the text for the catalog test of
// internal/i18n, which requires its Italian entry. Human output translates
// the text made (i18n's Known); -o json and csv keep the English.
func T(format string, args ...any) string { return fmt.Sprintf(format, args...) }
