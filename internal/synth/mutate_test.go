package synth

import (
	"bytes"
	"crypto/sha256"
	"math"
	"slices"
	"strings"
	"testing"
)

// mutate runs Mutate on data.
func mutate(t *testing.T, data []byte, seed int64, changed, gone, added float64) ([]byte, Stats) {
	t.Helper()
	var out bytes.Buffer
	st, err := Mutate(bytes.NewReader(data), &out, seed, changed, gone, added)
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), st
}

func TestMutateCounts(t *testing.T) {
	data, n := province(t, 11, 0.02)
	tests := []struct{ changed, gone, added float64 }{
		{0.02, 0.005, 0.005},
		{0.2, 0.1, 0.05},
		{0, 0, 0},
		{0.5, 0.5, 0.5},
	}
	for _, tt := range tests {
		out, st := mutate(t, data, 3, tt.changed, tt.gone, tt.added)
		round := func(f float64) int { return int(math.Round(f * float64(n))) }
		if st.Read != n || st.Gone != round(tt.gone) || st.Changed != min(round(tt.changed), n-st.Gone) ||
			st.Added != round(tt.added) || st.Written != n-st.Gone+st.Added {
			t.Errorf("%+v: stats %+v for %d rows", tt, st, n)
		}
		checkDiff(t, parse(t, data), parse(t, out), st)
	}
}

// checkDiff compares input and output rows by codice fiscale against st.
func checkDiff(t *testing.T, in, out [][]string, st Stats) {
	t.Helper()
	before := map[string][]string{}
	for _, r := range in {
		before[r[0]] = r
	}
	var added, changed, relinked int
	for _, r := range out {
		old, ok := before[r[0]]
		if !ok {
			added++
			continue
		}
		delete(before, r[0])
		if !slices.Equal(old[:12], r[:12]) || old[13] != r[13] {
			changed++
		}
		if old[12] != r[12] {
			relinked++
		}
	}
	if gone := len(before); gone != st.Gone || added != st.Added || changed != st.Changed || relinked != st.Promoted {
		t.Errorf("diff: %d gone, %d added, %d changed, %d relinked; stats %+v", gone, added, changed, relinked, st)
	}
	if len(out) != st.Written {
		t.Errorf("%d rows written, stats say %d", len(out), st.Written)
	}
	checkExtract(t, out, dayOf(st.AsOf), false)
}

func TestMutateDeterminism(t *testing.T) {
	data, _ := province(t, 2, 0.01)
	a, _ := mutate(t, data, 8, 0.05, 0.02, 0.02)
	b, _ := mutate(t, data, 8, 0.05, 0.02, 0.02)
	c, _ := mutate(t, data, 9, 0.05, 0.02, 0.02)
	if sha256.Sum256(a) != sha256.Sum256(b) || sha256.Sum256(a) == sha256.Sum256(c) {
		t.Error("Mutate output does not depend on the seed alone")
	}
}

func TestMutateChain(t *testing.T) {
	data, _ := province(t, 4, 0.01)
	var prev Stats
	for i := range 3 {
		var st Stats
		data, st = mutate(t, data, int64(i), 0.03, 0.01, 0.02)
		if i > 0 && !st.AsOf.After(prev.AsOf) {
			t.Errorf("round %d dated %v, not after %v", i, st.AsOf, prev.AsOf)
		}
		prev = st
	}
	checkExtract(t, parse(t, data), dayOf(prev.AsOf), false)
}

func TestMutateSingleComune(t *testing.T) {
	var buf bytes.Buffer
	c := Comuni()[1]
	if _, err := WriteAnagrafe(&buf, c, Options{Seed: 1, Scale: 0.5}); err != nil {
		t.Fatal(err)
	}
	out, st := mutate(t, buf.Bytes(), 1, 0.1, 0.1, 0.1)
	rows := parse(t, out)
	checkDiff(t, parse(t, buf.Bytes()), rows, st)
	for _, r := range rows {
		if r[7] != c.Istat {
			t.Fatalf("row in Comune %s, want %s", r[7], c.Istat)
		}
	}
}

func TestMutateErrors(t *testing.T) {
	data, _ := province(t, 1, 0.002)
	bad := []struct {
		in                   string
		changed, gone, added float64
	}{
		{string(data), -0.1, 0, 0},
		{string(data), 0, 1.5, 0},
		{string(data), 0.6, 0.6, 0},
		{string(data), 0, 0, math.NaN()},
		{"", 0, 0, 0},
		{"a;b\n1;2\n", 0, 0, 0},
		{header + "\nshort;row\n", 0, 0, 0},
	}
	for _, tt := range bad {
		if _, err := Mutate(strings.NewReader(tt.in), &bytes.Buffer{}, 1, tt.changed, tt.gone, tt.added); err == nil {
			t.Errorf("Mutate(%.20q, %v, %v, %v) succeeded", tt.in, tt.changed, tt.gone, tt.added)
		}
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	if _, err := Mutate(bytes.NewReader(crlf), &bytes.Buffer{}, 1, 0.1, 0.1, 0.1); err != nil {
		t.Errorf("CRLF input: %v", err)
	}
}
