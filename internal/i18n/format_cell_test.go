package i18n

import "testing"

// TestCell checks the one conversion of a machine cell into each
// language's form, and that what is not of its kind passes unchanged.
func TestCell(t *testing.T) {
	for _, tc := range []struct {
		kind   Kind
		raw    string
		it, en string
	}{
		{Count, "8823", "8.823", "8,823"},
		{Count, "870193", "870.193", "870,193"},
		{Count, "-24932", "-24.932", "-24,932"},
		{Count, "<5", "<5", "<5"},
		{Count, "c", "c", "c"},
		{Count, "", "", ""},
		{Number, "1234.5", "1.234,5", "1,234.5"},
		{Number, "12", "12", "12"},
		{Number, "1e5", "1e5", "1e5"},
		{Percent, "1.01", "1,01%", "1.01%"},
		{Percent, "101.39", "101,39%", "101.39%"},
		{Percent, "100.00", "100,00%", "100.00%"},
		{Money, "36644208.51", "€ 36.644.208,51", "€36,644,208.51"},
		{Money, "12.5", "€ 12,50", "€12.50"},
		{Money, "-7", "-€ 7,00", "-€7.00"},
		{Money, "1.234", "1.234", "1.234"},
		{Date, "2024-06-30", "30/06/2024", "2024-06-30"},
		{Date, "2024-02-30", "2024-02-30", "2024-02-30"},
		{Time, "2024-06-30T10:00:00Z", "30/06/2024 10:00 UTC", "2024-06-30T10:00:00Z"},
		{Time, "2024-06-30T12:00:00+02:00", "30/06/2024 12:00 +02:00", "2024-06-30T12:00:00+02:00"},
		{Text, "108033", "108033", "108033"},
		{Text, "2020", "2020", "2020"},
	} {
		if got := Italian.Cell(tc.kind, tc.raw); got != tc.it {
			t.Errorf("Italian.Cell(%d, %q) = %q, want %q", tc.kind, tc.raw, got, tc.it)
		}
		if got := English.Cell(tc.kind, tc.raw); got != tc.en {
			t.Errorf("English.Cell(%d, %q) = %q, want %q", tc.kind, tc.raw, got, tc.en)
		}
	}
}

func TestNumeric(t *testing.T) {
	for k, want := range map[Kind]bool{Text: false, Count: true, Number: true, Percent: true, Money: true, Date: false, Time: false} {
		if k.Numeric() != want {
			t.Errorf("Kind %d: Numeric() = %v, want %v", k, !want, want)
		}
	}
}
