package siuss

import "fmt"

// plainError is an internal message that a caller wraps in a domain error.
type plainError string

func (e plainError) Error() string { return string(e) }

func errorf(format string, args ...any) error { return plainError(fmt.Sprintf(format, args...)) }
