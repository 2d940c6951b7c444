package cli

import (
	"errors"
	"regexp"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/spf13/pflag"
)

// dateFlagType is the Type of every date flag, shown in --help as the
// flag's value ("--as-of date") and looked for by the test that walks the
// command tree.
const dateFlagType = "date"

// dateValue is the pflag.Value of every date flag: it reads a date the way
// the importers read dates in files (dialect.ParseDate: YYYY-MM-DD,
// DD/MM/YYYY, DD-MM-YYYY) and stores it as YYYY-MM-DD, the form the
// services take. An empty value clears it (the command's default).
type dateValue struct{ p *string }

// Set parses s; an impossible or ambiguous date is an error that says why.
func (d dateValue) Set(s string) error {
	if s == "" {
		*d.p = ""
		return nil
	}
	iso, err := parseFlagDate(s)
	if err != nil {
		return err
	}
	*d.p = iso
	return nil
}

// String returns the date as YYYY-MM-DD (empty when not given).
func (d dateValue) String() string { return *d.p }

// Type names the value in --help.
func (d dateValue) Type() string { return dateFlagType }

// dateVar defines a date flag on fs that fills p with YYYY-MM-DD.
func dateVar(fs *pflag.FlagSet, p *string, name, usage string) {
	fs.Var(dateValue{p}, name, usage)
}

// twoDigitYear matches 30/06/24 and 30-06-24: a year of two digits is
// ambiguous (1924 or 2024?), so a flag refuses it.
var twoDigitYear = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$`)

// errAmbiguousDate is Set's error for a date whose year is not written in
// full.
var errAmbiguousDate = csi.Errorf(csi.EINVALID, "ambiguous date: write the year with four digits")

func parseFlagDate(s string) (string, error) {
	if twoDigitYear.MatchString(s) {
		return "", errAmbiguousDate
	}
	iso, err := dialect.ParseDate(s)
	if errors.Is(err, dialect.ErrEmpty) {
		return "", csi.Errorf(csi.EINVALID, "a zero date is not a date")
	}
	return iso, err
}

// dateFlagError rewrites pflag's message for a bad date flag as a usage
// error that names the flag, the value and what is wrong, with the forms
// a date may take; nil when err is not about a date flag.
func dateFlagError(err error, f *Factory) error {
	var bad *pflag.InvalidValueError
	if !errors.As(err, &bad) || bad.GetFlag() == nil || bad.GetFlag().Value.Type() != dateFlagType {
		return nil
	}
	why, _ := csi.LocalizeError(f.T, errors.Unwrap(bad))
	return csi.Errorf(csi.EINVALID, "%s", f.T("--%s %q is not a valid date: %s", bad.GetFlag().Name, bad.GetValue(), why)).
		WithHint("%s", f.T("write the date as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY, e.g. 2024-06-30 or 30/06/2024"))
}
