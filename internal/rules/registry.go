package rules

import "github.com/csi-mb/csi/internal/csi"

// Parameter types a check can declare.
const (
	typeInt    = "int"
	typeString = "string"
	typeBool   = "bool"
)

// paramSpec declares one parameter of a check: its name, type and default.
type paramSpec struct {
	name string
	typ  string
	def  any
}

// check is a registered Go check. Exactly one of the function fields is set;
// it decides which Checker method runs the check.
type check struct {
	kind   string
	lists  []string // default code lists, in the order the check reads them
	params []paramSpec

	persona    func(*call, *personaRec)
	famiglia   func(c *call, codice string, members []csi.PersonVersion)
	accesso    func(*call, csi.Accesso)
	cartella   func(*call, csi.Cartella)
	cartelle   func(*call, []csi.Cartella)
	intervento func(c *call, x csi.Intervento, parent *csi.Cartella)
}

// registry maps every check id to its implementation.
var registry = map[string]check{
	"persona-cf-check":            {kind: csi.KindPersona, persona: checkPersonaCF},
	"persona-cf-siuss":            {kind: csi.KindPersona, persona: checkPersonaCFSiuss},
	"persona-cf-data-nascita":     {kind: csi.KindPersona, persona: checkPersonaCFBirth},
	"persona-cf-sesso":            {kind: csi.KindPersona, persona: checkPersonaCFSex},
	"persona-cf-luogo-nascita":    {kind: csi.KindPersona, persona: checkPersonaCFPlace},
	"persona-cf-cognome":          {kind: csi.KindPersona, persona: checkPersonaCFSurname},
	"persona-cf-nome":             {kind: csi.KindPersona, persona: checkPersonaCFName},
	"persona-data-nascita":        {kind: csi.KindPersona, persona: checkPersonaBirth, params: []paramSpec{{"max_age_years", typeInt, 120}}},
	"persona-luogo-nascita":       {kind: csi.KindPersona, persona: checkPersonaPlace},
	"persona-cancellazione":       {kind: csi.KindPersona, persona: checkPersonaCancellazione, lists: []string{"motivo_cancellazione"}},
	"persona-relazione-parentela": {kind: csi.KindPersona, persona: checkPersonaRelazione, lists: []string{"relazione_parentela"}},
	"persona-famiglia-intestatario": {kind: csi.KindPersona, famiglia: checkFamigliaHead,
		params: []paramSpec{{"codice_intestatario", typeString, "1"}}},

	"accesso-data":      {kind: csi.KindAccesso, accesso: checkAccessoData},
	"accesso-comune":    {kind: csi.KindAccesso, accesso: checkAccessoComune},
	"accesso-cf":        {kind: csi.KindAccesso, accesso: checkAccessoCF},
	"accesso-sportello": {kind: csi.KindAccesso, accesso: checkAccessoSportello, lists: []string{"sportello"}},
	"accesso-area":      {kind: csi.KindAccesso, accesso: checkAccessoArea, lists: []string{"area"}},
	"accesso-esito":     {kind: csi.KindAccesso, accesso: checkAccessoEsito, lists: []string{"esito"}},

	"cartella-cf-check":        {kind: csi.KindCartella, cartella: checkCartellaCF},
	"cartella-residente":       {kind: csi.KindCartella, cartella: checkCartellaResidente},
	"cartella-data-apertura":   {kind: csi.KindCartella, cartella: checkCartellaApertura},
	"cartella-data-chiusura":   {kind: csi.KindCartella, cartella: checkCartellaChiusura},
	"cartella-chiusura-motivo": {kind: csi.KindCartella, cartella: checkCartellaMotivo, lists: []string{"motivo_chiusura"}},
	"cartella-aperta-unica":    {kind: csi.KindCartella, cartelle: checkCartelleAperte},
	"cartella-aperta-deceduto": {kind: csi.KindCartella, cartella: checkCartellaDeceduto},
	"cartella-area":            {kind: csi.KindCartella, cartella: checkCartellaArea, lists: []string{"area"}},

	"intervento-cartella":         {kind: csi.KindIntervento, intervento: checkInterventoCartella},
	"intervento-periodo":          {kind: csi.KindIntervento, intervento: checkInterventoPeriodo},
	"intervento-carattere":        {kind: csi.KindIntervento, intervento: checkInterventoCarattere, lists: []string{"carattere"}},
	"intervento-periodica":        {kind: csi.KindIntervento, intervento: checkInterventoPeriodica},
	"intervento-occasionale":      {kind: csi.KindIntervento, intervento: checkInterventoOccasionale},
	"intervento-importo-negativo": {kind: csi.KindIntervento, intervento: checkInterventoImportoNegativo},
	"intervento-prestazione":      {kind: csi.KindIntervento, intervento: checkInterventoPrestazione, lists: []string{"prestazione"}},
	"intervento-presa-in-carico":  {kind: csi.KindIntervento, intervento: checkInterventoPIC, lists: []string{"presa_in_carico"}},
	"intervento-prestazione-pic":  {kind: csi.KindIntervento, intervento: checkInterventoPICRichiesta, lists: []string{"prestazione_pic"}},
	"intervento-misura":           {kind: csi.KindIntervento, intervento: checkInterventoMisura, lists: []string{"misura"}},
	"intervento-misura-b2": {kind: csi.KindIntervento, intervento: checkInterventoB2,
		lists: []string{"prestazione_economica"}, params: []paramSpec{{"misura", typeString, "B2"}}},
}
