package dialect

import (
	"sort"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// binding is the result of matching a header against a schema.
type binding struct {
	cols    []int             // canonical index -> field index, -1 when absent
	columns map[string]string // canonical name -> header as written
	unknown []string
}

// binder matches one header against one schema.
type binder struct {
	schema Schema
	header []string
	file   string
	line   int // the header's line in the file
}

// errorOn returns an *Error located on the header line.
func (bd binder) errorOn(d *csi.Error) error { return fileErr(bd.file, bd.line, d) }

// bind matches the header fields to the schema's canonical columns.
// Explicit --map entries win over names and aliases.
func (bd binder) bind(m map[string]string) (binding, error) {
	schema, header := bd.schema, bd.header
	b := binding{cols: make([]int, len(schema.Columns)), columns: map[string]string{}}
	for i := range b.cols {
		b.cols[i] = -1
	}
	mapped, err := resolveMap(m, schema, bd.file)
	if err != nil {
		return b, err
	}
	names := aliasIndex(schema, mapped)
	for j, h := range header {
		n := NormalizeHeader(h)
		c, ok := mapped[n]
		if !ok {
			c, ok = names[n]
		}
		if !ok {
			if h != "" {
				b.unknown = append(b.unknown, h)
			}
			continue
		}
		if prev := b.cols[c]; prev >= 0 {
			name := schema.Columns[c].Name
			return b, bd.errorOn(csi.Errorf("", "columns %q and %q both match %q", header[prev], h, name).
				WithHint("remove one, or choose one with --map %s=HEADER", name))
		}
		b.cols[c] = j
		b.columns[schema.Columns[c].Name] = h
	}
	if err := bd.checkMapped(b, mapped); err != nil {
		return b, err
	}
	return b, bd.checkRequired(b)
}

// resolveMap validates the --map keys and returns normalised header -> canonical index.
func resolveMap(m map[string]string, schema Schema, file string) (map[string]int, error) {
	mapped := map[string]int{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic error messages
	for _, k := range keys {
		c := schema.Index(NormalizeHeader(k))
		if c < 0 {
			d := csi.Errorf("", "--map: %q is not a column of %s files (valid: %s)", k, schema.Kind, strings.Join(schema.names(), ", "))
			if schema.Kind == "" {
				d = csi.Errorf("", "--map: %q is not a column of these files (valid: %s)", k, strings.Join(schema.names(), ", "))
			}
			e := fileErr(file, 0, d.WithHint("the name left of '=' must be one of the valid names"))
			e.Usage = true
			return nil, e
		}
		h := NormalizeHeader(m[k])
		if h == "" {
			return nil, fileErr(file, 0, csi.Errorf("", "--map %s: empty header name", k).
				WithHint("write --map %s=HEADER with the header as it appears in the file", k))
		}
		if prev, dup := mapped[h]; dup {
			return nil, fileErr(file, 0, csi.Errorf("", "--map: %q and %q are both mapped to the header %q",
				schema.Columns[prev].Name, schema.Columns[c].Name, m[k]).WithHint("map each header to one column"))
		}
		mapped[h] = c
	}
	return mapped, nil
}

// aliasIndex returns normalised name or alias -> canonical index for the
// columns that --map does not set.
func aliasIndex(schema Schema, mapped map[string]int) map[string]int {
	skip := map[int]bool{}
	for _, c := range mapped {
		skip[c] = true
	}
	names := map[string]int{}
	for i, col := range schema.Columns {
		if skip[i] {
			continue
		}
		names[NormalizeHeader(col.Name)] = i
		for _, a := range col.Aliases {
			if _, taken := names[NormalizeHeader(a)]; !taken {
				names[NormalizeHeader(a)] = i
			}
		}
	}
	return names
}

// checkMapped fails when a --map entry names a header the file does not have.
func (bd binder) checkMapped(b binding, mapped map[string]int) error {
	var missing []string
	for _, c := range mapped {
		if b.cols[c] < 0 {
			missing = append(missing, bd.schema.Columns[c].Name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return bd.errorOn(csi.Errorf("", "--map %s: the header has no such column", missing[0]).
		WithHint("columns in the file: %s", strings.Join(bd.header, ", ")))
}

// checkRequired fails naming every required column the header lacks.
func (bd binder) checkRequired(b binding) error {
	var parts csi.List
	first := ""
	for i, col := range bd.schema.Columns {
		if !col.Required || b.cols[i] >= 0 {
			continue
		}
		if first == "" {
			first = col.Name
		}
		looked := append([]string{col.Name}, col.Aliases...)
		parts = append(parts, csi.Errorf("", "%q (looked for: %s)", col.Name, strings.Join(looked, ", ")))
	}
	if len(parts) == 0 {
		return nil
	}
	single := len(bd.header) == 1 // the wrong delimiter, most likely
	var d *csi.Error
	switch {
	case len(parts) == 1 && single:
		d = csi.Errorf("", "missing required column %v", parts[0]).
			WithHint("add the column, or map it with --map %s=YOUR_HEADER; the header has a single column: check the delimiter (--delimiter)", first)
	case len(parts) == 1:
		d = csi.Errorf("", "missing required column %v", parts[0]).
			WithHint("add the column, or map it with --map %s=YOUR_HEADER", first)
	case single:
		d = csi.Errorf("", "missing required columns %v", parts).
			WithHint("add the columns, or map them with --map (e.g. --map %s=YOUR_HEADER); the header has a single column: check the delimiter (--delimiter)", first)
	default:
		d = csi.Errorf("", "missing required columns %v", parts).
			WithHint("add the columns, or map them with --map (e.g. --map %s=YOUR_HEADER)", first)
	}
	return bd.errorOn(d)
}
