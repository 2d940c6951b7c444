package synth

import (
	"time"
)

// day is a calendar date counted in days since 1970-01-01; it keeps the
// generator free of time.Time arithmetic in its inner loop.
type day int32

// daysPerYear is the mean length of a Gregorian year.
const daysPerYear = 365.2425

// dayOf returns the calendar date of t.
func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return fromCivil(y, int(m), d)
}

// fromCivil converts a proleptic Gregorian date to a day number
// (H. Hinnant's days_from_civil algorithm).
func fromCivil(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// civil converts a day number back to year, month and day.
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// time returns the date as a UTC midnight time.
func (d day) time() time.Time {
	y, m, dd := d.civil()
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// years returns the whole number of years from d to later (an age).
func (d day) years(later day) int {
	y1, m1, d1 := d.civil()
	y2, m2, d2 := later.civil()
	n := y2 - y1
	if m2 < m1 || (m2 == m1 && d2 < d1) {
		n--
	}
	return n
}

// addYears returns d moved by n years, approximately (in mean days).
func (d day) addYears(n float64) day {
	return d + day(n*daysPerYear)
}

// floorDiv divides rounding towards negative infinity.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// appendDay appends d as YYYY-MM-DD.
func appendDay(b []byte, d day) []byte {
	y, m, dd := d.civil()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+dd/10), byte('0'+dd%10))
}

// parseDay parses YYYY-MM-DD.
func parseDay(s string) (day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return fromCivil(y, m, d), true
}

// atoi parses a short run of ASCII digits.
func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}
