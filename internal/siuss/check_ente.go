package siuss

import (
	"regexp"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// cfPattern is the XSD's pattern for CodiceFiscale and CFOperatore.
var cfPattern = regexp.MustCompile(`^(?:[A-Za-z]{6}[0-9]{2}[A-Za-z][0-9]{2}[A-Za-z][A-Za-z0-9]{3}[A-Za-z]|[0-9]{11} {0,5})$`)

// validCF reports whether cf passes the XSD pattern and, when it is a
// personal code, its check character.
func validCF(cf string) bool {
	if !cfPattern.MatchString(cf) {
		return false
	}
	return len(cf) != 16 || codicefiscale.Validate(codicefiscale.Normalize(cf)) == nil
}

// Ente checks the sending ente.
func (c *Checker) Ente(e Ente) []Finding {
	fs := &findings{kind: KindEnte, id: e.Codice}
	if !belfioreRe.MatchString(e.Codice) {
		fs.add("siuss-ente-codice", "Codice", T("the ente code %q is not a Belfiore code", e.Codice))
	}
	if utf8.RuneCountInString(e.Denominazione) > 100 {
		fs.add("siuss-ente-denominazione", "Denominazione", T("the ente's name has %d characters, more than 100", utf8.RuneCountInString(e.Denominazione)))
	}
	if !belfioreRe.MatchString(e.SedeLegale) {
		fs.add("siuss-ente-sede", "Indirizzo", T("the legal seat %q is not a Belfiore code", e.SedeLegale))
	}
	if !validCF(e.CFOperatore) {
		fs.add("siuss-operatore-cf", "CFOperatore", T("the operator's codice fiscale is missing or not valid"))
	}
	return fs.list
}

// Beneficiario checks the registry data of the beneficiary of intervento id.
func (c *Checker) Beneficiario(id string, b Beneficiario) []Finding {
	fs := &findings{kind: KindPrestazione, id: id}
	if !validCF(b.CodiceFiscale) {
		fs.add("siuss-beneficiario-cf", "CodiceFiscale", T("the beneficiary's codice fiscale does not match the SIUSS pattern"))
	}
	if b.Cognome == "" && b.Nome == "" && b.AnnoNascita == 0 && b.LuogoNascita == "" {
		fs.add("siuss-anagrafe-mancante", "Anagrafica", T("the registry has no data for the beneficiary on the benefit's date"))
		return fs.list
	}
	c.anagrafica(fs, b)
	c.cittadinanza(fs, "CodiceCittadinanza", b.Cittadinanza, true)
	c.cittadinanza(fs, "CodiceSecondaCittadinanza", b.SecondaCittadinanza, false)
	c.residenza(fs, b.Residenza)
	return fs.list
}

func (c *Checker) anagrafica(fs *findings, b Beneficiario) {
	for _, f := range [2][2]string{{"Cognome", b.Cognome}, {"Nome", b.Nome}} {
		if n := utf8.RuneCountInString(f[1]); n < 1 || n > 36 {
			fs.add("siuss-anagrafica-nome", f[0], T("%s has %d characters, not 1–36", f[0], n))
		}
	}
	if b.AnnoNascita < 1000 || b.AnnoNascita > 9999 {
		fs.add("siuss-anno-nascita", "AnnoNascita", T("the year of birth is missing or not 4 digits"))
	}
	if !belfioreRe.MatchString(b.LuogoNascita) {
		fs.add("siuss-luogo-nascita", "LuogoNascita", T("the place of birth %q is not a Belfiore or Z code", b.LuogoNascita))
	}
	if b.Sesso != "M" && b.Sesso != "F" {
		fs.add("siuss-genere", "Genere", T("the sex %q is not M or F", b.Sesso))
	}
}

func (c *Checker) cittadinanza(fs *findings, field, istat string, required bool) {
	if istat == "" && !required {
		return
	}
	if _, ok := ISOFromISTAT(istat); !ok {
		fs.add("siuss-cittadinanza-iso", field, T("the ISTAT state code %q has no ISO 3166-1 numeric code", istat))
	}
}

func (c *Checker) residenza(fs *findings, r Residenza) {
	if nation(r.Nazione) != ISTATItalia {
		if _, ok := ISOFromISTAT(r.Nazione); !ok {
			fs.add("siuss-residenza-nazione", "CodiceNazione", T("the ISTAT state code %q of the residence has no ISO 3166-1 numeric code", r.Nazione))
		}
		return
	}
	if !istatRe.MatchString(r.Comune) {
		fs.add("siuss-residenza-comune", "CodiceComune", T("the Comune of residence %q is not a 6-digit ISTAT code", r.Comune))
	}
	if _, ok := regioneOf(r); !ok {
		fs.add("siuss-residenza-regione", "CodiceRegione", T("the region of residence is missing or unknown"))
	}
}

// nation returns the ISTAT state code of a residence, Italia when empty.
func nation(istat string) string {
	if istat == "" {
		return ISTATItalia
	}
	return istat
}

// regioneOf returns the region code of a residence: the one given, else the
// one of its Comune.
func regioneOf(r Residenza) (string, bool) {
	if r.Regione != "" {
		_, ok := RegioneName(r.Regione)
		return r.Regione, ok
	}
	return RegioneOfComune(r.Comune)
}
