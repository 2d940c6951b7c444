package i18n

import (
	"regexp"
	"strings"
)

// headers names the columns of csi's tables for people, in Italian and
// in English: the key is the column's snake_case name, the key of the
// JSON form and the header of the CSV form, which never change. A table
// on a terminal, in Markdown, HTML or xlsx shows these names.
var headers = map[string][2]string{
	// Indicators (internal/indicators' catalogue and layouts).
	"accessi":                         {"accessi", "accesses"},
	"accreditati":                     {"accreditati", "accredited"},
	"aderenti":                        {"aderenti", "onboarded"},
	"ambito":                          {"ambito", "ambito"},
	"ancora_aperte":                   {"ancora aperte", "still open"},
	"anno":                            {"anno", "year"},
	"anno_finale":                     {"anno finale", "last year"},
	"anno_iniziale":                   {"anno iniziale", "first year"},
	"aperte":                          {"aperte", "opened"},
	"aperto":                          {"aperto", "opened"},
	"area":                            {"area", "area"},
	"attivato_il":                     {"attivato il", "active since"},
	"automatici":                      {"automatici", "automatic"},
	"beneficiari":                     {"beneficiari", "beneficiaries"},
	"canale":                          {"canale", "channel"},
	"cartelle":                        {"cartelle", "cartelle"},
	"cartelle_aperte":                 {"cartelle aperte", "open cartelle"},
	"chiuse":                          {"chiuse", "closed"},
	"codice":                          {"codice", "code"},
	"codice_prestazione":              {"codice prestazione", "benefit code"},
	"collegamenti":                    {"collegamenti", "links"},
	"comune":                          {"comune", "comune"},
	"comuni":                          {"comuni", "comuni"},
	"comuni_con_operatori":            {"comuni con operatori", "comuni with operators"},
	"con_accesso":                     {"con accesso", "with an access"},
	"con_referente":                   {"con referente", "with a referent"},
	"controparte":                     {"controparte", "counterpart"},
	"corsi_amministrativi":            {"corsi amministrativi", "courses for administrative staff"},
	"corsi_assistenti_sociali":        {"corsi assistenti sociali", "courses for social workers"},
	"dal":                             {"dal", "since"},
	"descrizione":                     {"descrizione", "description"},
	"dirigenti":                       {"dirigenti", "managers"},
	"fascia":                          {"fascia", "band"},
	"flussi":                          {"flussi", "flows"},
	"fonte_popolazione":               {"fonte popolazione", "population source"},
	"importo":                         {"importo", "amount"},
	"incontri":                        {"incontri", "meetings"},
	"interventi":                      {"interventi", "interventi"},
	"livello":                         {"livello", "level"},
	"mediana_giorni":                  {"mediana giorni", "median days"},
	"misura":                          {"misura", "measure"},
	"motivo":                          {"motivo", "reason"},
	"movimento":                       {"movimento", "change"},
	"nome":                            {"nome", "name"},
	"nuove_anno":                      {"nuove nell'anno", "new in year"},
	"operatori_attivi":                {"operatori attivi", "active operators"},
	"operazione":                      {"operazione", "operation"},
	"partecipanti":                    {"partecipanti", "participants"},
	"partecipanti_amministrativi":     {"partecipanti amministrativi", "administrative participants"},
	"partecipanti_assistenti_sociali": {"partecipanti assistenti sociali", "social worker participants"},
	"percentuale":                     {"percentuale", "percentage"},
	"periodo":                         {"periodo", "period"},
	"politici":                        {"politici", "politicians"},
	"popolazione":                     {"popolazione", "population"},
	"posizioni_organizzative":         {"posizioni organizzative", "organisational positions"},
	"rafforzato":                      {"rafforzato", "strengthened"},
	"record":                          {"record", "records"},
	"regolari":                        {"regolari", "regular"},
	"saldo_finale":                    {"saldo finale", "closing balance"},
	"saldo_iniziale":                  {"saldo iniziale", "opening balance"},
	"stato":                           {"stato", "state"},
	"stato_fine":                      {"stato alla fine", "state at end"},
	"stato_inizio":                    {"stato all'inizio", "state at start"},
	"tipo":                            {"tipo", "type"},
	"ultimo_import":                   {"ultimo caricamento", "last import"},
	"variazione_accessi":              {"variazione accessi", "change in accesses"},
	"variazione_aperte":               {"variazione aperte", "change in opened"},
	"variazione_percentuale":          {"variazione percentuale", "change in percentage"},
	"Totali":                          {"Totali", "Totals"},

	// The fields of csi debiti report and definition, and of rules show.
	"report":        {"report", "report"},
	"belfiore":      {"belfiore", "belfiore"},
	"offboarded_on": {"uscito il", "offboarded on"},
	"contact":       {"contatto", "contact"},
	"History":       {"Storia", "History"},
	"provisional":   {"provvisoria", "provisional"},
	"period":        {"periodo", "period"},
	"prestazioni":   {"prestazioni", "benefits"},
	"example":       {"esempio", "example"},
	"lists":         {"elenchi", "lists"},
	"description":   {"descrizione", "description"},

	// Lists and shows of the other commands.
	"actor":              {"chi", "actor"},
	"anagrafe":           {"anagrafe", "registry"},
	"anagrafe_automatic": {"anagrafe automatica", "automatic registry"},
	"applied_at":         {"applicata il", "applied at"},
	"as_of":              {"estratto al", "as of"},
	"at":                 {"quando", "at"},
	"by":                 {"per", "by"},
	"checked":            {"controllati", "checked"},
	"closed":             {"chiuse", "closed"},
	"code":               {"codice", "code"},
	"code_list":          {"elenco codici", "code list"},
	"column":             {"colonna", "column"},
	"command":            {"comando", "command"},
	"created_at":         {"creato il", "created at"},
	"data":               {"data", "date"},
	"data_evento":        {"data evento", "event date"},
	"date":               {"data", "date"},
	"days_since_update":  {"giorni dall'aggiornamento", "days since update"},
	"definition":         {"definizione", "definition"},
	"delimiter":          {"separatore", "delimiter"},
	"denominazione":      {"denominazione", "name"},
	"detail":             {"dettaglio", "detail"},
	"dry_run":            {"prova", "dry run"},
	"email":              {"email", "email"},
	"encoding":           {"codifica", "encoding"},
	"end_reason":         {"motivo della fine", "end reason"},
	"entries":            {"voci", "entries"},
	"error":              {"errore", "error"},
	"errors":             {"errori", "errors"},
	"event":              {"evento", "event"},
	"expires":            {"scade", "expires"},
	"field":              {"campo", "field"},
	"file":               {"file", "file"},
	"findings":           {"segnalazioni", "findings"},
	"fix":                {"come correggere", "fix"},
	"from":               {"dal", "from"},
	"generato":           {"generato", "generated"},
	"group":              {"gruppo", "group"},
	"id":                 {"id", "id"},
	"import_id":          {"caricamento", "import"},
	"inserted":           {"inserite", "inserted"},
	"istat":              {"istat", "istat"},
	"key":                {"chiave", "key"},
	"kind":               {"tipo", "kind"},
	"label":              {"etichetta", "label"},
	"last_import":        {"ultimo caricamento", "last import"},
	"last_used_at":       {"ultimo uso", "last used at"},
	"line":               {"riga", "line"},
	"message":            {"messaggio", "message"},
	"mode":               {"modalità", "mode"},
	"name":               {"nome", "name"},
	"noop":               {"nessun cambiamento", "no-op"},
	"note":               {"nota", "note"},
	"onboarded":          {"aderenti", "onboarded"},
	"onboarded_on":       {"aderente dal", "onboarded on"},
	"outcome":            {"esito", "outcome"},
	"params":             {"parametri", "params"},
	"phone":              {"telefono", "phone"},
	"problem":            {"problema", "problem"},
	"reason":             {"motivo", "reason"},
	"records":            {"record", "records"},
	"referente":          {"referente", "referent"},
	"rejected":           {"righe scartate", "rejected"},
	"removed":            {"eliminate", "removed"},
	"reopened":           {"riaperte", "reopened"},
	"residents":          {"residenti", "residents"},
	"revoked_at":         {"revocato il", "revoked at"},
	"role":               {"ruolo", "role"},
	"rows":               {"righe", "rows"},
	"rule":               {"regola", "rule"},
	"rules":              {"regole", "rules"},
	"ruleset":            {"regole", "ruleset"},
	"ruleset_version":    {"versione delle regole", "ruleset version"},
	"ruolo":              {"ruolo", "role"},
	"scheduled":          {"programmato", "scheduled"},
	"scope":              {"ambito di verifica", "scope"},
	"severity":           {"gravità", "severity"},
	"source":             {"fonte", "source"},
	"status":             {"stato", "status"},
	"summary":            {"riepilogo", "summary"},
	"target":             {"oggetto", "target"},
	"title":              {"titolo", "title"},
	"titolo":             {"titolo", "title"},
	"to":                 {"al", "to"},
	"type":               {"tipo", "type"},
	"ultimo_accesso":     {"ultimo accesso", "last access"},
	"unchanged":          {"invariate", "unchanged"},
	"updated":            {"aggiornate", "updated"},
	"valid_from":         {"valida dal", "valid from"},
	"valid_to":           {"valida fino al", "valid to"},
	"value":              {"valore", "value"},
	"version":            {"versione", "version"},
	"voci":               {"voci", "entries"},
	"warnings":           {"avvisi", "warnings"},
}

