package codicefiscale

import (
	"testing"
	"time"
)

func FuzzValidate(f *testing.F) {
	for _, v := range vectors {
		f.Add(v.want)
		f.Add(Omocode(v.want, 7))
	}
	f.Add("RSSMRA85T10A562")
	f.Add("RSSMRA85TLLA562S")
	f.Add("rssmra85t10a562s")
	f.Fuzz(func(t *testing.T, s string) {
		err := Validate(s)
		_ = CheckChar(s)
		_ = Omocode(s, len(s)%9)
		info, derr := Decode(s)
		if (err == nil) != (derr == nil) {
			t.Fatalf("Validate = %v but Decode = %v", err, derr)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Validate returned %T, want *Error", err)
			}
			return
		}
		if c := CheckChar(s[:15]); c != s[15] {
			t.Fatalf("CheckChar = %q, want %q", c, s[15])
		}
		// Validate accepts omocodia letters in any allowed position, while
		// Encode substitutes from the right, so compare regular forms.
		enc, err := Encode(info)
		if err != nil || Regular(enc) != Regular(s) || Omocode(s, info.Omocodia) != enc {
			t.Fatalf("Encode(Decode(%q)) = %q, %v", s, enc, err)
		}
		if reg := Regular(s); Validate(reg) != nil {
			t.Fatalf("Regular(%q) = %q does not validate", s, reg)
		}
	})
}

func FuzzComputeRoundTrip(f *testing.F) {
	for _, v := range vectors {
		f.Add(v.p.Surname, v.p.Name, v.p.Sex == 'F', v.p.Birth.Unix(), v.p.Place, uint8(0))
	}
	f.Add("D'Angelo", "Niccolò", false, int64(-2e9), "Z100", uint8(3))
	f.Fuzz(func(t *testing.T, surname, name string, female bool, unix int64, place string, level uint8) {
		p := Person{Surname: surname, Name: name, Sex: 'M', Birth: time.Unix(unix, 0).UTC(), Place: place}
		if female {
			p.Sex = 'F'
		}
		cf, err := Compute(p)
		if err != nil {
			return
		}
		if err := Validate(cf); err != nil {
			t.Fatalf("Compute(%+v) = %q does not validate: %v", p, cf, err)
		}
		omo := Omocode(cf, int(level%8))
		info, err := Decode(omo)
		if err != nil || info.Omocodia != int(level%8) || info.Sex != p.Sex {
			t.Fatalf("Decode(%q) = %+v, %v", omo, info, err)
		}
		if y, m, d := p.Birth.Date(); info.Day != d || info.Month != int(m) || info.YY != (y%100+100)%100 {
			t.Fatalf("Decode(%q) date = %+v, want %v", omo, info, p.Birth)
		}
		if ms, err := Compare(omo, p); err != nil || len(ms) != 0 {
			t.Fatalf("Compare(%q, %+v) = %v, %v", omo, p, ms, err)
		}
	})
}
