package siuss

import (
	"time"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
)

// Prestazione checks one prestazione against the XSD and the specification.
func (c *Checker) Prestazione(p Prestazione) []Finding {
	fs := &findings{kind: KindPrestazione, id: p.ID}
	if p.TipoOperazione != "" && p.TipoOperazione != Inserimento && p.TipoOperazione != Cancellazione {
		fs.add("siuss-tipo-operazione", "TipoOperazione", T("TipoOperazione is %q, not I or C", p.TipoOperazione))
	}
	fs.enum("siuss-prova-mezzi", "PresenzaProvaMezzi", p.PresenzaProvaMezzi, 4, true)
	c.codice(fs, p)
	if n := utf8.RuneCountInString(p.ProtocolloDomanda); n < 1 || n > 32 {
		fs.add("siuss-protocollo-domanda", "ProtocolloDomanda", T("ProtocolloDomanda has %d characters, not 1–32", n))
	}
	c.dsu(fs, p.DSU)
	c.dates(fs, p)
	switch p.Carattere {
	case Periodica:
		c.periodica(fs, p)
	case Occasionale:
		c.occasionale(fs, p)
	default:
		fs.add("siuss-carattere", "CaratterePrestazione", T("CaratterePrestazione is %d, not 1 (periodica) or 2 (occasionale)", p.Carattere))
	}
	c.quote(fs, p)
	if p.OreServizioMensile != nil && *p.OreServizioMensile < 0 {
		fs.add("siuss-ore-servizio", "OreServizioMensile", T("OreServizioMensile is negative (%s)", p.OreServizioMensile))
	}
	c.presaCarico(fs, p)
	return fs.list
}

// codice checks the code against the table and the name that will be sent.
func (c *Checker) codice(fs *findings, p Prestazione) {
	code, ok := c.codes.Lookup(p.Codice)
	if !ok {
		fs.add("siuss-codice-sconosciuto", "CodicePrestazione", T("the code %q is not in the SIUSS code table %s", p.Codice, c.codes.Version))
	}
	name := denominazione(p, code)
	if n := utf8.RuneCountInString(name); n < 10 || n > 200 {
		fs.add("siuss-denominazione", "DenominazionePrestazione", T("DenominazionePrestazione has %d characters, not 10–200", n))
	} else if p.Denominazione == "" && code.Provvisoria {
		fs.add("siuss-denominazione-provvisoria", "DenominazionePrestazione", T("the code table gives %s a placeholder name", p.Codice))
	}
	if code.DataEvento && p.Carattere == Periodica && p.DataEvento == "" {
		fs.add("siuss-data-evento", "DataEvento", T("a periodic benefit with code %s needs DataEvento", p.Codice))
	}
}

// denominazione is the name sent for a prestazione: its own, else the table's.
func denominazione(p Prestazione, code Code) string {
	if p.Denominazione != "" {
		return p.Denominazione
	}
	return code.Denominazione
}

func (c *Checker) dsu(fs *findings, d DSU) {
	if d.empty() {
		return
	}
	if !d.complete() {
		fs.add("siuss-dsu-incompleto", "NumeroProtocolloDSU", T("the DSU is partly filled: number, year and date go together"))
	}
	if utf8.RuneCountInString(d.Numero) > 30 {
		fs.add("siuss-dsu-formato", "NumeroProtocolloDSU", T("the DSU protocol number has more than 30 characters"))
	}
	if d.Anno != 0 && (d.Anno < 1000 || d.Anno > 9999) {
		fs.add("siuss-dsu-formato", "AnnoProtocolloDSU", T("the DSU protocol year %d is not 4 digits", d.Anno))
	}
}

func (c *Checker) dates(fs *findings, p Prestazione) {
	for _, f := range [...][2]string{
		{"DataDSU", p.DSU.Data}, {"DataEvento", p.DataEvento}, {"DataInizioPrestazione", p.DataInizio},
		{"DataFinePrestazione", p.DataFine}, {"DataErogazionePrestazione", p.DataErogazione},
	} {
		if f[1] == "" {
			continue
		}
		if _, err := time.Parse(csi.DateLayout, f[1]); err != nil {
			fs.add("siuss-data-formato", f[0], T("%s %q is not a YYYY-MM-DD date", f[0], f[1]))
		}
	}
}

func (c *Checker) periodica(fs *findings, p Prestazione) {
	start, errStart := time.Parse(csi.DateLayout, p.DataInizio)
	if p.DataInizio == "" {
		fs.add("siuss-periodica-inizio", "DataInizioPrestazione", T("a periodic benefit needs DataInizioPrestazione"))
	}
	if p.ImportoMensile == nil || *p.ImportoMensile <= 0 {
		fs.add("siuss-periodica-importo", "ImportoMensile", T("a periodic benefit needs ImportoMensile greater than 0"))
	}
	end, errEnd := time.Parse(csi.DateLayout, p.DataFine)
	if errStart == nil && errEnd == nil && (end.Year() != start.Year() || end.Before(start)) {
		fs.add("siuss-periodica-anno", "DataFinePrestazione", T("DataFinePrestazione %s is not in the year of DataInizioPrestazione %s or is before it", p.DataFine, p.DataInizio))
	}
	if p.PeriodoErogazione == 0 {
		return
	}
	if p.PeriodoErogazione < 1 || p.PeriodoErogazione > 12 ||
		(errStart == nil && p.PeriodoErogazione > 13-int(start.Month())) {
		fs.add("siuss-periodo-erogazione", "PeriodoErogazione", T("PeriodoErogazione %d does not fit in the months left in the start's year", p.PeriodoErogazione))
	}
}