// yearColumn matches the per-year columns of cartelle-movimento's layout,
// anno_1_pic and anno_1_chiuse.
var yearColumn = regexp.MustCompile(`^anno_(\d+)_(pic|chiuse)$`)

// Header returns the name people read for the column key in l: from the
// table above, else the key with its underscores as spaces (a value used
// as a column, such as an Ambito's name, or a header already written for
// people).
func (l Lang) Header(key string) string {
	if h, ok := headers[key]; ok {
		return l.pick(h)
	}
	if m := yearColumn.FindStringSubmatch(key); m != nil {
		what := map[string][2]string{"pic": {"PIC", "PIC"}, "chiuse": {"chiuse", "closed"}}[m[2]]
		return l.pick([2]string{"anno ", "year "}) + m[1] + " " + l.pick(what)
	}
	return strings.ReplaceAll(key, "_", " ")
}

// values names, for people, the values of the columns that hold one of a
// few codes: a Comune's status, its registry's mode, an import's mode, a finding's severity,
// the outcome of a file of a manifest. JSON and CSV keep the codes.
var values = map[string]map[string][2]string{
	"status": {
		"not_onboarded": {"non aderente", "not onboarded"},
		"active":        {"attivo", "active"},
		"suspended":     {"sospeso", "suspended"},
		"left":          {"uscito", "left"},
	},
	"anagrafe": {
		"automatic": {"automatica", "automatic"},
		"manual":    {"manuale", "manual"},
		"none":      {"nessuna", "none"}, // a Comune's history: before its first mode
	},
	"severity": {
		"error":   {"errore", "error"},
		"warning": {"avviso", "warning"},
	},
	"outcome": {
		"imported": {"caricato", "imported"},
		"noop":     {"già caricato", "no-op"},
		"dry_run":  {"prova", "dry run"},
		"rejected": {"righe scartate", "rows rejected"},
		"failed":   {"non caricato", "failed"},
		"skipped":  {"saltato", "skipped"},
	},
	"mode": { // an import's: csi anagrafe import --mode, the records' upsert
		"snapshot":            {"anagrafe completa", "snapshot"},
		"delta":               {"solo variazioni", "delta"},
		"upsert":              {"aggiornamento", "upsert"},
		"snapshot (reverted)": {"anagrafe completa (annullato)", "snapshot (reverted)"},
		"delta (reverted)":    {"solo variazioni (annullato)", "delta (reverted)"},
	},
	"event": { // a Comune's history
		"onboarded":  {"adesione", "onboarded"},
		"offboarded": {"uscita", "offboarded"},
		"ambito":     {"cambio di Ambito", "Ambito changed"},
		"anagrafe":   {"cambio di anagrafe", "registry changed"},
		"contact":    {"cambio di contatto", "contact changed"},
		"status":     {"cambio di stato", "status changed"},
	},
	"fonte_popolazione": {
		"riferimento ISTAT 1/1/2020": {"riferimento ISTAT 1/1/2020", "ISTAT reference of 1/1/2020"},
	},
	"": { // any column: a yes or no, an indicator's total row
		"yes":    {"sì", "yes"},
		"no":     {"no", "no"},
		"Totale": {"Totale", "Total"},
		"true":   {"sì", "yes"},
		"false":  {"no", "no"},
	},
}

// Value returns the value v of the column key as people read it in l: the
// name of a code (Italian "attivo" for a status "active"), else v.
func (l Lang) Value(key, v string) string {
	if t, ok := values[key][v]; ok {
		return l.pick(t)
	}
	if t, ok := values[""][v]; ok {
		return l.pick(t)
	}
	return v
}

// pick returns the text of l from an {Italian, English} pair.
func (l Lang) pick(t [2]string) string {
	if l == English {
		return t[1]
	}
	return t[0]
}
