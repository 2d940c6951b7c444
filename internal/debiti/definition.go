// Package debiti builds the regional reports of the debiti informativi
// that are not SIUSS flows: Misura B2 (FNA) and Dopo di Noi (L. 112/2016).
// No public record layout of the Region's flows was found, so each report
// is driven by a versioned definition (columns, filters, code lists),
// embedded as a provisional one and replaceable by a local file when the
// Region publishes its layout. It does no I/O besides the embedded files.
package debiti

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
)

//go:embed definitions/*.json
var embedded embed.FS

// Reports are the report names, in the order they are listed.
var Reports = []string{"b2", "dopo-di-noi"}

// Column types.
const (
	TypeText    = "text"
	TypeDate    = "date"
	TypeAmount  = "amount"
	TypeInteger = "integer"
	TypeList    = "list"
)

var types = []string{TypeText, TypeDate, TypeAmount, TypeInteger, TypeList}

// Definition is one report's layout.
type Definition struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Provisional bool   `json:"provisional"`
	Title       Label  `json:"title"`
	// Source says where the layout comes from.
	Source    string                       `json:"source"`
	Filters   Filters                      `json:"filters"`
	CodeLists map[string]map[string]string `json:"code_lists,omitempty"`
	Columns   []Column                     `json:"columns"`
}

// Label is a text in Italian and English.
type Label struct {
	It string `json:"it"`
	En string `json:"en"`
}

// In returns the label in lang ("it" or "en"), the other one when empty.
func (l Label) In(lang string) string {
	if lang == "en" && l.En != "" || l.It == "" {
		return l.En
	}
	return l.It
}

// Filters select the interventi of a report.
type Filters struct {
	// Misura lists the codes of the interventi's misura column (required).
	Misura []string `json:"misura"`
	// Prestazioni, when given, keeps only these codice_prestazione values.
	Prestazioni []string `json:"prestazioni,omitempty"`
}

// Column is one column of the report.
type Column struct {
	Key   string `json:"key"`
	Label Label  `json:"label"`
	Type  string `json:"type"`
	// Source names what fills the column (see Sources).
	Source string `json:"source"`
	// CodeList, when given, transcodes each value through that list of
	// code_lists (a value the list lacks stays as it is).
	CodeList string `json:"code_list,omitempty"`
}

// calcSources are the values a report computes per beneficiary and measure.
var calcSources = []string{"calc.data_inizio", "calc.data_fine", "calc.importo_mensile", "calc.mesi",
	"calc.totale_erogato", "calc.altre_misure", "calc.id_interventi", "calc.n_interventi", "calc.soglia_isee", "misura"}

// personSources are the beneficiary's registry data on the benefit's date.
var personSources = []string{"beneficiario.codice_fiscale", "beneficiario.cognome", "beneficiario.nome",
	"beneficiario.sesso", "beneficiario.data_nascita", "beneficiario.anno_nascita", "beneficiario.eta",
	"beneficiario.luogo_nascita", "beneficiario.cittadinanza", "beneficiario.comune_residenza"}

var cartellaSources = []string{"cartella.comune", "cartella.id", "cartella.area", "cartella.ambito"}

// Sources lists every source a column may name: computed values,
// the beneficiary's, the cartella's, and intervento.COLUMN (any interventi
// column: the distinct values joined by '|', amounts summed) and
// sina.COLUMN (the person's SINA assessment).
func Sources() []string {
	out := slices.Concat(calcSources, personSources, cartellaSources)
	for _, c := range records.Interventi.ColumnNames() {
		out = append(out, "intervento."+c)
	}
	for _, c := range records.ValutazioniSINA.ColumnNames() {
		out = append(out, "sina."+c)
	}
	return out
}

