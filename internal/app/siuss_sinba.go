package app

import (
	"github.com/csi-mb/csi/internal/siuss"
)

// sinbaOf maps a stored SINBA record (records.SINBA columns) to the flow's
// record; the pseudonym is the caller's.
func sinbaOf(v kindValues) siuss.SINBA {
	s := siuss.SINBA{Cartella: v.str("id_cartella")}
	for col, dst := range sinbaCodes(&s) {
		*dst = v.code(col)
	}
	for col, dst := range map[string]*string{
		"cittadinanza_padre": &s.CittadinanzaPadre, "cittadinanza_madre": &s.CittadinanzaMadre,
		"regione_residenza_padre": &s.RegioneResidenzaPadre, "regione_residenza_madre": &s.RegioneResidenzaMadre,
		"data_prima_segnalazione": &s.DataPrimaSegnalazione, "data_segnalazione": &s.DataSegnalazione,
		"data_provvedimento_giudiziario": &s.DataProvvedimentoGiudiziario,
		"regione_residenza":              &s.RegioneResidenza, "nazione_residenza": &s.NazioneResidenza,
	} {
		*dst = v.str(col)
	}
	s.Prestazioni = v.list("prestazioni")
	for _, c := range v.list("famiglia") {
		s.Famiglia = append(s.Famiglia, code(c))
	}
	return s
}

// sinbaCodes maps the coded columns of a SINBA file to the record's fields.
func sinbaCodes(s *siuss.SINBA) map[string]*int {
	return map[string]*int{
		"minore_straniero_non_accompagnato": &s.MinoreStranieroNoAcc, "condizione_minore": &s.CondizioneMinore,
		"luogo_vita": &s.LuogoVita, "scuola_frequentata": &s.ScuolaFrequentata, "condizione_lavoro": &s.CondizioneLavoro,
		"disabilita": &s.Disabilita, "tipo_disabilita": &s.TipoDisabilita, "inv_civ_certificazioni": &s.InvCivCertificazioni,
		"titolo_studio_padre": &s.TitoloStudioPadre, "titolo_studio_madre": &s.TitoloStudioMadre,
		"occupazione_padre": &s.OccupazionePadre, "occupazione_madre": &s.OccupazioneMadre,
		"fonte_segnalazione": &s.FonteSegnalazione, "valutazione_minore": &s.ValutazioneMinore,
		"valutazione_famiglia_minore":       &s.ValutazioneFamigliaMinore,
		"segnalazione_autorita_giudiziaria": &s.SegnalazioneAutoritaGiudiziaria,
		"provvedimento_giudiziario":         &s.ProvvedimentoGiudiziario, "autorita_provvedimento": &s.AutoritaProvvedimento,
		"potesta_tutela": &s.PotestaTutela, "tipo_provvedimento_giudiziario": &s.TipoProvvedimentoGiudiziario,
		"forma_intervento_affido": &s.FormaInterventoAffido, "tipo_intervento_affido": &s.TipoInterventoAffido,
		"durata_affido": &s.DurataAffido, "carattere_affido": &s.CarattereAffido, "esito_affido": &s.EsitoAffido,
		"carattere_inserimento_residenziale": &s.CarattereInserimentoResidenziale,
		"forma_inserimento_residenziale":     &s.FormaInserimentoResidenziale,
		"tipo_inserimento_residenziale":      &s.TipoInserimentoResidenziale,
		"esito_inserimento_struttura":        &s.EsitoInserimentoStruttura,
		"motivazione_chiusura_carico":        &s.MotivazioneChiusuraCarico,
		"situazione_chiusura_carico":         &s.SituazioneChiusuraCarico,
		"collaborazioni_interventi":          &s.CollaborazioniInterventi,
		"numero_componenti_isee":             &s.NumeroComponentiISEE,
		"fascia_eta_beneficiario":            &s.FasciaEtaBeneficiario,
		"fascia_isee_beneficiario":           &s.FasciaISEEBeneficiario,
		"anno_nascita":                       &s.AnnoNascita,
	}
}
