package rules

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ruleKeys are the keys allowed in a rule.
var ruleKeys = []string{"id", "kind", "severity", "title", "source", "description", "example", "fix", "params", "lists",
	"title_it", "description_it", "fix_it"}

// rules reads the rule sequence, refusing duplicate ids.
func (l *loader) rules(n *yaml.Node, lists map[string][]Code) ([]Rule, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, l.errf(n, "rules must be a list")
	}
	first := map[string]int{}
	out := make([]Rule, 0, len(n.Content))
	for _, item := range n.Content {
		r, idNode, err := l.rule(deref(item), lists)
		if err != nil {
			return nil, err
		}
		if line, dup := first[r.ID]; dup {
			return nil, l.errf(idNode, "duplicate rule id %q (first at line %d)", r.ID, line)
		}
		first[r.ID] = r.Line
		out = append(out, r)
	}
	return out, nil
}

// rule reads and checks one rule; it also returns the node of its id.
func (l *loader) rule(n *yaml.Node, lists map[string][]Code) (Rule, *yaml.Node, error) {
	f, err := l.fields(n, "a rule", ruleKeys)
	if err != nil {
		return Rule{}, nil, err
	}
	r := Rule{Line: n.Line}
	idNode := f["id"]
	if idNode == nil {
		return r, nil, l.errf(n, "rule without id")
	}
	if r.ID, err = l.scalar(idNode, "id"); err != nil {
		return r, nil, err
	}
	chk, ok := registry[r.ID]
	if !ok {
		return r, nil, l.errf(idNode, "unknown rule id %q (known: %s)", r.ID, strings.Join(KnownChecks(), ", "))
	}
	steps := []func() error{
		func() error { return l.kind(n, f["kind"], &r, chk) },
		func() error { return l.severity(n, f["severity"], &r) },
		func() error { return l.texts(f, &r) },
		func() error { return l.ruleLists(n, f["lists"], &r, chk, lists) },
		func() error { return l.params(f["params"], &r, chk) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return r, nil, err
		}
	}
	return r, idNode, nil
}

// kind reads the rule's kind, which must match its check's.
func (l *loader) kind(rn, n *yaml.Node, r *Rule, chk check) error {
	if n == nil {
		return l.errf(rn, "rule %q: missing kind", r.ID)
	}
	k, err := l.scalar(n, "kind")
	switch {
	case err != nil:
		return err
	case !slices.Contains(kinds, k):
		return l.errf(n, "rule %q: unknown kind %q (want one of: %s)", r.ID, k, strings.Join(kinds, ", "))
	case k != chk.kind:
		return l.errf(n, "rule %q: kind is %s but the check applies to %s records", r.ID, k, chk.kind)
	}
	r.Kind = k
	return nil
}

// severity reads the rule's severity.
func (l *loader) severity(rn, n *yaml.Node, r *Rule) error {
	if n == nil {
		return l.errf(rn, "rule %q: missing severity", r.ID)
	}
	s, err := l.scalar(n, "severity")
	if err != nil {
		return err
	}
	if s != string(SeverityError) && s != string(SeverityWarning) {
		return l.errf(n, "rule %q: bad severity %q (want error or warning)", r.ID, s)
	}
	r.Severity = Severity(s)
	return nil
}

// texts reads the rule's descriptive fields.
func (l *loader) texts(f map[string]*yaml.Node, r *Rule) error {
	for _, t := range []struct {
		key string
		dst *string
	}{
		{"title", &r.Title}, {"source", &r.Source}, {"description", &r.Description},
		{"example", &r.Example}, {"fix", &r.Fix},
		{"title_it", &r.TitleIT}, {"description_it", &r.DescriptionIT}, {"fix_it", &r.FixIT},
	} {
		if n := f[t.key]; n != nil {
			s, err := l.scalar(n, t.key)
			if err != nil {
				return err
			}
			*t.dst = strings.TrimSpace(s)
		}
	}
	return nil
}

// ruleLists reads the rule's code lists (the check's defaults when absent);
// each must be defined, and there must be as many as the check reads.
func (l *loader) ruleLists(rn, n *yaml.Node, r *Rule, chk check, lists map[string][]Code) error {
	if n == nil {
		r.Lists = slices.Clone(chk.lists)
		for _, name := range r.Lists {
			if _, ok := lists[name]; !ok {
				return l.errf(rn, "rule %q: uses code list %q by default, which is not defined (defined: %s)", r.ID, name, strings.Join(listNames(lists), ", "))
			}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return l.errf(n, "rule %q: lists must be a list of code list names", r.ID)
	}
	if len(n.Content) != len(chk.lists) {
		return l.errf(n, "rule %q: takes %d code list(s) (like %s), got %d", r.ID, len(chk.lists), strings.Join(chk.lists, ", "), len(n.Content))
	}
	for _, item := range n.Content {
		name, err := l.scalar(item, "a code list name")
		if err != nil {
			return err
		}
		if _, ok := lists[name]; !ok {
			return l.errf(item, "rule %q: unknown code list %q (defined: %s)", r.ID, name, strings.Join(listNames(lists), ", "))
		}
		r.Lists = append(r.Lists, name)
	}
	return nil
}

// params reads the rule's parameters, checking names and types and filling
// in the defaults of the ones not given.
func (l *loader) params(n *yaml.Node, r *Rule, chk check) error {
	r.Params = defaultParams(chk)
	if n == nil {
		return nil
	}
	ps, err := l.pairs(n, "params of rule "+strconv.Quote(r.ID))
	if err != nil {
		return err
	}
	for _, p := range ps {
		i := slices.IndexFunc(chk.params, func(s paramSpec) bool { return s.name == p.key.Value })
		if i < 0 {
			return l.errf(p.key, "rule %q: unknown param %q (known: %s)", r.ID, p.key.Value, strings.Join(paramNames(chk), ", "))
		}
		v, err := l.paramValue(p.val, r.ID, chk.params[i])
		if err != nil {
			return err
		}
		r.Params[p.key.Value] = v
	}
	return nil
}

// paramValue converts a parameter node to the type its spec declares.
func (l *loader) paramValue(n *yaml.Node, id string, spec paramSpec) (any, error) {
	if n.Kind == yaml.ScalarNode {
		switch {
		case spec.typ == typeString && n.Tag == "!!str":
			return n.Value, nil
		case spec.typ == typeInt && n.Tag == "!!int":
			if v, err := strconv.Atoi(n.Value); err == nil {
				return v, nil
			}
		case spec.typ == typeBool && n.Tag == "!!bool":
			return n.Value == "true", nil
		}
	}
	return nil, l.errf(n, "rule %q: param %s must be %s, got %s", id, spec.name, typeName(spec.typ), describe(n))
}

// typeName names a parameter type for error messages.
func typeName(typ string) string {
	switch typ {
	case typeInt:
		return "an integer"
	case typeBool:
		return "true or false"
	}
	return "a string (quote numbers)"
}

// describe shows a YAML node in an error message.
func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "a " + map[yaml.Kind]string{yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}[n.Kind]
}

// defaultParams returns a fresh map of the check's parameter defaults.
func defaultParams(chk check) map[string]any {
	out := make(map[string]any, len(chk.params))
	for _, p := range chk.params {
		out[p.name] = p.def
	}
	return out
}

// paramNames returns the names of the check's parameters, sorted.
func paramNames(chk check) []string {
	m := defaultParams(chk)
	if len(m) == 0 {
		return []string{"none"}
	}
	return slices.Sorted(maps.Keys(m))
}
