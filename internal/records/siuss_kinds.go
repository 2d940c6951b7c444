package records

import (
	"regexp"
	"strings"

	"github.com/csi-mb/csi/internal/dialect"
)

// siussInterventiColumns are the optional columns of an intervento that the
// PS-PSA flow to INPS's SIUSS needs besides the original ones. Amounts are
// euro cents; ore_servizio_mensile is hundredths of an hour (12,5 = 12 h 30').
var siussInterventiColumns = []Column{
	{"protocollo_domanda", []string{"protocollo", "prot_domanda", "numero_protocollo_domanda"}, Text},
	{"presenza_prova_mezzi", []string{"prova_mezzi", "flag_prova_mezzi"}, Code},
	{"numero_protocollo_dsu", []string{"protocollo_dsu", "numero_dsu"}, Text},
	{"anno_protocollo_dsu", []string{"anno_dsu"}, Code},
	{"data_dsu", []string{"data_presentazione_dsu"}, Date},
	{"data_evento", []string{"evento"}, Date},
	{"quota_ente", []string{"importo_quota_ente"}, Amount},
	{"quota_utente", []string{"importo_quota_utente", "compartecipazione_utente"}, Amount},
	{"quota_ssn", []string{"importo_quota_ssn", "quota_sanitaria"}, Amount},
	{"quota_richiesta", []string{"importo_quota_richiesta"}, Amount},
	{"soglia_isee", []string{"importo_soglia_isee"}, Amount},
	{"ore_servizio_mensile", []string{"ore_mensili", "ore_servizio"}, Amount},
	{"area_utenza", []string{"area_utenza_siuss"}, Code},
	{"denominazione_prestazione", []string{"denominazione"}, Text},
}

// ValutazioniSINA are the multidimensional assessments of disabled or
// non-self-sufficient people (the SINA block of the PS-PSA flow): one per
// person and date, keyed like every record by Comune and id. Coded answers
// keep the XSD's values; the lists (civil invalidity, needed interventions)
// separate their codes with '|', '+' or spaces.
var ValutazioniSINA = &Kind{Name: "valutazioni-sina", Record: "valutazione", Table: "valutazioni_sina",
	Columns: []Column{
		{"id_valutazione", []string{"id", "codice_valutazione"}, Text},
		{"codice_fiscale", cfAliases, CF},
		{"comune", []string{"istat", "codice_istat"}, Comune},
		{"data_valutazione", []string{"data"}, Date},
		{"mobilita", nil, Code},
		{"attivita_vita_quotidiana", []string{"avq"}, Code},
		{"disturbi_area_cognitiva", []string{"disturbi_cognitivi"}, Code},
		{"disturbi_comportamentali", nil, Code},
		{"necessita_cure_sanitarie", []string{"cure_sanitarie"}, Code},
		{"area_reddituale", nil, Code},
		{"area_supporto", nil, Code},
		{"fonte_derivazione_valutazione", []string{"fonte_valutazione"}, Code},
		{"strumento_valutazione", []string{"strumento"}, Code},
		{"fonte_derivazione_invalidita", []string{"fonte_invalidita"}, Code},
		{"invalidita_civile", []string{"inv_civ", "invalidita"}, List},
		{"necessita_interventi", []string{"necessita_interventi_sociali", "interventi_necessari"}, List},
	},
	Required: []string{"codice_fiscale", "comune", "data_valutazione"},
	Person:   "codice_fiscale",
}

