package i18n

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer formats the messages csi shows in one language.
type Printer struct {
	lang Lang
	p    *message.Printer
}

// NewPrinter returns the Printer of lang.
func NewPrinter(lang Lang) *Printer {
	tag := language.Italian
	if lang == English {
		tag = language.English
	}
	return &Printer{lang: lang, p: message.NewPrinter(tag, message.Catalog(theCatalog()))}
}

// Lang returns the Printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// T returns the message whose English text is key, in the Printer's
// language, formatted with args as fmt.Sprintf would, except that numbers
// are grouped the language's way (8.823 in Italian): pass codes, years and
// ids as strings. Call it with a literal key, so that the catalog test sees
// every message the code uses.
func (p *Printer) T(key string, args ...any) string {
	if len(args) == 0 {
		if text, ok := p.plain(key); ok {
			return text
		}
	}
	compile(key)
	return p.p.Sprintf(key, args...)
}

// plain returns the text of a message that needs no formatting: no verb,
// no plural choice, no catalog variable in its key nor in its Italian
// text, which the catalog would print as they are. Most of a command's
// messages are such (the help texts of the command tree, built at every
// start): they skip the catalog, whose compile of each was about 2 ms of
// every process's 17 ms start.
func (p *Printer) plain(key string) (string, bool) {
	if strings.ContainsAny(key, "%{$") {
		return "", false
	}
	if p.lang == English {
		return key, true
	}
	it, ok := italian[key]
	if !ok {
		return key, true
	}
	if strings.ContainsAny(it, "%{$") {
		return "", false
	}
	return it, true
}

// theCatalog holds the messages compiled so far. A message is compiled
// (both languages, with its plural selections) the first time T asks for
// it, not all at start: compiling the whole catalog took about 10 ms of
// CPU and a garbage collection in every process, a third of what a
// command that does little (a no-op import, --version) costs, paid 55
// times by a round of the province's imports; a command shows a few
// dozen of the catalog's messages.
var theCatalog = sync.OnceValue(func() *catalog.Builder {
	return catalog.NewBuilder(catalog.Fallback(language.English))
})

// compiled records the keys compile has handled.
var compiled sync.Map

// compile adds key's message to the catalog, once; a key with no Italian
// text is left out, and is printed as it is.
func compile(key string) {
	if _, done := compiled.Load(key); done {
		return
	}
	if it, ok := italian[key]; ok {
		setMessage(theCatalog(), key, it)
	}
	compiled.Store(key, struct{}{})
}

// setMessage sets key's English text (the key, or its text with plural
// choices, englishPlurals) and its Italian text it.
func setMessage(b *catalog.Builder, key, it string) {
	english := key
	if text, ok := englishPlurals[key]; ok {
		english = text
	}
	if err := b.Set(language.English, key, pluralMessage(english)); err != nil {
		panic(err)
	}
	if err := b.Set(language.Italian, key, pluralMessage(it)); err != nil {
		panic(err)
	}
}

// Keys returns the English text of every message in the catalog, for the
// test that matches the catalog against the code.
func Keys() []string {
	keys := make([]string, 0, len(italian))
	for k := range italian {
		keys = append(keys, k)
	}
	return keys
}
