package anagrafe

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// errDati reports a malformed Dati value.
var errDati = errors.New("malformed registry values")

// DecodeDati reads a Dati array (as written by Encode) back into the
// values in DatiCols order. It accepts exactly what Encode writes: an array
// of strings with \", \\, \n and \u00XX escapes.
func DecodeDati(s string) ([len(datiOrder)]string, error) {
	var out [len(datiOrder)]string
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return out, errDati
	}
	i := 1
	for n := range out {
		if n > 0 {
			if i >= len(s) || s[i] != ',' {
				return out, errDati
			}
			i++
		}
		v, next, err := decodeString(s, i)
		if err != nil {
			return out, err
		}
		out[n], i = v, next
	}
	if i != len(s)-1 {
		return out, errDati
	}
	return out, nil
}

// datiOrder fixes the array length at compile time.
var datiOrder = [16]int{}

func decodeString(s string, i int) (string, int, error) {
	if i >= len(s) || s[i] != '"' {
		return "", 0, errDati
	}
	i++
	start := i
	for i < len(s) && s[i] != '"' && s[i] != '\\' {
		i++
	}
	if i < len(s) && s[i] == '"' {
		return s[start:i], i + 1, nil
	}
	buf := []byte(s[start:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			return string(buf), i + 1, nil
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return "", 0, errDati
		}
		switch s[i+1] {
		case 'n':
			buf, i = append(buf, '\n'), i+2
		case '"', '\\', '/':
			buf, i = append(buf, s[i+1]), i+2
		case 'u':
			if i+6 > len(s) {
				return "", 0, errDati
			}
			r, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if err != nil {
				return "", 0, errDati
			}
			buf, i = utf8.AppendRune(buf, rune(r)), i+6
		default:
			return "", 0, errDati
		}
	}
	return "", 0, errDati
}
