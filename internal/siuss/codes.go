package siuss

import (
	"bytes"
	_ "embed"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/csi-mb/csi/internal/csi"
)

//go:embed data/prestazioni.yaml
var builtinCodes []byte

// Code is one entry of the SIUSS prestazioni code table.
type Code struct {
	Codice        string `yaml:"codice" json:"codice"`
	Denominazione string `yaml:"denominazione" json:"denominazione"`
	// PresaInCarico says SIUSS takes the code only for a person in charge.
	PresaInCarico bool `yaml:"presa_in_carico" json:"presa_in_carico"`
	// Area is the area utenza of the code (1–3), 0 when it depends on the person.
	Area int `yaml:"area" json:"area"`
	// DataEvento says a periodic benefit with this code needs DataEvento.
	DataEvento bool `yaml:"data_evento" json:"data_evento"`
	// Provvisoria marks a placeholder name, to be replaced from INPS's table.
	Provvisoria bool `yaml:"provvisoria" json:"provvisoria"`
}

// CodeTable is a versioned SIUSS prestazioni code table.
type CodeTable struct {
	Version string
	Source  string
	codes   map[string]Code
	order   []string
}

type codeFile struct {
	Version     string `yaml:"version"`
	Source      string `yaml:"source"`
	Prestazioni []Code `yaml:"prestazioni"`
}

// BuiltinCodes returns the code table embedded in the binary.
func BuiltinCodes() (*CodeTable, error) { return LoadCodes(bytes.NewReader(builtinCodes)) }

// LoadCodes reads a code table in the embedded table's YAML shape (version,
// source, prestazioni), e.g. a local file that replaces the embedded one.
func LoadCodes(r io.Reader) (*CodeTable, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var f codeFile
	if err := dec.Decode(&f); err != nil {
		return nil, csi.Errorf(csi.EINVALID, "SIUSS code table: %v", err).
			WithHint("the file needs version, source and a list prestazioni of {codice, denominazione, presa_in_carico, area}")
	}
	if f.Version == "" {
		return nil, csi.Errorf(csi.EINVALID, "SIUSS code table: no version").
			WithHint("add a line version: \"YYYY.MM\" naming the INPS table it copies")
	}
	t := &CodeTable{Version: f.Version, Source: f.Source, codes: map[string]Code{}}
	for i, c := range f.Prestazioni {
		if err := t.add(c); err != nil {
			return nil, csi.Errorf(csi.EINVALID, "SIUSS code table, entry %s: %v", strconv.Itoa(i+1), err).
				WithHint("codes are 5–10 characters and unique, names 10–200 characters, area 0–3")
		}
	}
	if len(t.order) == 0 {
		return nil, csi.Errorf(csi.EINVALID, "SIUSS code table: no prestazioni").
			WithHint("list the codes under prestazioni:")
	}
	sort.Strings(t.order)
	return t, nil
}

func (t *CodeTable) add(c Code) error {
	switch n := utf8.RuneCountInString(c.Denominazione); {
	case len(c.Codice) < 5 || len(c.Codice) > 10:
		return csi.Errorf(csi.EINVALID, "code %q is not 5–10 characters long", c.Codice)
	case t.codes[c.Codice] != (Code{}):
		return csi.Errorf(csi.EINVALID, "code %s appears twice", c.Codice)
	case n < 10 || n > 200:
		return csi.Errorf(csi.EINVALID, "the name of %s has %d characters, not 10–200", c.Codice, n)
	case c.Area < 0 || c.Area > 3:
		return csi.Errorf(csi.EINVALID, "the area of %s is %s, not 0–3", c.Codice, strconv.Itoa(c.Area))
	}
	t.codes[c.Codice] = c
	t.order = append(t.order, c.Codice)
	return nil
}

// Lookup returns the entry of a code.
func (t *CodeTable) Lookup(codice string) (Code, bool) {
	c, ok := t.codes[codice]
	return c, ok
}

// All returns the entries in code order.
func (t *CodeTable) All() []Code {
	out := make([]Code, len(t.order))
	for i, k := range t.order {
		out[i] = t.codes[k]
	}
	return out
}
