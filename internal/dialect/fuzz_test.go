package dialect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"
)

// fuzzRow is what FuzzReader compares of one row.
type fuzzRow struct {
	Line   int
	Raw    string
	Fields []string
	// Sep and Trailing are the header's: the reader skipped a sep= line,
	// and drops the empty last field of rows with one field too many.
	Sep, Trailing bool
}

// readFields reads every record of src, header included, by position.
func readFields(src io.Reader, delim byte, fp *Fingerprint) ([]fuzzRow, error) {
	rd, err := Open(src, Schema{}, Options{Delimiter: rune(delim)}, fp)
	if err != nil {
		return nil, err
	}
	det := rd.Detected()
	rows := []fuzzRow{{Line: 0, Fields: det.Header, Sep: det.SepLine, Trailing: det.TrailingDelimiter}}
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		f := make([]string, row.NumFields())
		for j := range f {
			f[j] = row.Field(j)
		}
		rows = append(rows, fuzzRow{Line: row.Line, Raw: string(row.Raw), Fields: f})
	}
}

// refRows reads data, which is UTF-8 without a BOM, with the slow
// record scanner only: the reference the fast paths must agree with.
func refRows(data []byte, delim byte) ([]fuzzRow, bool) {
	var rows []fuzzRow
	line := 1
	for len(data) > 0 {
		rs := scanRecord(data, delim)
		if rs.open {
			return rows, false
		}
		rec := data[:rs.end]
		if len(rec) > 0 {
			vals, spans := splitQuoted(nil, nil, rec, delim)
			f := make([]string, len(spans))
			for j, s := range spans {
				f[j] = strings.Trim(string(vals[s.lo:s.hi]), " \t\u00a0")
			}
			rows = append(rows, fuzzRow{Line: line, Raw: string(rec), Fields: f})
		}
		line += rs.breaks
		if rs.eolLen > 0 {
			line++
		}
		data = data[rs.end+rs.eolLen:]
	}
	return rows, true
}

// refLineCounts counts the lines of data (BOM aside) that have non-ASCII
// bytes and are valid UTF-8, and those that are not valid UTF-8.
func refLineCounts(data []byte) (utf8Lines, other int) {
	lines := bytes.FieldsFunc(bytes.TrimPrefix(data, bom), func(r rune) bool { return r == '\r' || r == '\n' })
	for _, l := range lines {
		switch {
		case !utf8.Valid(l):
			other++
		case bytes.ContainsFunc(l, func(r rune) bool { return r >= utf8.RuneSelf }):
			utf8Lines++
		}
	}
	return utf8Lines, other
}

// layout applies to the reference rows what the reader did to the file's
// layout (see fuzzRow): a skipped first line, and trailing delimiters.
func layout(rows []fuzzRow, header fuzzRow) []fuzzRow {
	for i := range rows {
		if header.Sep {
			rows[i].Line++
		}
		f := rows[i].Fields
		if i > 0 && header.Trailing && len(f) == len(rows[0].Fields)+1 && f[len(f)-1] == "" {
			rows[i].Fields = f[:len(f)-1]
		}
	}
	if len(rows) > 0 {
		rows[0].Sep, rows[0].Trailing = header.Sep, header.Trailing
	}
	return rows
}

// splitRows is the obvious reading of data without quotes.
func splitRows(data string, delim byte) []fuzzRow {
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	var rows []fuzzRow
	for i, line := range strings.Split(data, "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, string(delim))
		for j := range f {
			f[j] = strings.Trim(f[j], " \t\u00a0")
		}
		rows = append(rows, fuzzRow{Line: i + 1, Raw: line, Fields: f})
	}
	return rows
}

