package siuss

import (
	"fmt"
	"strconv"
	"strings"
)

// The functions below map checked domain values to the XML shapes; the
// checks guarantee that every code they transcode exists.

func (e *Encoder) beneficiario(b BeneficiarioPS) xmlBeneficiario {
	x := xmlBeneficiario{
		CodiceFiscale: strings.ToUpper(b.CodiceFiscale),
		Anagrafica: xmlAnagrafica{
			Cognome: b.Cognome, Nome: b.Nome, AnnoNascita: strconv.Itoa(b.AnnoNascita),
			LuogoNascita: b.LuogoNascita, Genere: genere(b.Sesso),
			CodiceCittadinanza: iso(b.Cittadinanza), CodiceSecondaCittadinanza: iso(b.SecondaCittadinanza),
		},
		Indirizzo: []xmlIndirizzo{indirizzo(b.Residenza)},
	}
	for _, p := range b.Prestazioni {
		x.Prestazioni = append(x.Prestazioni, e.prestazione(p))
	}
	return x
}

func genere(sesso string) string {
	if sesso == "F" {
		return "2"
	}
	return "1"
}

// iso transcodes an ISTAT state code, "" staying "".
func iso(istat string) string {
	code, _ := ISOFromISTAT(istat)
	return code
}

func indirizzo(r Residenza) xmlIndirizzo {
	if nation(r.Nazione) != ISTATItalia {
		return xmlIndirizzo{CodiceNazione: iso(r.Nazione)}
	}
	reg, _ := regioneOf(r)
	return xmlIndirizzo{CodiceRegione: reg, CodiceComune: r.Comune, CodiceNazione: ISOItalia}
}

