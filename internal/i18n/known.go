package i18n

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// known holds the entries of the tables merged with mergeKnown: texts that
// are made in English where the language is not known (a rule's finding,
// built by fmt.Sprintf on a server, stored, sent as JSON) and translated
// where they are shown, by Known.
var known = map[string]string{}

// mergeKnown merges a table like merge and keeps its entries for Known. A
// key another table already holds must have the same Italian text.
func mergeKnown(name string, table map[string]string) {
	for en, it := range table {
		if prev, ok := italian[en]; ok && prev != it {
			panic("i18n: " + en + " is in both italian and " + name + " with different texts")
		}
		italian[en] = it
		known[en] = it
	}
}

// pattern is a known format turned into a regular expression that matches
// the texts fmt.Sprintf makes from it.
type pattern struct {
	re      *regexp.Regexp
	verbs   []string // the verbs of the English format, in order
	it      string
	literal int // characters of the format outside its verbs
}

// patterns compiles the known formats once, those with more fixed text
// first, so that "data_nascita is missing" wins over "%s is missing".
var patterns = sync.OnceValue(func() []pattern {
	var ps []pattern
	for en, it := range known {
		locs := fmtVerb.FindAllStringIndex(en, -1)
		if len(locs) == 0 {
			continue
		}
		var re strings.Builder
		var vs []string
		re.WriteString(`(?s)^`)
		lit, prev := 0, 0
		for _, l := range locs {
			v := en[l[0]:l[1]]
			text := strings.ReplaceAll(en[prev:l[0]], "%%", "%")
			re.WriteString(regexp.QuoteMeta(text))
			lit += len(text)
			prev = l[1]
			if v == "%%" {
				re.WriteString("%")
				lit++
				continue
			}
			vs = append(vs, v)
			switch v[len(v)-1] {
			case 'd':
				re.WriteString(`(-?\d+)`)
			case 'q':
				re.WriteString(`("(?:[^"\\]|\\.)*")`)
			default:
				re.WriteString(`(.*?)`)
			}
		}
		text := strings.ReplaceAll(en[prev:], "%%", "%")
		re.WriteString(regexp.QuoteMeta(text) + `$`)
		lit += len(text)
		if len(vs) == 0 || lit < minLiteral {
			continue
		}
		ps = append(ps, pattern{re: regexp.MustCompile(re.String()), verbs: vs, it: it, literal: lit})
	}
	slices.SortFunc(ps, func(a, b pattern) int {
		if a.literal != b.literal {
			return b.literal - a.literal
		}
		return strings.Compare(a.re.String(), b.re.String())
	})
	return ps
})

// minLiteral is the fixed text a format needs to be matched: "%s is %s"
// would match too much.
const minLiteral = 6

// fmtVerb matches a fmt verb with its flags, argument index, width and
// precision, or %%.
var fmtVerb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?[\d*]*(\.[\d*]*)?[a-zA-Z%]`)

// Known returns text in the Printer's language when text is a known
// English text (a rule's title or fix) or was made by fmt.Sprintf from a
// known format (a finding's message): the parts the format's verbs wrote
// are put in the Italian text's verbs, in order or by their explicit
// index; counts (%d) are grouped the language's way. Any other text is
// returned as it is, so that a ruleset of one's own still reads.
func (p *Printer) Known(text string) string {
	if p.lang == English || text == "" {
		return text
	}
	return knownText(p.lang, text)
}

// knownText is Known in a language other than English.
func knownText(lang Lang, text string) string {
	if it, ok := known[text]; ok && !fmtVerb.MatchString(text) {
		return it
	}
	for _, pt := range patterns() {
		m := pt.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		return fill(lang, pt.it, pt.verbs, m[1:])
	}
	return text
}

// fill writes the Italian format it with the texts args that the English
// verbs wrote.
func fill(lang Lang, it string, verbs, args []string) string {
	it = makeChoices(it, args)
	var b strings.Builder
	next := 0
	prev := 0
	for _, l := range fmtVerb.FindAllStringSubmatchIndex(it, -1) {
		b.WriteString(it[prev:l[0]])
		prev = l[1]
		v := it[l[0]:l[1]]
		if v == "%%" {
			b.WriteString("%")
			continue
		}
		i := next
		if l[2] >= 0 { // an explicit index %[n]s
			n, _ := strconv.Atoi(it[l[2]+1 : l[3]-1])
			i = n - 1
		}
		next = i + 1
		if i < 0 || i >= len(args) {
			b.WriteString(v)
			continue
		}
		a := args[i]
		if strings.HasSuffix(verbs[i], "s") || strings.HasSuffix(verbs[i], "v") {
			a = knownText(lang, a) // a known word ("year and month") or reason the message names
		}
		if t, err := time.Parse("2006-01-02", a); err == nil && strings.HasSuffix(verbs[i], "s") {
			a = lang.Date(t) // a date the message names: 30/06/2024 in Italian
		}
		if strings.HasSuffix(verbs[i], "d") {
			if n, err := strconv.ParseInt(a, 10, 64); err == nil {
				a = lang.Int(n)
			}
		}
		b.WriteString(a)
	}
	b.WriteString(it[prev:])
	return b.String()
}
