package csi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// upper is a Translator that marks what it translated: the format's text
// in upper case (its verbs kept), formatted with args.
func upper(format string, args ...any) string {
	return fmt.Sprintf(verbs.ReplaceAllStringFunc(strings.ToUpper(format), strings.ToLower), args...)
}

var verbs = regexp.MustCompile(`%[A-Z]`)

// TestLocalize: Error stays the English text; Localize renders the format
// and the hint's format through the translator, nested domain errors
// first; an error built from a plain text comes back as it is.
func TestLocalize(t *testing.T) {
	inner := Errorf(EINVALID, "bad field %s", "cognome")
	e := Errorf(EBADFILE, "line %d: %v", 3, inner).WithHint("fix %s", "it")
	if got, want := e.Error(), "line 3: bad field cognome"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := e.Hint, "fix it"; got != want {
		t.Errorf("Hint = %q, want %q", got, want)
	}
	msg, hint := e.Localize(upper)
	if want := "LINE 3: BAD FIELD cognome"; msg != want {
		t.Errorf("Localize message = %q, want %q", msg, want)
	}
	if want := "FIX it"; hint != want {
		t.Errorf("Localize hint = %q, want %q", hint, want)
	}
	if inner.Args[0] != "cognome" || e.Args[1] != inner {
		t.Errorf("Localize changed the args: %#v", e.Args)
	}

	plain := &Error{Code: EINVALID, Message: "sent by a server", Hint: "as it is"}
	if msg, hint := plain.Localize(upper); msg != "sent by a server" || hint != "as it is" {
		t.Errorf("a plain error localized to %q, %q", msg, hint)
	}
}

// TestLocalizeError: the domain error in a chain is localized; any other
// error is its text, without a hint.
func TestLocalizeError(t *testing.T) {
	wrapped := fmt.Errorf("context: %w", Errorf(ENOTFOUND, "no Comune %s", "X").WithHint("list them"))
	if msg, hint := LocalizeError(upper, wrapped); msg != "NO COMUNE X" || hint != "LIST THEM" {
		t.Errorf("wrapped: %q, %q", msg, hint)
	}
	if msg, hint := LocalizeError(upper, errors.New("plain")); msg != "plain" || hint != "" {
		t.Errorf("plain: %q, %q", msg, hint)
	}
	if msg, hint := LocalizeError(upper, nil); msg != "" || hint != "" {
		t.Errorf("nil: %q, %q", msg, hint)
	}
}

// TestWithHintFrom: the hint of another domain error is carried over,
// still localizable; an error without one leaves no hint.
func TestWithHintFrom(t *testing.T) {
	src := Errorf(EINVALID, "x").WithHint("try %s", "y")
	e := Errorf(EBADFILE, "file %s", "f").WithHint("old").WithHintFrom(fmt.Errorf("w: %w", src))
	if _, hint := e.Localize(upper); e.Hint != "try y" || hint != "TRY y" {
		t.Errorf("hint %q, localized %q", e.Hint, hint)
	}
	if e := Errorf(EBADFILE, "f").WithHint("old").WithHintFrom(errors.New("plain")); e.Hint != "" || e.HintFormat != "" {
		t.Errorf("hint from a plain error: %q", e.Hint)
	}
}

// TestLocalizeOSReason: an argument that is only the system's reason for a
// failed file operation is translated; other errors are left as they are.
func TestLocalizeOSReason(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "missing.csv"))
	e := Errorf(EBADFILE, "cannot read %s: %v", "missing.csv", errors.Unwrap(err))
	if msg, _ := e.Localize(upper); msg != "CANNOT READ missing.csv: NO SUCH FILE OR DIRECTORY" {
		t.Errorf("got %q", msg)
	}
	e = Errorf(EBADFILE, "cannot read %s: %v", "missing.csv", err)
	if msg, _ := e.Localize(upper); msg != "CANNOT READ missing.csv: "+err.Error() {
		t.Errorf("a whole path error was changed: %q", msg)
	}
}
