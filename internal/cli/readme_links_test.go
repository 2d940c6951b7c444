package cli

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// headingSlug is the anchor GitHub gives a Markdown heading: lower case,
// punctuation but hyphens and underscores dropped, spaces as hyphens.
func headingSlug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestReadmeLinks fails when a link to a section of the README names no
// heading, as when an edit drops or renames the heading.
func TestReadmeLinks(t *testing.T) {
	const doc = "../../README.md"
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	seen := map[string]int{}
	inCode := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(line, "#") {
			continue
		}
		slug := headingSlug(strings.TrimSpace(strings.TrimLeft(line, "#")))
		if n := seen[slug]; n > 0 {
			anchors[slug+"-"+strconv.Itoa(n)] = true
		} else {
			anchors[slug] = true
		}
		seen[slug]++
	}
	if len(anchors) < 10 {
		t.Fatalf("%s: only %d headings found", doc, len(anchors))
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)\s]+)\)`).FindAllStringSubmatch(string(data), -1) {
		if !anchors[m[1]] {
			t.Errorf("%s: the link to #%s names no heading", doc, m[1])
		}
	}
}
