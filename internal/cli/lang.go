package cli

// errorT is the Translator of the errors csi prints: f.T, except that an
// argument that is a known English text (a rejected row's reason quoted by
// an import's error, a finding) is written in the user's language too.
func (f *Factory) errorT(format string, args ...any) string {
	var out []any
	for i, a := range args {
		s, ok := a.(string)
		if !ok {
			continue
		}
		if t := f.tr.Known(s); t != s {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = t
		}
	}
	if out != nil {
		args = out
	}
	return f.tr.T(format, args...)
}
