package dialect

import (
	"bytes"
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"2020-02-29", "2020-02-29", ""},
		{" 1980-01-31 ", "1980-01-31", ""},
		{"31/12/1999", "1999-12-31", ""},
		{"1/2/2003", "2003-02-01", ""},
		{"01-02-2003", "2003-02-01", ""},
		{"1.2.2003", "2003-02-01", ""},
		{"2003-2-1", "2003-02-01", ""},
		{"2021-03-04T10:20:30Z", "2021-03-04", ""},
		{"2021-03-04T10:20:30.000+01:00", "2021-03-04", ""},
		{"2021-03-04 00:00:00", "2021-03-04", ""},
		{"04/03/2021 00.00.00", "2021-03-04", ""},
		{"2000-02-29", "2000-02-29", ""},
		{"31/02/2021", "", "day 31 does not exist in February 2021 (it has 28 days)"},
		{"29/02/1900", "", "day 29 does not exist in February 1900 (it has 28 days)"},
		{"31-04-2021", "", "day 31 does not exist in April 2021 (it has 30 days)"},
		{"2021-13-01", "", "month 13 does not exist"},
		{"00/01/2021", "", "day 0 does not exist"},
		{"01/00/2021", "", "month 0 does not exist"},
		{"01/01/0000", "", "year 0000 does not exist"},
		{"01/01/21", "", errNotDate.Error()},
		{"2021/01/01", "", errNotDate.Error()},
		{"01/01-2021", "", errNotDate.Error()},
		{"20210101", "2021-01-01", ""},
		{"20240315 00:00:00", "2024-03-15", ""},
		{"15031980", "", "read as YYYYMMDD, month 19 does not exist"},
		{"20210230", "", "read as YYYYMMDD, day 30 does not exist in February 2021 (it has 28 days)"},
		{"2021010", "", errNotDate.Error()},
		{"202101011", "", errNotDate.Error()},
		{"2021-01-01x", "", errNotDate.Error()},
		{"2021-01-01T", "", errNotDate.Error()},
		{"001/01/2021", "", errNotDate.Error()},
		{"oggi", "", errNotDate.Error()},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if got != tt.want || errString(err) != tt.err {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %s", tt.in, got, err, tt.want, tt.err)
		}
	}
	for _, empty := range []string{"", "   ", "\t"} {
		if _, err := ParseDate(empty); err != ErrEmpty {
			t.Errorf("ParseDate(%q) error = %v, want ErrEmpty", empty, err)
		}
	}
	for _, zero := range []string{"00/00/0000", "0000-00-00", "00-00-0000 00:00:00", "00000000", "0.0.0000"} {
		if got, err := ParseDate(zero); got != "" || err != ErrZeroDate || !errors.Is(err, ErrEmpty) {
			t.Errorf("ParseDate(%q) = %q, %v; want ErrZeroDate, which is ErrEmpty", zero, got, err)
		}
	}
}

func TestParseDateAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseDate("2021-03-04") }); n != 0 {
		t.Errorf("canonical date: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseDate("04/03/2021") }); n > 1 {
		t.Errorf("DD/MM/YYYY: %v allocations", n)
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{"1234,56", 123456, ""},
		{"1.234,56", 123456, ""},
		{"1,234.56", 123456, ""},
		{"1234.56", 123456, ""},
		{"€ 12", 1200, ""},
		{"12 €", 1200, ""},
		{"€12,5", 1250, ""},
		{"EUR 7", 700, ""},
		{"12", 1200, ""},
		{"-5,5", -550, ""},
		{"- 5,5", -550, ""},
		{"-€ 5,50", -550, ""},
		{"€ -5,50", -550, ""},
		{"+3", 300, ""},
		{"1.234", 123400, ""},
		{"1,234", 123400, ""},
		{"12.345", 1234500, ""},
		{"1.234.567", 123456700, ""},
		{"1,234,567.8", 123456780, ""},
		{"0,5", 50, ""},
		{",5", 50, ""},
		{"0", 0, ""},
		{"0.123", 0, "more than 2 decimals"},
		{"1234.567", 0, "more than 2 decimals"},
		{"1,2345", 0, "more than 2 decimals"},
		{"1.234,567", 0, "more than 2 decimals"},
		{"12,", 0, "no digits after the decimal separator"},
		{"1.23.4", 0, "misplaced thousands separator"},
		{"1..234", 0, "misplaced thousands separator"},
		{"1234.567,8", 0, "misplaced thousands separator"},
		{".123.456", 0, "misplaced thousands separator"},
		{"1,234.567.8", 0, "decimal separator written more than once"},
		{"1.2,3", 0, "misplaced thousands separator"},
		{"12a", 0, "not an amount: unexpected character 'a'"},
		{"1€2", 0, "not an amount: unexpected character '€'"},
		{"--5", 0, "not an amount: unexpected character '-'"},
		{"€", 0, "not an amount: no digits"},
		{"-", 0, "not an amount: no digits"},
		{"12345678901234567", 0, "amount too large"},
		{"9999999999999999,99", 999999999999999999, ""},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if got != tt.want || errString(err) != tt.err {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d, %s", tt.in, got, err, tt.want, tt.err)
		}
	}
	if _, err := ParseAmount("  "); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParseAmount(blank) error = %v, want ErrEmpty", err)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseAmount("€ 1.234,56") }); n != 0 {
		t.Errorf("ParseAmount: %v allocations", n)
	}
}

// errString returns err's message, or "" for nil.
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestRejectWriter(t *testing.T) {
	var b bytes.Buffer
	rw := NewRejectWriter(&b)
	if err := rw.Write(3, "data_nascita", "day 31 does not exist in February 2021 (it has 28 days)", []byte("A;Rossi;31/02/2021")); err != nil {
		t.Fatal(err)
	}
	if err := rw.Write(7, "", "row has 2 fields, the header 4", []byte("B;\"x, \"\"y\"\"\nz\"")); err != nil {
		t.Fatal(err)
	}
	if err := rw.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "line,column,reason,raw\n" +
		"3,data_nascita,day 31 does not exist in February 2021 (it has 28 days),A;Rossi;31/02/2021\n" +
		"7,,\"row has 2 fields, the header 4\",\"B;\"\"x, \"\"\"\"y\"\"\"\"\nz\"\"\"\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	var empty bytes.Buffer
	if err := NewRejectWriter(&empty).Flush(); err != nil || empty.String() != "line,column,reason,raw\n" {
		t.Errorf("no rejects: %q, %v", empty.String(), err)
	}
}

func TestPadISTAT(t *testing.T) {
	known := func(c string) bool { return c == "015100" || c == "008033" || c == "108023" }
	tests := []struct{ in, want, err string }{
		{"108023", "108023", ""},
		{" 15100 ", "015100", ""},
		{"8033", "008033", ""},
		{"015100", "015100", ""},
		{"10823", "", "10823 has 5 digits, and 010823 (with the leading zeros an ISTAT code has) is not a known Comune code"},
		{"823", "823", ""},
		{"Desio", "Desio", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, err := PadISTAT(tt.in, known)
		if got != tt.want || errString(err) != tt.err {
			t.Errorf("PadISTAT(%q) = %q, %v; want %q, %s", tt.in, got, err, tt.want, tt.err)
		}
	}
}
