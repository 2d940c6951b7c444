package siuss

import (
	"regexp"
	"unicode/utf8"
)

// meseAnnoRe is the XSD's DataMeseAnnoType.
var meseAnnoRe = regexp.MustCompile(`^(0[1-9]|1[0-2])/(19|20)[0-9]{2}$`)

// SINBA checks one SINBA record against the XSD and the specification.
func (c *Checker) SINBA(s SINBA) []Finding {
	id := s.Cartella
	if id == "" {
		id = s.IDBeneficiario
	}
	fs := &findings{kind: KindSINBA, id: id}
	if n := utf8.RuneCountInString(s.IDBeneficiario); n < 1 || n > 20 {
		fs.add("siuss-sinba-id", "IDBeneficiario", T("IDBeneficiario has %d characters, not 1–20", n))
	}
	if cfInside.MatchString(s.IDBeneficiario) {
		fs.add("siuss-sinba-cf", "IDBeneficiario", T("IDBeneficiario contains a codice fiscale"))
	}
	c.sinbaCodes(fs, s)
	c.sinbaDates(fs, s)
	if s.AnnoNascita < 1000 || s.AnnoNascita > 9999 {
		fs.add("siuss-anno-nascita", "AnnoNascita", T("the year of birth is missing or not 4 digits"))
	}
	if s.NumeroComponentiISEE < 0 || s.NumeroComponentiISEE > 9 {
		fs.add("siuss-sinba-campo", "NumeroComponentiISEE", T("NumeroComponentiISEE is %d, more than 9", s.NumeroComponentiISEE))
	}
	c.sinbaPlaces(fs, s)
	c.sinbaLists(fs, s)
	return fs.list
}

// sinbaEnum is one coded SINBA attribute: its name, value, largest code and
// whether the XSD requires it.
type sinbaEnum struct {
	field    string
	v, max   int
	required bool
}

func sinbaEnums(s SINBA) []sinbaEnum {
	return []sinbaEnum{
		{"MinoreStranieroNoAcc", s.MinoreStranieroNoAcc, 2, true},
		{"CondizioneMinore", s.CondizioneMinore, 5, true},
		{"LuogoVita", s.LuogoVita, 8, true},
		{"ScuolaFrequentata", s.ScuolaFrequentata, 8, true},
		{"CondizioneLavoro", s.CondizioneLavoro, 4, true},
		{"Disabilita", s.Disabilita, 2, true},
		{"TipoDisabilita", s.TipoDisabilita, 4, false},
		{"InvCivCertificazioni", s.InvCivCertificazioni, 5, false},
		{"TitoloStudioPadre", s.TitoloStudioPadre, 6, false},
		{"TitoloStudioMadre", s.TitoloStudioMadre, 6, false},
		{"OccupazionePadre", s.OccupazionePadre, 8, false},
		{"OccupazioneMadre", s.OccupazioneMadre, 8, false},
		{"FonteSegnalazione", s.FonteSegnalazione, 14, true},
		{"ValutazioneMinore", s.ValutazioneMinore, 13, true},
		{"ValutazioneFamigliaMinore", s.ValutazioneFamigliaMinore, 13, true},
		{"SegnalazioneAutoritaGiudiziaria", s.SegnalazioneAutoritaGiudiziaria, 2, true},
		{"ProvvedimentoGiudiziario", s.ProvvedimentoGiudiziario, 2, true},
		{"AutoritaProvvedimento", s.AutoritaProvvedimento, 4, false},
		{"PotestaTutela", s.PotestaTutela, 5, false},
		{"TipoProvvedimentoGiudiziario", s.TipoProvvedimentoGiudiziario, 8, false},
		{"FormaInterventoAffido", s.FormaInterventoAffido, 2, false},
		{"TipoInterventoAffido", s.TipoInterventoAffido, 2, false},
		{"DurataAffido", s.DurataAffido, 2, false},
		{"CarattereAffido", s.CarattereAffido, 2, false},
		{"EsitoAffido", s.EsitoAffido, 9, false},
		{"CarattereInserimentoResidenziale", s.CarattereInserimentoResidenziale, 10, false},
		{"FormaInserimentoResidenziale", s.FormaInserimentoResidenziale, 2, false},
		{"TipoInserimentoResidenziale", s.TipoInserimentoResidenziale, 2, false},
		{"EsitoInserimentoStruttura", s.EsitoInserimentoStruttura, 9, false},
		{"MotivazioneChiusuraCarico", s.MotivazioneChiusuraCarico, 9, false},
		{"SituazioneChiusuraCarico", s.SituazioneChiusuraCarico, 8, false},
		{"CollaborazioniInterventi", s.CollaborazioniInterventi, 9, false},
		{"FasciaEtaBeneficiario", s.FasciaEtaBeneficiario, 6, true},
		{"FasciaISEEBeneficiario", s.FasciaISEEBeneficiario, 8, false},
	}
}

