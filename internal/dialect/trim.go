package dialect

// nbsp is U+00A0 in UTF-8, which spreadsheets leave around values.
const nbsp = "\u00a0"

// trim removes surrounding spaces, tabs and no-break spaces without allocating.
func trim[T string | []byte](s T) T {
	if n := len(s); n == 0 || s[0] > ' ' && s[0] != nbsp[0] && s[n-1] > ' ' && s[n-1] != nbsp[1] {
		return s // the common case, kept small enough to be inlined
	}
	return trimLeft(s)
}

// trimLeft removes leading spaces, tabs and no-break spaces, then trailing ones.
func trimLeft[T string | []byte](s T) T {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '\t':
			s = s[1:]
		case len(s) > 1 && s[0] == nbsp[0] && s[1] == nbsp[1]:
			s = s[2:]
		default:
			return trimRight(s)
		}
	}
	return s
}

// trimRight removes trailing spaces, tabs and no-break spaces.
func trimRight[T string | []byte](s T) T {
	for n := len(s); n > 0; n = len(s) {
		switch {
		case s[n-1] == ' ' || s[n-1] == '\t':
			s = s[:n-1]
		case n > 1 && s[n-2] == nbsp[0] && s[n-1] == nbsp[1]:
			s = s[:n-2]
		default:
			return s
		}
	}
	return s
}
