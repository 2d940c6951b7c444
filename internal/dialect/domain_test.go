package dialect

import (
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestDomainKeepsTextAndLocalizes checks that Domain gives, for each kind
// of location, the English text of Error with the hint, and that the
// location's words and the message both go through the translator.
func TestDomainKeepsTextAndLocalizes(t *testing.T) {
	d := csi.Errorf("", "file is empty").WithHint("export the file again: it has only blank lines")
	shout := func(format string, args ...any) string { return "<" + format + ">" }
	for _, tc := range []struct {
		e   *Error
		loc string // the format Domain must use for the location
	}{
		{fileErr("a.csv", 3, d), "%s: line %d: %v"},
		{fileErr("a.csv", 0, d), "%s: %v"},
		{fileErr("", 1, d), "line %d: %v"},
		{fileErr("", 0, d), "%v"},
		{&Error{File: "a.csv", Line: 2, Column: "nome", Detail: csi.Errorf("", "too long")}, "%s: line %d: column %q: %v"},
	} {
		got := tc.e.Domain(csi.EBADFILE)
		if got.Message != tc.e.Error() || got.Code != csi.EBADFILE {
			t.Errorf("%s: Domain says %q (%s)", tc.e.Error(), got.Message, got.Code)
		}
		if got.Hint != tc.e.Detail.Hint {
			t.Errorf("%s: hint %q, want %q", tc.e.Error(), got.Hint, tc.e.Detail.Hint)
		}
		if got.Format != tc.loc {
			t.Errorf("%s: format %q, want %q", tc.e.Error(), got.Format, tc.loc)
		}
		msg, hint := got.Localize(shout)
		if msg != "<"+tc.loc+">" {
			t.Errorf("%s: localized as %q", tc.e.Error(), msg)
		}
		if tc.e.Detail.Hint != "" && hint != "<"+tc.e.Detail.Hint+">" {
			t.Errorf("%s: hint localized as %q", tc.e.Error(), hint)
		}
	}
	// The message itself is localized inside the location.
	tr := func(format string, args ...any) string {
		if format == "file is empty" {
			return "il file è vuoto"
		}
		return csi.Errorf("", "%s", format).Message + "|" + argString(args)
	}
	msg, _ := fileErr("a.csv", 0, d).Domain(csi.EBADFILE).Localize(tr)
	if want := "%s: %v|a.csv il file è vuoto"; msg != want {
		t.Errorf("localized %q, want %q", msg, want)
	}
}

func argString(args []any) string {
	s := ""
	for i, a := range args {
		if i > 0 {
			s += " "
		}
		s += a.(string)
	}
	return s
}
