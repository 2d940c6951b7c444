package i18n

import (
	"testing"
	"time"
)

func TestNumbersAndDates(t *testing.T) {
	june30 := time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		got    func(Lang) string
		it, en string
	}{
		{"count", func(l Lang) string { return l.Int(8823) }, "8.823", "8,823"},
		{"small count", func(l Lang) string { return l.Int(823) }, "823", "823"},
		{"zero", func(l Lang) string { return l.Int(0) }, "0", "0"},
		{"million", func(l Lang) string { return l.Int(1234567) }, "1.234.567", "1,234,567"},
		{"negative count", func(l Lang) string { return l.Int(-24932) }, "-24.932", "-24,932"},
		{"percent", func(l Lang) string { return l.Percent(1.01, 2) }, "1,01%", "1.01%"},
		{"percent rounded", func(l Lang) string { return l.Percent(12.345, 1) }, "12,3%", "12.3%"},
		{"whole percent", func(l Lang) string { return l.Percent(100, 0) }, "100%", "100%"},
		{"decimal", func(l Lang) string { return l.Decimal(1234.5, 1) }, "1.234,5", "1,234.5"},
		{"no minus zero", func(l Lang) string { return l.Decimal(-0.001, 2) }, "0,00", "0.00"},
		{"negative decimal", func(l Lang) string { return l.Decimal(-1234.5, 2) }, "-1.234,50", "-1,234.50"},
		{"money", func(l Lang) string { return l.Money(3664420851) }, "€ 36.644.208,51", "€36,644,208.51"},
		{"money cents", func(l Lang) string { return l.Money(5) }, "€ 0,05", "€0.05"},
		{"negative money", func(l Lang) string { return l.Money(-123456) }, "-€ 1.234,56", "-€1,234.56"},
		{"date", func(l Lang) string { return l.Date(june30) }, "30/06/2024", "2024-06-30"},
	} {
		if got := tc.got(Italian); got != tc.it {
			t.Errorf("%s in Italian: got %q, want %q", tc.name, got, tc.it)
		}
		if got := tc.got(English); got != tc.en {
			t.Errorf("%s in English: got %q, want %q", tc.name, got, tc.en)
		}
	}
}
