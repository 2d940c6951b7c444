package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// builtinFile is the file name of the built-in ruleset.
const builtinFile = "dgr-2457-2019.yaml"

//go:embed dgr-2457-2019.yaml
var builtinYAML []byte

// LoadError is a problem in a ruleset file, located by line (0 when the
// problem has no line, such as an empty file).
type LoadError struct {
	File string
	Line int
	Msg  string
}

// Error renders the problem as "file: line N: message".
func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Builtin loads the embedded built-in ruleset dgr-2457-2019.
func Builtin() (*Ruleset, error) {
	return Load(bytes.NewReader(builtinYAML), builtinFile)
}

// Load reads a ruleset from r; name is the file name used in errors.
func Load(r io.Reader, name string) (*Ruleset, error) {
	l := &loader{file: name}
	root, err := l.parse(r)
	if err != nil {
		return nil, err
	}
	top, err := l.topLevel(root)
	if err != nil {
		return nil, err
	}
	rs := &Ruleset{}
	if rs.Name, err = l.requiredScalar(root, top, "name"); err != nil {
		return nil, err
	}
	if rs.Version, err = l.requiredScalar(root, top, "version"); err != nil {
		return nil, err
	}
	if n := top["source"]; n != nil {
		if rs.Source, err = l.scalar(n, "source"); err != nil {
			return nil, err
		}
	}
	if rs.Lists, err = l.lists(top["lists"]); err != nil {
		return nil, err
	}
	if rs.Rules, err = l.rules(top["rules"], rs.Lists); err != nil {
		return nil, err
	}
	return rs, nil
}

// loader reads one ruleset file.
type loader struct {
	file string
}

// errf builds a LoadError located at node n (no line when n is nil).
func (l *loader) errf(n *yaml.Node, format string, args ...any) *LoadError {
	e := &LoadError{File: l.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line = n.Line
	}
	return e
}

// yamlLine finds the line number in a YAML syntax error message.
var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// parse decodes the YAML document and returns its top-level node.
func (l *loader) parse(r io.Reader) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.NewDecoder(r).Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil, l.errf(nil, "empty ruleset")
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		e := &LoadError{File: l.file, Msg: msg}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = m[2]
		}
		return nil, e
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], nil
	}
	return &doc, nil
}

// topKeys are the keys allowed at the top level of a ruleset.
var topKeys = []string{"name", "version", "source", "lists", "rules"}

// topLevel maps the top-level keys to their values, refusing unknown keys.
func (l *loader) topLevel(root *yaml.Node) (map[string]*yaml.Node, error) {
	return l.fields(root, "the ruleset", topKeys)
}

// fields maps the keys of mapping n to their values; every key must be one
// of allowed, and none may repeat.
func (l *loader) fields(n *yaml.Node, what string, allowed []string) (map[string]*yaml.Node, error) {
	ps, err := l.pairs(n, what)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*yaml.Node, len(ps))
	for _, p := range ps {
		if !slices.Contains(allowed, p.key.Value) {
			return nil, l.errf(p.key, "unknown key %q in %s (allowed: %s)", p.key.Value, what, strings.Join(allowed, ", "))
		}
		out[p.key.Value] = p.val
	}
	return out, nil
}

// pair is one key and value of a YAML mapping.
type pair struct{ key, val *yaml.Node }

// pairs returns the entries of mapping n, refusing other nodes and repeated keys.
func (l *loader) pairs(n *yaml.Node, what string) ([]pair, error) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return nil, l.errf(n, "%s must be a mapping (key: value)", what)
	}
	seen := map[string]int{}
	ps := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, l.errf(k, "keys in %s must be plain values", what)
		}
		if first, dup := seen[k.Value]; dup {
			return nil, l.errf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first)
		}
		seen[k.Value] = k.Line
		ps = append(ps, pair{k, v})
	}
	return ps, nil
}

// scalar returns the text of a scalar node; null is the empty string.
func (l *loader) scalar(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", l.errf(n, "%s must be a single value", what)
	}
	if n.Tag == "!!null" {
		return "", nil
	}
	return n.Value, nil
}

// requiredScalar returns a non-empty top-level value, or an error located
// at the start of the ruleset.
func (l *loader) requiredScalar(root *yaml.Node, top map[string]*yaml.Node, key string) (string, error) {
	n := top[key]
	if n == nil {
		return "", l.errf(root, "missing %s", key)
	}
	s, err := l.scalar(n, key)
	if err == nil && strings.TrimSpace(s) == "" {
		err = l.errf(n, "%s is empty", key)
	}
	return s, err
}

// lists reads the code lists: a mapping from list name to a mapping from
// code to label.
func (l *loader) lists(n *yaml.Node) (map[string][]Code, error) {
	out := map[string][]Code{}
	if isNull(n) {
		return out, nil
	}
	ps, err := l.pairs(n, "lists")
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if out[p.key.Value], err = l.codes(p.val, p.key.Value); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// codes reads one code list: a mapping from code to label, or a list of
// codes without labels.
func (l *loader) codes(n *yaml.Node, name string) ([]Code, error) {
	switch {
	case isNull(n):
		return []Code{}, nil
	case n.Kind == yaml.SequenceNode:
		return l.codeSeq(n, name)
	}
	ps, err := l.pairs(n, "code list "+name)
	if err != nil {
		return nil, err
	}
	out := make([]Code, 0, len(ps))
	for _, p := range ps {
		label, err := l.scalar(p.val, "the label of code "+p.key.Value)
		if err != nil {
			return nil, err
		}
		if p.key.Value == "" {
			return nil, l.errf(p.key, "empty code in code list %s", name)
		}
		out = append(out, Code{Code: p.key.Value, Label: label})
	}
	return out, nil
}

// codeSeq reads a code list written as a list of codes.
func (l *loader) codeSeq(n *yaml.Node, name string) ([]Code, error) {
	out := make([]Code, 0, len(n.Content))
	seen := map[string]int{}
	for _, item := range n.Content {
		code, err := l.scalar(deref(item), "a code of list "+name)
		if err != nil {
			return nil, err
		}
		if first, dup := seen[code]; dup {
			return nil, l.errf(item, "duplicate code %q in code list %s (first at line %d)", code, name, first)
		}
		if code == "" {
			return nil, l.errf(item, "empty code in code list %s", name)
		}
		seen[code] = item.Line
		out = append(out, Code{Code: code})
	}
	return out, nil
}

// isNull reports whether n is absent or an empty (null) value.
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// deref follows YAML aliases.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// listNames returns the names of the code lists, sorted.
func listNames(lists map[string][]Code) []string {
	return slices.Sorted(maps.Keys(lists))
}
