package i18n

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

// A message that counts something says "1 riga" and "2 righe": its text
// writes the noun (and whatever agrees with it) as a choice {{one|other}}
// after the count's verb, "%d {{riga scartata|righe scartate}}". The
// catalog turns each choice into a plural selection on that verb's
// argument (golang.org/x/text/feature/plural: CLDR's rules, so 0 is
// "other" in both languages). A choice that agrees with another count
// names its argument: "%d of %d {{1:file failed|files failed}}". The
// English key is the text with each choice's other form; the English text
// with its choices is in englishPlurals.

// choice matches a plural choice {{one|other}} or {{N:one|other}}.
var choice = regexp.MustCompile(`\{\{(?:(\d+):)?([^{}|%]*)\|([^{}|%]*)\}\}`)

// englishPlurals holds the English text, with its choices, of the keys
// whose English says the singular for a count of one; the key is the text
// with every choice's other form.
var englishPlurals = map[string]string{}

// mergeEnglish adds English texts with choices to englishPlurals; a key
// two tables hold panics, as for the Italian tables.
func mergeEnglish(table map[string]string) {
	for en, text := range table {
		if _, dup := englishPlurals[en]; dup {
			panic("i18n: " + en + " has two English plural texts")
		}
		englishPlurals[en] = text
	}
}

// pluralMessage returns the catalog message of text: the text itself when
// it holds no choice, else a selection on the first choice's count whose
// cases are the messages of the text with that choice made.
func pluralMessage(text string) catalog.Message {
	loc := choice.FindStringSubmatchIndex(text)
	if loc == nil {
		return catalog.String(text)
	}
	arg := choiceArg(text, loc)
	one := text[:loc[0]] + text[loc[4]:loc[5]] + text[loc[1]:]
	other := text[:loc[0]] + text[loc[6]:loc[7]] + text[loc[1]:]
	return plural.Selectf(arg, "%d", plural.One, pluralMessage(one), plural.Other, pluralMessage(other))
}

// choiceArg returns the argument number (1-based) of the count the choice
// at loc (a submatch index of choice) agrees with.
func choiceArg(text string, loc []int) int {
	if loc[2] >= 0 {
		n, _ := strconv.Atoi(text[loc[2]:loc[3]])
		return n
	}
	return countArg(text[:loc[0]])
}

// countArg returns the argument number (1-based) of the last verb of
// before, the count a choice after it agrees with; 0 when before has no
// verb, which TestCatalogPlurals rules out.
func countArg(before string) int {
	arg, next := 0, 1
	for _, m := range fmtVerb.FindAllStringSubmatch(before, -1) {
		if m[0] == "%%" {
			continue
		}
		if m[1] != "" { // an explicit index %[n]d
			next, _ = strconv.Atoi(m[1][1 : len(m[1])-1])
		}
		arg, next = next, next+1
	}
	return arg
}

// otherForms returns text with each choice replaced by its other form:
// the English key of an English text with choices.
func otherForms(text string) string { return choice.ReplaceAllString(text, "$3") }

// makeChoices returns text with each choice made for the arguments that
// fmt wrote as texts, args (for Known, whose arguments are the parts of an
// English message).
func makeChoices(text string, args []string) string {
	for {
		loc := choice.FindStringSubmatchIndex(text)
		if loc == nil {
			return text
		}
		form := text[loc[6]:loc[7]]
		if i := choiceArg(text, loc) - 1; i >= 0 && i < len(args) && strings.TrimSpace(args[i]) == "1" {
			form = text[loc[4]:loc[5]]
		}
		text = text[:loc[0]] + form + text[loc[1]:]
	}
}
