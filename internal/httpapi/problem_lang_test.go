package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// problemRoundTrip sends err as the server does and reads it back as the client
// does.
func problemRoundTrip(t *testing.T, err error) *csi.Error {
	t.Helper()
	b, jerr := json.Marshal(problemOf(0, "req-1", err))
	if jerr != nil {
		t.Fatal(jerr)
	}
	var p Problem
	if jerr := json.Unmarshal(b, &p); jerr != nil {
		t.Fatal(jerr)
	}
	var e *csi.Error
	if !errors.As(p.Err(), &e) {
		t.Fatalf("%s: not a domain error", b)
	}
	return e
}

// TestProblemLocalizes: a problem document carries the English message and
// hint as before, plus their formats and args, so that the client shows
// them in its user's language exactly as a local run would (numbers,
// nested messages and all); the English text is unchanged.
func TestProblemLocalizes(t *testing.T) {
	it := i18n.NewPrinter(i18n.Italian)
	for _, err := range []error{
		csi.Errorf(csi.ENOTFOUND, "no Comune matches %q", "Zzz").WithHint("run 'csi comuni list' to see the names and codes"),
		csi.Errorf(csi.EINVALID, "query parameter %q given %d times", "comune", 2).WithHint("give each parameter once"),
		csi.Errorf(csi.EBADFILE, "cannot read %s: %v", "x.csv", csi.Errorf(csi.EINVALID, "the file ends unexpectedly")),
		fmt.Errorf("wrapped: %w", csi.Errorf(csi.ECONFLICT, "Ambito %s has no current referent", "Desio")),
	} {
		remote := problemRoundTrip(t, err)
		var local *csi.Error
		errors.As(err, &local)
		if remote.Code != local.Code || remote.Message != local.Message || remote.Hint != local.Hint {
			t.Errorf("remote %+v, local %+v", remote, local)
		}
		lm, lh := local.Localize(it.T)
		rm, rh := remote.Localize(it.T)
		if rm != lm || rh != lh {
			t.Errorf("remote reads %q / %q, local %q / %q", rm, rh, lm, lh)
		}
		if rm == local.Message {
			t.Errorf("%q was not translated", rm)
		}
	}
}

// TestProblemInternalHint: an internal error's hint names the request id,
// in the client's language too.
func TestProblemInternalHint(t *testing.T) {
	e := problemRoundTrip(t, errors.New("secret detail"))
	if e.Message != "internal error" || e.Hint != "report request id req-1 to the server's administrator: the server's log has it" {
		t.Errorf("got %q / %q", e.Message, e.Hint)
	}
	if _, h := e.Localize(i18n.NewPrinter(i18n.Italian).T); h != "comunicare all'amministratore del server l'id di richiesta req-1: il log del server lo riporta" {
		t.Errorf("Italian hint %q", h)
	}
}

// TestProblemMismatch: a format that does not rebuild the English text
// sent beside it (an older or foreign server, a tampered document) is
// ignored: the client shows the English text.
func TestProblemMismatch(t *testing.T) {
	for _, doc := range []string{
		`{"status":404,"code":"not_found","detail":"no Comune matches \"Zzz\"","detail_format":"no Comune matches %q","detail_args":["Other"]}`,
		`{"status":404,"code":"not_found","detail":"no Comune matches \"Zzz\"","detail_format":"no Comune matches %q","detail_args":[3]}`,
		`{"status":404,"code":"not_found","detail":"no Comune matches \"Zzz\"","detail_format":"no Comune matches %q","detail_args":[null]}`,
		`{"status":404,"code":"not_found","detail":"no Comune matches \"Zzz\"","detail_format":"no Comune matches %q"}`,
	} {
		var p Problem
		if err := json.Unmarshal([]byte(doc), &p); err != nil {
			t.Fatal(err)
		}
		var e *csi.Error
		errors.As(p.Err(), &e)
		if m, _ := e.Localize(i18n.NewPrinter(i18n.Italian).T); m != `no Comune matches "Zzz"` || e.Format != "" {
			t.Errorf("%s: reads %q (format %q)", doc, m, e.Format)
		}
	}
}
