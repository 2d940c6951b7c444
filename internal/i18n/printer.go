package i18n

import (
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
	return &Printer{lang: lang, p: message.NewPrinter(tag, message.Catalog(builtCatalog()))}
}

// Lang returns the Printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// T returns the message whose English text is key, in the Printer's
// language, formatted with args as fmt.Sprintf would, except that numbers
// are grouped the language's way (8.823 in Italian): pass codes, years and
// ids as strings. Call it with a literal key, so that the catalog test sees
// every message the code uses.
func (p *Printer) T(key string, args ...any) string {
	return p.p.Sprintf(key, args...)
}

// builtCatalog builds the embedded catalog once: the English text of every
// message is its key (or its text with plural choices, englishPlurals),
// the Italian text comes from the italian table.
var builtCatalog = sync.OnceValue(func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, it := range italian {
		english := en
		if text, ok := englishPlurals[en]; ok {
			english = text
		}
		if err := b.Set(language.English, en, pluralMessage(english)); err != nil {
			panic(err)
		}
		if err := b.Set(language.Italian, en, pluralMessage(it)); err != nil {
			panic(err)
		}
	}
	return b
})

// Keys returns the English text of every message in the catalog, for the
// test that matches the catalog against the code.
func Keys() []string {
	keys := make([]string, 0, len(italian))
	for k := range italian {
		keys = append(keys, k)
	}
	return keys
}