// SINBA are the records of children taken in charge (the SINBA flow), one
// per cartella: the flow never carries the codice fiscale, only a pseudonym
// derived from the Comune and the cartella. State codes are ISTAT codes
// (100 = Italia); months are MM/YYYY; the lists separate their codes with
// '|', '+' or spaces.
var SINBA = &Kind{Name: "sinba", Record: "sinba", Table: "sinba",
	Columns: []Column{
		{"id_cartella", []string{"cartella", "codice_cartella"}, Text},
		{"comune", []string{"istat", "codice_istat"}, Comune},
		{"minore_straniero_non_accompagnato", []string{"minore_straniero_no_acc", "msna"}, Code},
		{"condizione_minore", nil, Code},
		{"luogo_vita", nil, Code},
		{"scuola_frequentata", nil, Code},
		{"condizione_lavoro", nil, Code},
		{"disabilita", nil, Code},
		{"tipo_disabilita", nil, Code},
		{"inv_civ_certificazioni", nil, Code},
		{"cittadinanza_padre", []string{"codice_cittadinanza_padre"}, Code},
		{"cittadinanza_madre", []string{"codice_cittadinanza_madre"}, Code},
		{"regione_residenza_padre", []string{"codice_regione_residenza_padre"}, Code},
		{"regione_residenza_madre", []string{"codice_regione_residenza_madre"}, Code},
		{"titolo_studio_padre", nil, Code},
		{"titolo_studio_madre", nil, Code},
		{"occupazione_padre", nil, Code},
		{"occupazione_madre", nil, Code},
		{"data_prima_segnalazione", nil, Month},
		{"fonte_segnalazione", nil, Code},
		{"valutazione_minore", nil, Code},
		{"valutazione_famiglia_minore", nil, Code},
		{"segnalazione_autorita_giudiziaria", nil, Code},
		{"data_segnalazione", nil, Month},
		{"provvedimento_giudiziario", nil, Code},
		{"data_provvedimento_giudiziario", nil, Month},
		{"autorita_provvedimento", nil, Code},
		{"potesta_tutela", nil, Code},
		{"tipo_provvedimento_giudiziario", nil, Code},
		{"forma_intervento_affido", nil, Code},
		{"tipo_intervento_affido", nil, Code},
		{"durata_affido", nil, Code},
		{"carattere_affido", nil, Code},
		{"esito_affido", nil, Code},
		{"carattere_inserimento_residenziale", nil, Code},
		{"forma_inserimento_residenziale", nil, Code},
		{"tipo_inserimento_residenziale", nil, Code},
		{"esito_inserimento_struttura", nil, Code},
		{"motivazione_chiusura_carico", nil, Code},
		{"situazione_chiusura_carico", nil, Code},
		{"collaborazioni_interventi", nil, Code},
		{"numero_componenti_isee", nil, Code},
		{"fascia_eta_beneficiario", []string{"fascia_eta"}, Code},
		{"fascia_isee_beneficiario", []string{"fascia_isee"}, Code},
		{"anno_nascita", nil, Code},
		{"regione_residenza", []string{"codice_regione_residenza"}, Code},
		{"nazione_residenza", []string{"codice_nazione_residenza"}, Code},
		{"prestazioni", []string{"codici_prestazione", "codice_prestazione"}, List},
		{"famiglia", []string{"composizione_famiglia"}, List},
	},
	Required: []string{"comune"},
	Person:   "id_cartella",
}

// monthRe matches M/YYYY, MM/YYYY and YYYY-MM.
var monthRe = regexp.MustCompile(`^(?:([0-9]{1,2})/([0-9]{4})|([0-9]{4})-([0-9]{2}))$`)

// parseMonth reads a month as MM/YYYY, YYYY-MM or any full date, and
// returns it as MM/YYYY; empty stays empty. A value that is not a month
// returns the reason of the row's rejection (name is the column).
func parseMonth(name, s string) (any, string) {
	if s == "" {
		return "", ""
	}
	if g := monthRe.FindStringSubmatch(s); g != nil {
		m, y := g[1]+g[4], g[2]+g[3]
		if len(m) == 1 {
			m = "0" + m
		}
		if m >= "01" && m <= "12" {
			return m + "/" + y, ""
		}
		return nil, T("%s is not a month: %s is not 1-12", name, m)
	}
	d, err := dialect.ParseDate(s)
	if err != nil {
		return nil, T("%s is not a month (MM/YYYY) nor a date", name)
	}
	return d[5:7] + "/" + d[:4], ""
}

// joinList normalises a list of codes: split on '|', '+' and spaces,
// upper-cased, joined by '|'.
func joinList(s string) string {
	parts := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == '|' || r == '+' || r == ' ' || r == '\t'
	})
	return strings.Join(parts, "|")
}
