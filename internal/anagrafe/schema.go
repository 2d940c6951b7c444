// Package anagrafe turns the rows of a Comune's registry extract into person
// records: it knows the canonical columns and their aliases, decides which
// rows must be rejected and why, and fingerprints each record so that an
// update writes only what changed. It does no I/O.
package anagrafe

import "github.com/csi-mb/csi/internal/dialect"

// Canonical column positions in Schema.
const (
	ColCF = iota
	ColCognome
	ColNome
	ColSesso
	ColDataNascita
	ColLuogoNascita
	ColCittadinanza
	ColComuneResidenza
	ColIndirizzo
	ColCivico
	ColCAP
	ColCodiceFamiglia
	ColRelazioneParentela
	ColStatoCivile
	ColDataIscrizione
	ColMotivoIscrizione
	ColDataCancellazione
	ColMotivoCancellazione
	NumCols
)

// Schema is the registry extract's set of columns (spec §5).
var Schema = dialect.Schema{Kind: "anagrafe", Columns: []dialect.Column{
	{Name: "codice_fiscale", Aliases: []string{"cf", "c_f", "codicefiscale", "cod_fiscale", "codfisc", "cod_fisc", "codice_fisc"}, Required: true},
	{Name: "cognome", Required: true},
	{Name: "nome", Required: true},
	{Name: "sesso", Aliases: []string{"genere", "sex"}, Required: true},
	{Name: "data_nascita", Aliases: []string{"data_di_nascita", "dt_nascita", "datanascita", "data_nasc", "nato_il", "nata_il"}, Required: true},
	{Name: "luogo_nascita", Aliases: []string{"comune_nascita", "cod_comune_nascita", "codice_catastale_nascita", "luogo_di_nascita",
		"comune_di_nascita", "cod_catastale_nascita", "belfiore_nascita"}, Required: true},
	{Name: "cittadinanza", Aliases: []string{"cod_cittadinanza", "codice_cittadinanza", "cittadinanza_1"}},
	{Name: "comune_residenza", Aliases: []string{"istat_residenza", "codice_istat", "cod_istat_comune"}},
	{Name: "indirizzo", Aliases: []string{"via", "toponimo", "indirizzo_residenza", "denominazione_via"}},
	{Name: "civico", Aliases: []string{"numero_civico", "n_civico", "num_civico"}},
	{Name: "cap", Aliases: []string{"cap_residenza", "c_a_p"}},
	{Name: "codice_famiglia", Aliases: []string{"numero_famiglia", "num_famiglia", "n_famiglia", "cod_famiglia", "id_famiglia", "famiglia",
		"codice_nucleo", "nucleo_familiare"}},
	{Name: "relazione_parentela", Aliases: []string{"rapporto_parentela", "parentela", "cod_parentela", "rapporto_con_intestatario"}},
	{Name: "stato_civile", Aliases: []string{"cod_stato_civile"}},
	{Name: "data_iscrizione", Aliases: []string{"dt_iscrizione", "data_iscr"}},
	{Name: "motivo_iscrizione", Aliases: []string{"causale_iscrizione"}},
	{Name: "data_cancellazione", Aliases: []string{"dt_cancellazione", "data_canc"}},
	{Name: "motivo_cancellazione", Aliases: []string{"causale_cancellazione"}},
}}

// Fields lists the canonical column names in schema order.
func Fields() []string {
	out := make([]string, NumCols)
	for i, c := range Schema.Columns {
		out[i] = c.Name
	}
	return out
}

// required lists the columns that may not be empty in a row.
var required = []int{ColCF, ColCognome, ColNome, ColSesso, ColDataNascita, ColLuogoNascita}

// dateCols lists the columns parsed as dates.
var dateCols = []int{ColDataNascita, ColDataIscrizione, ColDataCancellazione}
