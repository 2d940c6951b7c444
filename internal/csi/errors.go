// Package csi holds the domain of the Cartella Sociale Informatizzata toolkit:
// its types, their validation, the service interfaces that the store (and the
// remote client) implement, and the domain error codes.
package csi

import (
	"errors"
	"fmt"
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
type Error struct {
	Code    string
	Message string
	Hint    string
}

// Error returns the safe message.
func (e *Error) Error() string { return e.Message }

// Errorf builds a domain error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithHint returns a copy of e carrying a hint that tells the user what to do.
func (e *Error) WithHint(format string, args ...any) *Error {
	c := *e
	c.Hint = fmt.Sprintf(format, args...)
	return &c
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