func (c *Checker) occasionale(fs *findings, p Prestazione) {
	if p.DataErogazione == "" {
		fs.add("siuss-occasionale-data", "DataErogazionePrestazione", T("a one-off benefit needs DataErogazionePrestazione"))
	}
	if p.Importo == nil || *p.Importo <= 0 {
		fs.add("siuss-occasionale-importo", "ImportoPrestazione", T("a one-off benefit needs ImportoPrestazione greater than 0"))
	}
}

// quote checks the shares: optional, but when given they add up to the
// monthly amount (periodic) or to the amount (one-off).
func (c *Checker) quote(fs *findings, p Prestazione) {
	if p.QuotaEnte == nil && p.QuotaUtente == nil && p.QuotaSSN == nil {
		return
	}
	var sum Decimal
	for _, q := range [...]struct {
		field string
		v     *Decimal
	}{{"ImportoQuotaEnte", p.QuotaEnte}, {"ImportoQuotaUtente", p.QuotaUtente}, {"ImportoQuotaSSN", p.QuotaSSN}} {
		if q.v == nil {
			continue
		}
		sum += *q.v
		if *q.v < 0 || (q.field == "ImportoQuotaEnte" && *q.v == 0) {
			fs.add("siuss-quote-segno", q.field, T("%s is %s", q.field, q.v))
		}
	}
	total, field := p.Importo, "ImportoPrestazione"
	if p.Carattere == Periodica {
		total, field = p.ImportoMensile, "ImportoMensile"
	}
	if total != nil && sum != *total {
		fs.add("siuss-quote-somma", "ImportoQuotaEnte", T("the quote add up to %s, %s is %s", sum, field, total))
	}
}

func (c *Checker) presaCarico(fs *findings, p Prestazione) {
	if p.PresaCarico != PresaCaricoSi && p.PresaCarico != PresaCaricoNo {
		fs.add("siuss-presa-carico", "PresaCarico", T("PresaCarico is unknown: SIUSS takes only 1 (sì) or 2 (no)"))
		return
	}
	fs.enum("siuss-area-utenza", "AreaUtenza", p.AreaUtenza, 3, p.PresaCarico == PresaCaricoSi)
	code, _ := c.codes.Lookup(p.Codice)
	if code.Area != 0 && p.AreaUtenza != 0 && p.AreaUtenza != code.Area {
		fs.add("siuss-area-codice", "AreaUtenza", T("AreaUtenza is %d, the code %s belongs to area %d", p.AreaUtenza, p.Codice, code.Area))
	}
	if code.PresaInCarico && p.PresaCarico != PresaCaricoSi {
		fs.add("siuss-pic-a2", "PresaCarico", T("the code %s goes to SIUSS only for a person in charge", p.Codice))
	}
	switch {
	case p.PresaCarico == PresaCaricoSi && p.AreaUtenza == AreaDisabilita && p.SINA == nil:
		fs.add("siuss-sina-mancante", "SINA", T("a person in charge in area 2 (disabilità e non autosufficienza) needs a SINA assessment"))
	case p.SINA != nil && p.PresaCarico != PresaCaricoSi:
		fs.add("siuss-sina-senza-pic", "SINA", T("a SINA assessment is attached to a person not in charge"))
	}
	if p.SINA != nil {
		c.sina(fs, *p.SINA)
	}
}

func (c *Checker) sina(fs *findings, s SINA) {
	const r = "siuss-sina-campo"
	fs.enum(r, "Mobilita", s.Mobilita, 3, true)
	fs.enum(r, "AttivitaVitaQuotidiana", s.AttivitaVitaQuotidiana, 3, true)
	fs.enum(r, "DisturbiAreaCognitiva", s.DisturbiAreaCognitiva, 3, false)
	fs.enum(r, "DisturbiComportamentali", s.DisturbiComportamentali, 2, true)
	fs.enum(r, "NecessitaCureSanitarie", s.NecessitaCureSanitarie, 3, false)
	fs.enum(r, "AreaReddituale", s.AreaReddituale, 3, true)
	fs.enum(r, "AreaSupporto", s.AreaSupporto, 3, true)
	fs.enum(r, "FonteDerivazioneValutazione", s.FonteDerivazioneValutazione, 4, true)
	fs.enum(r, "StrumentoValutazione", s.StrumentoValutazione, 7, true)
	fs.enum(r, "FonteDerivazioneInvalidita", s.FonteDerivazioneInvalidita, 2, false)
	for _, code := range s.NecessitaInterventi {
		if len(code) < 5 || len(code) > 10 {
			fs.add(r, "NecessitaInterventiSociali", T("the needed intervention code %q is not 5–10 characters", code))
		}
	}
	for _, v := range s.InvaliditaCivile {
		if v < 1 || v > 8 {
			fs.add(r, "InvCiv", T("InvCiv %d is not one of 1–8", v))
		}
	}
}
