package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/store"
)

var _ siussSource = (*Services)(nil)

// siussInterventi streams the interventi of q as the PS-PSA flow carries
// them: one read of the store, whatever the number of interventi.
func (s *Services) siussInterventi(ctx context.Context, q SiussQuery, fn func(SiussIntervento) error) error {
	return s.st.EachSiussIntervento(ctx, store.SiussQuery(q), func(r store.SiussInterventoRow) error {
		v := kindValues{records.Interventi, r.Values}
		x := SiussIntervento{Comune: v.str("comune"), Cartella: v.str("id_cartella"), Hash: r.Hash, InRegistry: r.Person != nil}
		x.Prestazione = prestazioneOf(v, r.Area)
		// The flow carries SINA only for a person in charge (PresaCarico 1).
		if r.SINA != nil && x.Prestazione.PresaCarico == siuss.PresaCaricoSi {
			x.Prestazione.SINA = sinaOf(kindValues{records.ValutazioniSINA, r.SINA})
		}
		x.Beneficiario = beneficiarioOf(r.CodiceFiscale, r.Person)
		return fn(x)
	})
}

// siussSINBA streams the SINBA records of q, each under its pseudonym.
func (s *Services) siussSINBA(ctx context.Context, q SiussQuery, fn func(SiussSINBA) error) error {
	return s.st.EachSiussSINBA(ctx, store.SiussQuery(q), func(r store.SiussSINBARow) error {
		v := kindValues{records.SINBA, r.Values}
		x := SiussSINBA{Comune: v.str("comune"), Cartella: v.str("id_cartella"), Hash: r.Hash}
		x.Record = sinbaOf(v)
		if x.Record.AnnoNascita == 0 {
			x.Record.AnnoNascita = code(r.AnnoNascita)
		}
		// A cartella id that embeds a codice fiscale gets no pseudonym:
		// the check reports the empty IDBeneficiario.
		x.Record.IDBeneficiario, _ = siuss.PseudonimoSINBA(r.Belfiore, x.Cartella)
		return fn(x)
	})
}

// siussEnte returns the Comune as the sending ente: its Belfiore code,
// name, and its own Belfiore code as legal seat.
func (s *Services) siussEnte(ctx context.Context, istat string) (siuss.Ente, error) {
	belfiore, nome, err := s.st.SiussComune(ctx, istat)
	if err != nil {
		return siuss.Ente{}, err
	}
	return siuss.Ente{Codice: belfiore, Denominazione: "Comune di " + nome, SedeLegale: belfiore}, nil
}

// kindValues are a stored record's values in its kind's column order.
type kindValues struct {
	kind *records.Kind
	vals []any
}

func (v kindValues) str(name string) string {
	s, _ := v.vals[v.kind.Index(name)].(string)
	return s
}

// decimal returns an amount (hundredths) as a SIUSS decimal, nil when empty.
func (v kindValues) decimal(name string) *siuss.Decimal {
	n, ok := v.vals[v.kind.Index(name)].(int64)
	if !ok {
		return nil
	}
	d := siuss.Decimal(n)
	return &d
}

func (v kindValues) code(name string) int { return code(v.str(name)) }

// list splits a stored list ('|'-joined).
func (v kindValues) list(name string) []string {
	if s := v.str(name); s != "" {
		return strings.Split(s, "|")
	}
	return nil
}

