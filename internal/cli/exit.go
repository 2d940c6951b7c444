package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
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

// printError writes the one-line message and its hint. Unexpected errors
// print "internal error" only: their text might carry personal data.
func printError(w io.Writer, err error, debug bool) {
	var ee *exitError
	var ue *usageError
	switch {
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(w, ee.msg)
		}
		return
	case errors.As(err, &ue):
		fmt.Fprintf(w, "error: %s\n", ue.err)
		if h := csi.ErrorHint(ue.err); h != "" {
			fmt.Fprintf(w, "hint: %s\n", h)
		} else {
			fmt.Fprintln(w, "hint: run the command with --help to see its usage")
		}
		return
	case isTerm(err):
		fmt.Fprintln(w, "error: terminated; nothing was changed")
		return
	case errors.Is(err, context.Canceled), errors.As(err, new(*signalCause)):
		fmt.Fprintln(w, "error: interrupted; nothing was changed")
		return
	case csi.ErrorCode(err) == csi.EINTERNAL:
		if strings.HasPrefix(err.Error(), "unknown command") {
			fmt.Fprintf(w, "error: %s\nhint: run 'csi --help' to see the commands\n", err)
			return
		}
		fmt.Fprintln(w, "error: internal error")
		if h := csi.ErrorHint(err); h != "" {
			// A remote server's internal error: the hint names its request id.
			fmt.Fprintf(w, "hint: %s\n", h)
			return
		}
		if debug {
			fmt.Fprintf(w, "debug: %v\n", err)
		} else {
			fmt.Fprintln(w, "hint: run again with CSI_DEBUG=1 to see the details (they may contain personal data)")
		}
		return
	}
	fmt.Fprintf(w, "error: %s\n", csi.ErrorMessage(err))
	if h := csi.ErrorHint(err); h != "" {
		fmt.Fprintf(w, "hint: %s\n", h)
	}
}