// code formats a coded value, 0 (not given) as "".
func code(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

func (e *Encoder) prestazione(p Prestazione) xmlPrestazione {
	c, _ := e.codes.Lookup(p.Codice)
	x := xmlPrestazione{
		TipoOperazione:     p.TipoOperazione,
		PresenzaProvaMezzi: code(p.PresenzaProvaMezzi), CaratterePrestazione: code(int(p.Carattere)),
		CodicePrestazione: p.Codice, DenominazionePrestazione: denominazione(p, c),
		ProtocolloDomanda: p.ProtocolloDomanda, DataEvento: p.DataEvento,
		DataInizioPrestazione: p.DataInizio, DataFinePrestazione: p.DataFine, DataErogazionePrestazione: p.DataErogazione,
		ImportoPrestazione: optDecimal(p.Importo), PeriodoErogazione: code(p.PeriodoErogazione),
		ImportoMensile: optDecimal(p.ImportoMensile), ImportoQuotaEnte: optDecimal(p.QuotaEnte),
		ImportoQuotaUtente: optDecimal(p.QuotaUtente), ImportoQuotaSSN: optDecimal(p.QuotaSSN),
		ImportoQuotaRichiesta: optDecimal(p.QuotaRichiesta), ImportoSogliaISEE: optDecimal(p.SogliaISEE),
		OreServizioMensile: oreMinuti(p.OreServizioMensile),
		PresaCarico:        code(int(p.PresaCarico)), AreaUtenza: code(p.AreaUtenza),
	}
	if p.TipoOperazione == "" {
		x.TipoOperazione = Inserimento
	}
	if p.DSU.complete() {
		x.NumeroProtocolloDSU, x.AnnoProtocolloDSU, x.DataDSU = p.DSU.Numero, strconv.Itoa(p.DSU.Anno), p.DSU.Data
	}
	if p.SINA != nil {
		x.SINA = sinaXML(*p.SINA)
	}
	return x
}

func sinaXML(s SINA) *xmlSINA {
	x := &xmlSINA{
		Mobilita: code(s.Mobilita), AttivitaVitaQuotidiana: code(s.AttivitaVitaQuotidiana),
		DisturbiAreaCognitiva: code(s.DisturbiAreaCognitiva), DisturbiComportamentali: code(s.DisturbiComportamentali),
		NecessitaCureSanitarie: code(s.NecessitaCureSanitarie), AreaReddituale: code(s.AreaReddituale),
		AreaSupporto: code(s.AreaSupporto), FonteDerivazioneValutazione: code(s.FonteDerivazioneValutazione),
		StrumentoValutazione: code(s.StrumentoValutazione), FonteDerivazioneInvalidita: code(s.FonteDerivazioneInvalidita),
	}
	if len(s.NecessitaInterventi) > 0 {
		x.Necessita = &xmlCodici{Codici: s.NecessitaInterventi}
	}
	if len(s.InvaliditaCivile) > 0 {
		x.Invalidita = &xmlInvCivile{}
		for _, v := range s.InvaliditaCivile {
			x.Invalidita.InvCiv = append(x.Invalidita.InvCiv, strconv.Itoa(v))
		}
	}
	return x
}

func sinbaXML(s SINBA) xmlSINBA {
	x := xmlSINBA{
		IDBeneficiario:          s.IDBeneficiario,
		CodiceCittadinanzaPadre: iso(s.CittadinanzaPadre), CodiceCittadinanzaMadre: iso(s.CittadinanzaMadre),
		CodiceRegioneResidenzaPadre: s.RegioneResidenzaPadre, CodiceRegioneResidenzaMadre: s.RegioneResidenzaMadre,
		DataPrimaSegnalazione: s.DataPrimaSegnalazione, DataSegnalazione: s.DataSegnalazione,
		DataProvvedimentoGiudiziario: s.DataProvvedimentoGiudiziario,
		NumeroComponentiISEE:         code(s.NumeroComponentiISEE), AnnoNascita: strconv.Itoa(s.AnnoNascita),
		CodiceNazioneResidenza: ISOItalia,
		Prestazioni:            xmlCodici{Codici: s.Prestazioni},
	}
	if nation(s.NazioneResidenza) == ISTATItalia {
		x.CodiceRegioneResidenza = s.RegioneResidenza
	} else {
		x.CodiceNazioneResidenza = iso(s.NazioneResidenza)
	}
	setSINBACodes(&x, s)
	for _, v := range s.Famiglia {
		x.Famiglia.Composizione = append(x.Famiglia.Composizione, strconv.Itoa(v))
	}
	return x
}

// setSINBACodes copies the coded attributes, in the order of sinbaEnums.
func setSINBACodes(x *xmlSINBA, s SINBA) {
	dst := []*string{
		&x.MinoreStranieroNoAcc, &x.CondizioneMinore, &x.LuogoVita, &x.ScuolaFrequentata,
		&x.CondizioneLavoro, &x.Disabilita, &x.TipoDisabilita, &x.InvCivCertificazioni,
		&x.TitoloStudioPadre, &x.TitoloStudioMadre, &x.OccupazionePadre, &x.OccupazioneMadre,
		&x.FonteSegnalazione, &x.ValutazioneMinore, &x.ValutazioneFamigliaMinore,
		&x.SegnalazioneAutoritaGiudiziaria, &x.ProvvedimentoGiudiziario, &x.AutoritaProvvedimento,
		&x.PotestaTutela, &x.TipoProvvedimentoGiudiziario, &x.FormaInterventoAffido,
		&x.TipoInterventoAffido, &x.DurataAffido, &x.CarattereAffido, &x.EsitoAffido,
		&x.CarattereInserimentoResidenziale, &x.FormaInserimentoResidenziale,
		&x.TipoInserimentoResidenziale, &x.EsitoInserimentoStruttura, &x.MotivazioneChiusuraCarico,
		&x.SituazioneChiusuraCarico, &x.CollaborazioniInterventi, &x.FasciaEtaBeneficiario,
		&x.FasciaISEEBeneficiario,
	}
	enums := sinbaEnums(s)
	if len(enums) != len(dst) {
		panic("siuss: SINBA coded attributes out of step")
	}
	for i, e := range enums {
		*dst[i] = code(e.v)
	}
}

// oreMinuti writes decimal hours as the hours.minutes value the
// specification asks for (HH ore e MM minuti), rounding to the minute.
func oreMinuti(h *Decimal) string {
	if h == nil {
		return ""
	}
	minutes := (int64(*h)*60 + 50) / 100
	return fmt.Sprintf("%d.%02d", minutes/60, minutes%60)
}