func (c *Checker) sinbaCodes(fs *findings, s SINBA) {
	for _, e := range sinbaEnums(s) {
		fs.enum("siuss-sinba-campo", e.field, e.v, e.max, e.required)
	}
}

func (c *Checker) sinbaDates(fs *findings, s SINBA) {
	if s.DataPrimaSegnalazione == "" {
		fs.add("siuss-sinba-data", "DataPrimaSegnalazione", T("DataPrimaSegnalazione is required"))
	}
	for _, f := range [...][2]string{
		{"DataPrimaSegnalazione", s.DataPrimaSegnalazione}, {"DataSegnalazione", s.DataSegnalazione},
		{"DataProvvedimentoGiudiziario", s.DataProvvedimentoGiudiziario},
	} {
		if f[1] != "" && !meseAnnoRe.MatchString(f[1]) {
			fs.add("siuss-sinba-data", f[0], T("%s %q is not MM/YYYY", f[0], f[1]))
		}
	}
}

func (c *Checker) sinbaPlaces(fs *findings, s SINBA) {
	c.cittadinanza(fs, "CodiceCittadinanzaPadre", s.CittadinanzaPadre, false)
	c.cittadinanza(fs, "CodiceCittadinanzaMadre", s.CittadinanzaMadre, false)
	for _, f := range [...][2]string{
		{"CodiceRegioneResidenzaPadre", s.RegioneResidenzaPadre}, {"CodiceRegioneResidenzaMadre", s.RegioneResidenzaMadre},
	} {
		if _, ok := RegioneName(f[1]); f[1] != "" && !ok {
			fs.add("siuss-residenza-regione", f[0], T("the region code %q is unknown", f[1]))
		}
	}
	if nation(s.NazioneResidenza) != ISTATItalia {
		if _, ok := ISOFromISTAT(s.NazioneResidenza); !ok {
			fs.add("siuss-residenza-nazione", "CodiceNazioneResidenza", T("the ISTAT state code %q of the residence has no ISO 3166-1 numeric code", s.NazioneResidenza))
		}
		return
	}
	if _, ok := RegioneName(s.RegioneResidenza); !ok {
		fs.add("siuss-residenza-regione", "CodiceRegioneResidenza", T("a child living in Italy needs a known region code"))
	}
}

func (c *Checker) sinbaLists(fs *findings, s SINBA) {
	if len(s.Prestazioni) == 0 {
		fs.add("siuss-sinba-prestazioni", "Prestazioni", T("the record lists no prestazione"))
	}
	for _, code := range s.Prestazioni {
		if _, ok := c.codes.Lookup(code); !ok {
			fs.add("siuss-codice-sconosciuto", "CodicePrestazione", T("the code %q is not in the SIUSS code table %s", code, c.codes.Version))
		}
	}
	if len(s.Famiglia) == 0 {
		fs.add("siuss-sinba-famiglia", "ComposizioneFamiglia", T("the record lists no household member"))
	}
	for _, v := range s.Famiglia {
		if v < 1 || v > 6 {
			fs.add("siuss-sinba-famiglia", "ComposizioneFamiglia", T("ComposizioneFamiglia %d is not one of 1–6", v))
		}
	}
}