// code reads a numeric code: 0 when empty, -1 when not a number (so that
// the check reports it as outside its list).
func code(s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// areaUtenza maps an area (the SIUSS code 1–3, or a CSI area code) to the
// SIUSS AreaUtenza: FAM 1, DIS and ANZ 2, the others 3; 0 when empty, -1
// when unknown.
func areaUtenza(s string) int {
	switch s {
	case "":
		return 0
	case "1", "FAM":
		return siuss.AreaFamigliaMinori
	case "2", "DIS", "ANZ":
		return siuss.AreaDisabilita
	case "3", "IMM", "POV", "DIP", "SAM", "MUL":
		return siuss.AreaPoverta
	}
	return -1
}

// prestazioneOf maps a stored intervento to its PS-PSA prestazione; an
// intervento without its own area utenza takes its cartella's.
func prestazioneOf(v kindValues, cartellaArea string) siuss.Prestazione {
	p := siuss.Prestazione{
		ID: v.str("id_intervento"), PresenzaProvaMezzi: v.code("presenza_prova_mezzi"),
		DSU:    siuss.DSU{Numero: v.str("numero_protocollo_dsu"), Anno: v.code("anno_protocollo_dsu"), Data: v.str("data_dsu")},
		Codice: v.str("codice_prestazione"), Denominazione: v.str("denominazione_prestazione"),
		ProtocolloDomanda: v.str("protocollo_domanda"), DataEvento: v.str("data_evento"),
		DataInizio: v.str("data_inizio"), DataFine: v.str("data_fine"), DataErogazione: v.str("data_erogazione"),
		Importo: v.decimal("importo"), ImportoMensile: v.decimal("importo_mensile"),
		QuotaEnte: v.decimal("quota_ente"), QuotaUtente: v.decimal("quota_utente"), QuotaSSN: v.decimal("quota_ssn"),
		QuotaRichiesta: v.decimal("quota_richiesta"), SogliaISEE: v.decimal("soglia_isee"),
		OreServizioMensile: v.decimal("ore_servizio_mensile"),
	}
	switch v.str("carattere") {
	case "P":
		p.Carattere = siuss.Periodica
	case "O":
		p.Carattere = siuss.Occasionale
	}
	switch v.str("presa_in_carico") {
	case "S", "SI", "1":
		p.PresaCarico = siuss.PresaCaricoSi
	case "N", "NO", "2":
		p.PresaCarico = siuss.PresaCaricoNo
	}
	p.AreaUtenza = areaUtenza(v.str("area_utenza"))
	if p.AreaUtenza == 0 {
		p.AreaUtenza = max(areaUtenza(cartellaArea), 0)
	}
	return p
}

// sinaOf maps a stored assessment to the SINA block.
func sinaOf(v kindValues) *siuss.SINA {
	s := &siuss.SINA{
		Mobilita: v.code("mobilita"), AttivitaVitaQuotidiana: v.code("attivita_vita_quotidiana"),
		DisturbiAreaCognitiva: v.code("disturbi_area_cognitiva"), DisturbiComportamentali: v.code("disturbi_comportamentali"),
		NecessitaCureSanitarie: v.code("necessita_cure_sanitarie"), AreaReddituale: v.code("area_reddituale"),
		AreaSupporto: v.code("area_supporto"), FonteDerivazioneValutazione: v.code("fonte_derivazione_valutazione"),
		StrumentoValutazione: v.code("strumento_valutazione"), FonteDerivazioneInvalidita: v.code("fonte_derivazione_invalidita"),
		NecessitaInterventi: v.list("necessita_interventi"),
	}
	for _, c := range v.list("invalidita_civile") {
		s.InvaliditaCivile = append(s.InvaliditaCivile, code(c))
	}
	return s
}

// beneficiarioOf builds the beneficiary from the registry version, or
// from the codice fiscale alone when the registry has none on the date.
func beneficiarioOf(cf string, p *store.SiussPerson) siuss.Beneficiario {
	b := siuss.Beneficiario{CodiceFiscale: cf}
	if p == nil {
		return b
	}
	b.Cognome, b.Nome, b.Sesso, b.LuogoNascita, b.Cittadinanza = p.Cognome, p.Nome, p.Sesso, p.LuogoNascita, p.Cittadinanza
	if len(p.DataNascita) >= 4 {
		b.AnnoNascita = code(p.DataNascita[:4])
	}
	b.Residenza = siuss.Residenza{Comune: p.Comune, Nazione: siuss.ISTATItalia}
	return b
}
