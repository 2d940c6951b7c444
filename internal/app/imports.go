package app

import (
	"io"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
)

// fingerprint reads the file once for its SHA-256 and encoding evidence.
func fingerprint(src csi.Source) (*dialect.Fingerprint, error) {
	rc, err := src.Open()
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	fp, err := dialect.Scan(rc)
	if de, ok := err.(*dialect.Error); ok {
		de.File = src.Name
		return nil, badFile(de) // not text: refused on its first block
	}
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s: %v", src.Name, err).WithHint("check the file")
	}
	return &fp, nil
}

// reportDialect fills a no-op's summary with the file's dialect and
// columns (those of fields the file has), field by field as an import
// reports them; only the header is read. Registry and records imports share it.
func reportDialect(src csi.Source, o csi.ImportOptions, fp *dialect.Fingerprint, schema dialect.Schema, fields []string,
	sum *csi.ImportSummary) error {
	rc, err := src.Open()
	if err != nil {
		return csi.Errorf(csi.EBADFILE, "cannot read %s", src.Name).WithHint("check the file name and its permissions")
	}
	defer rc.Close()
	r, err := dialect.Open(rc, schema, dialectOptions(src.Name, o), fp)
	if err != nil {
		return badFile(err)
	}
	fillDialect(sum, r.Detected(), fields)
	return nil
}

// dialectOptions are the dialect options of an import request.
func dialectOptions(name string, o csi.ImportOptions) dialect.Options {
	opts := dialect.Options{File: name, Encoding: o.Encoding, Map: o.Map}
	if o.Delimiter != "" {
		d, _ := dialect.ParseDelimiter(o.Delimiter)
		opts.Delimiter = d
	}
	return opts
}

// fillDialect reports the file's dialect in sum, and the columns of fields
// (in that order) it recognised.
func fillDialect(sum *csi.ImportSummary, d dialect.Detected, fields []string) {
	sum.Encoding, sum.Delimiter, sum.LineEnding, sum.BOM = d.Encoding, d.DelimiterName(), d.LineEnding, d.BOM
	sum.Fallback, sum.FallbackLines = d.Fallback, d.FallbackLines
	for _, name := range fields {
		if _, ok := d.Columns[name]; ok {
			sum.Columns = append(sum.Columns, name)
		}
	}
	if d.Unknown != nil {
		sum.UnknownColumns = d.Unknown
	}
}

// badFile turns a dialect error into a domain error keeping its hint.
func badFile(err error) error {
	if de, ok := err.(*dialect.Error); ok {
		code := csi.EBADFILE
		if de.Usage {
			code = csi.EINVALID // exit 2: the option is wrong, not the file
		}
		return de.Domain(code)
	}
	if err == io.ErrUnexpectedEOF {
		return csi.Errorf(csi.EBADFILE, "the file ends unexpectedly").WithHint("check that the export finished")
	}
	return err
}
