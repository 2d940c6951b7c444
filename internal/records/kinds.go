package records

var cfAliases = []string{"cf", "codicefiscale", "cod_fiscale", "codfisc"}

// Accessi are contacts at the segretariato sociale (phase A).
var Accessi = &Kind{Name: "accessi", Record: "accesso", Table: "accessi",
	Columns: []Column{
		{"id_accesso", []string{"id", "codice_accesso"}, Text},
		{"data_accesso", []string{"data", "data_contatto"}, Date},
		{"comune", []string{"istat", "codice_istat", "comune_sportello"}, Comune},
		{"sportello", []string{"tipo_sportello"}, Code},
		{"codice_fiscale", cfAliases, CF},
		{"area", []string{"area_utenza", "area_intervento"}, Code},
		{"esito", []string{"esito_accesso"}, Code},
		{"operatore", []string{"operatrice"}, Text},
	},
	Required: []string{"data_accesso", "comune"},
	Person:   "codice_fiscale",
}

// Cartelle are people taken in charge (phases B–E).
var Cartelle = &Kind{Name: "cartelle", Record: "cartella", Table: "cartelle",
	Columns: []Column{
		{"id_cartella", []string{"id", "codice_cartella"}, Text},
		{"codice_fiscale", cfAliases, CF},
		{"comune", []string{"istat", "codice_istat"}, Comune},
		{"data_apertura", []string{"apertura", "data_presa_in_carico"}, Date},
		{"data_chiusura", []string{"chiusura"}, Date},
		{"motivo_chiusura", []string{"causa_chiusura"}, Code},
		{"area", []string{"area_utenza", "area_intervento"}, Code},
		{"case_manager", []string{"operatore", "assistente_sociale"}, Text},
	},
	Required: []string{"codice_fiscale", "comune", "data_apertura"},
	Person:   "codice_fiscale",
}

// Interventi are benefits and services delivered within a cartella (phase D);
// an intervento belongs to its cartella's Comune.
var Interventi = &Kind{Name: "interventi", Record: "intervento", Table: "interventi",
	Columns: append([]Column{
		{"id_intervento", []string{"id", "codice_intervento"}, Text},
		{"id_cartella", []string{"cartella", "codice_cartella"}, Text},
		{"codice_prestazione", []string{"prestazione", "cod_prestazione"}, Code},
		{"carattere", []string{"carattere_prestazione"}, Code},
		{"data_inizio", []string{"inizio"}, Date},
		{"data_fine", []string{"fine"}, Date},
		{"importo_mensile", []string{"mensile"}, Amount},
		{"data_erogazione", []string{"erogazione"}, Date},
		{"importo", []string{"importo_erogato"}, Amount},
		{"misura", []string{"misura_regionale"}, Code},
		{"presa_in_carico", []string{"pic"}, Code},
		// Optional: the Comune of the cartella; without it the import takes
		// the Comune of the only cartella with that id.
		{"comune", []string{"istat", "codice_istat"}, Comune},
		// The SIUSS fields (siuss_kinds.go), all optional.
	}, siussInterventiColumns...),
	Required: []string{"id_cartella", "codice_prestazione"},
	Person:   "id_cartella",
	// Files written before the SIUSS columns keep their rows' fingerprints.
	Stable: 12,
}
