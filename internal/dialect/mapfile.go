package dialect

import (
	"bufio"
	"io"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// ParseMapFile reads a --map file of `canonical=header` lines; blank lines
// and lines starting with '#' are ignored, and name is used in errors.
// Keys are normalised like headers; Open checks them against the schema.
func ParseMapFile(r io.Reader, name string) (map[string]string, error) {
	m := map[string]string{}
	where := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		k, v, ok := strings.Cut(text, "=")
		k, v = NormalizeHeader(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fileErr(name, n, csi.Errorf("", "expected canonical=header, got %q", text).
				WithHint("write one mapping per line, e.g. codice_fiscale=COD. FISCALE"))
		}
		if prev, dup := where[k]; dup {
			return nil, fileErr(name, n, csi.Errorf("", "%q is already mapped on line %d", k, prev).
				WithHint("keep one mapping per column"))
		}
		m[k], where[k] = v, n
	}
	if err := sc.Err(); err != nil {
		return nil, fileErr(name, 0, csi.Errorf("", "read error: %v", err))
	}
	return m, nil
}