var (
	keyRe     = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)
	versionRe = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$`)
)

// Builtin returns the embedded definition of a report.
func Builtin(name string) (*Definition, error) {
	if !slices.Contains(Reports, name) {
		return nil, csi.Errorf(csi.EBADFILE, "unknown report %q: use %s", name, strings.Join(Reports, " or "))
	}
	data, err := embedded.ReadFile("definitions/" + name + ".json")
	if err != nil {
		return nil, err
	}
	return Parse(data, name+".json", name)
}

// Parse reads and checks a definition; file names it in errors, and want,
// when not "", is the report it must define.
func Parse(data []byte, file, want string) (*Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Definition
	if err := dec.Decode(&d); err != nil {
		return nil, decodeError(file, data, err)
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		return nil, csi.Errorf(csi.EBADFILE, "%s: more than one JSON document: a definition is one object", file)
	}
	if err := d.check(want); err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%s: %v", file, err)
	}
	return &d, nil
}

// decodeError names the line of a syntax error and the field of a type error.
func decodeError(file string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return csi.Errorf(csi.EBADFILE, "%s: line %s: %v", file, strconv.Itoa(lineOf(data, syn.Offset)), err)
	case errors.As(err, &typ):
		return csi.Errorf(csi.EBADFILE, "%s: line %s: %s: is %s, want %s", file, strconv.Itoa(lineOf(data, typ.Offset)), typ.Field, typ.Value, typ.Type)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return csi.Errorf(csi.EBADFILE, "%s: %s", file, strings.TrimPrefix(err.Error(), "json: "))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return csi.Errorf(csi.EBADFILE, "%s: the file ends before the definition does", file)
	}
	return csi.Errorf(csi.EBADFILE, "%s: %v", file, err)
}

func lineOf(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// check says what is wrong with a definition, naming the field.
func (d *Definition) check(want string) error {
	switch {
	case d.Name == "":
		return csi.Errorf(csi.EBADFILE, "name: missing")
	case want != "" && d.Name != want:
		return csi.Errorf(csi.EBADFILE, "name: is %q, this is the %s report", d.Name, want)
	case !versionRe.MatchString(d.Version):
		return csi.Errorf(csi.EBADFILE, "version: %q is not a version (1-40 letters, digits, '.', '_' or '-')", d.Version)
	case d.Title.It == "" && d.Title.En == "":
		return csi.Errorf(csi.EBADFILE, "title: missing (it and/or en)")
	case len(d.Filters.Misura) == 0:
		return csi.Errorf(csi.EBADFILE, "filters.misura: missing: list the misura codes of the report's interventi")
	case len(d.Columns) == 0:
		return csi.Errorf(csi.EBADFILE, "columns: missing")
	}
	for i, m := range d.Filters.Misura {
		if strings.TrimSpace(m) == "" {
			return csi.Errorf(csi.EBADFILE, "filters.misura[%s]: empty", strconv.Itoa(i))
		}
		d.Filters.Misura[i] = strings.ToUpper(strings.TrimSpace(m))
	}
	for i, p := range d.Filters.Prestazioni {
		d.Filters.Prestazioni[i] = strings.ToUpper(strings.TrimSpace(p))
	}
	sources := Sources()
	seen := map[string]int{}
	for i, c := range d.Columns {
		at := fmt.Sprintf("columns[%d]", i)
		if c.Key != "" {
			at += " (" + c.Key + ")"
		}
		switch {
		case !keyRe.MatchString(c.Key):
			return csi.Errorf(csi.EBADFILE, "%s.key: %q is not a key (lower-case letters, digits and '_', starting with a letter)", at, c.Key)
		case c.Label.It == "" && c.Label.En == "":
			return csi.Errorf(csi.EBADFILE, "%s.label: missing (it and/or en)", at)
		case !slices.Contains(types, c.Type):
			return csi.Errorf(csi.EBADFILE, "%s.type: %q is not one of %s", at, c.Type, strings.Join(types, ", "))
		case !slices.Contains(sources, c.Source):
			return csi.Errorf(csi.EBADFILE, "%s.source: %q is not a source: use calc.*, beneficiario.*, cartella.*, misura, intervento.COLUMN or sina.COLUMN (see the README)", at, c.Source)
		case c.CodeList != "" && d.CodeLists[c.CodeList] == nil:
			return csi.Errorf(csi.EBADFILE, "%s.code_list: %q is not in code_lists", at, c.CodeList)
		}
		if first, dup := seen[c.Key]; dup {
			return csi.Errorf(csi.EBADFILE, "%s.key: %q repeats columns[%s]", at, c.Key, strconv.Itoa(first))
		}
		seen[c.Key] = i
	}
	return nil
}