func FuzzReader(f *testing.F) {
	seeds := []string{
		"a;b;c\n1;2;3\n",
		"\xEF\xBB\xBFcf,nome\r\nA,\"x,\"\"y\"\"\"\r\n",
		"a|b\r1|\"2\n3\"\r\r4|5",
		"a\tb\n\"x\r\ny\"\t2\n \"q\" \tz\n",
		"h;h\n\"unterminated;x\n",
		"h;h\nNicol\xE0;\x80\n",
		"h;h\n\"a\"b;c\n\"\";\"\"\"\"\n",
		"h\n\r\n\r\n\n",
		"sep=;\r\na;b\r\n1;2;\r\n3;\"\";\r\n",
		"h;h\nCant\xC3\xB9;x\nCant\xF9;y\n",
	}
	for i, s := range seeds {
		f.Add([]byte(s), byte(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, d byte) {
		delim := candidates[int(d)%len(candidates)]
		fp, err := Scan(bytes.NewReader(data))
		if err != nil {
			if _, errOpen := readFields(bytes.NewReader(data), delim, nil); errString(errOpen) != err.Error() {
				t.Fatalf("Scan refuses the file (%v), Open says %v", err, errOpen)
			}
			return
		}
		if u, o := refLineCounts(data); fp.UTF8Lines != u || fp.OtherLines != o {
			t.Fatalf("Scan counts %d UTF-8 and %d other lines, want %d and %d", fp.UTF8Lines, fp.OtherLines, u, o)
		}
		whole, errWhole := readFields(bytes.NewReader(data), delim, &fp)
		bytewise, errBytewise := readFields(iotest.OneByteReader(bytes.NewReader(data)), delim, &fp)
		if !reflect.DeepEqual(whole, bytewise) || errString(errWhole) != errString(errBytewise) {
			t.Fatalf("whole and byte-wise reads differ:\n%+v %v\n%+v %v", whole, errWhole, bytewise, errBytewise)
		}
		_, _ = readFields(bytes.NewReader(data), delim, nil) // must not panic either
		_, _ = readFields(bytes.NewReader(data), 0, nil)     // nor sniff badly
		text := bytes.TrimPrefix(data, bom)
		var fileErr *Error
		if !utf8.Valid(data) || errors.As(errWhole, &fileErr) && (fileErr.Line == 0 || strings.Contains(fileErr.Detail.Message, "sep= line")) {
			return // decoded text, or a file-level refusal (empty, binary, unknown delimiter)
		}
		var header fuzzRow
		if len(whole) > 0 {
			header = whole[0]
		}
		if header.Sep {
			_, size, _ := sepLine(text, true)
			text = text[size:]
		}
		want, ok := refRows(text, delim)
		want = layout(want, header)
		if !ok {
			if errWhole == nil || !strings.Contains(errWhole.Error(), "unterminated") {
				t.Fatalf("reference sees an unterminated quote, reader: %v", errWhole)
			}
			return
		}
		if errWhole != nil {
			t.Fatalf("unexpected error %v", errWhole)
		}
		whole[0].Line, whole[0].Raw = want[0].Line, want[0].Raw
		if !reflect.DeepEqual(whole, want) {
			t.Fatalf("reader and reference differ:\n got %+v\nwant %+v", whole, want)
		}
		if bytes.IndexByte(text, '"') < 0 {
			if split := layout(splitRows(string(text), delim), header); !reflect.DeepEqual(whole, split) {
				t.Fatalf("reader and strings.Split differ:\n got %+v\nwant %+v", whole, split)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-02-29", "31/12/1999", "1/2/2003", "01-02-2003", "1.2.2003",
		"2021-03-04T10:20:30Z", "2021-03-04 00:00:00", "31/02/2021", "2021-13-01", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if _, terr := time.Parse("2006-01-02", s); terr == nil && s[0] != '0' && (err != nil || got != s) {
			t.Fatalf("ParseDate(%q) = %q, %v; time.Parse accepts it", s, got, err)
		}
		if err != nil {
			return
		}
		if _, terr := time.Parse("2006-01-02", got); terr != nil || len(got) != 10 {
			t.Fatalf("ParseDate(%q) = %q, which is not a date: %v", s, got, terr)
		}
		if again, err := ParseDate(got); err != nil || again != got {
			t.Fatalf("ParseDate(%q) = %q, %v; not stable", got, again, err)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1234,56", "1.234,56", "1,234.56", "1234.56", "€ 12", "12", "-5,5", "1.234",
		"0.123", "1,2345", "", "EUR -1", "1.234.567,89"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, err := ParseAmount(s)
		if simple, ok := simpleAmount(s); ok && (err != nil || cents != simple) {
			t.Fatalf("ParseAmount(%q) = %d, %v; want %d", s, cents, err, simple)
		}
		if err != nil {
			return
		}
		abs, sign := cents, ""
		if cents < 0 {
			abs, sign = -cents, "-"
		}
		for _, format := range []string{"%s%d,%02d", "%s%d.%02d", "%s € %d,%02d"} {
			canon := fmt.Sprintf(format, sign, abs/100, abs%100)
			if again, err := ParseAmount(canon); err != nil || again != cents {
				t.Fatalf("ParseAmount(%q) = %d; ParseAmount(%q) = %d, %v", s, cents, canon, again, err)
			}
		}
	})
}

// simpleAmount parses the unambiguous form -?D{1,15}([.,]D{1,2})? on its own.
func simpleAmount(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	intPart, frac, sep := strings.Cut(strings.ReplaceAll(strings.TrimPrefix(s, "-"), ",", "."), ".")
	if !allDigits(intPart) || len(intPart) > 15 || sep && (len(frac) > 2 || !allDigits(frac)) {
		return 0, false
	}
	n, _ := strconv.ParseInt(intPart, 10, 64)
	c := int64(0)
	if frac != "" {
		c, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			c *= 10
		}
	}
	if neg {
		return -(n*100 + c), true
	}
	return n*100 + c, true
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
