package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/csi-mb/csi/internal/csi"
)

// Exit codes of csi (spec §3); `csi help exit-codes` documents them.
const (
	ExitOK           = 0
	ExitError        = 1
	ExitUsage        = 2
	ExitValidation   = 3
	ExitRejected     = 4
	ExitAuth         = 5
	ExitUnreachable  = 6
	exitInterruptSig = 130
	exitTerminateSig = 143
)

// signalCause is the cause of the context cancelled by a signal.
type signalCause struct{ sig os.Signal }

func (c *signalCause) Error() string { return "signal: " + c.sig.String() }

// withSignalCause turns a cancellation by a signal into that signal's
// cause, so that exitCode and printError name it.
func withSignalCause(ctx context.Context, err error) error {
	var sc *signalCause
	if err != nil && errors.Is(err, context.Canceled) && errors.As(context.Cause(ctx), &sc) {
		return sc
	}
	return err
}

// ExitError is returned by a command that has already reported its outcome
// and only needs to set the exit code (e.g. rows rejected).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError marks a mistake in how the command was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// isTerm reports whether err is a cancellation by SIGTERM.
func isTerm(err error) bool {
	var sc *signalCause
	return errors.As(err, &sc) && sc.sig == syscall.SIGTERM
}

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	var ee *exitError
	var ue *usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		return ExitUsage
	case isTerm(err):
		return exitTerminateSig
	case errors.Is(err, context.Canceled), errors.As(err, new(*signalCause)):
		return exitInterruptSig
	}
	switch csi.ErrorCode(err) {
	case csi.EINVALID:
		return ExitUsage
	case csi.EUNAUTHORIZED, csi.EFORBIDDEN:
		return ExitAuth
	case csi.EUNREACHABLE:
		return ExitUnreachable
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		return ExitUsage
	}
	return ExitError
}

// printError writes the one-line message and its hint on stderr, in f's
// language. Unexpected errors print "internal error" only: their text might
// carry personal data; CSI_DEBUG shows it.
func (f *Factory) printError(err error) {
	w := f.IO.ErrOut
	errorLine := func(msg string) { fmt.Fprintln(w, f.T("error: %s", msg)) }
	hintLine := func(hint string) { fmt.Fprintln(w, f.T("hint: %s", hint)) }
	var ee *exitError
	var ue *usageError
	switch {
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(w, ee.msg)
		}
	case errors.As(err, &ue):
		msg, h := csi.LocalizeError(f.errorT, ue.err)
		errorLine(msg)
		if h != "" {
			hintLine(h)
		} else {
			hintLine(f.T("run the command with --help to see its usage"))
		}
	case isTerm(err):
		errorLine(f.T("terminated; nothing was changed"))
	case errors.Is(err, context.Canceled), errors.As(err, new(*signalCause)):
		errorLine(f.T("interrupted; nothing was changed"))
	case csi.ErrorCode(err) == csi.EINTERNAL:
		f.printInternal(err, errorLine, hintLine)
	default:
		msg, h := csi.LocalizeError(f.errorT, err)
		errorLine(msg)
		if h != "" {
			hintLine(h)
		}
	}
}

// printInternal reports an error without a domain code: cobra's unknown
// command, a remote server's internal error (its hint names the request
// id), or a fault whose detail only CSI_DEBUG shows.
func (f *Factory) printInternal(err error, errorLine, hintLine func(string)) {
	if strings.HasPrefix(err.Error(), "unknown command") {
		errorLine(err.Error())
		hintLine(f.T("run 'csi --help' to see the commands"))
		return
	}
	errorLine(f.T("internal error"))
	switch _, h := csi.LocalizeError(f.errorT, err); {
	case h != "":
		hintLine(h)
	case f.Getenv("CSI_DEBUG") != "":
		fmt.Fprintf(f.IO.ErrOut, "debug: %v\n", err)
	default:
		hintLine(f.T("run again with CSI_DEBUG=1 to see the details (they may contain personal data)"))
	}
}
