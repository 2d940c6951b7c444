package dialect

import "fmt"

// candidates are the sniffed delimiters in order of preference.
var candidates = []byte{';', ',', '\t', '|'}

// sniffLines is how many non-empty records the sniffer looks at.
const sniffLines = 20

// ParseDelimiter returns the delimiter a user named: one of ; , | or a tab,
// also spelled "tab", "semicolon", "comma" or "pipe" ("" means sniff).
func ParseDelimiter(s string) (rune, error) {
	switch s {
	case "":
		return 0, nil
	case ";", "semicolon":
		return ';', nil
	case ",", "comma":
		return ',', nil
	case "\t", "tab", `\t`, "TAB":
		return '\t', nil
	case "|", "pipe":
		return '|', nil
	}
	return 0, fmt.Errorf("unknown delimiter %q (accepted: ';', ',', tab, '|')", s)
}

// validDelimiter reports whether d is one of the supported delimiters.
func validDelimiter(d rune) bool {
	for _, c := range candidates {
		if d == rune(c) {
			return true
		}
	}
	return false
}

// delimCounts returns the number of delimiters outside quotes in each of the
// first non-empty records of b; an unfinished last record is left out.
func delimCounts(b []byte, delim byte, atEOF bool) []int {
	var counts []int
	for len(b) > 0 && len(counts) < sniffLines {
		rs := scanRecord(b, delim)
		if rs.eolLen == 0 && !atEOF {
			break
		}
		if rs.end > 0 {
			counts = append(counts, rs.delims)
		}
		b = b[rs.end+rs.eolLen:]
	}
	return counts
}

// sniffDelimiter picks the candidate found a non-zero number of times on
// the header and that same number of times on the most records (all, in a
// well-formed file); ties go to the earlier candidate. With no evidence at
// all it returns ';'.
func sniffDelimiter(b []byte, atEOF bool) byte {
	best, bestScore := byte(';'), 0
	for _, d := range candidates {
		counts := delimCounts(b, d, atEOF)
		if len(counts) == 0 || counts[0] == 0 {
			continue
		}
		score := 0
		for _, n := range counts {
			if n == counts[0] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// sniffLineEnding names the first line break outside quotes in b; a file
// with no line break is reported as LF.
func sniffLineEnding(b []byte, delim byte) string {
	rs := scanRecord(b, delim)
	switch {
	case rs.eolLen == 2:
		return "CRLF"
	case rs.eolLen == 1 && b[rs.end] == '\r':
		return "CR"
	}
	return "LF"
}
