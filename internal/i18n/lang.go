// Package i18n holds the languages csi speaks: the choice of language
// (--lang, CSI_LANG, the locale), the catalog of messages in Italian and
// English embedded in the binary, and the way each language writes
// numbers, money and dates for people (JSON and CSV never use these).
package i18n

import (
	"errors"
	"strings"
)

// Lang is a language csi speaks, named by its ISO 639-1 code.
type Lang string

// The languages csi speaks; Italian is the default, the users' language.
const (
	Italian Lang = "it"
	English Lang = "en"
)

// ErrUnknown is returned by Parse for a language csi does not speak.
var ErrUnknown = errors.New("unknown language")

// Parse reads a --lang value: "it" or "en", in any case.
func Parse(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case Italian, English:
		return l, nil
	}
	return "", ErrUnknown
}

// localeVars are the environment variables that may name the language, in
// the order they are consulted: csi's own, then POSIX's.
var localeVars = []string{"CSI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}

// FromEnv returns the language the environment asks for: the first of
// CSI_LANG, LC_ALL, LC_MESSAGES and LANG whose value names Italian or
// English ("it", "en_GB.UTF-8", "it_IT@euro"); Italian when none does.
func FromEnv(getenv func(string) string) Lang {
	for _, v := range localeVars {
		if l, ok := fromLocale(getenv(v)); ok {
			return l
		}
	}
	return Italian
}

// fromLocale reads the language of a locale name such as "it_IT.UTF-8":
// the code must be the whole name or be followed by a territory, codeset
// or modifier, so that "C", "POSIX" and "english" say nothing.
func fromLocale(v string) (Lang, bool) {
	code := v
	if i := strings.IndexAny(v, "_-.@"); i >= 0 {
		code = v[:i]
	}
	l, err := Parse(code)
	return l, err == nil && strings.TrimSpace(code) == code
}
