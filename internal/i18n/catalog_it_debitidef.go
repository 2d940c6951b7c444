package i18n

// italianDebitiDef holds the Italian of what is wrong with a debiti
// informativi definition file (internal/debiti: csi debiti report
// --definition FILE); the field names stay as the file writes them.
var italianDebitiDef = map[string]string{
	"unknown report %q: use %s":                                                 "report sconosciuto %q: usare %s",
	"%s: more than one JSON document: a definition is one object":               "%s: più di un documento JSON: una definizione è un unico oggetto",
	"%s: line %s: %v":                                                           "%s: riga %s: %v",
	"%s: line %s: %s: is %s, want %s":                                           "%s: riga %s: %s: è %s, serve %s",
	"%s: the file ends before the definition does":                              "%s: il file finisce prima della definizione",
	"name: missing":                                                             "name: manca",
	"name: is %q, this is the %s report":                                        "name: è %q, questo è il report %s",
	"version: %q is not a version (1-40 letters, digits, '.', '_' or '-')":      "version: %q non è una versione (da 1 a 40 lettere, cifre, '.', '_' o '-')",
	"title: missing (it and/or en)":                                             "title: manca (it e/o en)",
	"filters.misura: missing: list the misura codes of the report's interventi": "filters.misura: manca: elencare i codici di misura degli interventi del report",
	"columns: missing":                                                          "columns: manca",
	"filters.misura[%s]: empty":                                                 "filters.misura[%s]: vuoto",
	"%s.key: %q is not a key (lower-case letters, digits and '_', starting with a letter)": "%s.key: %q non è una chiave (lettere minuscole, cifre e '_', iniziando con una lettera)",
	"%s.label: missing (it and/or en)": "%s.label: manca (it e/o en)",
	"%s.type: %q is not one of %s":     "%s.type: %q non è uno tra %s",
	"%s.source: %q is not a source: use calc.*, beneficiario.*, cartella.*, misura, intervento.COLUMN or sina.COLUMN (see the README)": "%s.source: %q non è una fonte: usare calc.*, beneficiario.*, cartella.*, misura, intervento.COLONNA o sina.COLONNA (vedere il README)",
	"%s.code_list: %q is not in code_lists": "%s.code_list: %q non è in code_lists",
	"%s.key: %q repeats columns[%s]":        "%s.key: %q ripete columns[%s]",
}

func init() { merge("italianDebitiDef", italianDebitiDef) }
