package dialect

import (
	"github.com/csi-mb/csi/internal/csi"
	"strings"
)

// PadISTAT returns the ISTAT Comune code s stands for. ISTAT codes have six
// digits, PPPCCC with the province first (001-111); a spreadsheet that
// read one as a number dropped its leading zeros ("015100" → 15100, "008033"
// → 8033). A code of four or five digits is padded back to six when known
// accepts the result, and is an error otherwise; any other value is
// returned trimmed, for the caller to judge.
func PadISTAT(s string, known func(string) bool) (string, error) {
	s = trim(s)
	if len(s) != 4 && len(s) != 5 || !onlyDigits(s) {
		return s, nil
	}
	padded := strings.Repeat("0", 6-len(s)) + s
	if known(padded) {
		return padded, nil
	}
	return "", csi.Errorf(csi.EINVALID, "%s has %d digits, and %s (with the leading zeros an ISTAT code has) is not a known Comune code", s, len(s), padded)
}
