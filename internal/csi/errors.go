// Package csi holds the domain of the Cartella Sociale Informatizzata toolkit:
// its types, their validation, the service interfaces that the store (and the
// remote client) implement, and the domain error codes.
package csi

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
)

// Domain error codes. They are stable: the CLI maps them to exit codes and the
// remote API to HTTP statuses.
const (
	EINVALID      = "invalid"      // the caller gave a bad value
	ENOTFOUND     = "not_found"    // the thing named does not exist
	ECONFLICT     = "conflict"     // the request contradicts the current state
	EBADFILE      = "bad_file"     // an input file cannot be used as a whole
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials lack the permission
	EUNAVAILABLE  = "unavailable"  // the store or server cannot be reached
	EUNREACHABLE  = "unreachable"  // the remote server does not answer (--remote)
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is a domain error whose Message is safe to show to users and to log:
// it never contains a codice fiscale or a person's name.
//
// Message and Hint are English: logs, the audit log and the remote API's
// problem documents carry them as they are. Format and Args (HintFormat
// and HintArgs) are what built them, so that Localize can render them in
// the user's language at print time; they are empty for an error built
// from a plain text (e.g. one a server sent without its format).
type Error struct {
	Code    string
	Message string
	Hint    string

	Format     string
	Args       []any
	HintFormat string
	HintArgs   []any
}

// Error returns the safe message.
func (e *Error) Error() string { return e.Message }

// Errorf builds a domain error with a formatted message. The format is the
// English text and the key of its translation in the i18n catalog: pass a
// literal, so that the catalog test sees it.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// WithHint returns a copy of e carrying a hint that tells the user what to
// do; like Errorf's, its format is a literal key of the catalog.
func (e *Error) WithHint(format string, args ...any) *Error {
	c := *e
	c.Hint = fmt.Sprintf(format, args...)
	c.HintFormat, c.HintArgs = format, args
	return &c
}

// WithHintFrom returns a copy of e carrying the hint of the domain error
// in err's chain (none if it has none), still localizable.
func (e *Error) WithHintFrom(err error) *Error {
	c := *e
	c.Hint, c.HintFormat, c.HintArgs = "", "", nil
	var h *Error
	if errors.As(err, &h) {
		c.Hint, c.HintFormat, c.HintArgs = h.Hint, h.HintFormat, h.HintArgs
	}
	return &c
}

// Translator renders a message: given the English format and its args it
// returns the text in some language, as i18n.Printer.T does.
type Translator func(format string, args ...any) string

// Localize returns e's message and hint rendered by t in the user's
// language. Args that are themselves domain errors are localized first, so
// that "line 3: %v" wrapping a field's error reads in one language. Parts
// built from a plain text (no format) are returned as they are.
func (e *Error) Localize(t Translator) (msg, hint string) {
	msg, hint = e.Message, e.Hint
	if e.Format != "" {
		msg = t(e.Format, localizeArgs(t, e.Args)...)
	}
	if e.HintFormat != "" {
		hint = t(e.HintFormat, localizeArgs(t, e.HintArgs)...)
	}
	return msg, hint
}

// Messages is an argument of a domain error made of several messages (the
// files a manifest lacks, each with its line), written one after the
// other, separated by "; "; Localize localizes each.
type Messages []*Error

// String joins the messages' English texts.
func (m Messages) String() string { return join(m, "; ", english) }

// List is an argument of a domain error made of several parts (the columns
// a file lacks), separated by ", "; Localize localizes each.
type List []*Error

// String joins the parts' English texts.
func (l List) String() string { return join(l, ", ", english) }

func english(e *Error) string { return e.Message }

func join(m []*Error, sep string, text func(*Error) string) string {
	var b []byte
	for i, e := range m {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, text(e)...)
	}
	return string(b)
}

// localizeArgs returns args with each domain error (and each of
// Messages) replaced by its localized message; args itself is not
// modified.
func localizeArgs(t Translator, args []any) []any {
	var out []any
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case *Error:
			if v == nil {
				continue
			}
			s, _ = v.Localize(t)
		case Messages:
			s = join(v, "; ", func(e *Error) string { m, _ := e.Localize(t); return m })
		case List:
			s = join(v, ", ", func(e *Error) string { m, _ := e.Localize(t); return m })
		case error:
			var ok bool
			if s, ok = osReason(t, v); !ok {
				continue
			}
		default:
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}

// osReason localizes the operating system's reason for a failed file
// operation when err is only that reason (as errors.Unwrap of a
// *fs.PathError is): "no such file or directory" reads "file o cartella
// inesistente" in Italian.
func osReason(T Translator, err error) (string, bool) {
	switch {
	case errors.Is(err, fs.ErrNotExist) && err.Error() == "no such file or directory":
		return T("no such file or directory"), true
	case errors.Is(err, fs.ErrPermission) && err.Error() == "permission denied":
		return T("permission denied"), true
	}
	return "", false
}

// LocalizeError renders err for a person: the localized message and hint
// of the domain error in its chain, or, for any other error, its text and
// no hint.
func LocalizeError(t Translator, err error) (msg, hint string) {
	var e *Error
	if errors.As(err, &e) {
		return e.Localize(t)
	}
	if err == nil {
		return "", ""
	}
	return err.Error(), ""
}

// ErrorCode returns the code of the domain error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrorMessage returns the safe message of a domain error, or "internal error".
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrorHint returns the hint of a domain error, if any.
func ErrorHint(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint
	}
	return ""
}
