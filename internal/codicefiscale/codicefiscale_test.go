package codicefiscale

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// vectors are the test vectors of domain.md §5.
var vectors = []struct {
	p    Person
	want string
}{
	{Person{"Rossi", "Mario", 'M', date(1985, 12, 10), "A562"}, "RSSMRA85T10A562S"},
	{Person{"Bianchi", "Giulia", 'F', date(1990, 3, 5), "F704"}, "BNCGLI90C45F704G"},
	{Person{"De Luca", "Francesca", 'F', date(1975, 7, 31), "I625"}, "DLCFNC75L71I625R"},
	{Person{"Fo", "Dario", 'M', date(1926, 3, 24), "L682"}, "FOXDRA26C24L682Z"},
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestComputeVectors(t *testing.T) {
	for _, v := range vectors {
		got, err := Compute(v.p)
		if err != nil || got != v.want {
			t.Errorf("Compute(%v) = %q, %v; want %q", v.p, got, err, v.want)
		}
		if err := Validate(v.want); err != nil {
			t.Errorf("Validate(%q) = %v", v.want, err)
		}
		if c := CheckChar(v.want[:15]); c != v.want[15] {
			t.Errorf("CheckChar(%q) = %q, want %q", v.want[:15], c, v.want[15])
		}
	}
}

func TestOmocodeVector(t *testing.T) {
	const want = "RSSMRA85T10A56NH"
	if got := Omocode("RSSMRA85T10A562S", 1); got != want {
		t.Errorf("Omocode level 1 = %q, want %q", got, want)
	}
	if err := Validate(want); err != nil {
		t.Errorf("Validate(%q) = %v", want, err)
	}
	if got := Regular(want); got != "RSSMRA85T10A562S" {
		t.Errorf("Regular(%q) = %q", want, got)
	}
}

func TestDecodeVectors(t *testing.T) {
	want := []Info{
		{"RSS", "MRA", 85, 12, 10, 'M', "A562", 0},
		{"BNC", "GLI", 90, 3, 5, 'F', "F704", 0},
		{"DLC", "FNC", 75, 7, 31, 'F', "I625", 0},
		{"FOX", "DRA", 26, 3, 24, 'M', "L682", 0},
	}
	for i, v := range vectors {
		got, err := Decode(v.want)
		if err != nil || got != want[i] {
			t.Errorf("Decode(%q) = %+v, %v; want %+v", v.want, got, err, want[i])
		}
	}
}

func TestCodes(t *testing.T) {
	tests := []struct {
		in       string
		sur, nom string
	}{
		{"Rossi", "RSS", "RSS"},
		{"Fo", "FOX", "FOX"},
		{"Ng", "NGX", "NGX"},
		{"Gianfranco", "GNF", "GFR"},
		{"D'Angelo", "DNG", "DGL"},
		{"Lucà", "LCU", "LCU"},
		{"Niccolò", "NCC", "NCL"},
		{"De Luca", "DLC", "DLC"},
		{"  o'é ", "OEX", "OEX"},
		{"Ștefănescu", "STF", "SFN"},
		{"Strauß", "STR", "SRS"},
		{"Çela", "CLE", "CLE"},
		{"Ÿ", "YXX", "YXX"},
		{"ǖ", "UXX", "UXX"},
		{"王", "XXX", "XXX"},
		{"", "XXX", "XXX"},
	}
	for _, tt := range tests {
		if got := SurnameCode(tt.in); got != tt.sur {
			t.Errorf("SurnameCode(%q) = %q, want %q", tt.in, got, tt.sur)
		}
		if got := NameCode(tt.in); got != tt.nom {
			t.Errorf("NameCode(%q) = %q, want %q", tt.in, got, tt.nom)
		}
	}
}

func TestValidateInvalid(t *testing.T) {
	tests := []struct {
		cf   string
		want Reason
	}{
		{"", ReasonLength},
		{"RSSMRA85T10A562", ReasonLength},
		{"RSSMRA85T10A562SX", ReasonLength},
		{"rssmra85t10a562s", ReasonFormat},
		{"RSSMR185T10A562S", ReasonFormat}, // digit among the letters
		{"RSSMRAA5T10A562S", ReasonFormat}, // non-omocodia letter in the year
		{"RSSMRA85F10A562S", ReasonFormat}, // F is not a month letter
		{"RSSMRA85T1WA562S", ReasonFormat}, // W is not an omocodia letter
		{"RSSMRA85T10A5 2S", ReasonFormat}, // space
		{"RSSMRA85T1005620", ReasonFormat}, // place must start with a letter
		{"RSSMRA85T10A5620", ReasonFormat}, // check character must be a letter
		{"RSSMRA85T00A562S", ReasonFormat}, // day 0
		{"RSSMRA85T32A562S", ReasonFormat}, // day 32
		{"RSSMRA85T40A562S", ReasonFormat}, // day 40
		{"RSSMRA85T72A562S", ReasonFormat}, // day 72
		{"RSSMRA85TLLA562S", ReasonFormat}, // day 00 written with omocodia
		{"RSSMRA85T10A562Ä", ReasonLength}, // 17 bytes
		{"RSSMRA85T10A562T", ReasonCheck},  // wrong check character
		{"RSSMRA85T10A56NS", ReasonCheck},  // omocode with the old check character
		{"BNCGLI90C45F704H", ReasonCheck},
	}
	for _, tt := range tests {
		err := Validate(tt.cf)
		var e *Error
		if !errors.As(err, &e) || e.Reason != tt.want {
			t.Errorf("Validate(%q) = %v, want reason %v", tt.cf, err, tt.want)
			continue
		}
		if tt.cf != "" && strings.Contains(err.Error(), tt.cf) {
			t.Errorf("error message %q quotes the code", err)
		}
		if _, err := Decode(tt.cf); err == nil {
			t.Errorf("Decode(%q) succeeded", tt.cf)
		}
	}
}

func TestReasonString(t *testing.T) {
	for r, want := range map[Reason]string{
		ReasonLength: "length", ReasonFormat: "format", ReasonCheck: "check character", 9: "Reason(9)",
	} {
		if got := r.String(); got != want {
			t.Errorf("Reason(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	if got := Normalize("  rssmra85t10a562s\t"); got != "RSSMRA85T10A562S" {
		t.Errorf("Normalize = %q", got)
	}
}

func TestCheckCharBadInput(t *testing.T) {
	for _, s := range []string{"", "RSSMRA85T10A56", "RSSMRA85T10A562S", "rssmra85t10a562"} {
		if c := CheckChar(s); c != 0 {
			t.Errorf("CheckChar(%q) = %q, want 0", s, c)
		}
	}
}

func TestOmocodiaRoundTrip(t *testing.T) {
	for _, v := range vectors {
		base, _ := Decode(v.want)
		for level := 1; level <= 7; level++ {
			cf := Omocode(v.want, level)
			if err := Validate(cf); err != nil {
				t.Fatalf("Validate(Omocode(%q, %d) = %q) = %v", v.want, level, cf, err)
			}
			got, err := Decode(cf)
			want := base
			want.Omocodia = level
			if err != nil || got != want {
				t.Errorf("Decode(%q) = %+v, %v; want %+v", cf, got, err, want)
			}
			if enc, _ := Encode(want); enc != cf {
				t.Errorf("Encode(%+v) = %q, want %q", want, enc, cf)
			}
			if Regular(cf) != v.want {
				t.Errorf("Regular(%q) = %q, want %q", cf, Regular(cf), v.want)
			}
			if ms, err := Compare(cf, v.p); err != nil || len(ms) != 0 {
				t.Errorf("Compare(%q) = %v, %v; want no mismatch", cf, ms, err)
			}
		}
	}
}

func TestOmocodeLevels(t *testing.T) {
	// Expected codes from an independent implementation of domain.md §5.
	want := []string{
		"RSSMRA85T10A562S", "RSSMRA85T10A56NH", "RSSMRA85T10A5SNT", "RSSMRA85T10ARSNO",
		"RSSMRA85T1LARSNR", "RSSMRA85TMLARSNC", "RSSMRA8RTMLARSNO", "RSSMRAURTMLARSNL",
	}
	for level, w := range want {
		if got := Omocode("RSSMRA85T10A562S", level); got != w {
			t.Errorf("Omocode level %d = %q, want %q", level, got, w)
		}
		if got := Omocode(want[7], level); got != w {
			t.Errorf("Omocode(level 7 code, %d) = %q, want %q", level, got, w)
		}
	}
	if got := Omocode(want[0], 9); got != want[7] {
		t.Errorf("Omocode level 9 = %q, want %q", got, want[7])
	}
	if got := Omocode(want[3], -1); got != want[0] {
		t.Errorf("Omocode level -1 = %q, want %q", got, want[0])
	}
	if got := Omocode("SHORT", 2); got != "SHORT" {
		t.Errorf("Omocode(short) = %q", got)
	}
}

func TestBirthYear(t *testing.T) {
	ref := date(2020, 1, 1)
	tests := []struct{ yy, want int }{
		{0, 2000}, {19, 2019}, {20, 2020}, {21, 1921}, {85, 1985}, {99, 1999},
	}
	for _, tt := range tests {
		if got := (Info{YY: tt.yy}).BirthYear(ref); got != tt.want {
			t.Errorf("BirthYear(YY=%d) = %d, want %d", tt.yy, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	const cf = "BNCGLI90C45F704G"
	ok := vectors[1].p
	tests := []struct {
		name string
		p    Person
		want []Mismatch
	}{
		{"same", ok, nil},
		{"unknown", Person{}, nil},
		{"same code", with(ok, func(p *Person) { p.Surname = "Bianco" }), nil},
		{"surname", with(ok, func(p *Person) { p.Surname = "Verdi" }), []Mismatch{{FieldSurname, "VRD", "BNC"}}},
		{"name same code", with(ok, func(p *Person) { p.Name = "Giulio" }), nil},
		{"name changed", with(ok, func(p *Person) { p.Name = "Anna" }), []Mismatch{{FieldName, "NNA", "GLI"}}},
		{"birth", with(ok, func(p *Person) { p.Birth = date(1990, 3, 6) }), []Mismatch{{FieldBirth, "90C06", "90C05"}}},
		{"year", with(ok, func(p *Person) { p.Birth = date(1890, 3, 5) }), nil},
		{"sex", with(ok, func(p *Person) { p.Sex = 'M' }), []Mismatch{{FieldSex, "M", "F"}}},
		{"sex lower", with(ok, func(p *Person) { p.Sex = 'f' }), nil},
		{"place", with(ok, func(p *Person) { p.Place = "i625" }), []Mismatch{{FieldPlace, "I625", "F704"}}},
		{"all", Person{"Verdi", "Anna", 'M', date(1991, 4, 5), "Z100"}, []Mismatch{
			{FieldSurname, "VRD", "BNC"}, {FieldName, "NNA", "GLI"}, {FieldBirth, "91D05", "90C05"},
			{FieldSex, "M", "F"}, {FieldPlace, "Z100", "F704"},
		}},
	}
	for _, tt := range tests {
		for level := 0; level <= 7; level++ {
			got, err := Compare(Omocode(cf, level), tt.p)
			if err != nil || !equalMismatches(got, tt.want) {
				t.Errorf("%s, level %d: Compare = %v, %v; want %v", tt.name, level, got, err, tt.want)
			}
		}
	}
	if _, err := Compare("BNCGLI90C45F704H", ok); err == nil {
		t.Error("Compare with a bad check character succeeded")
	}
}

func with(p Person, f func(*Person)) Person {
	f(&p)
	return p
}

func equalMismatches(a, b []Mismatch) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestComputeErrors(t *testing.T) {
	ok := vectors[0].p
	for name, p := range map[string]Person{
		"surname": with(ok, func(p *Person) { p.Surname = "'- " }),
		"name":    with(ok, func(p *Person) { p.Name = "" }),
		"birth":   with(ok, func(p *Person) { p.Birth = time.Time{} }),
		"sex":     with(ok, func(p *Person) { p.Sex = 'X' }),
		"place":   with(ok, func(p *Person) { p.Place = "A56" }),
		"place2":  with(ok, func(p *Person) { p.Place = "1562" }),
	} {
		if cf, err := Compute(p); err == nil {
			t.Errorf("%s: Compute = %q, want an error", name, cf)
		} else if strings.Contains(err.Error(), ok.Surname) {
			t.Errorf("%s: error %q quotes the surname", name, err)
		}
	}
	lower := with(ok, func(p *Person) { p.Sex, p.Place = 'm', " a562 " })
	if cf, err := Compute(lower); err != nil || cf != vectors[0].want {
		t.Errorf("Compute(lower-case sex and place) = %q, %v", cf, err)
	}
}

func TestEncodeErrors(t *testing.T) {
	ok := Info{"RSS", "MRA", 85, 12, 10, 'M', "A562", 0}
	bad := []Info{
		{"RS", "MRA", 85, 12, 10, 'M', "A562", 0},
		{"RSS", "MR1", 85, 12, 10, 'M', "A562", 0},
		{"RSS", "MRA", 100, 12, 10, 'M', "A562", 0},
		{"RSS", "MRA", 85, 13, 10, 'M', "A562", 0},
		{"RSS", "MRA", 85, 12, 0, 'M', "A562", 0},
		{"RSS", "MRA", 85, 12, 10, 'X', "A562", 0},
		{"RSS", "MRA", 85, 12, 10, 'M', "A56N", 0},
		{"RSS", "MRA", 85, 12, 10, 'M', "A562", 8},
	}
	for _, i := range bad {
		if cf, err := Encode(i); err == nil {
			t.Errorf("Encode(%+v) = %q, want an error", i, cf)
		}
	}
	if cf, err := Encode(ok); err != nil || cf != "RSSMRA85T10A562S" {
		t.Errorf("Encode(%+v) = %q, %v", ok, cf, err)
	}
}

func TestValidateAllocs(t *testing.T) {
	cfs := []string{"RSSMRA85T10A562S", "RSSMRA85T10A56NH", Omocode("DLCFNC75L71I625R", 7)}
	for _, cf := range cfs {
		if n := testing.AllocsPerRun(100, func() { _ = Validate(cf) }); n != 0 {
			t.Errorf("Validate(%q) allocates %v times, want 0", cf, n)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	cfs := []string{"RSSMRA85T10A562S", "BNCGLI90C45F704G", "DLCFNC75L71I625R", "RSSMRA85T10A56NH"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := Validate(cfs[i%len(cfs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Compute(vectors[i%len(vectors)].p); err != nil {
			b.Fatal(err)
		}
	}
}
